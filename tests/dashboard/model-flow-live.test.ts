import { expect } from '@open-wc/testing';
import { Table, type ActivityEntry, type FieldChange, type Project, type Task, type Workflow } from '@cwm/core';
import { flowCharts, type FlowCharts } from '../../packages/dashboard/src/model/flow.js';
import { createLiveFlow, type LiveFlowState } from '../../packages/dashboard/src/model/flow-live.js';
import { makeProject, makeTask } from '../fixtures/entities.js';

// Ten days shown: 2026-11-16 .. 2026-11-25 (today).
const FROM = '2026-11-16';
const TODAY = '2026-11-25';
const PROJECT_IDS = ['p-1', 'p-2'];

const FLOW_2: Workflow = {
  statuses: [
    { id: 'backlog', name: 'Backlog', category: 'todo' },
    { id: 'doing', name: 'Doing here too', category: 'active' },
    { id: 'shipped', name: 'Shipped', category: 'done' },
  ],
  wipPolicy: 'warn',
};

let sequence = 0;
function entry(task: Pick<Task, 'id' | 'projectId'>, at: string, action: ActivityEntry['action'], changes: FieldChange[]): ActivityEntry {
  sequence++;
  return { id: `a-${sequence}`, version: 1, createdAt: at, updatedAt: at, taskId: task.id, projectId: task.projectId, actorId: 'u-1', at, action, changes };
}

function projects(): Table<Project> {
  return Table.from([makeProject('p-1'), makeProject('p-2', { workflow: FLOW_2 }), makeProject('p-3')]);
}

/** A history over the range: created, moved, re-estimated, deleted; a parent; an unknown status; p-3 out of scope. */
function initialState(): LiveFlowState {
  const tasks = [
    makeTask('t-1', { status: 'done', estimate: 8 }),
    makeTask('t-2', { status: 'doing', estimate: 6.1 }),
    makeTask('t-3', { status: 'limbo' }),
    makeTask('p', { estimate: 50 }),
    makeTask('p1', { parentId: 'p', status: 'doing', estimate: 0.3 }),
    makeTask('p2', { parentId: 'p', status: 'todo', estimate: 2.2 }),
    makeTask('q', { projectId: 'p-2', status: 'shipped', estimate: 4.4 }),
    makeTask('r', { projectId: 'p-2', status: 'backlog' }),
    makeTask('o', { projectId: 'p-3', status: 'done', estimate: 99 }),
  ];
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const of = (id: string) => byId.get(id) ?? { id, projectId: 'p-1' };
  const log = [
    entry(of('t-1'), '2026-11-10T09:00:00.000Z', 'created', [{ field: 'status', from: null, to: 'todo' }]),
    entry(of('t-1'), '2026-11-18T10:00:00.000Z', 'updated', [{ field: 'status', from: 'todo', to: 'doing' }]),
    entry(of('t-1'), '2026-11-24T15:00:00.000Z', 'updated', [{ field: 'status', from: 'doing', to: 'done' }]),
    entry(of('t-2'), '2026-11-17T09:30:00.000Z', 'created', [{ field: 'status', from: null, to: 'todo' }]),
    entry(of('t-2'), '2026-11-20T11:00:00.000Z', 'updated', [{ field: 'estimate', from: 4, to: 6.1 }]),
    entry(of('t-2'), '2026-11-21T09:00:00.000Z', 'updated', [{ field: 'status', from: 'todo', to: 'doing' }]),
    entry(of('gone'), '2026-11-18T09:00:00.000Z', 'created', [{ field: 'status', from: null, to: 'todo' }]),
    entry(of('gone'), '2026-11-19T10:00:00.000Z', 'updated', [{ field: 'estimate', from: null, to: 5.5 }]),
    entry(of('gone'), '2026-11-22T17:00:00.000Z', 'deleted', [{ field: 'status', from: 'todo', to: null }]),
    entry(of('t-3'), '2026-11-19T14:00:00.000Z', 'updated', [{ field: 'status', from: 'todo', to: 'limbo' }]),
    entry(of('q'), '2026-11-23T08:00:00.000Z', 'updated', [{ field: 'status', from: 'doing', to: 'shipped' }]),
    entry(of('o'), '2026-11-20T08:00:00.000Z', 'updated', [{ field: 'status', from: 'todo', to: 'done' }]),
  ];
  return { tasks: Table.from(tasks), projects: projects(), activity: Table.from(log) };
}

function fullCharts(state: LiveFlowState): FlowCharts {
  return flowCharts({
    tasks: state.tasks.values(),
    activity: state.activity.values(),
    workflowOf: (projectId) => state.projects.get(projectId)?.workflow,
    from: FROM,
    to: TODAY,
    projectIds: PROJECT_IDS,
  });
}

/**
 * The charts with hours rounded to 1e-9: a full replay adds hours up in the tasks table's iteration
 * order, which moves as tasks are updated, so two full replays of the same data may already differ in
 * the last bits of a sum (and the live past is moved by differences). Counts are compared exactly.
 */
function rounded(charts: FlowCharts): FlowCharts {
  // `+ 0` turns a -0 (a sum that drifted to -1e-16) into 0.
  const round = (hours: number): number => Math.round(hours * 1e9) / 1e9 + 0;
  return {
    burndown: charts.burndown.map((point) => ({ ...point, remainingHours: round(point.remainingHours) })),
    burnup: charts.burnup.map((point) => ({ ...point, doneHours: round(point.doneHours), totalHours: round(point.totalHours) })),
    cumulativeFlow: charts.cumulativeFlow,
  };
}

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

const STATUSES = ['todo', 'doing', 'done', 'backlog', 'shipped', 'limbo', 'odd'];
const ESTIMATES = [undefined, 0, 0.1, 0.3, 1, 2.5, 7.7];

/** Instants of today mostly; now and then tomorrow (not counted yet) or an earlier day (moves the past). */
function instant(next: () => number, step: number): string {
  const roll = next();
  const minute = String(step % 60).padStart(2, '0');
  if (roll < 0.08) return `2026-11-26T08:${minute}:00.000Z`;
  if (roll < 0.14) return `2026-11-21T08:${minute}:00.000Z`;
  if (roll < 0.17) return 'not a time';
  return `2026-11-25T${String(8 + (step % 12)).padStart(2, '0')}:${minute}:00.000Z`;
}

/** One change as the store makes it: the task table and, usually, an activity entry of today. */
function mutate(state: LiveFlowState, next: () => number, step: number): LiveFlowState {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const all = state.tasks.values();
  const task = pick(all);
  const at = instant(next, step);
  const log = (target: Pick<Task, 'id' | 'projectId'>, action: ActivityEntry['action'], changes: FieldChange[]) => state.activity.set(entry(target, at, action, changes));
  switch (Math.floor(next() * 9)) {
    case 0:
    case 1: {
      const status = pick(STATUSES);
      return { ...state, tasks: state.tasks.set({ ...task, status }), activity: log(task, 'updated', [{ field: 'status', from: task.status, to: status }]) };
    }
    case 2: {
      const estimate = pick(ESTIMATES);
      return { ...state, tasks: state.tasks.set({ ...task, estimate }), activity: log(task, 'updated', [{ field: 'estimate', from: task.estimate ?? null, to: estimate ?? null }]) };
    }
    case 3: {
      const created = makeTask(`n-${step}`, { projectId: pick(['p-1', 'p-2', 'p-3']), status: pick(STATUSES), estimate: pick(ESTIMATES), parentId: next() < 0.3 ? pick(all).id : undefined });
      return { ...state, tasks: state.tasks.set(created), activity: log(created, 'created', [{ field: 'status', from: null, to: created.status }]) };
    }
    case 4:
      return all.length > 3 ? { ...state, tasks: state.tasks.delete(task.id), activity: log(task, 'deleted', [{ field: 'status', from: task.status, to: null }]) } : state;
    case 5:
      // Not logged: a new parent (subtask moved) or a status the log never hears of.
      return next() < 0.5
        ? { ...state, tasks: state.tasks.set({ ...task, parentId: next() < 0.4 ? undefined : pick(all).id }) }
        : { ...state, tasks: state.tasks.set({ ...task, status: pick(STATUSES) }) };
    case 6:
      // A log entry alone (the task change arrives later, or a comment-like update).
      return { ...state, activity: log(task, 'updated', [{ field: 'status', from: task.status, to: pick(STATUSES) }]) };
    case 7:
      // Nothing counted: a new version, maybe with a log entry of no counted field.
      return next() < 0.5
        ? { ...state, tasks: state.tasks.set({ ...task, version: task.version + 1 }) }
        : { ...state, tasks: state.tasks.set({ ...task, title: `Renamed ${step}` }), activity: log(task, 'updated', [{ field: 'title', from: task.title, to: `Renamed ${step}` }]) };
    default: {
      const projectId = pick(['p-1', 'p-2', 'p-3']);
      return { ...state, tasks: state.tasks.set({ ...task, projectId }) };
    }
  }
}

describe('live flow charts', () => {
  it('starts equal to a full replay up to today', () => {
    const state = initialState();
    const live = createLiveFlow({ projectIds: PROJECT_IDS, from: FROM, today: TODAY });
    const charts = live.update(state);
    expect(rounded(charts)).to.deep.equal(rounded(fullCharts(state)));
    expect(charts.burnup.at(-1)!.removed).to.equal(0);
    expect(charts.burndown.map((point) => point.date).at(-1)).to.equal(TODAY);
  });

  for (const seed of [11, 12, 13, 15]) {
    it(`stays equal to a full replay after each of 200 random changes (seed ${seed})`, () => {
      const next = random(seed);
      let state = initialState();
      const live = createLiveFlow({ projectIds: PROJECT_IDS, from: FROM, today: TODAY });
      live.update(state);
      let resets = 0;
      const reset = live.reset.bind(live);
      live.reset = (resetState) => (resets++, reset(resetState));
      for (let step = 0; step < 200; step++) {
        state = mutate(state, next, step);
        if (next() < 0.2) state = mutate(state, next, 1000 + step);
        const expected = rounded(fullCharts(state));
        const actual = rounded(live.update(state));
        if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, `seed ${seed}, step ${step}`).to.deep.equal(expected);
      }
      expect(rounded(live.update(state))).to.deep.equal(rounded(fullCharts(state)));
      expect(resets, 'full resets (parent loops)').to.be.below(100);
    });
  }

  it('moves only today for logged changes of today, keeping the past points', () => {
    let state = initialState();
    const live = createLiveFlow({ projectIds: PROJECT_IDS, from: FROM, today: TODAY });
    const before = live.update(state);
    const t2 = state.tasks.get('t-2')!;
    state = {
      ...state,
      tasks: state.tasks.set({ ...t2, status: 'done' }),
      activity: state.activity.set(entry(t2, '2026-11-25T10:00:00.000Z', 'updated', [{ field: 'status', from: 'doing', to: 'done' }])),
    };
    const after = live.update(state);
    expect(after.burnup[0]).to.equal(before.burnup[0]);
    expect(after.burndown[8]).to.equal(before.burndown[8]);
    expect(after.burnup.at(-1)!.done).to.equal(before.burnup.at(-1)!.done + 1);
    expect(rounded(after)).to.deep.equal(rounded(fullCharts(state)));
  });

  it('a new task today is added today; one deleted today is removed today', () => {
    let state = initialState();
    const live = createLiveFlow({ projectIds: PROJECT_IDS, from: FROM, today: TODAY });
    live.update(state);
    const fresh = makeTask('fresh', { status: 'odd', estimate: 3 });
    state = { ...state, tasks: state.tasks.set(fresh), activity: state.activity.set(entry(fresh, '2026-11-25T09:00:00.000Z', 'created', [{ field: 'status', from: null, to: 'odd' }])) };
    let charts = live.update(state);
    expect(charts.burnup.at(-1)!.added).to.equal(1);
    // 'odd' is first met today: a new unknown series, zero on every earlier day.
    expect(charts.cumulativeFlow.series.find((series) => series.status === 'odd')!.counts).to.deep.equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const r = state.tasks.get('r')!;
    state = { ...state, tasks: state.tasks.delete('r'), activity: state.activity.set(entry(r, '2026-11-25T11:00:00.000Z', 'deleted', [{ field: 'status', from: 'backlog', to: null }])) };
    charts = live.update(state);
    expect(charts.burnup.at(-1)!.removed).to.equal(1);
    expect(rounded(charts)).to.deep.equal(rounded(fullCharts(state)));
  });

  it('replays the past again when a leaf gets a subtask (the parent leaves every day)', () => {
    let state = initialState();
    const live = createLiveFlow({ projectIds: PROJECT_IDS, from: FROM, today: TODAY });
    const before = live.update(state);
    state = { ...state, tasks: state.tasks.set(makeTask('t-1a', { parentId: 't-1', status: 'todo', estimate: 1 })) };
    const after = live.update(state);
    // t-1 (8 h) gave way to t-1a (1 h) on every day, not only today.
    expect(after.burnup[5]!.totalHours).to.be.closeTo(before.burnup[5]!.totalHours - 8 + 1, 1e-9);
    expect(rounded(after)).to.deep.equal(rounded(fullCharts(state)));
  });

  it('returns the same object after a version-only change of any task (moved last in the table)', () => {
    let state = initialState();
    const live = createLiveFlow({ projectIds: PROJECT_IDS, from: FROM, today: TODAY });
    const first = live.update(state);
    for (const task of state.tasks.values().reverse()) {
      state = { ...state, tasks: state.tasks.set({ ...task, version: task.version + 1 }) };
      expect(live.update(state), task.id).to.equal(first);
    }
    expect(rounded(first)).to.deep.equal(rounded(fullCharts(state)));
  });

  it('returns the same object after a log entry that changes nothing shown', () => {
    let state = initialState();
    const live = createLiveFlow({ projectIds: PROJECT_IDS, from: FROM, today: TODAY });
    const first = live.update(state);
    const t2 = state.tasks.get('t-2')!;
    // Stamped tomorrow: not counted yet. Today, but no counted field. Out of scope (p-3).
    const entries = [
      entry(t2, '2026-11-26T08:00:00.000Z', 'updated', [{ field: 'status', from: 'doing', to: 'done' }]),
      entry(t2, '2026-11-25T08:00:00.000Z', 'updated', [{ field: 'title', from: 'Task t-2', to: 'Renamed' }]),
      entry(state.tasks.get('o')!, '2026-11-25T09:00:00.000Z', 'updated', [{ field: 'status', from: 'done', to: 'todo' }]),
    ];
    for (const added of entries) {
      state = { ...state, activity: state.activity.set(added) };
      expect(live.update(state), added.at).to.equal(first);
    }
    expect(rounded(first)).to.deep.equal(rounded(fullCharts(state)));
  });

  it('after a change of today, keeps the past points, lists and series it did not move', () => {
    let state = initialState();
    const live = createLiveFlow({ projectIds: PROJECT_IDS, from: FROM, today: TODAY });
    const before = live.update(state);
    const r = state.tasks.get('r')!;
    // r (p-2) moves from backlog to doing today: today's points and two series move, nothing else.
    state = {
      ...state,
      tasks: state.tasks.set({ ...r, status: 'doing', version: 2 }),
      activity: state.activity.set(entry(r, '2026-11-25T10:00:00.000Z', 'updated', [{ field: 'status', from: 'backlog', to: 'doing' }])),
    };
    const after = live.update(state);
    expect(after).not.to.equal(before);
    expect(after.cumulativeFlow.dates).to.equal(before.cumulativeFlow.dates);
    const changed = (series: { status: string }) => series.status === 'backlog' || series.status === 'doing';
    after.cumulativeFlow.series.forEach((series, index) => {
      if (changed(series)) expect(series, series.status).not.to.equal(before.cumulativeFlow.series[index]);
      else expect(series, series.status).to.equal(before.cumulativeFlow.series[index]);
    });
    // Backlog and doing are both open: the burndown's today is unchanged, the whole list kept.
    expect(after.burndown).to.equal(before.burndown);
    // The burnup did not move either (no done, same scope).
    expect(after.burnup).to.equal(before.burnup);
    expect(rounded(after)).to.deep.equal(rounded(fullCharts(state)));
    // Then done: today's burnup and burndown points are new, the past ones the same objects.
    state = {
      ...state,
      tasks: state.tasks.set({ ...state.tasks.get('r')!, status: 'shipped', version: 3 }),
      activity: state.activity.set(entry(r, '2026-11-25T11:00:00.000Z', 'updated', [{ field: 'status', from: 'doing', to: 'shipped' }])),
    };
    const done = live.update(state);
    expect(done.burnup).not.to.equal(after.burnup);
    expect(done.burnup.at(-1)).not.to.equal(after.burnup.at(-1));
    expect(done.burnup.slice(0, -1)).to.deep.equal(after.burnup.slice(0, -1));
    done.burnup.slice(0, -1).forEach((point, index) => expect(point).to.equal(after.burnup[index]));
    expect(done.burndown.at(-2)).to.equal(after.burndown.at(-2));
    expect(rounded(done)).to.deep.equal(rounded(fullCharts(state)));
  });

  it('moves the past for a change not logged yet (optimistic), and back when its entry comes', () => {
    let state = initialState();
    const live = createLiveFlow({ projectIds: PROJECT_IDS, from: FROM, today: TODAY });
    const before = live.update(state);
    const r = state.tasks.get('r')!;
    // No entry yet: r replays as 'weird' (a status no workflow knows) on every day.
    state = { ...state, tasks: state.tasks.set({ ...r, status: 'weird', version: 2 }) };
    const optimistic = live.update(state);
    const weird = optimistic.cumulativeFlow.series.find((series) => series.status === 'weird')!;
    expect(weird.counts).to.deep.equal([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(optimistic.cumulativeFlow.series.find((series) => series.status === 'backlog')!.counts.every((count) => count === 0)).to.equal(true);
    expect(optimistic.burnup).to.equal(before.burnup); // same scope, still not done
    expect(rounded(optimistic)).to.deep.equal(rounded(fullCharts(state)));
    // The confirmation brings the entry of today: the past is back to backlog, 'weird' only today.
    state = {
      ...state,
      tasks: state.tasks.set({ ...state.tasks.get('r')!, version: 3 }),
      activity: state.activity.set(entry(r, '2026-11-25T10:00:00.000Z', 'updated', [{ field: 'status', from: 'backlog', to: 'weird' }])),
    };
    const confirmed = live.update(state);
    expect(confirmed.cumulativeFlow.series.find((series) => series.status === 'weird')!.counts).to.deep.equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(rounded(confirmed)).to.deep.equal(rounded(fullCharts(state)));
    // Back to backlog, logged: 'weird' is counted on no day and its series goes.
    state = {
      ...state,
      tasks: state.tasks.set({ ...state.tasks.get('r')!, status: 'backlog', version: 4 }),
      activity: state.activity.set(entry(r, '2026-11-25T11:00:00.000Z', 'updated', [{ field: 'status', from: 'weird', to: 'backlog' }])),
    };
    const back = live.update(state);
    expect(back.cumulativeFlow.series.map((series) => series.status)).not.to.include('weird');
    expect(rounded(back)).to.deep.equal(rounded(fullCharts(state)));
    expect(back.cumulativeFlow).to.deep.equal(before.cumulativeFlow);
  });

  it('works for a range of today only, and an empty range', () => {
    const state = initialState();
    const single = createLiveFlow({ projectIds: PROJECT_IDS, from: TODAY, today: TODAY });
    expect(single.update(state)).to.deep.equal(flowCharts({ tasks: state.tasks.values(), activity: state.activity.values(), workflowOf: (id) => state.projects.get(id)?.workflow, from: TODAY, to: TODAY, projectIds: PROJECT_IDS }));
    const empty = createLiveFlow({ projectIds: PROJECT_IDS, from: '2026-12-01', today: TODAY });
    expect(empty.update(state).burndown).to.deep.equal([]);
  });
});
