// A small hand-written project for the <cwm-task-detail> stories: a launch task with subtasks, a
// checklist, dependencies and documents, a strict workflow, and a task full of hostile text.
import type { WorkspaceData } from '@cwm/adapters';
import { taskDefaults, type Person, type Task } from '@cwm/core';
import { XSS_PAYLOADS } from '../../tests/fixtures/xss-payloads.js';

const AT = '2026-11-02T08:00:00.000Z';
const meta = { version: 1, createdAt: AT, updatedAt: AT };

/** The launch task every story opens first. */
export const LAUNCH_TASK = 'td-launch';
/** A task whose every text is an XSS payload. */
export const HOSTILE_TASK = 'td-hostile';
export const ANA = 'td-ana';
export const BEN = 'td-ben';

function person(id: string, name: string, extra: Partial<Person> = {}): Person {
  return { id, ...meta, name, kind: 'person', role: 'member', capacity: 40, ...extra };
}

function task(id: string, extra: Partial<Task>): Task {
  return { id, ...meta, projectId: 'td-web', title: id, status: 'todo', rank: 'm', ...taskDefaults(), createdBy: ANA, ...extra };
}

/** The story workspace: Ana (manager), Ben, Vera (viewer), a meeting room; one project with a strict workflow. */
export function detailWorkspace(): WorkspaceData {
  const hostile = XSS_PAYLOADS.slice(0, 12);
  return {
    workspace: { id: 'td-space', name: 'Task detail stories', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: ['2026-12-25'] } },
    people: [
      person(ANA, 'Ana Ruiz', { role: 'manager' }),
      person(BEN, 'Ben Okafor'),
      person('td-vera', 'Vera Viewer', { role: 'viewer' }),
      person('td-room', 'Meeting room 4', { kind: 'resource' }),
    ],
    projects: [
      {
        id: 'td-web',
        ...meta,
        name: 'Website',
        key: 'WEB',
        memberIds: [ANA, BEN, 'td-vera'],
        workflow: {
          statuses: [
            { id: 'todo', name: 'To do', category: 'todo' },
            { id: 'doing', name: 'Doing', category: 'active' },
            { id: 'review', name: 'Review', category: 'active' },
            { id: 'done', name: 'Done', category: 'done' },
          ],
          transitions: { todo: ['doing'], doing: ['todo', 'review', 'done'], review: ['doing', 'done'], done: ['doing'] },
          wipPolicy: 'warn',
        },
      },
    ],
    tasks: [
      task(LAUNCH_TASK, {
        title: 'Launch the new marketing site',
        description: 'Ship it **before** the trade fair.\n\n- final copy\n- hero images\n- [style guide](https://example.com/style)',
        status: 'doing',
        start: '2026-11-02',
        due: '2026-11-27',
        estimate: 16,
        progress: 20,
        tags: ['web', 'launch'],
        assigneeIds: [ANA],
        checklist: [
          { id: 'td-c1', text: 'Write the copy', done: true },
          { id: 'td-c2', text: 'Pick hero images', done: false },
          { id: 'td-c3', text: 'Proofread', done: false },
        ],
        documents: [{ id: 'td-d1', name: 'Launch plan', url: 'https://example.com/plan.pdf', type: 'pdf' }],
        dependencies: [{ predecessorId: 'td-brief', type: 'FS', lag: 0 }],
      }),
      task('td-brief', { title: 'Agree the brief', status: 'done', rank: 'a', due: '2026-10-30' }),
      task('td-design', { title: 'Design the landing page', parentId: LAUNCH_TASK, status: 'done', rank: 'b', estimate: 6, checklist: [{ id: 'td-c9', text: 'Mock-up approved', done: true }] }),
      task('td-build', { title: 'Build the page', parentId: LAUNCH_TASK, status: 'doing', rank: 'c', estimate: 8, progress: 50, assigneeIds: [BEN] }),
      task('td-test', { title: 'Test on phones', parentId: LAUNCH_TASK, status: 'todo', rank: 'd', estimate: 2 }),
      task(HOSTILE_TASK, {
        title: XSS_PAYLOADS[0]!.text,
        description: hostile.map((payload) => payload.text).join('\n\n'),
        checklist: hostile.map((payload, index) => ({ id: `td-x${index}`, text: payload.text, done: false })),
        rank: 'z',
      }),
      ...hostile.map((payload, index) => task(`td-xs${index}`, { title: payload.text, parentId: HOSTILE_TASK, rank: `x${index}` })),
    ],
  } as WorkspaceData;
}
