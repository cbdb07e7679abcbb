import { promisifyRequest } from 'idb-keyval';
import { COLLECTIONS, type AnyEntity, type Mutation, type MutationResult, type RemoteChange } from '@cwm/core';
import { type AuthorizeHook, changesOf, decide } from '../backend/decide.js';
import { MUTATIONS_STORE } from './schema.js';

const KNOWN: ReadonlySet<string> = new Set(COLLECTIONS);

/** A row of the idempotency log. */
interface AppliedMutation {
  readonly id: string;
  readonly at: string;
  readonly collection: string;
  readonly entityId: string;
}

/**
 * Runs the reference backend's `decide` for each mutation, in order, inside the caller's readwrite
 * transaction: read the entity and the idempotency log, decide, write. IndexedDB runs readwrite
 * transactions over the same stores one after another, so two tabs pushing against the same base
 * version are decided in turn: the second one sees the first one's write and gets `conflict`.
 */
export async function applyPushes(
  transaction: IDBTransaction,
  mutations: readonly Mutation[],
  authorize: AuthorizeHook | undefined,
): Promise<{ results: MutationResult[]; changes: RemoteChange[] }> {
  const log = transaction.objectStore(MUTATIONS_STORE);
  const results: MutationResult[] = [];
  const changes: RemoteChange[] = [];
  for (const mutation of mutations) {
    // Malformed mutations (unknown collection, no id) are refused by `decide`; never ask IndexedDB
    // about keys it would throw on.
    const readable = KNOWN.has(mutation.collection) && typeof mutation.entityId === 'string' && mutation.entityId !== '';
    const loggable = typeof mutation.id === 'string' && mutation.id !== '';
    const [current, seen] = await Promise.all([
      readable ? (promisifyRequest(transaction.objectStore(mutation.collection).get(mutation.entityId)) as Promise<AnyEntity | undefined>) : undefined,
      loggable ? (promisifyRequest(log.get(mutation.id)) as Promise<AppliedMutation | undefined>) : undefined,
    ]);
    const decision = decide(current, mutation, seen !== undefined, { authorize });
    results.push(decision.result);
    if (decision.result.status !== 'applied') continue;
    const record: AppliedMutation = { id: mutation.id, at: mutation.at, collection: mutation.collection, entityId: mutation.entityId };
    log.put(record);
    for (const write of decision.write === undefined ? decision.sideEffects : [decision.write, ...decision.sideEffects]) {
      const store = transaction.objectStore(write.collection);
      if (write.entity === undefined) store.delete(write.id);
      else store.put(write.entity);
    }
    changes.push(...changesOf(decision));
  }
  return { results, changes };
}

/** How long an applied mutation id is remembered: a retry after this long is not a retry any more. */
export const IDEMPOTENCY_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Forgets applied mutation ids older than `before` (ISO time), so the idempotency log does not grow
 * forever. Returns how many were removed.
 */
export async function pruneAppliedMutations(transaction: IDBTransaction, before: string): Promise<number> {
  const log = transaction.objectStore(MUTATIONS_STORE);
  let removed = 0;
  await new Promise<void>((resolve, reject) => {
    const request = log.openCursor();
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      const row = cursor.value as AppliedMutation;
      if (typeof row.at !== 'string' || row.at < before) {
        cursor.delete();
        removed++;
      }
      cursor.continue();
    };
  });
  return removed;
}
