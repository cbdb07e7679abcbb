import {
  buildDependencyGraph,
  earliestStart,
  formatIsoDate,
  parseIsoDate,
  toDayNumber,
  type DependencyEdge,
  type DependencyType,
  type Id,
  type IsoDate,
  type Task,
} from '@cwm/core';

/** New dates for one task (`due` inclusive; a milestone's `start` and `due` are its day). */
export interface ScheduleChange {
  readonly id: Id;
  readonly start: IsoDate;
  readonly due: IsoDate;
}

/** The tasks of a plan indexed for scheduling; build it once and pass it to many `planSchedule` calls. */
export interface DependencyIndex {
  readonly byId: ReadonlyMap<Id, Task>;
  /** Dependencies leaving each task (to the tasks that wait for it). */
  readonly successors: ReadonlyMap<Id, readonly DependencyEdge[]>;
  /** Tasks with subtasks: their dates come from the subtasks, so they are never pushed. */
  readonly parents: ReadonlySet<Id>;
}

/** What to do when a reschedule breaks dependencies. */
export interface ScheduleOptions {
  /**
   * A move that breaks one of the moved task's own predecessor constraints is either refused, naming
   * the predecessor, or shifted forward to the earliest date every predecessor allows (keeping the duration).
   */
  readonly violation: 'refuse' | 'shift';
  /** Push successors whose constraints break later (transitively, keeping their durations; never earlier). */
  readonly pushSuccessors: boolean;
  /** A prebuilt index of the same `tasks` (from `buildDependencyIndex`), to skip indexing on every call. */
  readonly index?: DependencyIndex;
}

/** Why a reschedule is refused. */
export type SchedulePlanRefusal = 'violates-dependency' | 'unknown-task' | 'reversed-dates';

/**
 * The outcome of `planSchedule`: the dates to write (the moved task first, then pushed successors in
 * topological order) and whether the moved task had to be shifted; or a refusal with a code and an
 * English sentence (`predecessorId` names the predecessor that refused the move).
 */
export type SchedulePlan =
  | { readonly ok: true; readonly changes: readonly ScheduleChange[]; readonly shifted: boolean }
  | { readonly ok: false; readonly code: SchedulePlanRefusal; readonly predecessorId?: Id; readonly message: string };

/** Indexes `tasks` for `planSchedule`: by id, successors of each task, and which tasks have subtasks. */
export function buildDependencyIndex(tasks: readonly Task[]): DependencyIndex {
  const byId = new Map<Id, Task>();
  for (const task of tasks) byId.set(task.id, task);
  const parents = new Set<Id>();
  for (const task of tasks) if (task.parentId !== undefined && byId.has(task.parentId)) parents.add(task.parentId);
  return { byId, successors: buildDependencyGraph(tasks).successors, parents };
}

/**
 * A task on the critical-path timeline of core's `computeCriticalPath` (calendar days): positions are
 * day numbers, a task from `start` to `due` occupies `[start, due + 1)`, and a milestone is the point
 * at the END of its day (`es = ef = day + 1`).
 */
interface Placed {
  readonly es: number;
  readonly ef: number;
  readonly milestone: boolean;
}

/**
 * Plans moving one task to new dates, checked against dependencies.
 *
 * The constraints are exactly those of core's `computeCriticalPath` on calendar days (lag in calendar
 * days, rounded to whole days), with early start ES and exclusive early finish EF as in `Placed`:
 *   FS: succ.ES >= pred.EF + lag    SS: succ.ES >= pred.ES + lag
 *   FF: succ.EF >= pred.EF + lag    SF: succ.EF >= pred.ES + lag
 * In inclusive dates, between two ordinary tasks: FS: succ.start >= pred.due + 1 + lag;
 * SS: succ.start >= pred.start + lag; FF: succ.due >= pred.due + lag; SF: succ.due >= pred.start + lag - 1.
 * A milestone sits at the end of its day, so a FS successor of a milestone may start the next day and a
 * milestone may fall on its FS predecessor's last day.
 *
 * As in the critical path, dependencies to or from a task with subtasks are left out (its dates are
 * its subtasks'), and so are tasks without dates (a milestone needs one of `start`/`due`). A milestone's
 * new day is `change.due`. With `pushSuccessors`, successors are visited in topological order from the
 * moved task and each is pushed just far enough to satisfy all its predecessors (moved or not), never
 * earlier than it was. Dependency loops in the data cannot make it loop: each task is placed at most
 * once (a task only reached through a loop is placed after the others, in discovery order, and may be
 * left breaking a constraint inside the loop); the moved task itself is never pushed. Linear in the
 * number of tasks and dependencies reachable from the moved one (plus indexing when no `index` is given).
 * Throws a `RangeError` when `change` holds a date that is not a real `YYYY-MM-DD` day.
 */
export function planSchedule(tasks: readonly Task[], change: ScheduleChange, options: ScheduleOptions): SchedulePlan {
  const index = options.index ?? buildDependencyIndex(tasks);
  const task = index.byId.get(change.id);
  if (task === undefined) return { ok: false, code: 'unknown-task', message: `There is no task "${change.id}" in this plan.` };

  // The dates come from our own drag and keys, so a malformed one is a bug: `toDayNumber` throws.
  const start = toDayNumber(change.start);
  const due = toDayNumber(change.due);
  if (!task.milestone && due < start) {
    return { ok: false, code: 'reversed-dates', message: `The due date ${change.due} is before the start date ${change.start}.` };
  }

  const placed = new Map<Id, Placed>();
  let moved: Placed = task.milestone ? { es: due + 1, ef: due + 1, milestone: true } : { es: start, ef: due + 1, milestone: false };
  let shifted = false;
  if (!index.parents.has(task.id)) {
    const limit = earliestAllowed(task, moved, index, placed);
    if (limit !== undefined && limit.es > moved.es) {
      if (options.violation === 'refuse') {
        const predecessor = index.byId.get(limit.predecessorId)!;
        const allowed = datesOf(shiftTo(moved, limit.es));
        return {
          ok: false,
          code: 'violates-dependency',
          predecessorId: limit.predecessorId,
          message: `"${task.title}" cannot be scheduled before ${allowed.start}: it waits for "${predecessor.title}" (${describe(limit.type, limit.lag)}).`,
        };
      }
      moved = shiftTo(moved, limit.es);
      shifted = true;
    }
  }
  placed.set(task.id, moved);
  const changes: ScheduleChange[] = [{ id: task.id, ...datesOf(moved) }];
  if (options.pushSuccessors && !index.parents.has(task.id)) pushSuccessors(task.id, index, placed, changes);
  return { ok: true, changes, shifted };
}

/** The most binding predecessor constraint on `task` (placed as `self`), or `undefined` when none applies. */
function earliestAllowed(
  task: Task,
  self: Placed,
  index: DependencyIndex,
  placed: ReadonlyMap<Id, Placed>,
): { es: number; predecessorId: Id; type: DependencyType; lag: number } | undefined {
  let best: { es: number; predecessorId: Id; type: DependencyType; lag: number } | undefined;
  const length = self.ef - self.es;
  for (const dependency of task.dependencies) {
    const predecessor = placementOf(dependency.predecessorId, index, placed);
    if (predecessor === undefined) continue;
    const lag = Math.round(dependency.lag);
    const es = earliestStart(dependency.type, lag, predecessor.es, predecessor.ef, length);
    if (best === undefined || es > best.es) best = { es, predecessorId: dependency.predecessorId, type: dependency.type, lag };
  }
  return best;
}

/**
 * Pushes the tasks downstream of `rootId` in topological order (Kahn's algorithm over the part of the
 * graph reachable from it), appending each one that moves to `changes`.
 */
function pushSuccessors(rootId: Id, index: DependencyIndex, placed: Map<Id, Placed>, changes: ScheduleChange[]): void {
  // Discover the reachable, schedulable successors and count the links between them.
  const waiting = new Map<Id, number>();
  const discovered: Id[] = [];
  const queue: Id[] = [rootId];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of index.successors.get(queue[head]!) ?? []) {
      const id = edge.successorId;
      if (id === rootId || !isSchedulable(id, index)) continue;
      const count = waiting.get(id);
      if (count === undefined) {
        waiting.set(id, 1);
        discovered.push(id);
        queue.push(id);
      } else {
        waiting.set(id, count + 1);
      }
    }
  }

  const done = new Set<Id>();
  const ready: Id[] = [];
  let head = 0;
  const release = (id: Id): void => {
    for (const edge of index.successors.get(id) ?? []) {
      const count = waiting.get(edge.successorId);
      if (count === undefined) continue;
      waiting.set(edge.successorId, count - 1);
      if (count === 1) ready.push(edge.successorId);
    }
  };
  const place = (id: Id): void => {
    if (done.has(id)) return;
    done.add(id);
    const task = index.byId.get(id)!;
    const current = placementOf(id, index, placed)!;
    const limit = earliestAllowed(task, current, index, placed);
    if (limit !== undefined && limit.es > current.es) {
      const pushed = shiftTo(current, limit.es);
      placed.set(id, pushed);
      changes.push({ id, ...datesOf(pushed) });
    }
    release(id);
  };
  const drain = (): void => {
    while (head < ready.length) place(ready[head++]!);
  };

  release(rootId);
  drain();
  // Only loops in the data leave tasks waiting: place each once, in discovery order, then go on.
  for (const id of discovered) {
    if (done.has(id)) continue;
    place(id);
    drain();
  }
}

const NOTHING_PLACED: ReadonlyMap<Id, Placed> = new Map();

/** Whether a task takes part in scheduling: it exists, has no subtasks and has dates. */
function isSchedulable(id: Id, index: DependencyIndex): boolean {
  return placementOf(id, index, NOTHING_PLACED) !== undefined;
}

/** Where a task is in this plan: as placed so far, else as its dates say; `undefined` when it is left out. */
function placementOf(id: Id, index: DependencyIndex, placed: ReadonlyMap<Id, Placed>): Placed | undefined {
  const already = placed.get(id);
  if (already !== undefined) return already;
  if (index.parents.has(id)) return undefined;
  const task = index.byId.get(id);
  if (task === undefined) return undefined;
  const start = parseIsoDate(task.start);
  const due = parseIsoDate(task.due);
  if (task.milestone) {
    const day = due ?? start;
    return day === undefined ? undefined : { es: day + 1, ef: day + 1, milestone: true };
  }
  if (start === undefined || due === undefined || due < start) return undefined;
  return { es: start, ef: due + 1, milestone: false };
}

/** The same task starting at `es`, same duration. */
function shiftTo(span: Placed, es: number): Placed {
  return { es, ef: es + (span.ef - span.es), milestone: span.milestone };
}

/** Inclusive dates of a placement (a milestone's day is the one ending at its point). */
function datesOf(span: Placed): { start: IsoDate; due: IsoDate } {
  if (span.milestone) {
    const day = formatIsoDate(span.ef - 1);
    return { start: day, due: day };
  }
  return { start: formatIsoDate(span.es), due: formatIsoDate(span.ef - 1) };
}

const TYPE_WORDS: Record<DependencyType, string> = {
  FS: 'finish to start',
  SS: 'start to start',
  FF: 'finish to finish',
  SF: 'start to finish',
};

/** "finish to start", "start to start + 2 days", "finish to finish - 1 day". */
function describe(type: DependencyType, lag: number): string {
  if (lag === 0) return TYPE_WORDS[type];
  const days = Math.abs(lag) === 1 ? 'day' : 'days';
  return `${TYPE_WORDS[type]} ${lag > 0 ? '+' : '-'} ${Math.abs(lag)} ${days}`;
}
