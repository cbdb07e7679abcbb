import { expect } from '@open-wc/testing';
import { Table, type Project, type Task } from '@cwm/core';
import {
  computeLayout,
  NO_STATUS,
  NO_VALUE,
  planMove,
  SINGLE_LANE,
  type BoardConfig,
  type CellTarget,
  type MovePlan,
} from '../../packages/board/src/model/index.js';
import { makeTask } from '../fixtures/entities.js';
import { applyChanges, bigBoard, cell, config, medianMs, PEOPLE, project } from './model-fixtures.js';

/** A board over some tasks, with helpers to plan a move and to see the board after it. */
function board(tasks: Task[], boardConfig: Partial<BoardConfig> = {}, projects: Project[] = [project()]) {
  const setup = {
    tasks: Table.from(tasks),
    projects: Table.from(projects),
    people: Table.from(PEOPLE),
    config: config(boardConfig),
  };
  const layout = computeLayout(setup);
  return {
    layout,
    tasks: setup.tasks,
    plan(ids: string[], target: Partial<CellTarget> & { columnKey: string }, indexCounts?: 'all' | 'staying'): MovePlan {
      const full: CellTarget = { laneKey: SINGLE_LANE, index: 0, ...target };
      return planMove({ layout, tasks: setup.tasks, projects: setup.projects, config: setup.config, ids, target: full, ...(indexCounts ? { indexCounts } : {}) });
    },
    /** The layout after applying an accepted plan. */
    after(plan: MovePlan) {
      if (!plan.ok) throw new Error(`refused: ${plan.reason}`);
      return computeLayout({ ...setup, tasks: applyChanges(setup.tasks, plan.changes) });
    },
  };
}

const column = (ranks: string[], status = 'todo', extra: Partial<Task> = {}) =>
  ranks.map((rank, index) => makeTask(`${status}-${index + 1}`, { status, rank, ...extra }));

describe('move plans: order within a cell', () => {
  const tasks = column(['b', 'd', 'f', 'h']);

  it('moves a card down: the index counts the moving card, as the drop indicator does', () => {
    const b = board(tasks);
    // Between todo-3 and todo-4 as seen before the move: slot 3 of [1, 2, 3, 4].
    const plan = b.plan(['todo-1'], { columnKey: 'todo', index: 3 });
    expect(plan.ok).to.equal(true);
    if (!plan.ok) return;
    expect(plan.from).to.deep.equal({ laneKey: SINGLE_LANE, columnKey: 'todo', index: 0 });
    expect(plan.to).to.deep.equal({ laneKey: SINGLE_LANE, columnKey: 'todo', index: 2 });
    expect(plan.changes).to.have.length(1);
    expect(Object.keys(plan.changes[0]!.patch)).to.deep.equal(['rank']);
    const rank = plan.changes[0]!.patch.rank!;
    expect(rank > 'f' && rank < 'h').to.equal(true);
    expect(cell(b.after(plan), SINGLE_LANE, 'todo')).to.deep.equal(['todo-2', 'todo-3', 'todo-1', 'todo-4']);
  });

  it('moves a card up, to the top and to the end', () => {
    const b = board(tasks);
    expect(cell(b.after(b.plan(['todo-4'], { columnKey: 'todo', index: 1 })), SINGLE_LANE, 'todo')).to.deep.equal([
      'todo-1',
      'todo-4',
      'todo-2',
      'todo-3',
    ]);
    expect(cell(b.after(b.plan(['todo-3'], { columnKey: 'todo', index: 0 })), SINGLE_LANE, 'todo')).to.deep.equal([
      'todo-3',
      'todo-1',
      'todo-2',
      'todo-4',
    ]);
    expect(cell(b.after(b.plan(['todo-2'], { columnKey: 'todo', index: 99 })), SINGLE_LANE, 'todo')).to.deep.equal([
      'todo-1',
      'todo-3',
      'todo-4',
      'todo-2',
    ]);
  });

  it('keeps several cards together in the order given', () => {
    const b = board(tasks);
    const plan = b.plan(['todo-4', 'todo-1'], { columnKey: 'todo', index: 2 });
    expect(cell(b.after(plan), SINGLE_LANE, 'todo')).to.deep.equal(['todo-2', 'todo-4', 'todo-1', 'todo-3']);
    if (plan.ok) expect(plan.to.index).to.equal(1);
  });

  it('changes nothing when the cards are dropped where they are', () => {
    const b = board(tasks);
    for (const index of [1, 2]) {
      const plan = b.plan(['todo-2'], { columnKey: 'todo', index });
      expect(plan).to.deep.include({ ok: true, changes: [] });
    }
    expect(b.plan(['todo-2', 'todo-3'], { columnKey: 'todo', index: 1 })).to.deep.include({ ok: true, changes: [] });
    const swapped = b.plan(['todo-3', 'todo-2'], { columnKey: 'todo', index: 1 });
    expect(swapped.ok && swapped.changes).to.have.length(2);
  });

  it('can read the index as counting only the cards that stay', () => {
    const b = board(tasks);
    const plan = b.plan(['todo-1'], { columnKey: 'todo', index: 2 }, 'staying');
    expect(cell(b.after(plan), SINGLE_LANE, 'todo')).to.deep.equal(['todo-2', 'todo-3', 'todo-1', 'todo-4']);
  });

  it('orders exactly between neighbours whose ranks are adjacent', () => {
    const b = board([makeTask('a', { rank: 'i' }), makeTask('b', { rank: 'i1' }), makeTask('c', { rank: 'z' })]);
    const plan = b.plan(['c'], { columnKey: 'todo', index: 1 });
    expect(cell(b.after(plan), SINGLE_LANE, 'todo')).to.deep.equal(['a', 'c', 'b']);
  });

  it('orders among the visible cards even when hidden tasks of the status sit between them', () => {
    const b = board(
      [makeTask('a', { rank: 'b', title: 'shown' }), makeTask('h', { rank: 'c', title: 'hidden' }), makeTask('c', { rank: 'd', title: 'shown' }), makeTask('m', { rank: 'x', title: 'shown' })],
      { filter: { text: 'shown' } },
    );
    const plan = b.plan(['m'], { columnKey: 'todo', index: 1 });
    expect(cell(b.after(plan), SINGLE_LANE, 'todo')).to.deep.equal(['a', 'm', 'c']);
  });
});

describe('move plans: between cells', () => {
  it('a new status with a rank at the dropped place', () => {
    const b = board([...column(['b', 'd'], 'doing'), ...column(['c', 'e'], 'review')]);
    const plan = b.plan(['doing-2'], { columnKey: 'review', index: 1 });
    expect(plan.ok).to.equal(true);
    if (!plan.ok) return;
    expect(plan.changes[0]!.patch.status).to.equal('review');
    expect(plan.from).to.deep.equal({ laneKey: SINGLE_LANE, columnKey: 'doing', index: 1 });
    expect(plan.to).to.deep.equal({ laneKey: SINGLE_LANE, columnKey: 'review', index: 1 });
    const after = b.after(plan);
    expect(cell(after, SINGLE_LANE, 'review')).to.deep.equal(['review-1', 'doing-2', 'review-2']);
    expect(cell(after, SINGLE_LANE, 'doing')).to.deep.equal(['doing-1']);
  });

  it('into an empty cell and from several cells at once', () => {
    const b = board([...column(['b'], 'doing'), ...column(['c'], 'review')]);
    const plan = b.plan(['review-1', 'doing-1'], { columnKey: 'done', index: 0 });
    expect(plan.ok).to.equal(true);
    if (!plan.ok) return;
    expect(plan.changes.map((change) => [change.id, change.patch.status])).to.deep.equal([
      ['review-1', 'done'],
      ['doing-1', 'done'],
    ]);
    expect(cell(b.after(plan), SINGLE_LANE, 'done')).to.deep.equal(['review-1', 'doing-1']);
  });

  it('out of "no status" into a status of the workflow', () => {
    const b = board([makeTask('x', { status: 'limbo' }), ...column(['m'], 'todo')]);
    const plan = b.plan(['x'], { columnKey: 'todo', index: 0 });
    expect(plan.ok).to.equal(true);
    expect(cell(b.after(plan), SINGLE_LANE, 'todo')).to.deep.equal(['x', 'todo-1']);
  });

  it('assignee columns: the source person gives way to the target person', () => {
    const tasks = [makeTask('t-1', { assigneeIds: ['u-1', 'u-3'] }), makeTask('t-2'), makeTask('t-3', { assigneeIds: ['u-2'] })];
    const b = board(tasks, { columnsBy: 'assignee' });
    const toGrace = b.plan(['t-1'], { columnKey: 'u-2', index: 0 });
    expect(toGrace.ok && toGrace.changes[0]!.patch.assigneeIds).to.deep.equal(['u-2', 'u-3']);
    expect(cell(b.after(toGrace), SINGLE_LANE, 'u-2')).to.deep.equal(['t-1', 't-3']);
    const unassign = b.plan(['t-3'], { columnKey: NO_VALUE, index: 0 });
    expect(unassign.ok && unassign.changes[0]!.patch.assigneeIds).to.deep.equal([]);
    // A task with several assignees dropped on "Unassigned" is unassigned, so it lands where it was dropped.
    const unassignShared = b.plan(['t-1'], { columnKey: NO_VALUE, index: 0 });
    expect(unassignShared.ok && unassignShared.changes[0]!.patch.assigneeIds).to.deep.equal([]);
    const assign = b.plan(['t-2'], { columnKey: 'u-1', index: 0 });
    expect(assign.ok && assign.changes[0]!.patch.assigneeIds).to.deep.equal(['u-1']);
    expect(assign.ok && assign.changes[0]!.patch.status).to.equal(undefined);
    // Dropping on a person who is already a later assignee does not list them twice.
    const toSecond = b.plan(['t-1'], { columnKey: 'u-3', index: 0 });
    expect(toSecond.ok && toSecond.changes[0]!.patch.assigneeIds).to.deep.equal(['u-3']);
  });

  it('lanes: status and lane field change together', () => {
    const b = board([makeTask('t-1', { assigneeIds: ['u-1'], priority: 'low' })], { lanesBy: 'assignee' }, [project('p-1', { memberIds: ['u-2'] })]);
    const plan = b.plan(['t-1'], { laneKey: 'u-2', columnKey: 'doing', index: 0 });
    expect(plan.ok && plan.changes[0]!.patch).to.deep.include({ status: 'doing', assigneeIds: ['u-2'] });
    const byPriority = board([makeTask('t-1', { priority: 'low' })], { lanesBy: 'priority' });
    const raise = byPriority.plan(['t-1'], { laneKey: 'urgent', columnKey: 'todo', index: 0 });
    expect(raise.ok && raise.changes[0]!.patch).to.deep.include({ priority: 'urgent' });
    expect(raise.ok && 'status' in raise.changes[0]!.patch).to.equal(false);
    expect(cell(byPriority.after(raise), 'urgent', 'todo')).to.deep.equal(['t-1']);
  });

  it('priority columns set the priority', () => {
    const b = board([makeTask('t-1', { priority: 'none' })], { columnsBy: 'priority' });
    const plan = b.plan(['t-1'], { columnKey: 'high', index: 0 });
    expect(plan.ok && plan.changes[0]!.patch.priority).to.equal('high');
  });

  it('parent lanes set or remove the parent, and refuse a loop', () => {
    const tasks = [makeTask('e-1', { rank: 'a' }), makeTask('e-2', { rank: 'b' }), makeTask('t-1', { parentId: 'e-1' }), makeTask('t-2'), makeTask('t-3', { parentId: 'e-2' })];
    const b = board(tasks, { lanesBy: 'parent' });
    const reparent = b.plan(['t-1'], { laneKey: 'e-2', columnKey: 'todo', index: 0 });
    expect(reparent.ok && reparent.changes[0]!.patch.parentId).to.equal('e-2');
    const detach = b.plan(['t-1'], { laneKey: NO_VALUE, columnKey: 'todo', index: 0 });
    expect(detach.ok && 'parentId' in detach.changes[0]!.patch && detach.changes[0]!.patch.parentId === undefined).to.equal(true);
    expect(cell(b.after(detach), NO_VALUE, 'todo')).to.include('t-1');
    const adopt = b.plan(['t-2'], { laneKey: 'e-1', columnKey: 'todo', index: 0 });
    expect(adopt.ok && adopt.changes[0]!.patch.parentId).to.equal('e-1');
    const loop = b.plan(['e-1'], { laneKey: 'e-1', columnKey: 'todo', index: 0 });
    expect(loop).to.deep.include({ ok: false, code: 'not-droppable' });
  });
});

describe('move plans: refusals', () => {
  it('never into "no status"', () => {
    const b = board([makeTask('x', { status: 'limbo' }), makeTask('t-1')]);
    const plan = b.plan(['t-1'], { columnKey: NO_STATUS, index: 0 });
    expect(plan).to.deep.include({ ok: false, code: 'not-droppable' });
    expect(plan.ok ? '' : plan.reason).to.match(/No status/);
  });

  it('not to places or with cards that are not on the board', () => {
    const b = board([makeTask('t-1')]);
    expect(b.plan(['t-1'], { columnKey: 'nowhere' })).to.deep.include({ ok: false, code: 'not-droppable' });
    expect(b.plan(['t-1'], { columnKey: 'doing', laneKey: 'lane?' })).to.deep.include({ ok: false, code: 'not-droppable' });
    expect(b.plan(['t-9'], { columnKey: 'doing' })).to.deep.include({ ok: false, code: 'not-droppable', reason: 'Task t-9 is not on the board.' });
    expect(b.plan([], { columnKey: 'doing' })).to.deep.include({ ok: false, code: 'not-droppable' });
  });

  it('a transition the workflow does not allow', () => {
    const b = board([makeTask('t-1', { status: 'todo' })]);
    const plan = b.plan(['t-1'], { columnKey: 'done', index: 0 });
    expect(plan).to.deep.equal({ ok: false, code: 'transition', reason: 'Tasks cannot move from To do to Done in Project p-1.' });
  });

  it('a blocking WIP limit, counting hidden tasks and the other cards of the same drop', () => {
    const one = board([makeTask('d-1', { status: 'doing', title: 'hidden' }), makeTask('t-1', { title: 'shown' }), makeTask('t-2', { title: 'shown' })], {
      filter: { text: 'shown' },
    });
    expect(one.plan(['t-1'], { columnKey: 'doing' }).ok).to.equal(true);
    const both = one.plan(['t-1', 't-2'], { columnKey: 'doing' });
    expect(both).to.deep.equal({ ok: false, code: 'wip-limit', reason: 'Doing is at its limit of 2 tasks.' });
    // Reordering inside a full column is no new arrival.
    const full = board([makeTask('d-1', { status: 'doing', rank: 'a' }), makeTask('d-2', { status: 'doing', rank: 'b' })]);
    expect(full.plan(['d-2'], { columnKey: 'doing', index: 0 }).ok).to.equal(true);
  });

  it('a warning WIP limit does not refuse', () => {
    const warn = project('p-1');
    const relaxed = { ...warn, workflow: { ...warn.workflow, wipPolicy: 'warn' as const } };
    const b = board([makeTask('d-1', { status: 'doing' }), makeTask('d-2', { status: 'doing' }), makeTask('t-1')], {}, [relaxed]);
    expect(b.plan(['t-1'], { columnKey: 'doing' }).ok).to.equal(true);
  });

  it('across projects', () => {
    const projects = [project('p-1'), project('p-2', { key: 'OPS' })];
    const b = board([makeTask('t-1'), makeTask('t-2', { projectId: 'p-2', rank: 'a' }), makeTask('t-3', { projectId: 'p-2', rank: 'b' })], { columnsBy: 'project', projectIds: ['p-1', 'p-2'] }, projects);
    expect(b.plan(['t-1'], { columnKey: 'p-2' })).to.deep.include({ ok: false, code: 'cross-project' });
    expect(cell(b.after(b.plan(['t-3'], { columnKey: 'p-2', index: 0 })), SINGLE_LANE, 'p-2')).to.deep.equal(['t-3', 't-2']);
    const lanes = board([makeTask('t-1'), makeTask('t-2', { projectId: 'p-2' })], { lanesBy: 'project', projectIds: ['p-1', 'p-2'] }, projects);
    expect(lanes.plan(['t-1'], { laneKey: 'p-2', columnKey: 'todo' })).to.deep.include({ ok: false, code: 'cross-project' });
  });

  it('a status the task\'s own project does not have (portfolio boards)', () => {
    const other = project('p-2', {
      workflow: { statuses: [{ id: 'todo', name: 'Open', category: 'todo' }, { id: 'blocked', name: 'Blocked', category: 'active' }], wipPolicy: 'warn' },
    });
    const b = board([makeTask('t-1'), makeTask('t-2', { projectId: 'p-2' })], { projectIds: ['p-1', 'p-2'] }, [project('p-1'), other]);
    const plan = b.plan(['t-1'], { columnKey: 'blocked' });
    expect(plan).to.deep.equal({ ok: false, code: 'unknown-status', reason: '"blocked" is not a status of Project p-1.' });
    expect(b.plan(['t-2'], { columnKey: 'blocked' }).ok).to.equal(true);
  });
});

describe('move plans: speed', () => {
  it('plans a drop on a 10,000-card board within a frame', () => {
    const { tasks, projects, people } = bigBoard(10_000);
    const setup = { tasks: Table.from(tasks), projects: Table.from(projects), people: Table.from(people) };
    const boardConfig = config({ projectIds: [projects[0]!.id], lanesBy: 'assignee' });
    const layout = computeLayout({ ...setup, config: boardConfig });
    const source = tasks.find((item) => item.status === 's-2')!;
    const position = layout.positions.get(source.id)!;
    const target = { laneKey: position.laneKey, columnKey: 's-3', index: 1 };
    let plan: MovePlan | undefined;
    const runs = 200;
    const time =
      medianMs(5, () => {
        for (let run = 0; run < runs; run++) plan = planMove({ layout, ...setup, config: boardConfig, ids: [source.id], target });
      }) / runs;
    console.log(`planMove on 10,000 cards: ${time.toFixed(3)} ms`);
    expect(plan?.ok).to.equal(true);
    expect(time).to.be.below(4);
  });
});
