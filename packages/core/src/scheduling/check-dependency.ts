import type { Id } from '../model/common.js';
import type { DependencyType, Task } from '../model/task.js';
import { wouldCreateCycle } from '../validation/cycles.js';

/** The largest lag or lead of a dependency, in days (every widget's editor accepts this range). */
export const MAX_LAG_DAYS = 365;

/** A dependency someone asks to create: `successorId` will wait for `predecessorId`. */
export interface NewDependency {
  readonly successorId: Id;
  readonly predecessorId: Id;
  readonly type: DependencyType;
  /** Whole days, -`MAX_LAG_DAYS`..`MAX_LAG_DAYS` (a negative lag is a lead). */
  readonly lag: number;
}

/** Why a new dependency is refused: a code each widget turns into a sentence of its own catalog. */
export type DependencyRefusal = 'self' | 'unknown-task' | 'bad-lag' | 'duplicate' | 'cycle';

/** The answer of `checkNewDependency`: codes and the data a message needs, never a sentence. */
export type DependencyCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'self' | 'bad-lag' | 'duplicate' }
  /** `taskId`: the end that is not found (the successor when both are missing). */
  | { readonly ok: false; readonly code: 'unknown-task'; readonly taskId: Id }
  /** `path`: the loop it would close, in arrow order, e.g. `[A, B, C, A]` (each waits for the one before). */
  | { readonly ok: false; readonly code: 'cycle'; readonly path: readonly Id[] };

/**
 * Checks a dependency before it is created, in this order: a task cannot depend on itself (`self`);
 * both tasks must exist (`unknown-task`); the lag must be a whole number of days within
 * ±`MAX_LAG_DAYS` (`bad-lag`); the successor must not already depend on the predecessor, whatever the
 * type (`duplicate`: a pair has one dependency); and it must not close a loop (`cycle`, with the
 * shortest loop, found by `wouldCreateCycle`, which tolerates loops already in the data). The cheap
 * checks come first so a typo is reported before the graph is walked.
 */
export function checkNewDependency(getTask: (id: Id) => Task | undefined, dependency: NewDependency): DependencyCheck {
  const { successorId, predecessorId, lag } = dependency;
  if (successorId === predecessorId) return { ok: false, code: 'self' };
  const successor = getTask(successorId);
  if (successor === undefined) return { ok: false, code: 'unknown-task', taskId: successorId };
  if (getTask(predecessorId) === undefined) return { ok: false, code: 'unknown-task', taskId: predecessorId };
  if (!Number.isInteger(lag) || Math.abs(lag) > MAX_LAG_DAYS) return { ok: false, code: 'bad-lag' };
  if (successor.dependencies.some((existing) => existing.predecessorId === predecessorId)) return { ok: false, code: 'duplicate' };
  const path = wouldCreateCycle(getTask, successorId, predecessorId);
  return path === undefined ? { ok: true } : { ok: false, code: 'cycle', path };
}
