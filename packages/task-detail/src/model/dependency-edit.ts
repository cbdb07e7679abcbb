import { checkNewDependency, MAX_LAG_DAYS, searchByTitle, type Dependency, type DependencyType, type Id, type Task } from '@cwm/core';

/** One end of a dependency as the section lists it. */
export interface DependencyLinkRow {
  /** The other task: the predecessor in `predecessors`, the successor in `successors`. */
  readonly otherId: Id;
  /** The other task, `undefined` when it is not loaded (or was deleted): the id is shown instead. */
  readonly other: Task | undefined;
  readonly type: DependencyType;
  readonly lag: number;
}

/** What a task waits for and what waits for it. */
export interface TaskLinks {
  readonly predecessors: readonly DependencyLinkRow[];
  readonly successors: readonly DependencyLinkRow[];
}

/**
 * The task's predecessors (its own dependencies, in their order) and successors (tasks of the same
 * project that depend on it, in the order given). Successors are looked for in `projectTasks` only:
 * dependencies never cross projects in this model.
 */
export function taskLinks(task: Task, projectTasks: readonly Task[], getTask: (id: Id) => Task | undefined): TaskLinks {
  const predecessors = task.dependencies.map((dependency) => ({
    otherId: dependency.predecessorId,
    other: getTask(dependency.predecessorId),
    type: dependency.type,
    lag: dependency.lag,
  }));
  const successors: DependencyLinkRow[] = [];
  for (const candidate of projectTasks) {
    for (const dependency of candidate.dependencies) {
      if (dependency.predecessorId === task.id) successors.push({ otherId: candidate.id, other: candidate, type: dependency.type, lag: dependency.lag });
    }
  }
  return { predecessors, successors };
}

/** Which way the new dependency points, seen from the task being edited. */
export type LinkDirection = 'predecessor' | 'successor';

/** Why a dependency cannot be added; the section turns the code into a sentence. */
export type DependencyRefusal =
  | { readonly code: 'pick-task' }
  | { readonly code: 'self' }
  | { readonly code: 'bad-lag' }
  | { readonly code: 'duplicate'; readonly successorId: Id; readonly predecessorId: Id }
  /** `loop`: the closed path in arrow order, each task waiting for the one before it, e.g. `[A, B, C, A]`. */
  | { readonly code: 'cycle'; readonly loop: readonly Id[] };

/** The dependency to write: which task holds it and the whole new list for that task. */
export interface DependencyWrite {
  readonly holderId: Id;
  readonly dependencies: readonly Dependency[];
}

/**
 * Parses a lag typed by a person: a whole number of days, optionally signed ("-2" is a two-day lead),
 * within ±`MAX_LAG_DAYS`. Empty means 0. Anything else is `undefined`.
 */
export function parseLagDays(text: string): number | undefined {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (trimmed === '') return 0;
  if (!/^[+-]?\d{1,3}$/.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return Math.abs(days) > MAX_LAG_DAYS ? undefined : days;
}

/**
 * Plans a new dependency between `task` and `otherId`: refused (no task picked, then core's
 * `checkNewDependency`: self, bad lag, the pair already linked in that direction, a loop) or the
 * write to make. A lag that does not parse is passed on as NaN, so core reports it in its own order.
 */
export function planNewDependency(
  task: Task,
  otherId: Id | undefined,
  direction: LinkDirection,
  type: DependencyType,
  lagText: string,
  getTask: (id: Id) => Task | undefined,
): { readonly ok: true; readonly write: DependencyWrite } | { readonly ok: false; readonly refusal: DependencyRefusal } {
  if (otherId === undefined || getTask(otherId) === undefined) return { ok: false, refusal: { code: 'pick-task' } };
  const successorId = direction === 'predecessor' ? task.id : otherId;
  const predecessorId = direction === 'predecessor' ? otherId : task.id;
  const lag = parseLagDays(lagText) ?? Number.NaN;
  // The task being edited is looked up as given, even when the snapshot `getTask` reads lags behind it.
  const lookup = (id: Id): Task | undefined => (id === task.id ? task : getTask(id));
  const check = checkNewDependency(lookup, { successorId, predecessorId, type, lag });
  if (!check.ok) {
    switch (check.code) {
      case 'unknown-task':
        return { ok: false, refusal: { code: 'pick-task' } };
      case 'duplicate':
        return { ok: false, refusal: { code: 'duplicate', successorId, predecessorId } };
      case 'cycle':
        return { ok: false, refusal: { code: 'cycle', loop: check.path } };
      default:
        return { ok: false, refusal: { code: check.code } };
    }
  }
  const successor = lookup(successorId)!;
  return { ok: true, write: { holderId: successorId, dependencies: [...successor.dependencies, { predecessorId, type, lag }] } };
}

/** The write that removes the dependency of `successor` on `predecessorId`. */
export function planRemoveDependency(successor: Task, predecessorId: Id): DependencyWrite {
  return { holderId: successor.id, dependencies: successor.dependencies.filter((existing) => existing.predecessorId !== predecessorId) };
}

/** A task the search offers: its title and, to tell equal titles apart, its id. */
export interface LinkCandidate {
  readonly id: Id;
  readonly title: string;
}

/**
 * Tasks of the project whose title or id contains `query` (ignoring case and accents), without the
 * task itself and the tasks already linked in that direction; titles starting with the query first,
 * at most `limit` (a project may hold thousands of tasks: typing narrows the list).
 */
export function searchLinkCandidates(
  projectTasks: readonly Task[],
  query: string,
  exclude: ReadonlySet<Id>,
  limit = 20,
): LinkCandidate[] {
  return searchByTitle(projectTasks, query, { exclude, limit, matchIds: true }).map((task) => ({ id: task.id, title: task.title }));
}
