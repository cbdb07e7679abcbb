import { expect } from '@open-wc/testing';
import type { Dependency, Task, Workflow } from '@cwm/core';
import { computeKpis, type DashboardKpis, type KpiInput } from '../../packages/dashboard/src/model/kpis.js';
import {
  createFilterContext,
  isOverdue,
  matchesFilter,
  openPredecessorIds,
  type DashboardFilter,
} from '../../packages/dashboard/src/model/drill-down.js';
import { WORKFLOW, makeMessage, makeTask } from '../fixtures/entities.js';

// Today is Wednesday 2026-11-25: its ISO week runs Monday 2026-11-23 to Sunday 2026-11-29.
const TODAY = '2026-11-25';

/** p-2 has its own workflow: backlog (todo), wip and review (active), shipped (done). */
const FLOW_2: Workflow = {
  statuses: [
    { id: 'backlog', name: 'Backlog', category: 'todo' },
    { id: 'wip', name: 'In progress', category: 'active' },
    { id: 'review', name: 'Review', category: 'active' },
    { id: 'shipped', name: 'Shipped', category: 'done' },
  ],
  wipPolicy: 'warn',
};
const workflowOf = (projectId: string): Workflow => (projectId === 'p-2' ? FLOW_2 : WORKFLOW);

const fs = (predecessorId: string): Dependency => ({ predecessorId, type: 'FS', lag: 0 });
const items = (...done: boolean[]) => done.map((isDone, index) => ({ id: `c-${index}`, text: `Item ${index}`, done: isDone }));

// p-1 (default workflow todo / doing / done):
//   a   parent "phase", todo, its own estimate 100 ignored (its subtasks count), checklist 1/2
//     a1  done, est 8, Nov 2-6, u-1, checklist 2/2
//     a2  doing, est 12, 50 %, Nov 16-20 (5 days late), u-2
//     a3  todo, NO estimate, Nov 23-27 (due this week), u-1 + u-2, FS after a2 (open) -> blocked
//   b   doing, est 4, 25 %, Nov 24 (1 day late, due this week), u-3 + u-2, checklist 0/1
//   c   todo, est 6, NO dates, nobody assigned, FS after a1 (done) -> not blocked
//   m   todo milestone, no estimate, due Nov 29 (Sunday, due this week): planned (a milestone needs only its day)
//   x   status 'limbo' the workflow does not know, est 2, due Nov 1 but no start, u-4
// p-2 (FLOW_2):
//   d   shipped, est 10, Nov 9-13, u-3
//   e   wip, est 10, 40 %, Nov 23 - Dec 4, u-4, FS after d (done) and after b (p-1, open) -> blocked
//   f   review, est 20, 80 %, Nov 10-18 (7 days late), u-5 (listed twice), checklist 2/3
//   g   backlog, est 5, start Nov 1, due '2026-02-30' (not a real day): unplanned, never overdue
// p-3: no tasks.
// p-9 (not on the dashboard): y, done, est 1000, u-9.
function dataSet(): Task[] {
  return [
    makeTask('a', { estimate: 100, checklist: items(true, false) }),
    makeTask('a1', { parentId: 'a', status: 'done', estimate: 8, start: '2026-11-02', due: '2026-11-06', assigneeIds: ['u-1'], checklist: items(true, true) }),
    makeTask('a2', { parentId: 'a', status: 'doing', estimate: 12, progress: 50, start: '2026-11-16', due: '2026-11-20', assigneeIds: ['u-2'] }),
    makeTask('a3', { parentId: 'a', start: '2026-11-23', due: '2026-11-27', assigneeIds: ['u-1', 'u-2'], dependencies: [fs('a2')] }),
    makeTask('b', { status: 'doing', estimate: 4, progress: 25, start: '2026-11-24', due: '2026-11-24', assigneeIds: ['u-3', 'u-2'], checklist: items(false) }),
    makeTask('c', { estimate: 6, dependencies: [fs('a1')] }),
    makeTask('m', { milestone: true, due: '2026-11-29' }),
    makeTask('x', { status: 'limbo', estimate: 2, due: '2026-11-01', assigneeIds: ['u-4'] }),
    makeTask('d', { projectId: 'p-2', status: 'shipped', estimate: 10, start: '2026-11-09', due: '2026-11-13', assigneeIds: ['u-3'] }),
    makeTask('e', { projectId: 'p-2', status: 'wip', estimate: 10, progress: 40, start: '2026-11-23', due: '2026-12-04', assigneeIds: ['u-4'], dependencies: [fs('d'), fs('b')] }),
    makeTask('f', { projectId: 'p-2', status: 'review', estimate: 20, progress: 80, start: '2026-11-10', due: '2026-11-18', assigneeIds: ['u-5', 'u-5'], checklist: items(true, true, false) }),
    makeTask('g', { projectId: 'p-2', status: 'backlog', estimate: 5, start: '2026-11-01', due: '2026-02-30' }),
    makeTask('y', { projectId: 'p-9', status: 'done', estimate: 1000, start: '2026-11-01', due: '2026-11-02', assigneeIds: ['u-9'] }),
  ];
}

// Messages: u-6 wrote on a1 and u-1 on d (both count); a system message on b and a message on p-9's y do not.
const MESSAGES = [
  makeMessage('msg-1', { taskId: 'a1', authorId: 'u-6' }),
  makeMessage('msg-2', { taskId: 'd', authorId: 'u-1' }),
  makeMessage('msg-3', { taskId: 'b', authorId: 'system', kind: 'system' }),
  makeMessage('msg-4', { taskId: 'y', authorId: 'u-9' }),
];

function input(overrides: Partial<KpiInput> = {}): KpiInput {
  return { projectIds: ['p-1', 'p-2', 'p-3'], tasks: dataSet(), workflowOf, today: TODAY, messages: MESSAGES, ...overrides };
}

/** The ids of the data set's tasks a filter selects, sorted. */
function selectedBy(filter: DashboardFilter, tasks = dataSet()): string[] {
  const context = createFilterContext(tasks, workflowOf, TODAY);
  return tasks.filter((task) => matchesFilter(task, filter, context)).map((task) => task.id).sort();
}

/** Every number anywhere in a value (arrays, objects, maps are not used by the KPIs). */
function numbersIn(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') found.push(value);
  else if (Array.isArray(value)) for (const item of value) numbersIn(item, found);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) numbersIn(item, found);
  return found;
}

describe('computeKpis on a two-project portfolio', () => {
  let kpis: DashboardKpis;
  beforeEach(() => {
    kpis = computeKpis(input());
  });

  it('weights percent complete by estimate through the hierarchy', () => {
    // Leaves (weight = estimate, or 1 without one; progress 100 when done):
    //   p-1: a1 8x100, a2 12x50, a3 1x0, b 4x25, c 6x0, m 1x0, x 2x0 -> 1500 / 34
    //   p-2: d 10x100, e 10x40, f 20x80, g 5x0                    -> 3000 / 45
    //   both: 4500 / 79 = 56.96 %; a's own estimate of 100 is ignored (it has subtasks).
    expect(kpis.percentComplete.percent).to.be.closeTo(4500 / 79, 1e-9);
    expect(kpis.percentComplete.totalLeaves).to.equal(11);
    expect(kpis.percentComplete.doneLeaves).to.equal(2); // a1, d
    expect(kpis.percentComplete.estimateTotal).to.equal(77); // 8+12+4+6+2 + 10+10+20+5
    expect(kpis.percentComplete.estimateDone).to.be.closeTo(45, 1e-9); // 8+6+1 + 10+4+16
    expect(kpis.percentComplete.unestimatedLeaves).to.equal(2); // a3, m
    expect(kpis.percentComplete.drillDown).to.deep.equal({ projectIds: ['p-1', 'p-2', 'p-3'] });
  });

  it('counts done, open, overdue, blocked and due this week', () => {
    // 12 tasks in p-1..p-3; y (p-9) is not counted.
    expect(kpis.total.count).to.equal(12);
    expect(kpis.done.count).to.equal(2); // a1, d
    // todo a, a3, c, m, g + active a2, b, e, f; x has an unknown status: neither open nor done.
    expect(kpis.open.count).to.equal(9);
    expect(kpis.overdue.count).to.equal(3); // a2 (Nov 20), b (Nov 24), f (Nov 18); g's due is not a real day
    expect(kpis.blocked.count).to.equal(2); // a3 (a2 open), e (b open, across projects); c's a1 is done
    expect(kpis.dueThisWeek.count).to.equal(3); // a3 Nov 27, b Nov 24, m Nov 29
    expect(kpis.week).to.deep.equal({ from: '2026-11-23', to: '2026-11-29' });
    expect(kpis.empty).to.equal(false);
  });

  it('gives each count a drill-down filter that selects exactly the tasks it counts', () => {
    expect(selectedBy(kpis.total.drillDown)).to.deep.equal(['a', 'a1', 'a2', 'a3', 'b', 'c', 'd', 'e', 'f', 'g', 'm', 'x']);
    expect(selectedBy(kpis.done.drillDown)).to.deep.equal(['a1', 'd']);
    expect(selectedBy(kpis.open.drillDown)).to.deep.equal(['a', 'a2', 'a3', 'b', 'c', 'e', 'f', 'g', 'm']);
    expect(selectedBy(kpis.overdue.drillDown)).to.deep.equal(['a2', 'b', 'f']);
    expect(selectedBy(kpis.blocked.drillDown)).to.deep.equal(['a3', 'e']);
    expect(selectedBy(kpis.dueThisWeek.drillDown)).to.deep.equal(['a3', 'b', 'm']);
    expect(kpis.dueThisWeek.drillDown.dueWithin).to.deep.equal({ from: '2026-11-23', to: '2026-11-29' });
    expect(selectedBy(kpis.checklist.drillDown)).to.deep.equal(['a', 'a1', 'b', 'f']);
    for (const entry of kpis.statusMix.byStatus) expect(selectedBy(entry.drillDown)).to.have.length(entry.count);
    for (const row of kpis.portfolio) expect(selectedBy(row.drillDown)).to.have.length(row.total);
  });

  it('adds up checklist items on every task, parents included', () => {
    // a 1/2 + a1 2/2 + b 0/1 + f 2/3 = 5/8
    expect(kpis.checklist.done).to.equal(5);
    expect(kpis.checklist.total).to.equal(8);
    expect(kpis.checklist.percent).to.equal(62.5);
  });

  it('counts assignees and authors of user messages as people involved', () => {
    // Assignees u-1..u-5 (u-9 is on p-9); authors u-6 (a1) and u-1 (d); system and p-9 messages do not count.
    expect(kpis.people.personIds).to.deep.equal(['u-1', 'u-2', 'u-3', 'u-4', 'u-5', 'u-6']);
    expect(kpis.people.count).to.equal(6);
    // u-6 has no task: the drill-down shows the tasks of u-1..u-5.
    expect(selectedBy(kpis.people.drillDown)).to.deep.equal(['a1', 'a2', 'a3', 'b', 'd', 'e', 'f', 'x']);
    expect(computeKpis(input({ messages: undefined })).people.count).to.equal(5);
  });

  it('gives one portfolio row per project, the empty one flagged', () => {
    const [p1, p2, p3] = kpis.portfolio;
    expect(p1).to.deep.include({ projectId: 'p-1', total: 8, done: 1, open: 6, overdue: 2, blocked: 1, unplanned: 3, empty: false });
    expect(p1!.percent).to.be.closeTo(1500 / 34, 1e-9); // 44.12 %
    expect(p2).to.deep.include({ projectId: 'p-2', total: 4, done: 1, open: 3, overdue: 1, blocked: 1, unplanned: 1, empty: false });
    expect(p2!.percent).to.be.closeTo(3000 / 45, 1e-9); // 66.67 %
    expect(p3).to.deep.equal({
      projectId: 'p-3',
      percent: 0,
      total: 0,
      done: 0,
      open: 0,
      overdue: 0,
      blocked: 0,
      unplanned: 0,
      empty: true,
      drillDown: { projectIds: ['p-3'] },
    });
  });

  it('mixes statuses by category and by status, unknown statuses apart', () => {
    const byCategory = kpis.statusMix.byCategory;
    expect([byCategory.todo.count, byCategory.active.count, byCategory.done.count, byCategory.unknown.count]).to.deep.equal([5, 4, 2, 1]);
    expect(selectedBy(byCategory.unknown.drillDown)).to.deep.equal(['x']);
    expect(selectedBy(byCategory.active.drillDown)).to.deep.equal(['a2', 'b', 'e', 'f']);
    // p-1's workflow, then p-2's (p-3 repeats p-1's statuses), then the unknown 'limbo'; zeros kept.
    expect(kpis.statusMix.byStatus.map((entry) => [entry.statusId, entry.category, entry.count, entry.name])).to.deep.equal([
      ['todo', 'todo', 4, 'To do'], // a, a3, c, m
      ['doing', 'active', 2, 'Doing'], // a2, b
      ['done', 'done', 1, 'Done'], // a1
      ['backlog', 'todo', 1, 'Backlog'], // g
      ['wip', 'active', 1, 'In progress'], // e
      ['review', 'active', 1, 'Review'], // f
      ['shipped', 'done', 1, 'Shipped'], // d
      ['limbo', 'unknown', 1, undefined], // x
    ]);
  });

  it('lists overdue tasks most late first, with their owners', () => {
    expect(kpis.overdueList).to.deep.equal([
      { taskId: 'f', projectId: 'p-2', due: '2026-11-18', daysLate: 7, ownerIds: ['u-5'] },
      { taskId: 'a2', projectId: 'p-1', due: '2026-11-20', daysLate: 5, ownerIds: ['u-2'] },
      { taskId: 'b', projectId: 'p-1', due: '2026-11-24', daysLate: 1, ownerIds: ['u-3', 'u-2'] },
    ]);
  });

  it('says who is on what: active tasks per person, busiest first', () => {
    // u-2: a2, b; u-3: b; u-4: e; u-5: f (assigned twice, counted once). Todo tasks (a3) are not "on".
    expect(kpis.whoIsOnWhat.map((row) => [row.personId, row.taskIds])).to.deep.equal([
      ['u-2', ['a2', 'b']],
      ['u-3', ['b']],
      ['u-4', ['e']],
      ['u-5', ['f']],
    ]);
    expect(selectedBy(kpis.whoIsOnWhat[0]!.drillDown)).to.deep.equal(['a2', 'b']);
  });

  it('lists open leaves without estimate or dates as unplanned', () => {
    // a1, d are done; a is a parent; m is a milestone with its day; a2, b, e, f are fully planned.
    expect(kpis.unplanned.items).to.deep.equal([
      { taskId: 'a3', projectId: 'p-1', missing: ['estimate'] },
      { taskId: 'c', projectId: 'p-1', missing: ['dates'] },
      { taskId: 'x', projectId: 'p-1', missing: ['dates'] }, // due but no start
      { taskId: 'g', projectId: 'p-2', missing: ['dates'] }, // due is not a real day
    ]);
    expect(kpis.unplanned.count).to.equal(4);
    expect(selectedBy(kpis.unplanned.drillDown)).to.deep.equal(['a3', 'c', 'g', 'x']);
  });

  it('reports both gaps, reversed dates and a milestone without a day', () => {
    const tasks = [
      makeTask('n', {}),
      makeTask('r', { estimate: 3, start: '2026-11-10', due: '2026-11-09' }),
      makeTask('z', { estimate: 0, start: '2026-11-10', due: '2026-11-10' }),
      makeTask('ms', { milestone: true }),
    ];
    const result = computeKpis(input({ projectIds: ['p-1'], tasks, messages: [] }));
    expect(result.unplanned.items.map((item) => [item.taskId, item.missing])).to.deep.equal([
      ['n', ['estimate', 'dates']],
      ['r', ['dates']],
      ['z', ['estimate']], // an estimate of 0 weighs 1 like none
      ['ms', ['dates']],
    ]);
  });

  it('never produces NaN or infinities', () => {
    const numbers = numbersIn(kpis);
    expect(numbers.length).to.be.greaterThan(30);
    expect(numbers.every(Number.isFinite)).to.equal(true);
  });
});

describe('computeKpis on nothing', () => {
  for (const [label, projectIds] of [
    ['an empty project', ['p-3']],
    ['no projects at all', []],
    ['a project id nobody has', ['p-404']],
  ] as const) {
    it(`gives zeros and empty: true for ${label}`, () => {
      const kpis = computeKpis(input({ projectIds }));
      expect(kpis.empty).to.equal(true);
      expect(kpis.percentComplete.percent).to.equal(0);
      expect(kpis.checklist).to.deep.include({ done: 0, total: 0, percent: 0 });
      const counts = [kpis.total, kpis.done, kpis.open, kpis.overdue, kpis.blocked, kpis.dueThisWeek, kpis.people].map((kpi) => kpi.count);
      expect(counts).to.deep.equal([0, 0, 0, 0, 0, 0, 0]);
      expect(kpis.overdueList).to.deep.equal([]);
      expect(kpis.whoIsOnWhat).to.deep.equal([]);
      expect(kpis.unplanned.count).to.equal(0);
      expect(kpis.portfolio.every((row) => row.empty && row.percent === 0)).to.equal(true);
      expect(numbersIn(kpis).every(Number.isFinite)).to.equal(true);
    });
  }

  it('counts a repeated project once', () => {
    const kpis = computeKpis(input({ projectIds: ['p-2', 'p-2'] }));
    expect(kpis.total.count).to.equal(4);
    expect(kpis.portfolio.map((row) => row.projectId)).to.deep.equal(['p-2']);
  });

  it('refuses a today that is not a real day', () => {
    expect(() => computeKpis(input({ today: '2026-13-01' }))).to.throw(RangeError);
  });
});

describe('matchesFilter', () => {
  const tasks = dataSet();
  const context = createFilterContext(tasks, workflowOf, TODAY);
  const all = ['p-1', 'p-2'];

  it('matches no task with an empty project list and only the listed projects otherwise', () => {
    expect(selectedBy({ projectIds: [] })).to.deep.equal([]);
    expect(selectedBy({ projectIds: ['p-2'] })).to.deep.equal(['d', 'e', 'f', 'g']);
  });

  it('ANDs fields and ORs values within a field', () => {
    expect(selectedBy({ projectIds: all, assigneeIds: ['u-1', 'u-5'] })).to.deep.equal(['a1', 'a3', 'f']);
    expect(selectedBy({ projectIds: all, assigneeIds: ['u-1', 'u-5'], statusCategories: ['todo'] })).to.deep.equal(['a3']);
    expect(selectedBy({ projectIds: all, taskIds: ['a', 'y', 'd'] })).to.deep.equal(['a', 'd']); // y is in p-9
  });

  it('never matches an unknown status by category', () => {
    expect(selectedBy({ projectIds: all, statusCategories: ['todo', 'active', 'done'] })).to.not.include('x');
  });

  it('selects overdue and not overdue', () => {
    // x is past due with an unknown status: overdue (not done) though not counted as open.
    expect(selectedBy({ projectIds: all, overdue: true })).to.deep.equal(['a2', 'b', 'f', 'x']);
    expect(selectedBy({ projectIds: all, overdue: false })).to.deep.equal(['a', 'a1', 'a3', 'c', 'd', 'e', 'g', 'm']);
  });

  it('treats the due day itself as on time', () => {
    const dueToday = makeTask('t', { due: TODAY });
    expect(isOverdue(dueToday, TODAY, context.categoryOf)).to.equal(false);
    expect(isOverdue(dueToday, '2026-11-26', context.categoryOf)).to.equal(true);
  });

  it('selects by due window, bounds included, and matches nothing on a broken bound', () => {
    expect(selectedBy({ projectIds: all, dueWithin: { from: '2026-11-18', to: '2026-11-24' } })).to.deep.equal(['a2', 'b', 'f']);
    expect(selectedBy({ projectIds: all, dueWithin: { from: 'soon', to: '2026-11-24' } })).to.deep.equal([]);
  });

  it('selects blocked tasks by open predecessors, across projects, ignoring missing ones', () => {
    expect(selectedBy({ projectIds: all, blocked: true })).to.deep.equal(['a3', 'e']);
    expect(openPredecessorIds(tasks.find((task) => task.id === 'e')!, context)).to.deep.equal(['b']);
    const orphan = makeTask('o', { dependencies: [fs('ghost'), fs('b'), fs('b')] });
    expect(openPredecessorIds(orphan, context)).to.deep.equal(['b']);
    expect(matchesFilter(makeTask('o2', { dependencies: [fs('ghost')] }), { projectIds: ['p-1'], blocked: false }, context)).to.equal(true);
  });
});
