import type { Mutation } from '../adapter/mutation.js';
import type { CollectionName, Id } from '../model/common.js';

/** How a write ended, as the action's `confirmed` promise reports it (it never rejects). */
export type WriteOutcome =
  | { readonly status: 'applied' }
  | { readonly status: 'rejected'; readonly code: string; readonly reason: string };

/** A write applied here and not yet confirmed by the backend. */
export interface PendingWrite {
  mutation: Mutation;
  inFlight: boolean;
  /** How often it was replayed onto a newer server version after a conflict. */
  rebases: number;
  /**
   * Settles when the adapter has made the write durable (`CwmAdapter.record`), or failed to: it never
   * rejects. The write is not sent before (persist before send). Absent: nothing to wait for.
   */
  recorded?: Promise<void>;
  /**
   * Fields dropped from this update's patch by a rebase, because someone else had changed them first:
   * reported (`write-merged`) when the write is confirmed.
   */
  kept?: readonly string[];
  readonly settle: (outcome: WriteOutcome) => void;
}

export function entityKey(collection: CollectionName, id: Id): string {
  return `${collection}/${id}`;
}

/**
 * The ordered log of this user's unconfirmed writes, indexed by entity so the view of one entity can
 * be recomputed (confirmed value + its pending writes replayed in order) without scanning the log.
 */
export class PendingWrites {
  private readonly order: PendingWrite[] = [];
  private readonly byEntity = new Map<string, PendingWrite[]>();
  /** By mutation id (stable across rebases): restoring a long offline queue must not scan the log per write. */
  private readonly byId = new Map<string, PendingWrite>();

  get size(): number {
    return this.order.length;
  }

  add(write: PendingWrite): void {
    this.order.push(write);
    this.byId.set(write.mutation.id, write);
    const key = entityKey(write.mutation.collection, write.mutation.entityId);
    const list = this.byEntity.get(key);
    if (list) list.push(write);
    else this.byEntity.set(key, [write]);
  }

  /**
   * Puts `writes` (new ones, or ones already held) first, in the given order, and the rest after them
   * in their own order: writes re-read from the adapter's outbox after a reload are older than any
   * write made since.
   */
  putFirst(writes: readonly PendingWrite[]): void {
    const first = new Set(writes);
    const rest = this.order.filter((write) => !first.has(write));
    this.order.splice(0, this.order.length, ...first, ...rest);
    this.byEntity.clear();
    for (const write of this.order) {
      this.byId.set(write.mutation.id, write);
      const key = entityKey(write.mutation.collection, write.mutation.entityId);
      const list = this.byEntity.get(key);
      if (list) list.push(write);
      else this.byEntity.set(key, [write]);
    }
  }

  remove(write: PendingWrite): void {
    const index = this.order.indexOf(write);
    if (index >= 0) this.order.splice(index, 1);
    if (this.byId.get(write.mutation.id) === write) this.byId.delete(write.mutation.id);
    const key = entityKey(write.mutation.collection, write.mutation.entityId);
    const list = this.byEntity.get(key);
    if (!list) return;
    const at = list.indexOf(write);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.byEntity.delete(key);
  }

  forEntity(collection: CollectionName, id: Id): readonly PendingWrite[] {
    return this.byEntity.get(entityKey(collection, id)) ?? [];
  }

  findById(mutationId: string): PendingWrite | undefined {
    return this.byId.get(mutationId);
  }

  /**
   * The next writes to send, oldest first: at most one per entity, since a second write on the same
   * entity must be based on the version the first one produces.
   */
  nextBatch(limit: number): PendingWrite[] {
    const batch: PendingWrite[] = [];
    const seen = new Set<string>();
    for (const write of this.order) {
      const key = entityKey(write.mutation.collection, write.mutation.entityId);
      if (seen.has(key)) continue;
      seen.add(key);
      if (write.inFlight) continue;
      batch.push(write);
      if (batch.length >= limit) break;
    }
    return batch;
  }

  /** Removes every write, returning them oldest first (the store settles them when it is disposed). */
  drain(): PendingWrite[] {
    const writes = this.order.splice(0);
    this.byEntity.clear();
    this.byId.clear();
    return writes;
  }

  hasInFlight(): boolean {
    return this.order.some((write) => write.inFlight);
  }

  entityIds(): Set<Id> {
    return new Set(this.order.map((write) => write.mutation.entityId));
  }
}
