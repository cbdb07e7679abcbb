import { wouldCreateCycle, type Dependency, type DependencyType, type Id, type Task } from '@cwm/core';

/** The largest lag or lead accepted, in days (the Gantt accepts the same range). */
export const MAX_LAG_DAYS = 365;

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
 * Plans a new dependency between `task` and `otherId`: refused (self, bad lag, the pair already
 * linked in that direction, or a loop, found by core's `wouldCreateCycle`) or the write to make.
 * The lag is checked before the graph so a typo is reported before anything heavier.
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
  if (otherId === task.id) return { ok: false, refusal: { code: 'self' } };
  const lag = parseLagDays(lagText);
  if (lag === undefined) return { ok: false, refusal: { code: 'bad-lag' } };
  const successor = direction === 'predecessor' ? task : getTask(otherId)!;
  const predecessorId = direction === 'predecessor' ? otherId : task.id;
  if (successor.dependencies.some((existing) => existing.predecessorId === predecessorId)) {
    return { ok: false, refusal: { code: 'duplicate', successorId: successor.id, predecessorId } };
  }
  const loop = wouldCreateCycle(getTask, successor.id, predecessorId);
  if (loop !== undefined) return { ok: false, refusal: { code: 'cycle', loop } };
  return { ok: true, write: { holderId: successor.id, dependencies: [...successor.dependencies, { predecessorId, type, lag }] } };
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
  const needle = fold(query.trim());
  const starting: LinkCandidate[] = [];
  const containing: LinkCandidate[] = [];
  for (const task of projectTasks) {
    if (exclude.has(task.id)) continue;
    const title = fold(task.title);
    if (title.startsWith(needle)) starting.push({ id: task.id, title: task.title });
    else if (title.includes(needle) || fold(task.id).includes(needle)) containing.push({ id: task.id, title: task.title });
    if (starting.length >= limit) break;
  }
  return [...starting, ...containing].slice(0, limit);
}

/** Lower case without diacritics, so "uber" finds "Über". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}
