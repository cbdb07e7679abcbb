import { expect } from '@open-wc/testing';
import { Table, type Dependency, type Message, type Project, type Task, type Workflow } from '@cwm/core';
import { computeKpis, type DashboardKpis } from '../../packages/dashboard/src/model/kpis.js';
import { createKpiIndex, type KpiIndexState } from '../../packages/dashboard/src/model/kpi-index.js';
import { makeMessage, makeProject, makeTask, WORKFLOW } from '../fixtures/entities.js';

// Wednesday: its week runs 2026-11-23 .. 2026-11-29.
const TODAY = '2026-11-25';
const PROJECT_IDS = ['p-1', 'p-2', 'p-4'];

const FLOW_2: Workflow = {
  statuses: [
    { id: 'backlog', name: 'Backlog', category: 'todo' },
    { id: 'wip', name: 'In progress', category: 'active' },
    { id: 'review', name: 'Review', category: 'active' },
    { id: 'shipped', name: 'Shipped', category: 'done' },
  ],
  wipPolicy: 'warn',
};

const fs = (predecessorId: string): Dependency => ({ predecessorId, type: 'FS', lag: 0 });
const items = (...done: boolean[]) => done.map((isDone, index) => ({ id: `c-${index}`, text: `Item ${index}`, done: isDone }));

function projects(): Table<Project> {
  // p-3 is not on the dashboard (its tasks still block), p-4 has no tasks.
  return Table.from([makeProject('p-1'), makeProject('p-2', { workflow: FLOW_2 }), makeProject('p-3'), makeProject('p-4')]);
}

/** A hierarchy, cross-project dependencies, checklists, an unknown status, fractional estimates. */
function tasks(): Task[] {
  return [
    makeTask('a', { estimate: 100, checklist: items(true, false) }),
    makeTask('a1', { parentId: 'a', status: 'done', estimate: 8, start: '2026-11-02', due: '2026-11-06', assigneeIds: ['u-1'], checklist: items(true, true) }),
    makeTask('a2', { parentId: 'a', status: 'doing', estimate: 12.1, progress: 50, start: '2026-11-16', due: '2026-11-20', assigneeIds: ['u-2'] }),
    makeTask('a3', { parentId: 'a', start: '2026-11-23', due: '2026-11-27', assigneeIds: ['u-1', 'u-2'], dependencies: [fs('a2')] }),
    makeTask('a31', { parentId: 'a3', estimate: 0.3, progress: 33, start: '2026-11-23', due: '2026-11-24' }),
    makeTask('b', { status: 'doing', estimate: 4, progress: 25, start: '2026-11-24', due: '2026-11-24', assigneeIds: ['u-3', 'u-2'], checklist: items(false) }),
    makeTask('c', { estimate: 6, dependencies: [fs('a1'), fs('z')] }),
    makeTask('m', { milestone: true, due: '2026-11-29' }),
    makeTask('x', { status: 'limbo', estimate: 2, due: '2026-11-01', assigneeIds: ['u-4'] }),
    makeTask('d', { projectId: 'p-2', status: 'shipped', estimate: 10, start: '2026-11-09', due: '2026-11-13', assigneeIds: ['u-3'] }),
    makeTask('e', { projectId: 'p-2', status: 'wip', estimate: 10, progress: 40, start: '2026-11-23', due: '2026-12-04', assigneeIds: ['u-4'], dependencies: [fs('d'), fs('b'), fs('z')] }),
    makeTask('f', { projectId: 'p-2', status: 'review', estimate: 20.7, progress: 80, start: '2026-11-10', due: '2026-11-18', assigneeIds: ['u-5', 'u-5'], checklist: items(true, true, false) }),
    makeTask('g', { projectId: 'p-2', status: 'backlog', estimate: 5, start: '2026-11-01', due: '2026-02-30' }),
    makeTask('z', { projectId: 'p-3', status: 'doing', estimate: 3, assigneeIds: ['u-9'] }),
  ];
}

function messages(): Message[] {
  return [
    makeMessage('m-1', { taskId: 'a1', authorId: 'u-7' }),
    makeMessage('m-2', { taskId: 'z', authorId: 'u-8' }),
    makeMessage('m-3', { taskId: 'e', authorId: 'u-6', kind: 'system' }),
  ];
}

function initialState(): KpiIndexState & { messages: Table<Message> } {
  return { tasks: Table.from(tasks()), projects: projects(), messages: Table.from(messages()) };
}

/** What `<cwm-dashboard>` computes today, from scratch. */
function fullKpis(state: KpiIndexState, projectIds = PROJECT_IDS): DashboardKpis {
  return computeKpis({
    projectIds,
    tasks: state.tasks.values(),
    workflowOf: (projectId) => state.projects.get(projectId)?.workflow,
    today: TODAY,
    messages: state.messages?.values(),
  });
}

/**
 * `kpis` with the id lists that are drill-down sets sorted (checklist, unknown status, each status,
 * each person's tasks, unplanned items): the index keeps the previous list when it holds the same ids
 * in another order (the table's order moves on every update). Every other order (overdue list, who
 * is on what, status entries, portfolio) must match `computeKpis` exactly.
 */
function sorted(kpis: DashboardKpis): DashboardKpis {
  const ids = (list: readonly string[] | undefined) => (list === undefined ? list : [...list].sort());
  return {
    ...kpis,
    checklist: { ...kpis.checklist, drillDown: { ...kpis.checklist.drillDown, taskIds: ids(kpis.checklist.drillDown.taskIds) } },
    statusMix: {
      byCategory: {
        ...kpis.statusMix.byCategory,
        unknown: { ...kpis.statusMix.byCategory.unknown, drillDown: { ...kpis.statusMix.byCategory.unknown.drillDown, taskIds: ids(kpis.statusMix.byCategory.unknown.drillDown.taskIds) } },
      },
      byStatus: kpis.statusMix.byStatus.map((entry) => ({ ...entry, drillDown: { ...entry.drillDown, taskIds: ids(entry.drillDown.taskIds) } })),
    },
    whoIsOnWhat: kpis.whoIsOnWhat.map((work) => ({ ...work, taskIds: ids(work.taskIds)! })),
    unplanned: {
      ...kpis.unplanned,
      items: [...kpis.unplanned.items].sort((a, b) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0)),
      drillDown: { ...kpis.unplanned.drillDown, taskIds: ids(kpis.unplanned.drillDown.taskIds) },
    },
  };
}

/**
 * The first place where `actual` and `expected` differ, or `undefined`: same keys (undefined fields
 * included), same array lengths, primitives identical (`Object.is`, so -0 counts) except numbers
 * that may differ by rounding (1e-9 relative: sums whose addends came in another order).
 */
function difference(actual: unknown, expected: unknown, path = 'kpis'): string | undefined {
  if (Object.is(actual, expected)) return undefined;
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) ? undefined : `${path}: ${actual} vs ${expected}`;
  }
  if (actual === null || expected === null || typeof actual !== 'object' || typeof expected !== 'object') return `${path}: ${String(actual)} vs ${String(expected)}`;
  if (Array.isArray(actual) !== Array.isArray(expected)) return `${path}: array vs object`;
  const keys = Object.keys(expected);
  if (Object.keys(actual).length !== keys.length) return `${path}: keys ${Object.keys(actual).join()} vs ${keys.join()}`;
  for (const key of keys) {
    if (!(key in actual)) return `${path}.${key}: missing`;
    const found = difference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Expects `actual` equal to `computeKpis` over `state`, up to the order of sets and rounding (see `sorted`, `difference`). */
function expectAgrees(actual: DashboardKpis, state: KpiIndexState, projectIds = PROJECT_IDS, message?: string): void {
  expect(difference(sorted(actual), sorted(fullKpis(state, projectIds))), message).to.equal(undefined);
}

/** Mulberry32: a small seeded generator, so a failing sequence replays. */
function random(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let t = value;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['todo', 'doing', 'done', 'backlog', 'wip', 'review', 'shipped', 'limbo'];
const DAYS = ['2026-11-10', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-29', '2026-11-30', '2026-02-30'];
const ESTIMATES = [undefined, 0, 0.1, 0.3, 1, 2.5, 7.7, 13];
const PEOPLE = ['u-1', 'u-2', 'u-3', 'u-4', 'u-5', 'u-6', 'u-7'];

/** One random store change, as the store makes them: `set` / `delete` / `batch` on the tables. */
function mutate(state: KpiIndexState & { messages: Table<Message> }, next: () => number, step: number): KpiIndexState & { messages: Table<Message> } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const all = state.tasks.values();
  const ids = all.map((task) => task.id);
  const task = pick(all);
  const update = (changes: Partial<Task>) => ({ ...state, tasks: state.tasks.set({ ...task, ...changes, version: task.version + 1 }) });
  switch (Math.floor(next() * 15)) {
    case 0:
    case 1:
      return update({ status: pick(STATUSES) });
    case 2: {
      // Sometimes a loop on purpose: the index must reset and still agree.
      const parentId = next() < 0.25 ? undefined : pick(ids);
      return update({ parentId: parentId === task.id ? undefined : parentId });
    }
    case 3:
      return ids.length > 4 ? { ...state, tasks: state.tasks.delete(task.id) } : state;
    case 4: {
      const parentId = next() < 0.5 ? pick(ids) : undefined;
      const id = next() < 0.2 ? 'z' : `n-${step}`; // may bring back a deleted predecessor
      const project = pick(['p-1', 'p-2', 'p-3']);
      return {
        ...state,
        tasks: state.tasks.set(makeTask(id, { projectId: project, parentId, status: pick(STATUSES), estimate: pick(ESTIMATES), due: pick(DAYS), start: pick(DAYS), assigneeIds: [pick(PEOPLE)] })),
      };
    }
    case 5:
      return update({ estimate: pick(ESTIMATES), progress: Math.floor(next() * 101) });
    case 6:
      return update({ due: pick(DAYS), start: next() < 0.3 ? undefined : pick(DAYS), milestone: next() < 0.1 });
    case 7:
      return update({ dependencies: [...task.dependencies, fs(pick([...ids, 'nowhere']))] });
    case 8:
      return update({ dependencies: task.dependencies.slice(1) });
    case 9:
      return update({ assigneeIds: next() < 0.2 ? [] : [pick(PEOPLE), pick(PEOPLE)] });
    case 10: {
      const id = next() < 0.3 ? pick(state.messages.ids().concat('m-1')) : `m-${step}`;
      const kind = next() < 0.2 ? 'system' : 'user';
      return { ...state, messages: state.messages.set(makeMessage(id, { taskId: pick([...ids, 'gone']), authorId: pick([...PEOPLE, 'u-8']), kind })) };
    }
    case 11: {
      const messageIds = state.messages.ids();
      return messageIds.length === 0 ? state : { ...state, messages: state.messages.delete(pick(messageIds)) };
    }
    case 12:
      return update({ projectId: pick(['p-1', 'p-2', 'p-3']) });
    case 13:
      // Nothing shown: a new version or title (the task still moves last in the table).
      return update(next() < 0.5 ? {} : { title: `Renamed ${step}` });
    default: {
      // Several changes in one revision, as a store transaction makes them.
      const other = pick(all);
      return {
        ...state,
        tasks: state.tasks.batch(
          [
            { ...task, checklist: items(next() < 0.5, next() < 0.5), version: task.version + 1 },
            ...(other.id === task.id ? [] : [{ ...other, status: pick(STATUSES), version: other.version + 1 }]),
          ],
          next() < 0.3 ? [pick(ids)].filter((id) => id !== task.id && id !== other.id) : [],
        ),
      };
    }
  }
}

describe('incremental KPI index', () => {
  it('starts equal to computeKpis', () => {
    const state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    expectAgrees(index.update(state), state);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`stays equal to computeKpis after each of 250 random changes (seed ${seed})`, () => {
      const next = random(seed);
      let state = initialState();
      const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
      index.update(state);
      // Count the full resets, to be sure the incremental path is what is being compared.
      let resets = 0;
      const reset = index.reset.bind(index);
      index.reset = (resetState) => (resets++, reset(resetState));
      for (let step = 0; step < 250; step++) {
        // Now and then two changes land before the dashboard looks again.
        state = mutate(state, next, step);
        if (next() < 0.2) state = mutate(state, next, 1000 + step);
        expectAgrees(index.update(state), state, PROJECT_IDS, `seed ${seed}, step ${step}`);
      }
      expectAgrees(index.update(state), state);
      expect(resets, 'full resets (parent loops)').to.be.below(125);
    });
  }

  it('unblocks a successor in another project when its predecessor is done', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    expect(index.update(state).blocked.count).to.equal(3); // a3 (a2), c (z), e (b, z)
    state = { ...state, tasks: state.tasks.set({ ...state.tasks.get('z')!, status: 'done' }) };
    expect(index.update(state).blocked.count).to.equal(2); // c is free; e still waits for b
    state = { ...state, tasks: state.tasks.set({ ...state.tasks.get('b')!, status: 'done' }) };
    const kpis = index.update(state);
    expect(kpis.blocked.count).to.equal(1);
    expect(kpis.portfolio.find((row) => row.projectId === 'p-2')!.blocked).to.equal(0);
    expectAgrees(kpis, state);
  });

  it('blocks again when a deleted predecessor comes back, and frees when it goes', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    index.update(state);
    const z = state.tasks.get('z')!;
    state = { ...state, tasks: state.tasks.delete('z') };
    expect(index.update(state).blocked.count).to.equal(2); // c free, e still waits for b
    state = { ...state, tasks: state.tasks.set(z) };
    expect(index.update(state).blocked.count).to.equal(3);
  });

  it('stops counting a leaf as a leaf when it gets a subtask', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    const before = index.update(state);
    expect(before.unplanned.items.map((item) => item.taskId)).to.include('c'); // no dates
    state = { ...state, tasks: state.tasks.set(makeTask('c1', { parentId: 'c', status: 'done', estimate: 1, start: '2026-11-02', due: '2026-11-03' })) };
    const after = index.update(state);
    expect(after.unplanned.items.map((item) => item.taskId)).not.to.include('c');
    // c's estimate 6 gives way to c1's 1, done.
    expect(after.percentComplete.estimateTotal).to.equal(before.percentComplete.estimateTotal - 6 + 1);
    expect(after.percentComplete.doneLeaves).to.equal(before.percentComplete.doneLeaves + 1);
    expectAgrees(after, state);
    // ... and is a leaf again when the subtask moves away.
    state = { ...state, tasks: state.tasks.set({ ...state.tasks.get('c1')!, parentId: undefined }) };
    expect(index.update(state).unplanned.items.map((item) => item.taskId)).to.include('c');
    expectAgrees(index.update(state), state);
  });

  it('counts message authors while their task is on the dashboard', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    expect(index.update(state).people.personIds).to.include('u-7').and.not.include('u-8').and.not.include('u-6');
    // z moves onto the dashboard: its assignee and its message author now count.
    state = { ...state, tasks: state.tasks.set({ ...state.tasks.get('z')!, projectId: 'p-1' }) };
    expect(index.update(state).people.personIds).to.include('u-8').and.include('u-9');
    // a1 leaves: u-7 wrote only there.
    state = { ...state, tasks: state.tasks.delete('a1') };
    expect(index.update(state).people.personIds).not.to.include('u-7');
    expectAgrees(index.update(state), state);
  });

  it('returns the same object when nothing changed, and keeps untouched parts', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    const first = index.update(state);
    expect(index.update(state)).to.equal(first);
    // A message on a task nobody looks at changes nothing shown.
    state = { ...state, messages: state.messages.set(makeMessage('m-9', { taskId: 'z', authorId: 'u-1' })) };
    expect(index.update(state)).to.equal(first);
    // A p-2 change keeps p-1's and p-4's rows and the people.
    state = { ...state, tasks: state.tasks.set({ ...state.tasks.get('g')!, status: 'shipped' }) };
    const second = index.update(state);
    expect(second).not.to.equal(first);
    expect(second.portfolio[0]).to.equal(first.portfolio[0]);
    expect(second.portfolio[1]).not.to.equal(first.portfolio[1]);
    expect(second.portfolio[2]).to.equal(first.portfolio[2]);
    expect(second.people).to.equal(first.people);
    expect(second.total).to.equal(first.total);
    expect(second.overdueList).to.equal(first.overdueList);
    expectAgrees(second, state);
  });

  it('returns the same object after a version-only change of any task (moved last in the table)', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    const first = index.update(state);
    // In reverse, so the table ends up in the opposite order.
    for (const task of state.tasks.values().reverse()) {
      // What the adapter's confirmation does: same fields, next version, set again (the task goes last).
      state = { ...state, tasks: state.tasks.set({ ...task, version: task.version + 1 }) };
      expect(index.update(state), task.id).to.equal(first);
    }
    expect(state.tasks.ids()[0], 'the table order moved').not.to.equal('a');
    expectAgrees(first, state);
  });

  it('returns the same object when a parent or a successor is re-derived to equal rows', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    // a3 (a parent, a2's successor) becomes overdue: it has an OverdueItem to keep.
    state = { ...state, tasks: state.tasks.set({ ...state.tasks.get('a3')!, due: '2026-11-20' }) };
    const first = index.update(state);
    const a3 = first.overdueList.find((item) => item.taskId === 'a3')!;
    expect(a3.daysLate).to.equal(5);
    // A subtask's and a predecessor's new versions re-derive a3 too.
    for (const id of ['a31', 'a2', 'a31']) {
      state = { ...state, tasks: state.tasks.set({ ...state.tasks.get(id)!, version: state.tasks.get(id)!.version + 1 }) };
      expect(index.update(state), id).to.equal(first);
    }
    // Even a full reset (lineage lost) hands back the same objects.
    state = { ...state, tasks: Table.from(state.tasks.values()) };
    expect(index.update(state)).to.equal(first);
  });

  it('after a status change, keeps the tiles and rows it did not move and renews the others', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    const first = index.update(state);
    // f (p-2, review, overdue, u-5's only active task) is shipped: done, open, overdue and the mix move.
    state = { ...state, tasks: state.tasks.set({ ...state.tasks.get('f')!, status: 'shipped', version: 2 }) };
    const second = index.update(state);
    expect(second).not.to.equal(first);
    for (const kept of ['total', 'blocked', 'dueThisWeek', 'people', 'unplanned', 'week'] as const) expect(second[kept], kept).to.equal(first[kept]);
    for (const renewed of ['done', 'open', 'overdue', 'percentComplete', 'statusMix', 'overdueList', 'whoIsOnWhat', 'portfolio'] as const) {
      expect(second[renewed], renewed).not.to.equal(first[renewed]);
    }
    expect(second.done.count).to.equal(first.done.count + 1);
    expect(second.portfolio[0]).to.equal(first.portfolio[0]);
    expect(second.portfolio[1]).not.to.equal(first.portfolio[1]);
    expect(second.statusMix.byCategory.todo).to.equal(first.statusMix.byCategory.todo);
    expect(second.statusMix.byStatus.find((entry) => entry.statusId === 'backlog')).to.equal(first.statusMix.byStatus.find((entry) => entry.statusId === 'backlog'));
    // The overdue rows that stay are the same objects, in the same order.
    expect(second.overdueList).to.deep.equal(first.overdueList.filter((item) => item.taskId !== 'f'));
    second.overdueList.forEach((item) => expect(first.overdueList).to.include(item));
    // Other people's work in progress keeps its object; u-5 is gone.
    expect(second.whoIsOnWhat.map((work) => work.personId)).not.to.include('u-5');
    for (const work of second.whoIsOnWhat) expect(first.whoIsOnWhat).to.include(work);
    expectAgrees(second, state);
  });

  it('keeps a drill-down set whose ids come in another order, and sums equal up to rounding', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    const first = index.update(state);
    // Re-set f, b and a2, in that order: the checklist tasks (a, a1, b, f) and u-2's active tasks (a2, b) change order.
    for (const id of ['f', 'b', 'a2']) state = { ...state, tasks: state.tasks.set({ ...state.tasks.get(id)!, version: 2 }) };
    const fresh = fullKpis(state);
    expect(fresh.checklist.drillDown.taskIds).not.to.deep.equal(first.checklist.drillDown.taskIds);
    expect([...fresh.checklist.drillDown.taskIds!].sort()).to.deep.equal([...first.checklist.drillDown.taskIds!].sort());
    expect(index.update(state)).to.equal(first);
    // One more checklist makes a new list, in the table's order as computeKpis gives it.
    state = { ...state, tasks: state.tasks.set({ ...state.tasks.get('c')!, checklist: items(false), version: 2 }) };
    const second = index.update(state);
    expect(second.checklist.drillDown.taskIds).to.deep.equal(fullKpis(state).checklist.drillDown.taskIds);
    expect(second.blocked).to.equal(first.blocked);
  });

  it('resets when the workflows change or the lineage is lost', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    index.update(state);
    // 'limbo' becomes a real done status of p-1.
    const workflow: Workflow = { ...WORKFLOW, statuses: [...WORKFLOW.statuses, { id: 'limbo', name: 'Limbo', category: 'done' }] };
    state = { ...state, projects: state.projects.set(makeProject('p-1', { workflow })) };
    expectAgrees(index.update(state), state);
    state = { ...state, tasks: Table.from(state.tasks.values().slice(3)) };
    expectAgrees(index.update(state), state);
  });

  it('agrees on a selection with repeats and a project without workflow', () => {
    const state = initialState();
    const projectIds = ['p-2', 'p-1', 'p-2', 'p-none'];
    const index = createKpiIndex({ projectIds, today: TODAY });
    expectAgrees(index.update(state), state, projectIds);
  });
});
