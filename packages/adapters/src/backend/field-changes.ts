import type { FieldChange } from '@cwm/core';

/** Structural equality of JSON-like values (what entities are made of). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameValue(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false;
  return keys.every((key) => sameValue(left[key], right[key]));
}

/**
 * The fields of `fields` whose value differs between `before` and `after`, as activity-log changes.
 * Absent values are written as `null` so the log stays JSON.
 */
export function fieldChanges(before: object, after: object, fields: readonly string[]): FieldChange[] {
  const from = before as Record<string, unknown>;
  const to = after as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (sameValue(from[field], to[field])) continue;
    changes.push({ field, from: from[field] ?? null, to: to[field] ?? null });
  }
  return changes;
}
