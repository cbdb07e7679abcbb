import { applyMutation } from '../adapter/apply.js';
import type { Mutation } from '../adapter/mutation.js';
import type { AnyEntity } from '../model/entities.js';

/**
 * One pending write replayed onto the value the view has so far. Like `applyMutation`, except that a
 * create over an entity the backend already confirmed shows the confirmed one: the create reached the
 * backend before (an echo arrived first, or it was sent before a reload and its answer was lost), and
 * the backend's copy is the newer truth. A create after a pending delete of the same id still applies.
 */
export function replayWrite(value: AnyEntity | undefined, mutation: Mutation): AnyEntity | undefined {
  if (mutation.kind === 'create' && value !== undefined) return value;
  return applyMutation(value, mutation);
}
