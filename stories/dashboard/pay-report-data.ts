// Data for the pay report stories: a small agency team whose November 2026 pay can be checked by eye
// (a shared task, a task without an estimate, one reopened after completion, one completed in
// October, a plotter booked as a resource and never paid), as a memory-adapter seed. Pinned to November 2026.
import type { WorkspaceData } from '@cwm/adapters';
import { taskDefaults, type ActivityEntry, type Id, type Person, type Project, type Task, type Workflow } from '@cwm/core';

/** The period of the stories. */
export const PAY_FROM = '2026-11-01';
export const PAY_TO = '2026-11-30';

/** The projects the report covers. */
export const PAY_PROJECTS: readonly Id[] = ['p-brand', 'p-shop'];

/** The person the stories act as. */
export const PAY_VIEWER: Id = 'u-jana';

/** Default rate, minor units per hour: 65.00 EUR. */
export const PAY_RATE = 6500;

/** Per-person rates that differ from the default (minor units per hour). */
export const PAY_RATES: Readonly<Record<Id, number>> = { 'u-jorg': 8200, 'u-lea': 4800 };

const CREATED_AT = '2026-10-01T09:00:00.000Z';
const meta = { version: 1, createdAt: CREATED_AT, updatedAt: CREATED_AT } as const;

const WORKFLOW: Workflow = {
  statuses: [
    { id: 'todo', name: 'To do', category: 'todo' },
    { id: 'doing', name: 'Doing', category: 'active' },
    { id: 'done', name: 'Done', category: 'done' },
  ],
  wipPolicy: 'warn',
};

const people: Person[] = [
  ['u-jana', 'Jana Nováková', 'manager'],
  ['u-jorg', 'Jörg Weiß', 'member'],
  ['u-lea', 'Léa Dubois', 'member'],
  ['u-omar', 'Omar Haddad', 'member'],
].map(([id, name, role]) => ({ id: id!, ...meta, name: name!, kind: 'person', role: role as Person['role'], group: 'Studio', capacity: 40 }));
people.push({ id: 'r-plotter', ...meta, name: 'Large-format plotter', kind: 'resource', role: 'member', capacity: 40 });

function project(id: Id, name: string, key: string): Project {
  return { id, ...meta, name, key, ownerId: PAY_VIEWER, memberIds: people.map((person) => person.id), workflow: WORKFLOW };
}

/** [id, project, title, estimate (h) or null, assignees, completed at (UTC) or null, reopened at or null]. */
type Line = readonly [id: Id, projectId: Id, title: string, estimate: number | null, assignees: readonly Id[], doneAt: string | null, reopenedAt?: string];

const LINES: readonly Line[] = [
  ['t-1', 'p-brand', 'Logo refresh', 12, ['u-jorg'], '2026-11-04T15:00:00.000Z'],
  ['t-2', 'p-brand', 'Brand guidelines PDF', 16, ['u-jorg', 'u-lea'], '2026-11-12T11:30:00.000Z'],
  ['t-3', 'p-brand', 'Poster print run', 6, ['u-lea', 'r-plotter'], '2026-11-13T09:00:00.000Z'],
  ['t-4', 'p-shop', 'Checkout "Größentabelle" copy', 3, ['u-omar'], '2026-11-18T16:45:00.000Z'],
  ['t-5', 'p-shop', 'Payment provider switch', 20, ['u-omar', 'u-jana'], '2026-11-24T10:00:00.000Z', '2026-11-26T08:00:00.000Z'],
  ['t-6', 'p-shop', 'Product photo retouch', null, ['u-lea'], '2026-11-19T14:00:00.000Z'],
  ['t-7', 'p-shop', 'Newsletter template', 5, ['u-jana'], '2026-10-29T12:00:00.000Z'],
  ['t-8', 'p-shop', 'Cookie banner', 4, ['u-omar'], null],
];

function toTask([id, projectId, title, estimate, assignees, doneAt, reopenedAt]: Line, index: number): Task {
  const status = doneAt === null || reopenedAt !== undefined ? 'doing' : 'done';
  return {
    ...taskDefaults(),
    id,
    ...meta,
    projectId,
    title,
    status,
    rank: `a${index}`,
    assigneeIds: [...assignees.filter((assignee) => assignee.startsWith('u-'))],
    resourceIds: assignees.filter((assignee) => assignee.startsWith('r-')),
    createdBy: PAY_VIEWER,
    ...(estimate === null ? {} : { estimate }),
  };
}

function activity(): ActivityEntry[] {
  const entries: ActivityEntry[] = [];
  for (const [id, projectId, , , assignees, doneAt, reopenedAt] of LINES) {
    const log = (at: string, from: string, to: string): ActivityEntry => ({
      id: `log-${id}-${to}`,
      version: 1,
      createdAt: at,
      updatedAt: at,
      taskId: id,
      projectId,
      actorId: assignees[0]!,
      at,
      action: 'updated',
      changes: [{ field: 'status', from, to }],
    });
    if (doneAt !== null) entries.push(log(doneAt, 'doing', 'done'));
    if (reopenedAt !== undefined) entries.push(log(reopenedAt, 'done', 'doing'));
  }
  return entries;
}

/** The studio as a memory-adapter seed. */
export function payWorkspace(): WorkspaceData {
  return {
    workspace: { id: 'storybook-pay', name: 'Studio', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } },
    people,
    projects: [project('p-brand', 'Brand refresh', 'BR'), project('p-shop', 'Online shop', 'SHOP')],
    tasks: LINES.map(toTask),
    activity: activity(),
  };
}
