import { sameValue } from './same-value.js';

/** An update's patch rebased onto a newer version of the entity. */
export interface RebasedPatch {
  /** The fields still to apply: nobody else changed them since the patch's base. */
  readonly patch: Readonly<Record<string, unknown>>;
  /** Fields dropped because someone else changed them first: their (the server's) value is kept. */
  readonly kept: readonly string[];
}

/**
 * Rebases a patch made against `baseValues` onto `current` (the entity as the server has it now). A
 * field stays in the patch when the current value still equals the one the user saw (nobody else
 * changed it), or already equals the patch (no disagreement). Otherwise the other person's edit came
 * first and wins: the field is dropped and listed in `kept`, so nobody's edit is overwritten blindly.
 * Without `baseValues` every field stays (last writer wins, for backends without history).
 */
export function rebasePatch(
  patch: Readonly<Record<string, unknown>>,
  baseValues: Readonly<Record<string, unknown>> | undefined,
  current: Readonly<Record<string, unknown>>,
): RebasedPatch {
  if (baseValues === undefined) return { patch, kept: [] };
  const rebased: Record<string, unknown> = {};
  const kept: string[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const now = current[field] ?? null;
    const seen = field in baseValues ? (baseValues[field] ?? null) : now;
    if (sameValue(now, seen) || sameValue(now, value ?? null)) rebased[field] = value;
    else kept.push(field);
  }
  return { patch: rebased, kept };
}
