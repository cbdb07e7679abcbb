// Equality as a reader of the dashboard sees it, for the incremental models (`kpi-assemble`,
// `flow-live`) that hand back their previous objects when a store change shows nothing new. A store
// change that shows nothing new still moves the updated task to the end of the tasks table's
// iteration order, so lists built in that order come out permuted and floating-point sums differ in
// the last bits; these helpers look past exactly that and nothing more.

/**
 * Identical, or two numbers equal up to rounding (|a - b| <= 1e-9 * max(1, |a|)): the same addends
 * summed in another order differ by ~1e-15 relative, far below anything displayed.
 */
export function nearlyEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/** Same elements at the same places (identity). */
export function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * Same elements in any order, for lists that are sets (drill-down task ids, rows reused by identity):
 * each list must hold an element once. Linear: an ordered pass first, a `Set` only when that fails.
 */
export function sameMembers<T>(a: readonly T[], b: readonly T[]): boolean {
  if (sameElements(a, b)) return true;
  if (a.length !== b.length) return false;
  const members = new Set(a);
  for (const element of b) if (!members.has(element)) return false;
  return true;
}

/** Same own keys with values equal by `same` (one level deep). */
export function shallowEqual(a: object, b: object, same: (x: unknown, y: unknown) => boolean = Object.is): boolean {
  const aEntries = a as Record<string, unknown>;
  const bEntries = b as Record<string, unknown>;
  const keys = Object.keys(aEntries);
  if (keys.length !== Object.keys(bEntries).length) return false;
  for (const key of keys) if (!same(aEntries[key], bEntries[key])) return false;
  return true;
}
