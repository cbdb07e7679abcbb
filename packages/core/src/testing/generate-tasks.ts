import type { Id } from '../model/common.js';
import type { Priority } from '../model/task.js';
import { spreadRanks } from '../workflow/rank.js';
import { type GeneratorContext, PLAN_DAYS, type ProjectPlan } from './context.js';
import { slug } from './generate-people.js';
import type { TaskDraft } from './task-draft.js';
import {
  CHECKLIST_ITEMS,
  DESCRIPTIONS,
  DOCUMENT_KINDS,
  EPIC_GOALS,
  EPIC_THEMES,
  SUBTASK_STEPS,
  TAGS,
  TASK_OBJECTS,
  TASK_VERBS,
} from './vocabulary.js';

/** One epic per this many tasks of a project. */
const TASKS_PER_EPIC = 25;
const ESTIMATES: readonly number[] = [2, 4, 6, 8, 12, 16, 24, 32];
const PRIORITY_WEIGHTS: readonly (readonly [Priority, number])[] = [
  ['none', 10],
  ['low', 25],
  ['medium', 40],
  ['high', 20],
  ['urgent', 5],
];

/** Picks by weight; weights need not add up to anything in particular. */
export function weighted<T>(context: GeneratorContext, options: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, weight] of options) total += weight;
  let roll = context.rng.next() * total;
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (options[options.length - 1] as readonly [T, number])[0];
}

/**
 * Start and due day inside [from, to], both on working days, at least `minLength` days apart when
 * the window allows. The window must be at least three days wide so it holds a working day.
 */
function planDates(context: GeneratorContext, from: number, to: number, minLength: number, maxLength: number): [number, number] {
  const { rng, clock } = context;
  const rawStart = rng.int(from, Math.max(from, to - minLength));
  const rawDue = Math.min(to, rawStart + rng.int(minLength, Math.max(minLength, maxLength)));
  let start = clock.workingDayOnOrAfter(rawStart);
  if (start > to) start = clock.workingDayOnOrBefore(to);
  let due = clock.workingDayOnOrBefore(rawDue);
  if (due < start) due = start;
  return [start, due];
}

/**
 * Status of a task nobody splits further, from where its dates sit relative to today: long past is
 * done, recently due is mostly done or late, around today is in flight, the near future is planned.
 */
function leafStatus(context: GeneratorContext, start: number, due: number): string {
  const { rng, today } = context;
  if (due < today - 14) return rng.chance(0.93) ? 'done' : rng.chance(0.5) ? 'review' : 'in-progress';
  if (due < today - 2) return weighted(context, [['done', 50], ['review', 20], ['in-progress', 30]]);
  if (start <= today) return weighted(context, [['in-progress', 60], ['review', 25], ['todo', 15]]);
  if (start <= today + 14) return weighted(context, [['todo', 50], ['in-progress', 20], ['backlog', 30]]);
  if (start <= today + 45) return rng.chance(0.6) ? 'todo' : 'backlog';
  return rng.chance(0.2) ? 'todo' : 'backlog';
}

function leafProgress(context: GeneratorContext, status: string): number {
  switch (status) {
    case 'done':
      return 100;
    case 'review':
      return context.rng.int(16, 19) * 5;
    case 'in-progress':
      return context.rng.int(1, 7) * 10;
    default:
      return 0;
  }
}

/** A parent's status follows its children: all done is done, any started is in progress. */
function parentStatus(children: readonly TaskDraft[]): string {
  if (children.every((child) => child.status === 'done')) return 'done';
  if (children.some((child) => child.status !== 'todo' && child.status !== 'backlog')) return 'in-progress';
  if (children.every((child) => child.status === 'backlog')) return 'backlog';
  return 'todo';
}

/** Hours a draft weighs in its parent's progress; tasks without an estimate count as a day. */
function weightOf(draft: TaskDraft): number {
  if (draft.children.length === 0) return draft.estimate ?? 8;
  let total = 0;
  for (const child of draft.children) total += weightOf(child);
  return total;
}

function parentProgress(draft: TaskDraft): number {
  if (draft.status === 'done') return 100;
  let weight = 0;
  let done = 0;
  for (const child of draft.children) {
    const childWeight = weightOf(child);
    weight += childWeight;
    done += childWeight * child.progress;
  }
  // A parent that is not done never shows 100 %, whatever the rounding says.
  return weight === 0 ? 0 : Math.min(99, Math.round(done / weight));
}

class TaskFactory {
  private count = 0;

  constructor(private readonly context: GeneratorContext, private readonly drafts: TaskDraft[]) {}

  create(plan: ProjectPlan, parent: TaskDraft | undefined, title: string, milestone = false): TaskDraft {
    const { rng } = this.context;
    const index = this.count++;
    const level = parent === undefined ? 1 : parent.level === 1 ? 2 : 3;
    const owner = plan.project.ownerId ?? (plan.assignable[0] as Id);
    const draft: TaskDraft = {
      index,
      id: `t-${index + 1}`,
      plan,
      parent,
      level,
      children: [],
      title,
      milestone,
      start: 0,
      due: 0,
      status: 'todo',
      progress: 0,
      estimate: undefined,
      assigneeIds: [],
      followerIds: [],
      createdBy: owner,
      priority: weighted(this.context, PRIORITY_WEIGHTS),
      tags: [],
      description: undefined,
      checklist: [],
      documents: [],
      dependencies: [],
      rank: '',
    };
    if (level === 1 || milestone) {
      draft.assigneeIds = [owner];
    } else {
      const roll = rng.next();
      const people = roll < 0.05 ? 0 : roll < 0.2 ? 2 : 1;
      draft.assigneeIds = rng.sample(plan.assignable, people);
      if (level === 3 || rng.chance(0.4)) draft.createdBy = draft.assigneeIds[0] ?? owner;
      else draft.createdBy = rng.pick(plan.managers.length > 0 ? plan.managers : [owner]);
    }
    if (rng.chance(0.2)) {
      const follower = rng.pick(plan.managers.length > 0 ? plan.managers : [owner]);
      if (!draft.assigneeIds.includes(follower)) draft.followerIds = [follower];
    }
    if (level === 1) draft.tags = [rng.pick(TAGS)];
    else if (level === 2) draft.tags = rng.sample(TAGS, rng.int(0, 2));
    else draft.tags = parent?.tags.slice(0, 1) ?? [];
    if (level === 1 || rng.chance(0.3)) draft.description = rng.pick(DESCRIPTIONS);
    if (level === 1 || rng.chance(0.15)) {
      const [label, type] = rng.pick(DOCUMENT_KINDS);
      draft.documents = [
        {
          id: `${draft.id}-d1`,
          name: `${label}: ${title}`,
          url: `https://docs.example.com/${slug(this.context.workspaceId)}/${draft.id}/${slug(label)}`,
          type,
        },
      ];
    }
    if (parent !== undefined) parent.children.push(draft);
    this.drafts.push(draft);
    return draft;
  }

  /** Dates, status, progress and estimate of a draft without children. */
  finishLeaf(draft: TaskDraft, start: number, due: number): void {
    const { rng } = this.context;
    draft.start = start;
    draft.due = due;
    draft.status = leafStatus(this.context, start, due);
    draft.progress = leafProgress(this.context, draft.status);
    if (!draft.milestone && rng.chance(0.92)) draft.estimate = rng.pick(ESTIMATES);
    if (!draft.milestone && rng.chance(0.35)) {
      const items = rng.sample(CHECKLIST_ITEMS, rng.int(2, 4));
      const doneCount = Math.round((items.length * draft.progress) / 100);
      draft.checklist = items.map((text, position) => ({ id: `${draft.id}-c${position + 1}`, text, done: position < doneCount }));
    }
  }

  /** Dates are the envelope of the children; status and progress follow from them. */
  finishParent(draft: TaskDraft): void {
    let start = Number.POSITIVE_INFINITY;
    let due = Number.NEGATIVE_INFINITY;
    for (const child of draft.children) {
      start = Math.min(start, child.start);
      due = Math.max(due, child.due);
    }
    draft.start = start;
    draft.due = due;
    draft.status = parentStatus(draft.children);
    draft.progress = parentProgress(draft);
  }
}

function shareOf(total: number, parts: number, part: number): number {
  return Math.floor(total / parts) + (part < total % parts ? 1 : 0);
}

/** Epics, tasks and subtasks of one project, depth first, `count` in all. */
function planProject(context: GeneratorContext, factory: TaskFactory, plan: ProjectPlan, count: number): void {
  const { rng, clock } = context;
  if (count === 0) return;
  const epics = Math.max(1, Math.round(count / TASKS_PER_EPIC));
  const childBudget = count - epics;
  for (let epicIndex = 0; epicIndex < epics; epicIndex++) {
    const span = rng.int(45, 120);
    // Epics are staggered over the year so the plan has work in every month.
    const from = Math.min(PLAN_DAYS - 1 - span, Math.floor((epicIndex / epics) * (PLAN_DAYS - 60)) + rng.int(0, 14));
    const to = from + span;
    const epic = factory.create(plan, undefined, `${rng.pick(EPIC_THEMES)} ${rng.pick(EPIC_GOALS)}`);
    let left = shareOf(childBudget, epics, epicIndex);
    const milestone = left >= 4;
    if (milestone) left -= 1;
    while (left > 0) {
      const subtasks = Math.min(left - 1, rng.pick([0, 0, 1, 2, 3]));
      left -= 1 + subtasks;
      const object = rng.pick(TASK_OBJECTS);
      const task = factory.create(plan, epic, `${rng.pick(TASK_VERBS)} ${object}`);
      if (subtasks === 0) {
        const [start, due] = planDates(context, from, to, 2, 20);
        factory.finishLeaf(task, start, due);
        continue;
      }
      const windowStart = rng.int(from, to - 10);
      const windowEnd = Math.min(to, windowStart + rng.int(8, 30));
      for (let step = 0; step < subtasks; step++) {
        const subtask = factory.create(plan, task, `${rng.pick(SUBTASK_STEPS)} ${object}`);
        const [start, due] = planDates(context, windowStart, windowEnd, 1, 8);
        factory.finishLeaf(subtask, start, due);
      }
      factory.finishParent(task);
    }
    if (milestone) {
      const marker = factory.create(plan, epic, `${epic.title}: sign-off`, true);
      let lastDue = 0;
      for (const child of epic.children) if (child !== marker) lastDue = Math.max(lastDue, child.due);
      const day = clock.workingDayOnOrBefore(Math.min(PLAN_DAYS - 1, lastDue + rng.int(1, 4)));
      factory.finishLeaf(marker, day, day);
    }
    if (epic.children.length === 0) {
      const [start, due] = planDates(context, from, to, 10, 40);
      factory.finishLeaf(epic, start, due);
    } else {
      factory.finishParent(epic);
    }
  }
}

/** Gives every task a rank (core's fractional ranks) that sorts it within its column, in generation order. */
function assignRanks(drafts: readonly TaskDraft[]): void {
  const columns = new Map<string, TaskDraft[]>();
  for (const draft of drafts) {
    const key = `${draft.plan.project.id}\u0000${draft.status}`;
    let column = columns.get(key);
    if (column === undefined) columns.set(key, (column = []));
    column.push(draft);
  }
  for (const column of columns.values()) {
    const ranks = spreadRanks(column.length);
    column.forEach((draft, position) => (draft.rank = ranks[position] as string));
  }
}

/** All task drafts of all projects, in id order, with dates, statuses and ranks. */
export function planTasks(context: GeneratorContext, plans: readonly ProjectPlan[], total: number): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  const factory = new TaskFactory(context, drafts);
  plans.forEach((plan, index) => planProject(context, factory, plan, shareOf(total, plans.length, index)));
  assignRanks(drafts);
  return drafts;
}
