import type { Mutation } from '../adapter/mutation.js';
import { rebasePatch } from '../adapter/rebase.js';
import { sameValue } from '../adapter/same-value.js';
import type { AnyEntity } from '../model/entities.js';

/** What to do with a write the backend refused as a conflict (someone else's version came first). */
export type ConflictStep =
  /** Send `mutation` again, on the current version; `kept` fields were dropped from its patch. */
  | { readonly action: 'resend'; readonly mutation: Mutation; readonly kept: readonly string[] }
  /** Nothing of the write is left to send: the server's entity stands, `kept` lists what it overrode. */
  | { readonly action: 'settle'; readonly kept: readonly string[] }
  /** Give up: a create over an existing entity, or too many rebases in a row. */
  | { readonly action: 'reject' };

/**
 * The store's own conflict rule, the same one an outbox drainer applies (for adapters without one,
 * such as memory and local): an update's patch is rebased field by field onto `current` with
 * `rebasePatch`, so a field someone else changed since the user saw it keeps their value, and only the
 * fields nobody else touched are sent again. A delete is sent again on the current version. A create
 * is never retried: the id is taken.
 */
export function mergeConflict(mutation: Mutation, current: AnyEntity, rebases: number, maxRebases: number): ConflictStep {
  if (mutation.kind === 'create') return { action: 'reject' };
  if (mutation.kind === 'delete') {
    return rebases < maxRebases ? { action: 'resend', mutation: { ...mutation, baseVersion: current.version }, kept: [] } : { action: 'reject' };
  }
  const now = current as unknown as Readonly<Record<string, unknown>>;
  const { patch, kept } = rebasePatch(mutation.patch, mutation.baseValues, now);
  // Whatever is left may already be what the server holds (both made the same edit): nothing to send.
  const left = Object.entries(patch).filter(([field, value]) => !sameValue(now[field] ?? null, value ?? null));
  if (left.length === 0) return { action: 'settle', kept };
  if (rebases >= maxRebases) return { action: 'reject' };
  const rebased: Mutation = {
    ...mutation,
    baseVersion: current.version,
    patch: patch as typeof mutation.patch,
    // The resent patch is made against the current version, so its base values are the current ones.
    ...(mutation.baseValues === undefined ? {} : { baseValues: valuesOf(now, Object.keys(patch)) as typeof mutation.patch }),
  };
  return { action: 'resend', mutation: rebased, kept };
}

/** The named fields of an entity, absent ones as `null` (what a patch sends to clear a field). */
export function valuesOf(entity: Readonly<Record<string, unknown>>, fields: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) values[field] = entity[field] ?? null;
  return values;
}

/** Two lists of field names as one, without repeats, in first-seen order. */
export function unionFields(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}
