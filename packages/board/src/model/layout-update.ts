import { dependsOnOtherTasks, type Id, type Person, type Project, type Table, type Task, type WorkflowStatus } from '@cwm/core';
import { NO_STATUS, type BoardConfig } from './board-config.js';
import { cellKey, statusCountKey, type BoardColumn, type BoardLane, type BoardLayout, type WipCounts } from './board-layout.js';
import { MATCH_ALL, type TaskPredicate } from './filter.js';
import { byRankThenId, createGrouping, type Grouping } from './grouping.js';
import { LayoutPositions } from './layout-positions.js';
import { compileBoardMatch } from './scope.js';

/** What `updateLayout` needs: the new tasks, the tasks `previous` was laid out from, and the unchanged rest. */
export interface LayoutUpdateInput {
  readonly tasks: Table<Task>;
  /** The tasks table the previous layout was computed from (same lineage as `tasks`). */
  readonly previousTasks: Table<Task>;
  /** The same projects, people and config as the previous layout's: the caller checks. */
  readonly projects: Table<Project>;
  readonly people: Table<Person>;
  readonly config: BoardConfig;
}

/** Beyond this many changed tasks a full layout is about as cheap and far simpler. */
export const MAX_INCREMENTAL_CHANGES = 64;

/**
 * The layout after some tasks changed, computed from `previous` at the cost of the changed tasks only,
 * and exactly what `computeLayout` would give on the new data. Cells no change touches keep their
 * array (cells compare by identity). Returns `previous` when nothing changed, and `undefined` when it
 * cannot be done incrementally (the caller then runs `computeLayout`): the change log is unknown, too
 * many tasks changed, `level` is not `all`, lanes are by parent, the scope reads other tasks
 * (`blocked`), or a change makes a column or lane appear or disappear.
 *
 * Only call it when projects, people and config are those `previous` was computed with.
 */
export function updateLayout(previous: BoardLayout, input: LayoutUpdateInput): BoardLayout | undefined {
  const { config, tasks, previousTasks } = input;
  if ((config.level ?? 'all') !== 'all' || config.lanesBy === 'parent') return undefined;
  // A scope on `blocked` can move a task in or out when only its predecessor changed: not local.
  if (config.scope !== undefined && dependsOnOtherTasks(config.scope)) return undefined;
  if (!(previous.positions instanceof LayoutPositions)) return undefined;
  const logged = tasks.changedSince(previousTasks);
  if (logged === undefined) return undefined;
  const changed = new Set(logged);
  if (changed.size === 0) return previous;
  if (changed.size > MAX_INCREMENTAL_CHANGES) return undefined;
  return new LayoutUpdate(previous, previous.positions, input).apply(changed);
}

/** Whether two configs lay the board out the same, so a layout of one can be updated for the other. */
export function sameLayoutConfig(a: BoardConfig, b: BoardConfig): boolean {
  return (
    a.columnsBy === b.columnsBy &&
    a.lanesBy === b.lanesBy &&
    (a.level ?? 'all') === (b.level ?? 'all') &&
    a.filter === b.filter &&
    a.scope === b.scope &&
    a.userId === b.userId &&
    a.today === b.today &&
    a.projectIds.length === b.projectIds.length &&
    a.projectIds.every((id, index) => b.projectIds[index] === id)
  );
}

/** Thrown inside an update that turns out to need new or fewer columns or lanes. */
const NEEDS_FULL_LAYOUT = Symbol('needs full layout');

/** One update's working state: what each touched cell loses and gains, and the running counts. */
class LayoutUpdate {
  private readonly onBoard: ReadonlySet<Id>;
  private readonly columnGrouping: Grouping;
  private readonly laneGrouping: Grouping;
  private readonly matches: TaskPredicate;
  private readonly trackWip: boolean;
  private readonly everyTaskShown: boolean;
  private readonly columnKeys: ReadonlySet<string>;
  private readonly laneKeys: ReadonlySet<string>;
  /** People whose column or lane exists whoever is assigned: the board's project members. */
  private readonly members: ReadonlySet<Id> | undefined;

  private readonly removals = new Map<string, Set<Id>>();
  private readonly insertions = new Map<string, Task[]>();
  /** Changed tasks shown after the change. */
  private readonly inserted = new Set<Id>();
  private readonly columnDelta = new Map<string, number>();
  private readonly laneDelta = new Map<string, number>();
  private readonly wipColumnDelta = new Map<string, number>();
  private readonly wipCellDelta = new Map<string, number>();
  private readonly wipStatusDelta = new Map<string, number>();
  private shownDelta = 0;
  private totalDelta = 0;

  constructor(
    private readonly previous: BoardLayout,
    private readonly positions: LayoutPositions,
    private readonly input: LayoutUpdateInput,
  ) {
    const { config, projects, people } = input;
    this.onBoard = new Set(config.projectIds);
    const statuses = new Map<Id, ReadonlyMap<string, WorkflowStatus>>();
    for (const id of config.projectIds) {
      const project = projects.get(id);
      if (project) statuses.set(id, new Map(project.workflow.statuses.map((status) => [status.id, status])));
    }
    const context = { projectIds: config.projectIds, projects, people, statuses };
    this.columnGrouping = createGrouping(config.columnsBy, context);
    this.laneGrouping = createGrouping(config.lanesBy, context);
    this.matches = compileBoardMatch(config, { projects, tasks: input.tasks });
    this.trackWip = config.columnsBy === 'status';
    this.everyTaskShown = this.matches === MATCH_ALL;
    this.columnKeys = new Set(previous.columns.map((column) => column.key));
    this.laneKeys = new Set(previous.lanes.map((lane) => lane.key));
    if (config.columnsBy === 'assignee' || config.lanesBy === 'assignee') {
      const members = new Set<Id>();
      for (const id of config.projectIds) for (const member of projects.get(id)?.memberIds ?? []) members.add(member);
      this.members = members;
    }
  }

  apply(changed: ReadonlySet<Id>): BoardLayout | undefined {
    try {
      // Every removal first: insertions then binary-search cells that hold only current tasks.
      for (const id of changed) this.remove(id);
      for (const id of changed) this.insert(id);
      return this.result();
    } catch (error) {
      if (error === NEEDS_FULL_LAYOUT) return undefined;
      throw error;
    }
  }

  private remove(id: Id): void {
    const task = this.input.previousTasks.get(id);
    if (task && this.onBoard.has(task.projectId)) {
      this.totalDelta--;
      this.countWip(task, -1);
    }
    const slot = this.positions.slotOf(id);
    if (!slot) return;
    // A person who is no member keeps a column only while a shown task names them: whether another
    // one still does is not known here.
    if (this.members && task?.assigneeIds.some((person) => !this.members!.has(person))) throw NEEDS_FULL_LAYOUT;
    let removed = this.removals.get(slot.key);
    if (!removed) this.removals.set(slot.key, (removed = new Set()));
    removed.add(id);
    this.shownDelta--;
    add(this.columnDelta, slot.columnKey, -1);
    add(this.laneDelta, slot.laneKey, -1);
  }

  private insert(id: Id): void {
    const task = this.input.tasks.get(id);
    if (!task || !this.onBoard.has(task.projectId)) return;
    this.totalDelta++;
    this.countWip(task, 1);
    if (!this.matches(task)) return;
    const columnKey = this.columnGrouping.keyOf(task);
    const laneKey = this.laneGrouping.keyOf(task);
    if (!this.columnKeys.has(columnKey) || !this.laneKeys.has(laneKey)) throw NEEDS_FULL_LAYOUT;
    // Every assignee of a shown task has a column (or lane), not only the first one the task sits with.
    if (this.members && task.assigneeIds.some((person) => !this.members!.has(person))) throw NEEDS_FULL_LAYOUT;
    const key = cellKey(laneKey, columnKey);
    let added = this.insertions.get(key);
    if (!added) this.insertions.set(key, (added = []));
    added.push(task);
    this.inserted.add(id);
    this.shownDelta++;
    add(this.columnDelta, columnKey, 1);
    add(this.laneDelta, laneKey, 1);
  }

  /** WIP counts follow every task of the board's projects, shown or not. */
  private countWip(task: Task, delta: number): void {
    if (!this.trackWip) return;
    add(this.wipStatusDelta, statusCountKey(task.projectId, task.status), delta);
    if (this.everyTaskShown) return; // then the WIP counts are the cell sizes, set in `result`
    const columnKey = this.columnGrouping.keyOf(task);
    add(this.wipColumnDelta, columnKey, delta);
    add(this.wipCellDelta, cellKey(this.laneGrouping.keyOf(task), columnKey), delta);
  }

  private result(): BoardLayout {
    const previous = this.previous;
    const columnCounts = new Map<string, number>();
    const columns = previous.columns.map((column) => withCount(column, this.columnDelta.get(column.key), columnCounts));
    // The "No status" column exists only while a shown task needs it.
    if (columnCounts.get(NO_STATUS) === 0) throw NEEDS_FULL_LAYOUT;
    const lanes = previous.lanes.map((lane) => withCount(lane, this.laneDelta.get(lane.key), undefined));

    const newCells = new Map<string, readonly Id[]>();
    const moved = new Map<Id, string>();
    for (const key of new Set([...this.removals.keys(), ...this.insertions.keys()])) {
      const before = previous.cells.get(key)!;
      const after = this.rebuild(before, this.removals.get(key), this.insertions.get(key) ?? []);
      if (after !== before) newCells.set(key, after);
      for (const task of this.insertions.get(key) ?? []) {
        if (this.positions.slotOf(task.id)?.key !== key) moved.set(task.id, key);
      }
    }
    const gone: Id[] = [];
    for (const removed of this.removals.values()) for (const id of removed) if (!this.inserted.has(id)) gone.push(id);

    let cells = previous.cells;
    if (newCells.size > 0) {
      const copy = new Map(previous.cells);
      for (const [key, ids] of newCells) copy.set(key, ids);
      cells = copy;
    }
    const positions = newCells.size > 0 || moved.size > 0 || gone.length > 0 ? this.positions.with(cells, moved, gone) : this.positions;
    return {
      columns,
      lanes,
      cells,
      positions,
      shown: previous.shown + this.shownDelta,
      total: previous.total + this.totalDelta,
      wip: this.wip(cells, columnCounts),
    };
  }

  /** A cell without `removed` and with `added` at their rank; the same array when that changes nothing. */
  private rebuild(before: readonly Id[], removed: ReadonlySet<Id> | undefined, added: readonly Task[]): readonly Id[] {
    const ids = removed ? before.filter((id) => !removed.has(id)) : before.slice();
    const tasks = this.input.tasks;
    for (const task of added) {
      let low = 0;
      let high = ids.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (byRankThenId(tasks.get(ids[middle]!)!, task) < 0) low = middle + 1;
        else high = middle;
      }
      ids.splice(low, 0, task.id);
    }
    // A change that leaves the cell as it was (a new title, a moved due date) keeps its array, so the
    // cell element sees nothing to re-render.
    if (ids.length === before.length && ids.every((id, index) => before[index] === id)) return before;
    return ids;
  }

  private wip(cells: ReadonlyMap<string, readonly Id[]>, columnCounts: ReadonlyMap<string, number>): WipCounts {
    const previous = this.previous.wip;
    if (!this.trackWip) return previous;
    const statuses = adjusted(previous.statuses, this.wipStatusDelta);
    if (!this.everyTaskShown) {
      return { columns: adjusted(previous.columns, this.wipColumnDelta), cells: adjusted(previous.cells, this.wipCellDelta), statuses };
    }
    // Without filters computeLayout keeps every column and cell in the WIP counts, empty ones included.
    let wipColumns = previous.columns;
    if (this.columnDelta.size > 0) {
      const copy = new Map(previous.columns);
      for (const key of this.columnDelta.keys()) copy.set(key, columnCounts.get(key)!);
      wipColumns = copy;
    }
    let wipCells = previous.cells;
    const touched = new Set([...this.removals.keys(), ...this.insertions.keys()]);
    if (touched.size > 0) {
      const copy = new Map(previous.cells);
      for (const key of touched) copy.set(key, cells.get(key)!.length);
      wipCells = copy;
    }
    return { columns: wipColumns, cells: wipCells, statuses };
  }
}

function add(counts: Map<string, number>, key: string, delta: number): void {
  counts.set(key, (counts.get(key) ?? 0) + delta);
}

/** A count map plus deltas; keys whose count reaches zero go, as computeLayout never writes a zero. */
function adjusted(counts: ReadonlyMap<string, number>, deltas: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  let copy: Map<string, number> | undefined;
  for (const [key, delta] of deltas) {
    if (delta === 0) continue;
    copy ??= new Map(counts);
    const count = (copy.get(key) ?? 0) + delta;
    if (count === 0) copy.delete(key);
    else copy.set(key, count);
  }
  return copy ?? counts;
}

/** The column or lane with its count moved by `delta`; the same object when it does not move. */
function withCount<T extends BoardColumn | BoardLane>(group: T, delta: number | undefined, counts: Map<string, number> | undefined): T {
  const count = group.count + (delta ?? 0);
  counts?.set(group.key, count);
  return count === group.count ? group : { ...group, count };
}
