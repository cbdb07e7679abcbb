import type { ActivityEntry } from '../model/activity.js';
import type { Message } from '../model/message.js';
import type { Notification } from '../model/notification.js';
import type { Task } from '../model/task.js';
import type { Workspace } from '../model/workspace.js';
import { DayClock } from './clock.js';
import { type GeneratorContext, instant, minuteOf, PLAN_DAYS, SETUP_DAYS } from './context.js';
import { linkDependencies } from './generate-dependencies.js';
import { idCounter, writeHistory } from './generate-history.js';
import { assignmentNotifications, type MessageSinks, writeMessages } from './generate-messages.js';
import { generatePeople } from './generate-people.js';
import { generateProjects } from './generate-projects.js';
import { planTasks } from './generate-tasks.js';
import type { GeneratedWorkspace, GenerateOptions } from './options.js';
import { createRng } from './random.js';
import type { TaskDraft } from './task-draft.js';

/** Default "today": about five months into the plan, so there is history, work in flight and a future. */
const DEFAULT_TODAY_OFFSET = 140;

/** Different streams for different concerns: more messages must not change the tasks. */
const STREAM_STRUCTURE = 0x1f2e3d4c;
const STREAM_HISTORY = 0x5a6b7c8d;
const STREAM_MESSAGES = 0x13579bdf;

function count(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`generateWorkspace: ${name} must be an integer >= ${minimum}, got ${value}.`);
  }
  return value;
}

function dayOffset(clock: DayClock, start: string, date: string): number {
  const offset = Math.round((Date.parse(`${date}T00:00:00.000Z`) - Date.parse(`${start}T00:00:00.000Z`)) / 86_400_000);
  if (Number.isNaN(offset)) throw new RangeError(`generateWorkspace: today must be a YYYY-MM-DD date, got "${date}".`);
  // Round-trips through the clock so a malformed but parseable date is refused too.
  if (clock.date(offset) !== date) throw new RangeError(`generateWorkspace: today must be a YYYY-MM-DD date, got "${date}".`);
  return offset;
}

function toTask(context: GeneratorContext, draft: TaskDraft, createdMinute: number, updatedMinute: number, version: number): Task {
  const { clock } = context;
  return {
    id: draft.id,
    version,
    createdAt: instant(context, createdMinute),
    updatedAt: instant(context, updatedMinute),
    projectId: draft.plan.project.id,
    ...(draft.parent === undefined ? {} : { parentId: draft.parent.id }),
    title: draft.title,
    ...(draft.description === undefined ? {} : { description: draft.description }),
    status: draft.status,
    rank: draft.rank,
    assigneeIds: draft.assigneeIds,
    resourceIds: [],
    followerIds: draft.followerIds,
    priority: draft.priority,
    tags: draft.tags,
    start: clock.date(draft.start),
    due: clock.date(draft.due),
    ...(draft.estimate === undefined ? {} : { estimate: draft.estimate }),
    progress: draft.progress,
    ...(draft.milestone ? { milestone: true } : {}),
    dependencies: draft.dependencies,
    checklist: draft.checklist,
    documents: draft.documents,
    createdBy: draft.createdBy,
    // The history's last step is the latest status change (or the creation when there was none).
    statusChangedAt: instant(context, updatedMinute),
  };
}

/**
 * A realistic, valid workspace for demos, stories, tests and benchmarks: people with roles and groups,
 * projects with a workflow, a three-level task hierarchy with dates over a year, dependencies (never a
 * cycle), chat with mentions, notifications and an activity log that replays to today's statuses.
 *
 * Deterministic: the same options give byte-identical output (a seeded generator, and timestamps
 * derived from `start`, never from the clock). Epics, parent tasks and milestones carry no estimate,
 * and about 8 % of the other tasks have none either, on purpose: real plans have gaps.
 */
export function generateWorkspace(options: GenerateOptions = {}): GeneratedWorkspace {
  const projectCount = count('projects', options.projects ?? 3, 1);
  const peopleCount = count('people', options.people ?? 12, 1);
  const taskCount = count('tasks', options.tasks ?? 300, 0);
  const messagesPerTask = count('messagesPerTask', options.messagesPerTask ?? 3, 0);
  const seed = options.seed ?? 1;
  const start = options.start ?? '2026-01-05';
  const workspaceId = options.workspaceId ?? 'acme';
  const clock = new DayClock(start);
  const today = options.today === undefined ? DEFAULT_TODAY_OFFSET : dayOffset(clock, start, options.today);
  const setupDay = Math.min(0, today) - SETUP_DAYS;
  const base = { clock, workspaceId, today, lastMinute: minuteOf(today, 18), setupDay };
  const structure: GeneratorContext = { ...base, rng: createRng(seed ^ STREAM_STRUCTURE) };
  const history: GeneratorContext = { ...base, rng: createRng(seed ^ STREAM_HISTORY) };
  const chat: GeneratorContext = { ...base, rng: createRng(seed ^ STREAM_MESSAGES) };

  const year = Number(start.slice(0, 4));
  const workspace: Workspace = {
    id: workspaceId,
    name: workspaceId.charAt(0).toUpperCase() + workspaceId.slice(1),
    calendar: {
      workingDays: [1, 2, 3, 4, 5],
      hoursPerDay: 8,
      holidays: [`${year}-12-25`, `${year}-12-26`, `${year + 1}-01-01`],
    },
  };
  const people = generatePeople(structure, peopleCount);
  const plans = generateProjects(structure, projectCount, people);
  const drafts = planTasks(structure, plans, taskCount);
  for (const plan of plans) {
    linkDependencies(structure, drafts.filter((draft) => draft.plan === plan));
  }

  const peopleById = new Map(people.map((person) => [person.id, person]));
  const activity: ActivityEntry[] = [];
  const activityIds = idCounter('a');
  const sinks: MessageSinks = {
    messageIds: idCounter('m'),
    notificationIds: idCounter('n'),
    messages: [] as Message[],
    notifications: [] as Notification[],
  };
  const createdMinutes = new Map<TaskDraft, number>();
  const tasks: Task[] = [];
  const setupMinute = minuteOf(setupDay, 9);
  for (const draft of drafts) {
    const parentCreated = draft.parent === undefined ? setupMinute : (createdMinutes.get(draft.parent) ?? setupMinute);
    const { createdMinute, updatedMinute, version } = writeHistory(history, draft, parentCreated, activityIds, activity);
    createdMinutes.set(draft, createdMinute);
    tasks.push(toTask(history, draft, createdMinute, updatedMinute, version));
    assignmentNotifications(history, draft, createdMinute, sinks);
    writeMessages(chat, draft, createdMinute, messagesPerTask, peopleById, sinks);
  }

  return {
    workspace,
    people,
    projects: plans.map((plan) => plan.project),
    tasks,
    messages: sinks.messages,
    notifications: sinks.notifications,
    activity,
  };
}

/** Number of days the generated plan spans from `start` (task dates fall on days 0 ... PLAN_DAYS - 1). */
export const GENERATED_PLAN_DAYS = PLAN_DAYS;
