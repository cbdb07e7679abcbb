import type { Dependency, Task } from '@cwm/core';
import type { GanttRow, GanttRowKind, GanttRows, RowProblem } from './gantt-row.js';
import {
  buildGanttRows,
  copyFold,
  foldTask,
  invalidIdsOf,
  planRange,
  rememberRowsState,
  rowsStateOf,
  taskRow,
  type GanttRowsInput,
  type InvalidTask,
} from './gantt-rows.js';

/** What `updateGanttRows` gives: the rows, and whether the arrows must be worked out again. */
export interface GanttRowsUpdate {
  /** Deep-equal to `buildGanttRows(next)`. */
  readonly rows: GanttRows;
  /**
   * False when the previous `dependencyLinks` result still holds: no dependency changed, no row moved,
   * and no row gained or lost its bar (arrows attach only to bars).
   */
  readonly linksChanged: boolean;
  /** True when computed by patching the previous rows, false when built again from scratch. */
  readonly patched: boolean;
}

/**
 * Past this share of changed tasks a patch costs about what a build does (a build is ~7 ms at 5,000
 * tasks, a patch a few microseconds per changed task plus its ancestors), so the simpler path is taken.
 */
const MAX_PATCHED_SHARE = 0.25;

/**
 * The rows for `next`, computed from `previous` at the cost of the tasks that changed and their
 * ancestors, and always deep-equal to `buildGanttRows(next)`. Rows no change touches keep their object
 * (the element redraws rows by identity), and so do `indexOf` and `range` when they stay the same;
 * `previous` itself comes back when no visible row changes.
 *
 * The tasks that changed are found by comparing `next.tasks` with the list `previous` was built from,
 * position by position (a task changes by becoming a new object; microseconds at 5,000 tasks), so no
 * caller can hand in a wrong change set. Patching needs the same tasks in the same places (as
 * `updateProjectTasks` keeps them), none with another `parentId`, `rank` or `projectId` (the hierarchy
 * and order stay as they were), and the same `collapsed`, `isDone` (same objects: keep them stable
 * between updates) and refused tasks (same content). Anything else, rows not made by
 * `buildGanttRows`/`updateGanttRows`, or too many changes: a full `buildGanttRows(next)`.
 */
export function updateGanttRows(previous: GanttRows, next: GanttRowsInput): GanttRowsUpdate {
  const state = rowsStateOf(previous);
  if (state === undefined) return rebuilt(next);
  const before = state.input;
  if (next.collapsed !== before.collapsed || next.isDone !== before.isDone || !sameInvalid(before.invalid, next.invalid)) {
    return rebuilt(next);
  }
  const oldTasks = before.tasks;
  const newTasks = next.tasks;
  const count = newTasks.length;
  if (oldTasks.length !== count) return rebuilt(next);

  const changed: number[] = [];
  if (oldTasks !== newTasks) {
    const limit = count * MAX_PATCHED_SHARE;
    for (let at = 0; at < count; at++) {
      const older = oldTasks[at]!;
      const newer = newTasks[at]!;
      if (older === newer) continue;
      if (!sameSlot(older, newer) || changed.length >= limit) return rebuilt(next);
      changed.push(at);
    }
  }

  const { layout } = state;
  const fold = copyFold(state.fold);
  // The changed tasks and every ancestor, each once, refolded deepest first so subtasks are final.
  const dirty = new Set<number>();
  for (const at of changed) {
    for (let up = at; up >= 0 && !dirty.has(up); up = layout.parentOf[up]!) dirty.add(up);
  }
  const refold = [...dirty].sort((a, b) => layout.depthOf[b]! - layout.depthOf[a]!);
  for (const at of refold) foldTask(at, newTasks[at]!, layout, fold, next.isDone);

  let linksChanged = false;
  for (const at of changed) {
    if (!sameDependencies(oldTasks[at]!.dependencies, newTasks[at]!.dependencies)) linksChanged = true;
  }
  let rows: GanttRow[] | undefined;
  const invalidIds = invalidIdsOf(next.invalid);
  for (const at of refold) {
    if (layout.hidden[at] === 1) continue;
    const task = newTasks[at]!;
    const index = previous.indexOf.get(task.id)!;
    const old = previous.rows[index]!;
    const row = taskRow(at, task, layout, fold, next.collapsed, invalidIds);
    if (sameRow(old, row)) continue;
    rows ??= previous.rows.slice();
    rows[index] = row;
    if (hasBar(old.kind) !== hasBar(row.kind)) linksChanged = true;
  }

  const computed = planRange(layout, fold);
  const range = sameRange(previous.range, computed) ? previous.range : computed;
  const nextState = { input: next, layout, fold };
  if (rows === undefined && range === previous.range) {
    // Only hidden tasks changed, and nothing visible moved: the same rows describe `next` too.
    rememberRowsState(previous, nextState);
    return { rows: previous, linksChanged, patched: true };
  }
  const result: GanttRows =
    range === undefined
      ? { rows: rows ?? previous.rows, indexOf: previous.indexOf }
      : { rows: rows ?? previous.rows, indexOf: previous.indexOf, range };
  rememberRowsState(result, nextState);
  return { rows: result, linksChanged, patched: true };
}

function rebuilt(next: GanttRowsInput): GanttRowsUpdate {
  return { rows: buildGanttRows(next), linksChanged: true, patched: false };
}

/** Same task, still in the same place of the hierarchy and of its siblings. */
function sameSlot(older: Task, newer: Task): boolean {
  return older.id === newer.id && older.parentId === newer.parentId && older.rank === newer.rank && older.projectId === newer.projectId;
}

function hasBar(kind: GanttRowKind): boolean {
  return kind === 'task' || kind === 'summary' || kind === 'milestone';
}

/** Whether two rows show the same; a row of another task object is never the same (it carries the task). */
function sameRow(a: GanttRow, b: GanttRow): boolean {
  return (
    a.task === b.task &&
    a.kind === b.kind &&
    a.start === b.start &&
    a.due === b.due &&
    a.progress === b.progress &&
    a.expanded === b.expanded &&
    sameProblems(a.problems, b.problems)
  );
}

function sameProblems(a: readonly RowProblem[], b: readonly RowProblem[]): boolean {
  return a.length === b.length && a.every((problem, index) => problem.code === b[index]!.code && problem.message === b[index]!.message);
}

function sameDependencies(a: readonly Dependency[], b: readonly Dependency[]): boolean {
  if (a === b) return true;
  return (
    a.length === b.length &&
    a.every((dependency, index) => {
      const other = b[index]!;
      return dependency.predecessorId === other.predecessorId && dependency.type === other.type && dependency.lag === other.lag;
    })
  );
}

function sameRange(a: GanttRows['range'], b: GanttRows['range']): boolean {
  return a === b || (a !== undefined && b !== undefined && a.start === b.start && a.due === b.due);
}

/** Refused tasks with the same content: the element builds a new list on every update. */
function sameInvalid(a: readonly InvalidTask[] | undefined, b: readonly InvalidTask[] | undefined): boolean {
  if (a === b) return true;
  const left = a ?? [];
  const right = b ?? [];
  return (
    left.length === right.length &&
    left.every((entry, index) => {
      const other = right[index]!;
      return (
        entry.id === other.id &&
        entry.projectId === other.projectId &&
        entry.title === other.title &&
        entry.problem.code === other.problem.code &&
        entry.problem.message === other.problem.message
      );
    })
  );
}
