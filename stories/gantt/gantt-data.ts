// Data for the Gantt stories: a small hand-built product launch that reads like a real plan (phases,
// milestones, every dependency type, lag, a task nobody has dated yet), and a generated 5,000-task plan
// for the scale story. Both are pinned to fixed dates, so the stories look the same on any day and the
// element gets `today` from here instead of the clock.
import { addDays, taskDefaults, type Dependency, type DependencyType, type Id, type IsoDate, type Person, type Project, type Role, type Task } from '@cwm/core';
import { generateWorkspace, type GeneratedWorkspace } from '@cwm/core/testing';

/** The "today" of the launch plan: the build phase is under way, launch is four weeks out. */
export const LAUNCH_TODAY: IsoDate = '2026-03-16';

/** The launch plan's only project. */
export const LAUNCH_PROJECT: Id = 'p-launch';

/** Day 0 of the launch plan (a Monday); task dates below are offsets from it. */
const PLAN_START: IsoDate = addDays(LAUNCH_TODAY, -28);

/** When the plan was set up: a fixed instant keeps the entities (and so the stories) identical on every load. */
const CREATED_AT = `${addDays(PLAN_START, -7)}T09:00:00.000Z`;

const meta = { version: 1, createdAt: CREATED_AT, updatedAt: CREATED_AT } as const;

/** The team: Ana runs the plan (the acting person in most stories), Eva only reads it. */
const TEAM: readonly (readonly [id: Id, name: string, role: Role])[] = [
  ['u-ana', 'Ana Ruiz', 'manager'],
  ['u-ben', 'Ben Okafor', 'member'],
  ['u-chloe', 'Chloé Martin', 'member'],
  ['u-dev', 'Dev Patel', 'member'],
  ['u-eva', 'Eva Schmidt', 'viewer'],
];

/** The person the editable stories act as. */
export const LAUNCH_MANAGER: Id = 'u-ana';

/** The person the read-only story acts as: the policy lets a viewer look, never change. */
export const LAUNCH_VIEWER: Id = 'u-eva';

function person([id, name, role]: (typeof TEAM)[number]): Person {
  return { id, ...meta, name, email: `${id.slice(2)}@launch.example`, kind: 'person', role, group: 'Launch team', capacity: 40 };
}

const project: Project = {
  id: LAUNCH_PROJECT,
  ...meta,
  name: 'Product launch',
  key: 'LCH',
  description: 'Everything between the first customer interview and the day the old website goes dark.',
  ownerId: LAUNCH_MANAGER,
  memberIds: TEAM.map(([id]) => id),
  workflow: {
    statuses: [
      { id: 'todo', name: 'To do', category: 'todo' },
      { id: 'in-progress', name: 'In progress', category: 'active' },
      { id: 'done', name: 'Done', category: 'done' },
    ],
    wipPolicy: 'warn',
  },
};

/** One row of the plan, written compactly: dates as day offsets from `PLAN_START`, links as tuples. */
interface PlanLine {
  readonly id: Id;
  readonly title: string;
  readonly parent?: Id;
  /** First and last day (inclusive) as offsets; absent for summaries (they roll up) and unscheduled work. */
  readonly days?: readonly [start: number, due: number];
  readonly milestone?: true;
  readonly progress?: number;
  readonly assignees?: readonly Id[];
  readonly after?: readonly (readonly [predecessor: Id, type: DependencyType, lag: number])[];
  readonly description?: string;
}

/**
 * The launch, phase by phase. The dates satisfy every dependency, and one chain has no slack at all
 * (interviews -> sign-off -> API -> web app -> integration testing -> launch day -> old site retired):
 * that is the critical path the stories highlight. Everything else has a few days to spare.
 */
const PLAN: readonly PlanLine[] = [
  { id: 't-discovery', title: 'Discovery' },
  { id: 't-interviews', parent: 't-discovery', title: 'Customer interviews', days: [0, 9], progress: 100, assignees: ['u-ana', 'u-chloe'] },
  {
    id: 't-market',
    parent: 't-discovery',
    title: 'Market analysis',
    days: [2, 8],
    progress: 100,
    assignees: ['u-chloe'],
    after: [['t-interviews', 'SS', 2]],
  },
  {
    id: 't-signoff',
    parent: 't-discovery',
    title: 'Requirements signed off',
    days: [10, 10],
    milestone: true,
    progress: 100,
    assignees: ['u-ana'],
    after: [
      ['t-interviews', 'FS', 1],
      ['t-market', 'FS', 0],
    ],
  },

  { id: 't-build', title: 'Build' },
  {
    id: 't-api',
    parent: 't-build',
    title: 'API and data model',
    days: [11, 30],
    progress: 80,
    assignees: ['u-ben'],
    after: [['t-signoff', 'FS', 0]],
    description: 'Accounts, orders and the public API the apps are built on.',
  },
  { id: 't-web', parent: 't-build', title: 'Web app', days: [16, 37], progress: 45, assignees: ['u-dev'], after: [['t-api', 'SS', 5]] },
  { id: 't-mobile', parent: 't-build', title: 'Mobile app', days: [19, 35], progress: 40, assignees: ['u-dev', 'u-ben'], after: [['t-api', 'SS', 8]] },
  {
    id: 't-testing',
    parent: 't-build',
    title: 'Integration testing',
    days: [31, 40],
    assignees: ['u-ben'],
    after: [['t-web', 'FF', 3]],
    description: 'Ends three days after the web app does: the last fixes need testing too.',
  },

  { id: 't-market-launch', title: 'Go to market' },
  { id: 't-site', parent: 't-market-launch', title: 'Marketing site' },
  { id: 't-copy', parent: 't-site', title: 'Write site copy', days: [25, 31], progress: 30, assignees: ['u-chloe'], after: [['t-web', 'SS', 9]] },
  { id: 't-design', parent: 't-site', title: 'Design pages', days: [27, 33], progress: 20, assignees: ['u-dev'], after: [['t-copy', 'SS', 2]] },
  { id: 't-pages', parent: 't-site', title: 'Build pages', days: [32, 38], assignees: ['u-dev'], after: [['t-design', 'FF', 5]] },
  { id: 't-press', parent: 't-market-launch', title: 'Press kit', days: [33, 38], assignees: ['u-chloe'], after: [['t-pages', 'FF', 0]] },
  { id: 't-handbook', parent: 't-market-launch', title: 'Support handbook', days: [34, 41], assignees: ['u-ana'], after: [['t-api', 'FS', 3]] },
  {
    id: 't-launch',
    parent: 't-market-launch',
    title: 'Launch day',
    days: [42, 42],
    milestone: true,
    assignees: ['u-ana'],
    after: [
      ['t-testing', 'FS', 2],
      ['t-press', 'FS', 0],
    ],
  },
  {
    id: 't-retire',
    parent: 't-market-launch',
    title: 'Retire the old website',
    days: [38, 42],
    assignees: ['u-ben'],
    // Start-to-finish: the old site may not go dark before launch day has begun.
    after: [['t-launch', 'SF', 0]],
  },
  {
    id: 't-retro',
    parent: 't-market-launch',
    title: 'Launch retrospective',
    assignees: ['u-ana'],
    description: 'Not scheduled yet: the grid flags it, the timeline has no bar for it.',
  },
];

function statusOf(line: PlanLine): string {
  const progress = line.progress ?? 0;
  return progress >= 100 ? 'done' : progress > 0 ? 'in-progress' : 'todo';
}

function toTask(line: PlanLine, position: number): Task {
  const dependencies: Dependency[] = (line.after ?? []).map(([predecessorId, type, lag]) => ({ predecessorId, type, lag }));
  const task: Task = {
    id: line.id,
    ...meta,
    ...taskDefaults(),
    projectId: LAUNCH_PROJECT,
    title: line.title,
    status: statusOf(line),
    // Plan order is sibling order: a fixed-width rank sorts the same as the list.
    rank: `a${String(position).padStart(3, '0')}`,
    assigneeIds: line.assignees ?? [],
    progress: line.progress ?? 0,
    dependencies,
    createdBy: LAUNCH_MANAGER,
    ...(line.parent === undefined ? {} : { parentId: line.parent }),
    ...(line.description === undefined ? {} : { description: line.description }),
    ...(line.days === undefined ? {} : { start: addDays(PLAN_START, line.days[0]), due: addDays(PLAN_START, line.days[1]) }),
    ...(line.milestone ? { milestone: true } : {}),
  };
  return task;
}

/** The launch plan as a workspace the memory adapter can be seeded with (no chat, no history). */
export function launchWorkspace(): GeneratedWorkspace {
  return {
    workspace: {
      id: 'storybook-launch',
      name: 'Launch',
      calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] },
    },
    people: TEAM.map(person),
    projects: [project],
    tasks: PLAN.map(toTask),
    messages: [],
    notifications: [],
    activity: [],
  };
}

/** First day of the generated plan; the big story pins it so the data never moves. */
const GENERATED_START: IsoDate = '2026-01-05';

/** The generated plan's "today": the generator's default, five months in (work done, in flight and ahead). */
export const GENERATED_TODAY: IsoDate = addDays(GENERATED_START, 140);

/**
 * 5,000 tasks in one project (epics, tasks, subtasks; about one dependency per two tasks, so some
 * 2,500 links), without chat: the Gantt never reads it and generating it would only slow the story.
 */
export function fiveThousandTasks(): GeneratedWorkspace {
  return generateWorkspace({
    workspaceId: 'storybook-gantt-5k',
    projects: 1,
    people: 12,
    tasks: 5_000,
    messagesPerTask: 0,
    start: GENERATED_START,
    today: GENERATED_TODAY,
  });
}
