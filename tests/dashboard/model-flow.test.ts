import { expect } from '@open-wc/testing';
import type { ActivityEntry, FieldChange, Task } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { burndown, burnup, cumulativeFlow, flowCharts } from '../../packages/dashboard/src/model/flow.js';
import type { FlowInput } from '../../packages/dashboard/src/model/flow-replay.js';
import { makeTask, sameWorkflow, WORKFLOW } from '../fixtures/entities.js';

let sequence = 0;
function entry(taskId: string, at: string, action: ActivityEntry['action'], changes: FieldChange[], projectId = 'p-1'): ActivityEntry {
  sequence++;
  return { id: `a-${sequence}`, version: 1, createdAt: at, updatedAt: at, taskId, projectId, actorId: 'u-1', at, action, changes };
}
const created = (taskId: string, at: string, status = 'todo'): ActivityEntry => entry(taskId, at, 'created', [{ field: 'status', from: null, to: status }]);
const moved = (taskId: string, at: string, from: string, to: string): ActivityEntry => entry(taskId, at, 'updated', [{ field: 'status', from, to }]);
const estimated = (taskId: string, at: string, from: number | null, to: number | null): ActivityEntry =>
  entry(taskId, at, 'updated', [{ field: 'estimate', from, to }]);
const deleted = (taskId: string, at: string, status: string, projectId = 'p-1'): ActivityEntry =>
  entry(taskId, at, 'deleted', [{ field: 'status', from: status, to: null }], projectId);

// Ten days, D1 = 2026-11-02 ... D10 = 2026-11-11. Workflow todo -> doing -> done (WORKFLOW).
//  t-1 est 8:  created D1 todo, D3 doing, D5 done.
//  t-2 est 4 -> 6 on D4: created D1 todo, D6 doing, D8 done, D9 reopened (doing).
//  t-3 no estimate: created D2 todo, D7 done.
//  t-4 estimate set to 5 on D4: created D3 todo, deleted D6 at 17:00 (only the log knows it).
//  t-5 est 10, created before the range: D4 moved to `blocked`, a status the workflow does not know.
const LOG: ActivityEntry[] = [
  // Deliberately not in time order: the replay sorts.
  moved('t-1', '2026-11-06T15:00:00.000Z', 'doing', 'done'),
  created('t-1', '2026-11-02T09:00:00.000Z'),
  moved('t-1', '2026-11-04T10:00:00.000Z', 'todo', 'doing'),
  created('t-2', '2026-11-02T09:30:00.000Z'),
  estimated('t-2', '2026-11-05T11:00:00.000Z', 4, 6),
  moved('t-2', '2026-11-07T09:00:00.000Z', 'todo', 'doing'),
  moved('t-2', '2026-11-09T16:00:00.000Z', 'doing', 'done'),
  moved('t-2', '2026-11-10T08:00:00.000Z', 'done', 'doing'),
  created('t-3', '2026-11-03T10:00:00.000Z'),
  moved('t-3', '2026-11-08T12:00:00.000Z', 'todo', 'done'),
  created('t-4', '2026-11-04T09:00:00.000Z'),
  estimated('t-4', '2026-11-05T10:00:00.000Z', null, 5),
  deleted('t-4', '2026-11-07T17:00:00.000Z', 'todo'),
  created('t-5', '2026-10-30T09:00:00.000Z'),
  moved('t-5', '2026-11-05T14:00:00.000Z', 'todo', 'blocked'),
];
const TASKS: Task[] = [
  makeTask('t-1', { status: 'done', estimate: 8 }),
  makeTask('t-2', { status: 'doing', estimate: 6 }),
  makeTask('t-3', { status: 'done' }),
  makeTask('t-5', { status: 'blocked', estimate: 10 }),
];
const INPUT: FlowInput = { tasks: TASKS, activity: LOG, workflowOf: sameWorkflow, from: '2026-11-02', to: '2026-11-11' };

describe('flow charts from the activity log', () => {
  it('burndown: open tasks and remaining hours at the end of every day', () => {
    const points = burndown(INPUT);
    expect(points.map((point) => point.date)).to.deep.equal([
      '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06',
      '2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10', '2026-11-11',
    ]);
    // D1: t-1 8 + t-2 4 + t-5 10 = 22 h, 3 open.
    // D2: + t-3 (no estimate) -> 4 open, 22 h, 1 unestimated.
    // D3: + t-4 (estimate unknown yet: from null) -> 5 open, 22 h, 2 unestimated.
    // D4: t-2 4 -> 6, t-4 gets 5 -> 8+6+0+5+10 = 29 h, t-5 blocked is still open; 1 unestimated (t-3).
    // D5: t-1 done -> 4 open, 29-8 = 21 h.
    // D6: t-4 deleted -> 3 open (t-2, t-3, t-5), 6+10 = 16 h.
    // D7: t-3 done -> 2 open, 16 h, nobody unestimated.
    // D8: t-2 done -> 1 open (t-5), 10 h.
    // D9: t-2 reopened -> 2 open, 16 h. D10: unchanged.
    expect(points.map((point) => point.open)).to.deep.equal([3, 4, 5, 5, 4, 3, 2, 1, 2, 2]);
    expect(points.map((point) => point.remainingHours)).to.deep.equal([22, 22, 22, 29, 21, 16, 16, 10, 16, 16]);
    expect(points.map((point) => point.unestimatedOpen)).to.deep.equal([0, 1, 2, 1, 1, 1, 0, 0, 0, 0]);
  });

  it('burnup: done against total scope, with scope added and removed', () => {
    const points = burnup(INPUT);
    // total: D1 3 (t-5 existed before), D2 4, D3 5, D4-D5 5, D6 4 (t-4 deleted), then 4.
    expect(points.map((point) => point.total)).to.deep.equal([3, 4, 5, 5, 5, 4, 4, 4, 4, 4]);
    // done: t-1 from D5, t-3 from D7, t-2 on D8 only (reopened D9).
    expect(points.map((point) => point.done)).to.deep.equal([0, 0, 0, 0, 1, 1, 2, 3, 2, 2]);
    // totalHours: 22, 22, 22, 29 (t-2 6, t-4 5), 29, 24 (t-4 gone), then 24.
    expect(points.map((point) => point.totalHours)).to.deep.equal([22, 22, 22, 29, 29, 24, 24, 24, 24, 24]);
    // doneHours: t-1 8 from D5; t-3 adds 0; t-2 adds 6 on D8 only.
    expect(points.map((point) => point.doneHours)).to.deep.equal([0, 0, 0, 0, 8, 8, 8, 14, 8, 8]);
    // added: t-1 and t-2 on D1, t-3 on D2, t-4 on D3; removed: t-4 on D6.
    expect(points.map((point) => point.added)).to.deep.equal([2, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(points.map((point) => point.removed)).to.deep.equal([0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('cumulative flow: tasks per status in workflow order, an unknown status last', () => {
    const flow = cumulativeFlow(INPUT);
    expect(flow.dates).to.have.length(10);
    expect(flow.series.map((series) => [series.status, series.name, series.category])).to.deep.equal([
      ['todo', 'To do', 'todo'],
      ['doing', 'Doing', 'active'],
      ['done', 'Done', 'done'],
      ['blocked', 'blocked', undefined],
    ]);
    const [todo, doing, done, blocked] = flow.series.map((series) => series.counts);
    // D1 t-1 t-2 t-5 | D2 +t-3 | D3 t-1 doing, +t-4 | D4 t-5 blocked | D5 t-1 done | D6 t-2 doing, t-4 gone
    // D7 t-3 done | D8 t-2 done | D9 t-2 doing again | D10 same.
    expect(todo).to.deep.equal([3, 4, 4, 3, 3, 1, 0, 0, 0, 0]);
    expect(doing).to.deep.equal([0, 0, 1, 1, 0, 1, 1, 0, 1, 1]);
    expect(done).to.deep.equal([0, 0, 0, 0, 1, 1, 2, 3, 2, 2]);
    expect(blocked).to.deep.equal([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('flowCharts gives the same three charts from one replay', () => {
    const charts = flowCharts(INPUT);
    expect(charts.burndown).to.deep.equal(burndown(INPUT));
    expect(charts.burnup).to.deep.equal(burnup(INPUT));
    expect(charts.cumulativeFlow).to.deep.equal(cumulativeFlow(INPUT));
  });

  it('a task without any log entry counts from the start with its current status and estimate', () => {
    const points = burnup({ tasks: [makeTask('t-9', { status: 'done', estimate: 3 })], activity: [], workflowOf: sameWorkflow, from: '2026-11-02', to: '2026-11-03' });
    expect(points.map((point) => [point.total, point.done, point.doneHours, point.added])).to.deep.equal([[1, 1, 3, 0], [1, 1, 3, 0]]);
  });

  it('before its first logged change a task has the `from` of that change, not its current value', () => {
    // Created before the log was kept: only the move todo -> done on 11-03 is logged.
    const log = [moved('t-9', '2026-11-03T12:00:00.000Z', 'todo', 'done'), estimated('t-9', '2026-11-03T12:00:00.000Z', 2, 3)];
    const points = burndown({ tasks: [makeTask('t-9', { status: 'done', estimate: 3 })], activity: log, workflowOf: sameWorkflow, from: '2026-11-02', to: '2026-11-03' });
    expect(points.map((point) => [point.open, point.remainingHours])).to.deep.equal([[1, 2], [0, 0]]);
  });

  it('places instants on the workspace clock: 23:30 UTC is the next day at UTC+1', () => {
    const log = [created('t-9', '2026-11-01T09:00:00.000Z'), moved('t-9', '2026-11-02T23:30:00.000Z', 'todo', 'done')];
    const base = { tasks: [makeTask('t-9', { status: 'done' })], activity: log, workflowOf: sameWorkflow, from: '2026-11-02', to: '2026-11-03' };
    expect(burnup(base).map((point) => point.done)).to.deep.equal([1, 1]);
    expect(burnup({ ...base, utcOffsetMinutes: 60 }).map((point) => point.done)).to.deep.equal([0, 1]);
    // An entry without a readable instant is left out rather than guessed: the task stays in `todo`.
    expect(burnup({ ...base, activity: [log[0]!, { ...log[1]!, at: 'yesterday' }] }).map((point) => point.done)).to.deep.equal([0, 0]);
  });

  it('counts subtasks, not their parent, and keeps to the projects asked for', () => {
    const tasks = [
      makeTask('parent', { estimate: 100 }),
      makeTask('child', { parentId: 'parent', estimate: 2 }),
      makeTask('other', { projectId: 'p-2', estimate: 7 }),
    ];
    const points = burndown({ tasks, activity: [deleted('gone', '2026-11-02T10:00:00.000Z', 'todo', 'p-2')], workflowOf: sameWorkflow, from: '2026-11-02', to: '2026-11-02', projectIds: ['p-1'] });
    expect(points).to.deep.equal([{ date: '2026-11-02', open: 1, remainingHours: 2, unestimatedOpen: 0 }]);
  });

  it('an empty or invalid range gives no days, never NaN', () => {
    expect(burndown({ ...INPUT, from: '2026-11-05', to: '2026-11-04' })).to.deep.equal([]);
    expect(burnup({ ...INPUT, from: 'soon' })).to.deep.equal([]);
    // An empty project still shows its workflow's statuses, all at zero.
    const flow = cumulativeFlow({ ...INPUT, tasks: [], activity: [], from: '2026-11-02', to: '2026-11-03', projectIds: ['p-1'] });
    expect(flow.series.map((series) => series.counts)).to.deep.equal(WORKFLOW.statuses.map(() => [0, 0]));
  });

  it('replays 10,000 tasks x 90 days with their log fast', () => {
    const data = generateWorkspace({ tasks: 10_000, people: 200, projects: 20, messagesPerTask: 0 });
    const projects = new Map(data.projects.map((project) => [project.id, project.workflow]));
    const today = data.tasks.reduce((latest, task) => (task.updatedAt > latest ? task.updatedAt : latest), '').slice(0, 10);
    const from = new Date(Date.parse(`${today}T00:00:00.000Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    const input: FlowInput = { tasks: data.tasks, activity: data.activity, workflowOf: (id) => projects.get(id), from, to: today };
    flowCharts(input);
    const started = performance.now();
    const charts = flowCharts(input);
    const elapsed = performance.now() - started;
    console.log(`flowCharts: ${data.tasks.length} tasks x 90 days, ${data.activity.length} log entries: ${elapsed.toFixed(1)} ms`);
    expect(charts.burnup).to.have.length(90);
    // The replay ends at today's statuses: the last day matches the tasks as they are.
    const leaves = data.tasks.filter((task) => !data.tasks.some((other) => other.parentId === task.id));
    expect(charts.burnup[89]!.total).to.equal(leaves.length);
    expect(elapsed).to.be.below(1000);
  });
});
