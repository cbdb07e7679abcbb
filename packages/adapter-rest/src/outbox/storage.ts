import type { Mutation } from '@cwm/core';
import type { OutboxEntry, SerializedResult, SettledRecord } from './entry.js';

/**
 * Where a namespace's queue lives: IndexedDB (durable, shared by every tab of the origin) or memory
 * (online-only: this tab's writes, lost on reload). The drainer and the facade see only this.
 */
export interface OutboxStorage {
  /** True when the queue outlives the page (IndexedDB). */
  readonly durable: boolean;
  /**
   * Adds mutations not yet queued nor settled (put-if-absent by mutation id, so recording the same
   * write twice, or after it settled, never sends it again). Resolves with the ids it added.
   */
  enqueue(mutations: readonly Mutation[], tabId?: string): Promise<readonly string[]>;
  /** Every unsettled entry of this schema, in queue order. */
  entries(): Promise<readonly OutboxEntry[]>;
  /** Replaces an entry if it is still queued (an entry settled meanwhile stays settled); false if it was not. */
  update(entry: OutboxEntry): Promise<boolean>;
  /**
   * Settles a mutation in one step: removes its entry, keeps its result, and moves later entries of the
   * same entity onto the version the result produced. A second settlement of the same id is ignored.
   */
  settle(mutationId: string, result: SerializedResult, at: number): Promise<void>;
  /** A settled mutation's result, while it is kept. */
  settled(mutationId: string): Promise<SettledRecord | undefined>;
  /** Unsettled entries. */
  count(): Promise<number>;
  /** Forgets results settled before `before` (ms since epoch). */
  pruneSettled(before: number): Promise<void>;
  close(): void;
  /** Deletes everything (sign-out). */
  destroy(): Promise<void>;
}
