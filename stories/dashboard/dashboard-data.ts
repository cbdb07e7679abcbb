// Data for the dashboard stories: a small hand-made portfolio of three projects (plus one with no tasks
// yet) whose numbers can be checked by eye, with an activity log so the burndown has a shape, and a
// generated 10,000-task workspace for the scale story. Everything is pinned to `PORTFOLIO_TODAY`, so the
// stories look the same on any day: the element gets `today` from here instead of the clock.
import type { WorkspaceData } from '@cwm/adapters';
import { addDays, taskDefaults, type ActivityEntry, type Id, type IsoDate, type Person, type Project, type Role, type Task, type Workflow } from '@cwm/core';
import { generateWorkspace, type GeneratedWorkspace } from '@cwm/core/testing';

/** The portfolio's "today": a Monday in the middle of all three projects. */
export const PORTFOLIO_TODAY: IsoDate = '2026-03-16';

/** The three projects with work in them, in the order the portfolio lists them. */
export const PORTFOLIO_PROJECTS: readonly Id[] = ['p-web', 'p-app', 'p-dc'];

/** A project that exists but has no tasks yet: the empty state. */
export const EMPTY_PROJECT: Id = 'p-office';

/** The person the stories act as (a manager; the dashboard only reads, so any role would do). */
export const PORTFOLIO_VIEWER: Id = 'u-ana';

/** Everything was set up six weeks before today; a fixed instant keeps the entities identical on every load. */
const CREATED_AT = `${addDays(PORTFOLIO_TODAY, -42)}T09:00:00.000Z`;
const meta = { version: 1, createdAt: CREATED_AT, updatedAt: CREATED_AT } as const;

const TEAM: readonly (readonly [id: Id, name: string, role: Role])[] = [
  ['u-ana', 'Ana Ruiz', 'manager'],
  ['u-ben', 'Ben Okafor', 'member'],
  ['u-chloe', 'Chloé Martin', 'member'],
  ['u-dev', 'Dev Patel', 'member'],
  ['u-eva', 'Eva Schmidt', 'member'],
  ['u-farid', 'Farid Haddad', 'member'],
];

function person([id, name, role]: (typeof TEAM)[number]): Person {
  return { id, ...meta, name, email: `${id.slice(2)}@portfolio.example`, kind: 'person', role, group: 'Delivery', capacity: 40 };
}

const WORKFLOW: Workflow = {
  statuses: [
    { id: 'todo', name: 'To do', category: 'todo' },
    { id: 'in-progress', name: 'In progress', category: 'active' },
    { id: 'review', name: 'Review', category: 'active' },
    { id: 'done', name: 'Done', category: 'done' },
  ],
  wipPolicy: 'warn',
};

function project(id: Id, name: string, key: string): Project {
  return { id, ...meta, name, key, ownerId: 'u-ana', memberIds: TEAM.map(([personId]) => personId), workflow: WORKFLOW };
}

/** One task, compactly: dates as day offsets from today, the day it was finished (for the log) if done. */
interface Line {
  readonly id: Id;
  readonly project: Id;
  readonly title: string;
  readonly status: 'todo' | 'in-progress' | 'review' | 'done';
  readonly assignees?: readonly Id[];
  /** First and last day as offsets from today; absent = not scheduled (an unplanned task). */
  readonly days?: readonly [start: number, due: number];
  /** Hours; absent = not estimated (an unplanned task). */
  readonly estimate?: number;
  /** Offset from today of the day the task moved to done (done tasks only). */
  readonly doneOn?: number;
  /** Offset from today of the day the task was created, when that was inside the burndown range. */
  readonly createdOn?: number;
  /** Predecessors (finish-to-start): a task whose predecessor is still open is blocked. */
  readonly after?: readonly Id[];
  /** Checklist: items done out of items in all. */
  readonly checklist?: readonly [done: number, total: number];
}

/**
 * The portfolio, by hand. Website relaunch: on track but two tasks overdue and one blocked. Mobile app:
 * behind (three overdue, one blocked by an overdue API task, one unassigned). Data centre move: mostly
 * done, one task never planned (no dates) and one never estimated.
 */
const LINES: readonly Line[] = [
  // Website relaunch
  { id: 'w-1', project: 'p-web', title: 'Content inventory', status: 'done', assignees: ['u-chloe'], days: [-30, -24], estimate: 16, doneOn: -25 },
  { id: 'w-2', project: 'p-web', title: 'Information architecture', status: 'done', assignees: ['u-chloe', 'u-ana'], days: [-23, -16], estimate: 24, doneOn: -15 },
  { id: 'w-3', project: 'p-web', title: 'Visual design', status: 'done', assignees: ['u-dev'], days: [-20, -8], estimate: 40, doneOn: -9, checklist: [4, 4] },
  { id: 'w-4', project: 'p-web', title: 'Page templates', status: 'in-progress', assignees: ['u-dev'], days: [-7, 4], estimate: 48, checklist: [3, 6] },
  { id: 'w-5', project: 'p-web', title: 'Migrate blog posts', status: 'in-progress', assignees: ['u-eva'], days: [-10, -3], estimate: 20 },
  { id: 'w-6', project: 'p-web', title: 'Cookie banner and consent log', status: 'review', assignees: ['u-ben'], days: [-6, -1], estimate: 12 },
  { id: 'w-7', project: 'p-web', title: 'Search', status: 'todo', assignees: ['u-ben'], days: [5, 12], estimate: 24, after: ['w-4'] },
  { id: 'w-8', project: 'p-web', title: 'Go live', status: 'todo', assignees: ['u-ana'], days: [18, 18], estimate: 4, after: ['w-7'], createdOn: -12 },
  { id: 'w-9', project: 'p-web', title: 'Accessibility audit', status: 'todo', assignees: ['u-farid'], days: [1, 5], estimate: 16, checklist: [0, 5], createdOn: -5 },
  // Mobile app 2.0
  { id: 'a-1', project: 'p-app', title: 'Login with passkeys', status: 'done', assignees: ['u-ben'], days: [-28, -18], estimate: 32, doneOn: -17 },
  { id: 'a-2', project: 'p-app', title: 'Offline sync API', status: 'in-progress', assignees: ['u-ben', 'u-farid'], days: [-17, -6], estimate: 60 },
  { id: 'a-3', project: 'p-app', title: 'Offline mode in the app', status: 'todo', assignees: ['u-farid'], days: [-5, 6], estimate: 40, after: ['a-2'] },
  { id: 'a-4', project: 'p-app', title: 'Push notification settings', status: 'in-progress', assignees: ['u-eva'], days: [-12, -4], estimate: 16, checklist: [1, 3] },
  { id: 'a-5', project: 'p-app', title: 'Crash on rotating the photo picker', status: 'todo', days: [-9, -2], estimate: 6, createdOn: -9 },
  { id: 'a-6', project: 'p-app', title: 'Dark mode', status: 'review', assignees: ['u-dev'], days: [-8, 2], estimate: 20 },
  { id: 'a-7', project: 'p-app', title: 'App store screenshots', status: 'todo', assignees: ['u-chloe'], days: [8, 10], estimate: 8 },
  { id: 'a-8', project: 'p-app', title: 'Beta feedback round', status: 'done', assignees: ['u-ana'], days: [-14, -10], estimate: 12, doneOn: -10 },
  // Data centre move
  { id: 'd-1', project: 'p-dc', title: 'Inventory racks and cabling', status: 'done', assignees: ['u-farid'], days: [-35, -28], estimate: 24, doneOn: -29 },
  { id: 'd-2', project: 'p-dc', title: 'Sign the colocation contract', status: 'done', assignees: ['u-ana'], days: [-30, -21], estimate: 6, doneOn: -21 },
  { id: 'd-3', project: 'p-dc', title: 'Move staging servers', status: 'done', assignees: ['u-farid', 'u-ben'], days: [-14, -11], estimate: 32, doneOn: -11 },
  { id: 'd-4', project: 'p-dc', title: 'Move production databases', status: 'done', assignees: ['u-farid'], days: [-7, -3], estimate: 40, doneOn: -2, checklist: [7, 7] },
  { id: 'd-5', project: 'p-dc', title: 'Decommission the old cage', status: 'in-progress', assignees: ['u-farid'], days: [0, 9], estimate: 16, checklist: [2, 8] },
  { id: 'd-6', project: 'p-dc', title: 'Update the runbooks', status: 'todo', assignees: ['u-eva'], estimate: 8 },
  { id: 'd-7', project: 'p-dc', title: 'Hand back the access badges', status: 'todo', assignees: ['u-ana'], days: [10, 11] },
];

function toTask(line: Line, position: number): Task {
  const [done, total] = line.checklist ?? [0, 0];
  return {
    id: line.id,
    ...meta,
    ...taskDefaults(),
    projectId: line.project,
    title: line.title,
    status: line.status,
    rank: `a${String(position).padStart(3, '0')}`,
    assigneeIds: line.assignees ?? [],
    progress: line.status === 'done' ? 100 : line.status === 'review' ? 80 : line.status === 'in-progress' ? 40 : 0,
    dependencies: (line.after ?? []).map((predecessorId) => ({ predecessorId, type: 'FS', lag: 0 })),
    checklist: Array.from({ length: total }, (_, index) => ({ id: `${line.id}-c${index + 1}`, text: `Step ${index + 1}`, done: index < done })),
    createdBy: 'u-ana',
    ...(line.days === undefined ? {} : { start: addDays(PORTFOLIO_TODAY, line.days[0]), due: addDays(PORTFOLIO_TODAY, line.days[1]) }),
    ...(line.estimate === undefined ? {} : { estimate: line.estimate }),
  };
}

/** An activity entry at 10:00 UTC on the day `offset` days from today. */
function entry(id: Id, line: Line, offset: number, action: ActivityEntry['action'], changes: ActivityEntry['changes']): ActivityEntry {
  const at = `${addDays(PORTFOLIO_TODAY, offset)}T10:00:00.000Z`;
  return { id, version: 1, createdAt: at, updatedAt: at, taskId: line.id, projectId: line.project, actorId: line.assignees?.[0] ?? 'u-ana', at, action, changes };
}

/**
 * The log the burndown replays: every task created, its fields as they are now or as the first logged change says (six weeks ago, or on `createdOn` for the scope
 * added during the range), and every done task moved from "In progress" to "Done" on `doneOn`.
 */
function activity(): ActivityEntry[] {
  const entries: ActivityEntry[] = [];
  for (const line of LINES) {
    entries.push(entry(`log-${line.id}-created`, line, line.createdOn ?? -42, 'created', []));
    if (line.doneOn !== undefined) {
      entries.push(entry(`log-${line.id}-done`, line, line.doneOn, 'updated', [{ field: 'status', from: 'in-progress', to: 'done' }]));
    }
  }
  return entries;
}

/** The hand-made portfolio (and the empty project) as a memory-adapter seed. */
export function portfolioWorkspace(): WorkspaceData {
  return {
    workspace: { id: 'storybook-portfolio', name: 'Portfolio', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } },
    people: TEAM.map(person),
    projects: [
      project('p-web', 'Website relaunch', 'WEB'),
      project('p-app', 'Mobile app 2.0', 'APP'),
      project('p-dc', 'Data centre move', 'DC'),
      project(EMPTY_PROJECT, 'Office move', 'OFF'),
    ],
    tasks: LINES.map(toTask),
    activity: activity(),
  };
}

/** First day of the generated plan. */
const GENERATED_START: IsoDate = '2026-01-05';

/** The generated workspace's "today": the generator's default, five months in. */
export const GENERATED_TODAY: IsoDate = addDays(GENERATED_START, 140);

/**
 * The generator's project ids (`p-1` ...): known up front, so the story's args need not generate
 * 10,000 tasks when the file loads (only when the story is opened).
 */
export const TEN_THOUSAND_PROJECTS: readonly Id[] = ['p-1', 'p-2', 'p-3'];

let tenThousand: GeneratedWorkspace | undefined;

/**
 * 10,000 tasks over three projects with their activity log (no chat: the dashboard never reads it).
 * Generated once and kept.
 */
export function tenThousandTasks(): GeneratedWorkspace {
  tenThousand ??= generateWorkspace({
    workspaceId: 'storybook-dashboard-10k',
    projects: 3,
    people: 24,
    tasks: 10_000,
    messagesPerTask: 0,
    start: GENERATED_START,
    today: GENERATED_TODAY,
  });
  return tenThousand;
}
