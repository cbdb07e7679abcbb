import { expect } from '@open-wc/testing';
import {
  createTaskFilterContext,
  dependsOnOtherTasks,
  isBlocked,
  isOverdue,
  matchesTaskFilter,
  openPredecessorIds,
  type Dependency,
  type Task,
  type TaskFilter,
  type Workflow,
} from '@cwm/core';
import { WORKFLOW, makeTask } from '../fixtures/entities.js';

const TODAY = '2026-11-25';
const fs = (predecessorId: string): Dependency => ({ predecessorId, type: 'FS', lag: 0 });

/** p-2 has its own workflow, where `shipped` is the done status. */
const FLOW_2: Workflow = {
  statuses: [
    { id: 'backlog', name: 'Backlog', category: 'todo' },
    { id: 'shipped', name: 'Shipped', category: 'done' },
  ],
  wipPolicy: 'warn',
};
const workflowOf = (projectId: string): Workflow | undefined => (projectId === 'p-2' ? FLOW_2 : projectId === 'p-1' ? WORKFLOW : undefined);

// p-1: a (todo, due Nov 20, late, u-1), b (doing, due Nov 25 = today, u-2), c (done, due Nov 1, u-1),
//      d (todo, after a: blocked), e (todo, after c: not blocked), f (status unknown, due Nov 2)
// p-2: g (backlog, due Nov 24, u-2), h (shipped, due Nov 1), i (backlog, after h in p-2: not blocked),
//      j (backlog in p-2, after a in p-1: blocked across projects)
const tasks: Task[] = [
  makeTask('a', { status: 'todo', due: '2026-11-20', assigneeIds: ['u-1'] }),
  makeTask('b', { status: 'doing', due: '2026-11-25', assigneeIds: ['u-2'] }),
  makeTask('c', { status: 'done', due: '2026-11-01', assigneeIds: ['u-1'] }),
  makeTask('d', { dependencies: [fs('a')] }),
  makeTask('e', { dependencies: [fs('c')] }),
  makeTask('f', { status: 'limbo', due: '2026-11-02' }),
  makeTask('g', { projectId: 'p-2', status: 'backlog', due: '2026-11-24', assigneeIds: ['u-2'] }),
  makeTask('h', { projectId: 'p-2', status: 'shipped', due: '2026-11-01' }),
  makeTask('i', { projectId: 'p-2', status: 'backlog', dependencies: [fs('h')] }),
  makeTask('j', { projectId: 'p-2', status: 'backlog', dependencies: [fs('a')] }),
];
const context = createTaskFilterContext(tasks, workflowOf, TODAY);
const ids = (filter: TaskFilter): string[] => tasks.filter((task) => matchesTaskFilter(task, filter, context)).map((task) => task.id);
const both = ['p-1', 'p-2'];

describe('matchesTaskFilter', () => {
  it('keeps only the listed projects; an empty list matches nothing', () => {
    expect(ids({ projectIds: ['p-2'] })).to.deep.equal(['g', 'h', 'i', 'j']);
    expect(ids({ projectIds: [] })).to.deep.equal([]);
  });

  it('matches status categories in each task’s own workflow; an unknown status matches no category', () => {
    expect(ids({ projectIds: both, statusCategories: ['done'] })).to.deep.equal(['c', 'h']);
    expect(ids({ projectIds: both, statusCategories: ['todo', 'active'] })).to.deep.equal(['a', 'b', 'd', 'e', 'g', 'i', 'j']);
  });

  it('overdue: a real due day before today and not done; the due day itself is on time', () => {
    // f's status is unknown (no category), so it is not done: it counts as overdue.
    expect(ids({ projectIds: both, overdue: true })).to.deep.equal(['a', 'f', 'g']);
    expect(ids({ projectIds: ['p-1'], overdue: false })).to.deep.equal(['b', 'c', 'd', 'e']);
  });

  it('blocked: an open predecessor, found in another project too; a done or missing one does not block', () => {
    expect(ids({ projectIds: both, blocked: true })).to.deep.equal(['d', 'j']);
    const orphan = makeTask('o', { dependencies: [fs('ghost')] });
    expect(isBlocked(orphan, context)).to.equal(false);
  });

  it('dueWithin includes both bounds; a bound that is not a real day matches nothing', () => {
    expect(ids({ projectIds: both, dueWithin: { from: '2026-11-20', to: '2026-11-24' } })).to.deep.equal(['a', 'g']);
    expect(ids({ projectIds: both, dueWithin: { from: '2026-11-20', to: '2026-02-30' } })).to.deep.equal([]);
  });

  it('assignees and task ids are OR within the field, AND with the others', () => {
    expect(ids({ projectIds: both, assigneeIds: ['u-1', 'u-2'] })).to.deep.equal(['a', 'b', 'c', 'g']);
    expect(ids({ projectIds: both, assigneeIds: ['u-2'], overdue: true })).to.deep.equal(['g']);
    expect(ids({ projectIds: ['p-1'], taskIds: ['a', 'g', 'zz'] })).to.deep.equal(['a']);
  });

  it('an empty filter beyond projects matches every task of them', () => {
    expect(ids({ projectIds: both })).to.have.length(tasks.length);
  });
});

describe('isOverdue and openPredecessorIds', () => {
  it('moves with today, and refuses a today that is not a real day', () => {
    const dueToday = tasks[1]!;
    expect(isOverdue(dueToday, TODAY, context.categoryOf)).to.equal(false);
    expect(isOverdue(dueToday, '2026-11-26', context.categoryOf)).to.equal(true);
    expect(() => isOverdue(dueToday, '2026-13-01', context.categoryOf)).to.throw(RangeError);
  });

  it('lists each open predecessor once, in dependency order', () => {
    const task = makeTask('x', { dependencies: [fs('b'), fs('c'), fs('a'), { predecessorId: 'b', type: 'SS', lag: 0 }] });
    expect(openPredecessorIds(task, context)).to.deep.equal(['b', 'a']);
  });
});

describe('dependsOnOtherTasks', () => {
  it('is true only when the filter reads other tasks (blocked)', () => {
    expect(dependsOnOtherTasks({ projectIds: both, overdue: true, assigneeIds: ['u-1'] })).to.equal(false);
    expect(dependsOnOtherTasks({ projectIds: both, blocked: false })).to.equal(true);
  });
});
