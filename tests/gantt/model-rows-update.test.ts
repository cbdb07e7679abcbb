import { expect } from '@open-wc/testing';
import { addDays, Table, type Id, type Project, type Task } from '@cwm/core';
import { generateWorkspace, mulberry32 } from '@cwm/core/testing';
import {
  buildGanttRows,
  dependencyLinks,
  projectTasksOf,
  updateGanttRows,
  updateProjectTasks,
  type GanttRows,
  type GanttRowsInput,
  type InvalidTask,
  type ProjectTasks,
} from '@cwm/gantt';
import { makeTask } from '../fixtures/entities.js';

/** A generated workspace as the element sees it: a table, the shown projects, a stable isDone. */
function plan(count: number, seed: number, projects = 2) {
  const data = generateWorkspace({ tasks: count, projects, people: 12, messagesPerTask: 0, seed });
  const done = new Set<string>();
  for (const project of data.projects as readonly Project[]) {
    for (const status of project.workflow.statuses) if (status.category === 'done') done.add(`${project.id}/${status.id}`);
  }
  const isDone = (task: Task) => done.has(`${task.projectId}/${task.status}`);
  const doneStatus = (task: Task) => [...done].find((key) => key.startsWith(`${task.projectId}/`))!.slice(task.projectId.length + 1);
  return { table: Table.from(data.tasks), projectIds: data.projects.map((project) => project.id), isDone, doneStatus };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Changes that keep a task in its place in the hierarchy: the patch path. */
const FIELD_CHANGES: readonly ((task: Task, random: Random, context: ReturnType<typeof plan>, all: readonly Task[]) => Task)[] = [
  (task, random) => {
    // Move by up to two weeks either way (both dates, as a drag does).
    const days = Math.floor(random() * 29) - 14;
    return task.start && task.due ? { ...task, start: addDays(task.start, days), due: addDays(task.due, days) } : { ...task, start: '2026-02-02', due: '2026-02-20' };
  },
  (task, random) => (task.due ? { ...task, due: addDays(task.due, Math.floor(random() * 40) + 1) } : task),
  (task, random) => ({ ...task, start: addDays('2025-06-01', Math.floor(random() * 30)) }), // may extend the range
  (task, random) => ({ ...task, progress: Math.floor(random() * 101) }),
  (task, random) => ({ ...task, title: `Renamed ${Math.floor(random() * 1000)}` }),
  (task, random) => ({ ...task, estimate: Math.floor(random() * 40) }),
  (task, _random, context) => ({ ...task, status: context.doneStatus(task) }),
  (task) => ({ ...task, status: 'never-done' }),
  (task) => ({ ...task, milestone: !task.milestone }),
  (task) => {
    const { start: _start, due: _due, ...rest } = task;
    return rest as Task; // unscheduled now
  },
  (task) => (task.start ? { ...task, due: addDays(task.start, -3) } : task), // reversed dates
  (task, random, _context, all) => ({ ...task, dependencies: [...task.dependencies, { predecessorId: pick(random, all).id, type: 'SS', lag: 1 }] }),
];

function inputOf(tasks: ProjectTasks, context: ReturnType<typeof plan>, collapsed: ReadonlySet<Id>, invalid?: readonly InvalidTask[]): GanttRowsInput {
  return invalid === undefined ? { tasks: tasks.list, collapsed, isDone: context.isDone } : { tasks: tasks.list, collapsed, isDone: context.isDone, invalid };
}

/** Ids of the tasks above `id` (by parentId, within `tasks`). */
function ancestorsOf(id: Id, byId: ReadonlyMap<Id, Task>): Set<Id> {
  const found = new Set<Id>();
  for (let parent = byId.get(id)?.parentId; parent !== undefined && !found.has(parent) && byId.has(parent); parent = byId.get(parent)?.parentId) {
    found.add(parent);
  }
  return found;
}

/** Rows of tasks that did not change and are no ancestor of one are the very same objects. */
function expectUntouchedRowsKept(before: GanttRows, after: GanttRows, changedIds: readonly Id[], tasks: readonly Task[]): number {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const touched = new Set(changedIds);
  for (const id of changedIds) for (const ancestor of ancestorsOf(id, byId)) touched.add(ancestor);
  let kept = 0;
  after.rows.forEach((row, index) => {
    const old = before.rows[index]!;
    // An ancestor whose dates and progress did not move keeps its row too.
    if (touched.has(row.id) && !(row.task === old.task && JSON.stringify(row) === JSON.stringify(old))) return;
    expect(row, `row ${row.id}`).to.equal(old);
    kept++;
  });
  return kept;
}

const plain = (rows: GanttRows, tasks: readonly Task[]) => [...dependencyLinks(rows, tasks)];

describe('updateGanttRows: equal to a build, patched at the cost of the change', () => {
  it('random single and multiple field changes on generated plans deep-equal buildGanttRows', () => {
    let patched = 0;
    for (const seed of [1, 2, 3]) {
      const context = plan(400, seed);
      const random = mulberry32(seed * 97);
      let table = context.table;
      let tasks = projectTasksOf(table, context.projectIds);
      // Collapse a few parents: their hidden subtasks still count in roll-ups and range.
      const parents = [...new Set(tasks.list.map((task) => task.parentId).filter((id): id is Id => id !== undefined))];
      const collapsed = new Set(parents.filter(() => random() < 0.3));
      let input = inputOf(tasks, context, collapsed);
      let rows = buildGanttRows(input);
      for (let round = 0; round < 60; round++) {
        const size = random() < 0.6 ? 1 : 1 + Math.floor(random() * 8);
        const changed = new Map<Id, Task>();
        for (let count = 0; count < size; count++) {
          const id = pick(random, tasks.list).id;
          const current = changed.get(id) ?? table.get(id)!;
          changed.set(id, pick(random, FIELD_CHANGES)(current, random, context, tasks.list));
        }
        const nextTable = table.batch(changed.values());
        const nextTasks = updateProjectTasks(tasks, nextTable, context.projectIds);
        const nextInput = inputOf(nextTasks, context, collapsed);
        const update = updateGanttRows(rows, nextInput);
        const expected = buildGanttRows(nextInput);
        expect(update.rows, `seed ${seed} round ${round}`).to.deep.equal(expected);
        expect(update.patched).to.equal(true);
        if (!update.linksChanged) expect(plain(update.rows, nextTasks.list)).to.deep.equal(plain(rows, tasks.list));
        expectUntouchedRowsKept(rows, update.rows, [...changed.keys()], nextTasks.list);
        patched++;
        table = nextTable;
        tasks = nextTasks;
        input = nextInput;
        rows = update.rows;
      }
    }
    expect(patched).to.equal(180);
  });

  it('keeps the order of the project tasks: same tasks, changed ones in place, the same set as a fresh filter', () => {
    const context = plan(300, 4);
    const tasks = projectTasksOf(context.table, context.projectIds);
    const target = tasks.list[17]!;
    const renamed = { ...target, title: 'Moved on' };
    const next = updateProjectTasks(tasks, context.table.set(renamed), context.projectIds);
    expect(next.list.length).to.equal(tasks.list.length);
    expect(next.list[17]).to.equal(renamed);
    next.list.forEach((task, index) => index !== 17 && expect(task).to.equal(tasks.list[index]));
    expect(next.byId.get(target.id)).to.equal(renamed);
    expect(next.byId.size).to.equal(tasks.list.length);
    expect([...next.byId]).to.deep.equal(next.list);
    // dependencyLinks reads the lookup as it reads the list.
    const rows = buildGanttRows({ tasks: next.list, collapsed: new Set() });
    expect([...dependencyLinks(rows, next.byId)]).to.deep.equal([...dependencyLinks(rows, next.list)]);
  });

  it('returns the previous project tasks themselves when only another project changed', () => {
    const context = plan(300, 5, 3);
    const shown = [context.projectIds[0]!];
    const tasks = projectTasksOf(context.table, shown);
    const other = [...context.table].find((task) => task.projectId !== shown[0])!;
    const next = updateProjectTasks(tasks, context.table.set({ ...other, title: 'elsewhere' }), shown);
    expect(next).to.equal(tasks);
    expect(next.byId.get(other.id)).to.equal(undefined);
  });

  it('follows tasks moving into and out of the shown projects, appended and dropped', () => {
    const context = plan(300, 6, 3);
    const shown = [context.projectIds[0]!];
    const tasks = projectTasksOf(context.table, shown);
    const incoming = [...context.table].find((task) => task.projectId !== shown[0])!;
    const leaving = tasks.list[3]!;
    const table = context.table.batch([{ ...incoming, projectId: shown[0]! }, { ...leaving, projectId: context.projectIds[1]! }]);
    const next = updateProjectTasks(tasks, table, shown);
    expect(next.list.at(-1)!.id).to.equal(incoming.id);
    expect(next.list.map((task) => task.id)).to.not.include(leaving.id);
    expect(next.byId.has(leaving.id)).to.equal(false);
    expect(next.byId.has(incoming.id)).to.equal(true);
    const fresh = projectTasksOf(table, shown);
    expect(new Set(next.list)).to.deep.equal(new Set(fresh.list));
    expect(next.list.length).to.equal(fresh.list.length);
  });

  it('filters again when the projects change or the tables are of another lineage', () => {
    const context = plan(300, 7, 3);
    const tasks = projectTasksOf(context.table, [context.projectIds[0]!]);
    const both = updateProjectTasks(tasks, context.table, context.projectIds.slice(0, 2));
    expect(both.list.length).to.equal([...context.table].filter((task) => context.projectIds.slice(0, 2).includes(task.projectId)).length);
    const unrelated = Table.from([...context.table]);
    const again = updateProjectTasks(tasks, unrelated, [context.projectIds[0]!]);
    expect(again).to.not.equal(tasks);
    expect(again.source).to.equal(unrelated);
    expect(again.list).to.deep.equal(tasks.list);
  });

  it('builds again (and says links changed) for parent and rank changes, new and removed tasks', () => {
    const context = plan(300, 8);
    const tasks = projectTasksOf(context.table, context.projectIds);
    const collapsed = new Set<Id>();
    const rows = buildGanttRows(inputOf(tasks, context, collapsed));
    const child = tasks.list.find((task) => task.parentId !== undefined)!;
    const root = tasks.list.find((task) => task.parentId === undefined && task.id !== child.parentId)!;
    const cases: [string, Table<Task>][] = [
      ['parent', context.table.set({ ...child, parentId: root.id })],
      ['to top level', context.table.set({ ...child, parentId: undefined } as Task)],
      ['rank', context.table.set({ ...child, rank: '0' })],
      ['new task', context.table.set(makeTask('brand-new', { projectId: root.projectId, start: '2026-03-02', due: '2026-03-05' }))],
      ['removed task', context.table.delete(root.id)],
    ];
    for (const [name, table] of cases) {
      const next = updateProjectTasks(tasks, table, context.projectIds);
      const input = inputOf(next, context, collapsed);
      const update = updateGanttRows(rows, input);
      expect(update.patched, name).to.equal(false);
      expect(update.linksChanged, name).to.equal(true);
      expect(update.rows, name).to.deep.equal(buildGanttRows(input));
    }
  });

  it('builds again when collapsed or isDone are other objects, and rows it did not make', () => {
    const context = plan(200, 9);
    const tasks = projectTasksOf(context.table, context.projectIds);
    const input = inputOf(tasks, context, new Set());
    const rows = buildGanttRows(input);
    expect(updateGanttRows(rows, { ...input, collapsed: new Set() }).patched).to.equal(false);
    expect(updateGanttRows(rows, { ...input, isDone: () => false }).patched).to.equal(false);
    expect(updateGanttRows({ ...rows }, input).patched).to.equal(false);
  });

  it('patches with refused tasks of equal content in a new list, and builds again when they differ', () => {
    const context = plan(200, 10);
    const tasks = projectTasksOf(context.table, context.projectIds);
    const refused = (title: string): InvalidTask[] => [{ id: 'bad-1', title, problem: { code: 'invalid-data', message: 'Broken.' } }];
    const collapsed: ReadonlySet<Id> = new Set();
    const rows = buildGanttRows(inputOf(tasks, context, collapsed, refused('Bad')));
    const target = tasks.list[5]!;
    const next = updateProjectTasks(tasks, context.table.set({ ...target, progress: 42 }), context.projectIds);
    const same = updateGanttRows(rows, { ...inputOf(next, context, collapsed, refused('Bad')) });
    expect(same.patched).to.equal(true);
    expect(same.rows).to.deep.equal(buildGanttRows(inputOf(next, context, collapsed, refused('Bad'))));
    expect(same.rows.rows.at(-1)).to.equal(rows.rows.at(-1));
    expect(updateGanttRows(rows, inputOf(next, context, collapsed, refused('Worse'))).patched).to.equal(false);
  });

  it('keeps previous rows, indexOf and range objects when the change shows nowhere', () => {
    const parent = makeTask('p', { rank: 'a' });
    const hidden = makeTask('c', { parentId: 'p', rank: 'a', start: '2026-03-02', due: '2026-03-04', description: 'old' });
    const other = makeTask('d', { parentId: 'p', rank: 'b', start: '2026-03-03', due: '2026-03-09' });
    const collapsed = new Set(['p']);
    const rows = buildGanttRows({ tasks: [parent, hidden, other], collapsed });
    const update = updateGanttRows(rows, { tasks: [parent, { ...hidden, description: 'new' }, other], collapsed });
    expect(update.patched).to.equal(true);
    expect(update.rows).to.equal(rows);
    expect(update.linksChanged).to.equal(false);
    // And the remembered state moved on: the next update starts from the new list.
    const moved = [parent, { ...hidden, description: 'new', due: '2026-03-20' }, other];
    const again = updateGanttRows(update.rows, { tasks: moved, collapsed });
    expect(again.patched).to.equal(true);
    expect(again.rows).to.deep.equal(buildGanttRows({ tasks: moved, collapsed }));
    expect(again.rows.rows[0]!.due).to.equal('2026-03-20');
    expect(again.rows.indexOf).to.equal(rows.indexOf);
  });

  it('rolls a status change to done into the parents as 100 %, exactly as a build', () => {
    const isDone = (task: Task) => task.status === 'done';
    const collapsed = new Set<Id>();
    const tasks = [
      makeTask('p', { rank: 'a' }),
      makeTask('c1', { parentId: 'p', rank: 'a', start: '2026-03-02', due: '2026-03-04', estimate: 3, progress: 10 }),
      makeTask('c2', { parentId: 'p', rank: 'b', start: '2026-03-03', due: '2026-03-09', estimate: 1, progress: 0 }),
    ];
    const rows = buildGanttRows({ tasks, collapsed, isDone });
    const next = [tasks[0]!, tasks[1]!, { ...tasks[2]!, status: 'done' }];
    const update = updateGanttRows(rows, { tasks: next, collapsed, isDone });
    expect(update.patched).to.equal(true);
    expect(update.rows.rows[0]!.progress).to.equal((3 * 10 + 1 * 100) / 4);
    expect(update.rows.rows[2]!.progress).to.equal(100);
    expect(update.rows.rows[1]).to.equal(rows.rows[1]);
    expect(update.rows).to.deep.equal(buildGanttRows({ tasks: next, collapsed, isDone }));
  });

  it('reports links changed when a row gains or loses its bar, and not for a plain move', () => {
    const collapsed = new Set<Id>();
    const a = makeTask('a', { rank: 'a', start: '2026-03-02', due: '2026-03-04' });
    const b = makeTask('b', { rank: 'b', start: '2026-03-05', due: '2026-03-09', dependencies: [{ predecessorId: 'a', type: 'FS', lag: 0 }] });
    const rows = buildGanttRows({ tasks: [a, b], collapsed });
    const moved = updateGanttRows(rows, { tasks: [a, { ...b, due: '2026-03-12' }], collapsed });
    expect(moved.linksChanged).to.equal(false);
    const { start: _start, ...unscheduled } = a;
    const lost = updateGanttRows(rows, { tasks: [unscheduled as Task, b], collapsed });
    expect(lost.patched).to.equal(true);
    expect(lost.linksChanged).to.equal(true);
    expect([...dependencyLinks(lost.rows, [unscheduled as Task, b])]).to.deep.equal([]);
    expect(lost.rows.range).to.deep.equal({ start: '2026-03-05', due: '2026-03-09' });
  });
});

describe('updateGanttRows: speed at 5,000 tasks', () => {
  it('one date change costs updateProjectTasks + updateGanttRows well under a build (figures printed)', () => {
    const context = plan(5000, 7, 3);
    const collapsed = new Set<Id>();
    const first = projectTasksOf(context.table, context.projectIds);
    const random = mulberry32(11);
    const dated = first.list.filter((task) => task.start !== undefined && task.due !== undefined);
    // The store's tables, one date change each, made beforehand: only the Gantt's derivation is timed.
    const tables: Table<Task>[] = [];
    let table = context.table;
    for (let round = 0; round < 200; round++) {
      const target = table.get(pick(random, dated).id)!;
      const days = random() < 0.5 ? -1 : 1;
      table = table.set({ ...target, start: addDays(target.start!, days), due: addDays(target.due!, days) });
      tables.push(table);
    }
    const run = () => {
      let tasks = first;
      let rows = buildGanttRows(inputOf(tasks, context, collapsed));
      const times: number[] = [];
      let patched = 0;
      const started = performance.now();
      for (const next of tables) {
        const began = performance.now();
        tasks = updateProjectTasks(tasks, next, context.projectIds);
        const update = updateGanttRows(rows, inputOf(tasks, context, collapsed));
        times.push(performance.now() - began);
        rows = update.rows;
        if (update.patched) patched++;
      }
      return { mean: (performance.now() - started) / tables.length, times, patched, tasks, rows };
    };
    run(); // warm up
    const { mean, times, patched, tasks, rows } = run();
    expect(patched).to.equal(tables.length);
    const built = performance.now();
    const expected = buildGanttRows(inputOf(tasks, context, collapsed));
    const buildTime = performance.now() - built;
    expect(rows).to.deep.equal(expected);
    const median = [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
    // performance.now() is coarse in the browser (0.1 ms steps): the mean over the whole run is the sharper figure.
    console.log(
      `5,000 tasks, one date change: update mean ${mean.toFixed(3)} ms, median ${median.toFixed(1)} ms (0.1 ms clock); full build ${buildTime.toFixed(1)} ms`,
    );
    expect(median).to.be.below(8);
    expect(mean).to.be.below(8);
  });
});
