import type { CollectionName, Id } from '@cwm/core';
import { isRecord, stableJson } from '../mapping/json.js';
import type { WireChange } from './types.js';

/** Options of a `Poller`. */
export interface PollerOptions {
  /** Pause between the end of one poll and the start of the next, ms. */
  readonly intervalMs: number;
  /** Collections read on every poll. */
  readonly collections: readonly CollectionName[];
  /** Every entity of a collection as the backend has it now (already mapped to the domain's fields). */
  readonly listAll: (collection: CollectionName) => Promise<readonly unknown[]>;
  /** What changed since the previous poll; called once per poll that found something. */
  readonly onChanges: (changes: readonly WireChange[]) => void;
  /** A collection could not be read (it is skipped this round) or `onChanges` threw. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Live changes for a backend that cannot push them: reads every collection again at a steady pace and
 * reports the difference, item by item, against the previous read. Items are compared by a hash of their
 * key-sorted JSON, so key order and unchanged items cost nothing downstream. The first read of a
 * collection only sets the baseline. Polls never overlap: the next starts `intervalMs` after the previous
 * one ended, so a slow backend is not piled up on.
 */
export class Poller {
  private readonly options: PollerOptions;
  /** Per collection: id -> content hash, from the last successful read. */
  private readonly known = new Map<CollectionName, Map<Id, string>>();
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: Promise<void> | undefined;
  /** A poll asked for while one was running: it starts when that one ends (callers share it). */
  private queued: Promise<void> | undefined;
  /** Bumped by stop(): a poll begun before it must not report. */
  private generation = 0;

  constructor(options: PollerOptions) {
    this.options = options;
  }

  /** Starts polling: a first poll (the baseline) at once, then one every `intervalMs` after the last ended. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.pollNow();
  }

  /** Stops polling; a poll under way finishes without reporting. What was read stays as the baseline for a restart. */
  stop(): void {
    this.running = false;
    this.generation += 1;
    this.queued = undefined;
    this.clearTimer();
  }

  /**
   * Polls now (after the running poll, if any) and resolves when done; never rejects. Useful after an
   * own write or when the page becomes visible again.
   */
  pollNow(): Promise<void> {
    if (this.current === undefined) {
      this.current = this.runPoll();
      return this.current;
    }
    if (this.queued !== undefined) return this.queued;
    const queued: Promise<void> = this.current.then(() => {
      // Cancelled by stop() (or replaced after a stop and start): that poll is not wanted any more.
      if (this.queued !== queued) return undefined;
      this.queued = undefined;
      this.current = this.runPoll();
      return this.current;
    });
    this.queued = queued;
    return queued;
  }

  private async runPoll(): Promise<void> {
    this.clearTimer();
    const generation = this.generation;
    try {
      const changes: WireChange[] = [];
      for (const collection of this.options.collections) {
        let items: readonly unknown[];
        try {
          items = await this.options.listAll(collection);
        } catch (error) {
          if (generation === this.generation) this.report(error);
          continue;
        }
        if (generation !== this.generation) return;
        try {
          this.diff(collection, items, changes);
        } catch (error) {
          // An item JSON cannot express (a cycle, a bigint): this collection keeps its old baseline.
          this.report(error);
        }
      }
      if (changes.length > 0) {
        try {
          this.options.onChanges(changes);
        } catch (error) {
          this.report(error);
        }
      }
    } finally {
      this.current = undefined;
      if (this.running && this.queued === undefined) this.schedule();
    }
  }

  /** Compares one collection's fresh read with the last one and appends the differences. */
  private diff(collection: CollectionName, items: readonly unknown[], into: WireChange[]): void {
    const before = this.known.get(collection);
    const after = new Map<Id, string>();
    const entities = new Map<Id, Record<string, unknown>>();
    for (const item of items) {
      if (!isRecord(item) || typeof item['id'] !== 'string') continue;
      after.set(item['id'], contentHash(stableJson(item)));
      entities.set(item['id'], item);
    }
    this.known.set(collection, after);
    if (before === undefined) return;
    for (const [id, hash] of after) {
      if (before.get(id) === hash) continue;
      const entity = entities.get(id);
      const version = entity?.['version'];
      into.push(
        typeof version === 'number'
          ? { type: 'upsert', collection, id, version, entity }
          : { type: 'upsert', collection, id, entity },
      );
    }
    for (const id of before.keys()) {
      if (!after.has(id)) into.push({ type: 'delete', collection, id });
    }
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.running) void this.pollNow();
    }, Math.max(0, this.options.intervalMs));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private report(error: unknown): void {
    try {
      this.options.onError?.(error);
    } catch {
      // The error handler failing leaves nothing better to do; polling goes on.
    }
  }
}

/**
 * A 64-bit fingerprint of a text (two 32-bit FNV-1a lanes with different seeds, then mixed), so the
 * baseline keeps 16 characters per item instead of its whole JSON. A collision would hide one change
 * until the item changes again; at 64 bits that is not a practical concern.
 */
function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x6a09e667;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ text.length;
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
