import type { Mutation } from '../adapter/mutation.js';
import { COLLECTIONS, type CollectionName } from '../model/common.js';
import { validateEntity } from '../validation/validate-entity.js';
import type { ValidationIssue } from '../validation/issue.js';
import type { PendingWrite, PendingWrites } from './pending.js';

/**
 * Whether a value read back from an adapter's outbox (`CwmAdapter.queued`) has the shape of a
 * mutation. Storage outlives code versions and can be edited by hand, so the store checks before it
 * replays one into the view; the entity it produces is validated separately.
 */
export function isQueuedMutation(value: unknown): value is Mutation {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (typeof m['id'] !== 'string' || m['id'] === '' || typeof m['entityId'] !== 'string' || m['entityId'] === '') return false;
  if (!COLLECTIONS.includes(m['collection'] as CollectionName)) return false;
  if (typeof m['actorId'] !== 'string' || typeof m['at'] !== 'string' || typeof m['intent'] !== 'string') return false;
  if (m['baseVersion'] !== undefined && typeof m['baseVersion'] !== 'number') return false;
  switch (m['kind']) {
    case 'create':
      return typeof m['value'] === 'object' && m['value'] !== null && (m['value'] as { id?: unknown }).id === m['entityId'];
    case 'update':
      return typeof m['patch'] === 'object' && m['patch'] !== null && (m['baseValues'] === undefined || (typeof m['baseValues'] === 'object' && m['baseValues'] !== null));
    case 'delete':
      return true;
    default:
      return false;
  }
}

/**
 * The pending writes for mutations re-read from an adapter's outbox, in the outbox's order: the one
 * already held when this store made it (same id), else a new write nobody waits on. Malformed entries
 * and creates of invalid entities are left out (the outbox still settles them with the backend's
 * verdict); `report` hears about the invalid ones.
 */
export function queuedWrites(queued: readonly unknown[], pending: PendingWrites, report: (issue: ValidationIssue) => void): PendingWrite[] {
  const writes: PendingWrite[] = [];
  const seen = new Set<string>();
  for (const mutation of queued) {
    if (!isQueuedMutation(mutation) || seen.has(mutation.id)) continue;
    seen.add(mutation.id);
    const held = pending.findById(mutation.id);
    if (held) {
      writes.push(held);
      continue;
    }
    if (mutation.kind === 'create') {
      const valid = validateEntity(mutation.collection, mutation.value);
      if (!valid.ok) {
        report(valid.issue);
        continue;
      }
    }
    // Recorded already, so there is nothing to wait for before sending it.
    writes.push({ mutation, inFlight: false, rebases: 0, settle: () => undefined });
  }
  return writes;
}
