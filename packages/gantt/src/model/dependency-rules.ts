import type { Dependency, DependencyType, Id, Task } from '@cwm/core';
import type { GanttRows } from './gantt-row.js';

/** Tasks to check against: a list, or anything that looks tasks up by id (a `Table<Task>`, a `Map`). */
export type TaskSource = readonly Task[] | { get(id: Id): Task | undefined };

/**
 * The successor's dependencies with `dependency` added: the `dependencies` patch for the store. A
 * dependency on the same predecessor is replaced in place (that is how type and lag are edited).
 */
export function addDependency(task: Task, dependency: Dependency): Dependency[] {
  const index = task.dependencies.findIndex((existing) => existing.predecessorId === dependency.predecessorId);
  if (index < 0) return [...task.dependencies, dependency];
  const next = [...task.dependencies];
  next[index] = dependency;
  return next;
}

/** The successor's dependencies without those on `predecessorId`: the `dependencies` patch for the store. */
export function removeDependency(task: Task, predecessorId: Id): Dependency[] {
  return task.dependencies.filter((existing) => existing.predecessorId !== predecessorId);
}

/** An arrow to draw: a dependency between two rows. */
export interface DependencyLink {
  /** The predecessor task (the real one, even when its arrow starts at a collapsed ancestor's row). */
  readonly fromId: Id;
  /** The successor task (the real one, as above). */
  readonly toId: Id;
  readonly type: DependencyType;
  readonly lag: number;
  /** Row index where the arrow starts. */
  readonly fromRow: number;
  /** Row index where the arrow ends. */
  readonly toRow: number;
  /** An end is hidden in a collapsed subtree and the arrow attaches to the nearest visible ancestor. */
  readonly viaAncestor: boolean;
}

/**
 * The arrows of a plan: every arrow, in task then dependency order (it is an array), with a quick
 * lookup of those that cross a range of rows.
 */
export type DependencyLinks = readonly DependencyLink[] & {
  /** Arrows that start, end or pass within rows `first..last` (inclusive): the ones a window must draw. */
  linksTouching(first: number, last: number): DependencyLink[];
};

/**
 * The arrows to draw for `rows`. A dependency whose predecessor is not among `tasks` is skipped (its row
 * carries the `missing-predecessor` problem). An end hidden in a collapsed subtree attaches to its
 * nearest visible ancestor (`viaAncestor`); `fromId`/`toId` stay the real tasks, so a click still names
 * the dependency that exists. Skipped as well: arrows whose two ends land on the same row (both inside
 * one collapsed subtree, or a task and its collapsed parent) and ends on rows without a bar
 * (`unscheduled` or `invalid`), which have nothing to attach to.
 */
export function dependencyLinks(rows: GanttRows, tasks: Iterable<Task>): DependencyLinks {
  const get = lookupAll(tasks);
  const visibleRow = new Map<Id, number | undefined>();
  const rowOf = (id: Id): number | undefined => {
    if (visibleRow.has(id)) return visibleRow.get(id);
    // Walk up to the first visible ancestor; remember the answer for every task on the way.
    const chain: Id[] = [];
    const seen = new Set<Id>();
    let current: Id | undefined = id;
    let found: number | undefined;
    while (current !== undefined && !seen.has(current)) {
      if (visibleRow.has(current)) {
        found = visibleRow.get(current);
        break;
      }
      const index = rows.indexOf.get(current);
      if (index !== undefined) {
        found = index;
        break;
      }
      seen.add(current);
      chain.push(current);
      current = get(current)?.parentId;
    }
    for (const id of chain) visibleRow.set(id, found);
    return found;
  };
  const hasBar = (row: number): boolean => {
    const kind = rows.rows[row]?.kind;
    return kind === 'task' || kind === 'summary' || kind === 'milestone';
  };

  const links: DependencyLink[] = [];
  for (const successor of tasks) {
    if (successor.dependencies.length === 0) continue;
    const toRow = rowOf(successor.id);
    if (toRow === undefined || !hasBar(toRow)) continue;
    for (const dependency of successor.dependencies) {
      if (get(dependency.predecessorId) === undefined) continue;
      const fromRow = rowOf(dependency.predecessorId);
      if (fromRow === undefined || fromRow === toRow || !hasBar(fromRow)) continue;
      links.push({
        fromId: dependency.predecessorId,
        toId: successor.id,
        type: dependency.type,
        lag: dependency.lag,
        fromRow,
        toRow,
        viaAncestor: rows.indexOf.get(successor.id) !== toRow || rows.indexOf.get(dependency.predecessorId) !== fromRow,
      });
    }
  }
  return withRowIndex(links);
}

/**
 * Sorts the links by their top row once, so a window query is two binary searches plus the links
 * whose top row lies at most the longest link's height above the window.
 */
function withRowIndex(links: readonly DependencyLink[]): DependencyLinks {
  const sorted = [...links].sort((a, b) => Math.min(a.fromRow, a.toRow) - Math.min(b.fromRow, b.toRow));
  const tops = sorted.map((link) => Math.min(link.fromRow, link.toRow));
  let longest = 0;
  for (const link of sorted) longest = Math.max(longest, Math.abs(link.toRow - link.fromRow));
  const linksTouching = (first: number, last: number): DependencyLink[] => {
    const found: DependencyLink[] = [];
    if (last < first) return found;
    const end = firstAbove(tops, last);
    for (let index = firstAbove(tops, first - longest - 1); index < end; index++) {
      const link = sorted[index]!;
      if (Math.max(link.fromRow, link.toRow) >= first) found.push(link);
    }
    return found;
  };
  return Object.assign([...links], { linksTouching });
}

/** Index of the first value greater than `value` in an ascending array. */
function firstAbove(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A lookup over tasks that can be iterated: a `Table` answers by itself, anything else is indexed once. */
function lookupAll(tasks: Iterable<Task>): (id: Id) => Task | undefined {
  if (hasGet(tasks)) return (id) => tasks.get(id);
  const byId = new Map<Id, Task>();
  for (const task of tasks) byId.set(task.id, task);
  return (id) => byId.get(id);
}

function hasGet(tasks: Iterable<Task>): tasks is Iterable<Task> & { get(id: Id): Task | undefined } {
  return typeof (tasks as { get?: unknown }).get === 'function';
}
