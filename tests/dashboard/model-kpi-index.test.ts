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
  switch (Math.floor(next() * 14)) {
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
    expect(index.update(state)).to.deep.equal(fullKpis(state));
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
        const expected = fullKpis(state);
        const actual = index.update(state);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          expect(actual, `seed ${seed}, step ${step}`).to.deep.equal(expected);
        }
      }
      // A last deep comparison covers what JSON cannot tell apart (undefined fields, -0).
      expect(index.update(state)).to.deep.equal(fullKpis(state));
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
    expect(kpis).to.deep.equal(fullKpis(state));
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
    expect(after).to.deep.equal(fullKpis(state));
    // ... and is a leaf again when the subtask moves away.
    state = { ...state, tasks: state.tasks.set({ ...state.tasks.get('c1')!, parentId: undefined }) };
    expect(index.update(state).unplanned.items.map((item) => item.taskId)).to.include('c');
    expect(index.update(state)).to.deep.equal(fullKpis(state));
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
    expect(index.update(state)).to.deep.equal(fullKpis(state));
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
    expect(second).to.deep.equal(fullKpis(state));
  });

  it('resets when the workflows change or the lineage is lost', () => {
    let state = initialState();
    const index = createKpiIndex({ projectIds: PROJECT_IDS, today: TODAY });
    index.update(state);
    // 'limbo' becomes a real done status of p-1.
    const workflow: Workflow = { ...WORKFLOW, statuses: [...WORKFLOW.statuses, { id: 'limbo', name: 'Limbo', category: 'done' }] };
    state = { ...state, projects: state.projects.set(makeProject('p-1', { workflow })) };
    expect(index.update(state)).to.deep.equal(fullKpis(state));
    state = { ...state, tasks: Table.from(state.tasks.values().slice(3)) };
    expect(index.update(state)).to.deep.equal(fullKpis(state));
  });

  it('agrees on a selection with repeats and a project without workflow', () => {
    const state = initialState();
    const projectIds = ['p-2', 'p-1', 'p-2', 'p-none'];
    const index = createKpiIndex({ projectIds, today: TODAY });
    expect(index.update(state)).to.deep.equal(fullKpis(state, projectIds));
  });
});
