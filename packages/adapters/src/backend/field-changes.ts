import { type FieldChange, sameValue } from '@cwm/core';

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
