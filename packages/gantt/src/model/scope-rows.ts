import type { Id, Task } from '@cwm/core';
import type { GanttRow, GanttRows } from './gantt-row.js';

/** The Gantt's rows narrowed to a scope (a dashboard drill-down), and what the element needs beside them. */
export interface ScopedRows {
  /** The rows shown: those of tasks in scope and of their ancestors, in the full plan's order. */
  readonly rows: GanttRows;
  /** Rows shown only so the hierarchy reads (ancestors of tasks in scope, not in scope themselves). */
  readonly contextIds: ReadonlySet<Id>;
  /** The tasks in scope and their ancestors: what dependency arrows may be drawn between. */
  readonly tasks: readonly Task[];
}

/**
 * Narrows `full` (the rows of the whole plan, from `buildGanttRows` / `updateGanttRows`) to the tasks
 * `inScope` accepts plus their ancestors, so the hierarchy still reads; the ancestors that are not in
 * scope themselves are listed in `contextIds` for the element to mark.
 *
 * The rows are `full`'s own objects: a summary keeps the dates and progress of ALL its subtasks (a
 * scope narrows what is shown, it does not change the plan's numbers). Collapsing still works: a task
 * in scope under a collapsed ancestor stays hidden in it. Refused (`invalid`) rows carry no task and
 * are left out. `range` covers the rows shown, so the timeline opens on them.
 *
 * Linear in the number of tasks (every task is tested: a scope on `blocked` depends on other tasks,
 * so testing only the changed ones would not be enough). When `previous` shows the very same rows,
 * its `rows` object comes back, so the element redraws nothing.
 */
export function scopeGanttRows(
  full: GanttRows,
  tasks: readonly Task[],
  inScope: (task: Task) => boolean,
  previous?: ScopedRows,
): ScopedRows {
  const byId = new Map<Id, Task>();
  for (const task of tasks) byId.set(task.id, task);
  const kept = new Set<Id>();
  const contextIds = new Set<Id>();
  for (const task of tasks) {
    if (!inScope(task)) continue;
    kept.add(task.id);
    // Met earlier as the ancestor of another task in scope: it is in scope itself, not context.
    contextIds.delete(task.id);
    // Walk up until an ancestor already kept (its own ancestors are then kept too); `seen` guards
    // against a parent loop in bad data.
    const seen = new Set<Id>([task.id]);
    for (let parent = byId.get(task.parentId ?? ''); parent !== undefined && !seen.has(parent.id); parent = byId.get(parent.parentId ?? '')) {
      seen.add(parent.id);
      if (kept.has(parent.id)) break;
      kept.add(parent.id);
      contextIds.add(parent.id);
    }
  }

  const rows: GanttRow[] = [];
  for (const row of full.rows) if (row.task !== undefined && kept.has(row.id)) rows.push(row);
  const shownTasks = tasks.filter((task) => kept.has(task.id));

  if (previous && sameRows(previous.rows.rows, rows) && sameIds(previous.contextIds, contextIds)) {
    return { rows: previous.rows, contextIds: previous.contextIds, tasks: shownTasks };
  }
  const indexOf = new Map<Id, number>();
  rows.forEach((row, index) => indexOf.set(row.id, index));
  const range = rangeOf(rows);
  return { rows: range === undefined ? { rows, indexOf } : { rows, indexOf, range }, contextIds, tasks: shownTasks };
}

/** Earliest start and latest due over the rows with both (ISO days compare as strings). */
function rangeOf(rows: readonly GanttRow[]): GanttRows['range'] {
  let start: string | undefined;
  let due: string | undefined;
  for (const row of rows) {
    if (row.start === undefined || row.due === undefined) continue;
    if (start === undefined || row.start < start) start = row.start;
    if (due === undefined || row.due > due) due = row.due;
  }
  return start === undefined || due === undefined ? undefined : { start, due };
}

function sameRows(a: readonly GanttRow[], b: readonly GanttRow[]): boolean {
  return a.length === b.length && a.every((row, index) => row === b[index]);
}

function sameIds(a: ReadonlySet<Id>, b: ReadonlySet<Id>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
