import type { Mutation } from '@cwm/core';
import { entityKey, keptFields, newEntry, rebasedOnVersion, resultEntity, type OutboxEntry, type SerializedResult, type SettledRecord } from './entry.js';
import type { OutboxStorage } from './storage.js';

/**
 * The queue in this tab's memory: online-only mode (chosen, or because IndexedDB failed). Same
 * behaviour as the IndexedDB storage, minus surviving a reload and being shared with other tabs.
 */
export class MemoryOutboxStorage implements OutboxStorage {
  readonly durable = false;
  private readonly queue = new Map<string, OutboxEntry>();
  private readonly results = new Map<string, SettledRecord>();
  private nextSeq = 1;

  async enqueue(mutations: readonly Mutation[], tabId?: string): Promise<readonly string[]> {
    const added: string[] = [];
    for (const mutation of mutations) {
      if (this.queue.has(mutation.id) || this.results.has(mutation.id)) continue;
      this.queue.set(mutation.id, newEntry(structuredClone(mutation), this.nextSeq++, tabId));
      added.push(mutation.id);
    }
    return added;
  }

  async entries(): Promise<readonly OutboxEntry[]> {
    return [...this.queue.values()].sort((a, b) => a.seq - b.seq);
  }

  async update(entry: OutboxEntry): Promise<boolean> {
    if (!this.queue.has(entry.id)) return false;
    this.queue.set(entry.id, entry);
    return true;
  }

  async settle(mutationId: string, result: SerializedResult, at: number): Promise<void> {
    const entry = this.queue.get(mutationId);
    if (this.results.has(mutationId)) return;
    this.queue.delete(mutationId);
    this.results.set(mutationId, { mutationId, result, at });
    const version = resultEntity(result)?.version;
    if (entry === undefined || version === undefined) return;
    const key = entityKey(entry.mutation);
    for (const later of this.queue.values()) {
      if (later.seq > entry.seq && entityKey(later.mutation) === key) this.queue.set(later.id, rebasedOnVersion(later, version, keptFields(result)));
    }
  }

  async settled(mutationId: string): Promise<SettledRecord | undefined> {
    return this.results.get(mutationId);
  }

  async count(): Promise<number> {
    return this.queue.size;
  }

  async pruneSettled(before: number): Promise<void> {
    for (const [id, record] of this.results) if (record.at < before) this.results.delete(id);
  }

  close(): void {
    // Nothing to release: the maps go with the page.
  }

  async destroy(): Promise<void> {
    this.queue.clear();
    this.results.clear();
  }
}
