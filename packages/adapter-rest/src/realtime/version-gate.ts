import type { CollectionName, Id } from '@cwm/core';
import type { WireChange } from './types.js';

interface Seen {
  readonly version: number;
  /** The newest thing known about the entity is its deletion (a tombstone). */
  readonly deleted: boolean;
}

/** Options of a `VersionGate`. */
export interface VersionGateOptions {
  /**
   * Most entities remembered; past it the least recently touched are forgotten. A forgotten entity's
   * next change is admitted whatever its version, which is safe: the store checks versions again.
   * Default 100 000.
   */
  readonly maxEntries?: number;
}

/**
 * Lets through only changes newer than what this page already knows, per collection and id. Live
 * changes arrive twice (the echo of an own write, a replay after reconnect), late (one source slower than
 * another) or stale (an upsert from before a delete); a change whose version is not above the last seen
 * one is one of these and is dropped. Deletes leave a tombstone with their version, so an older upsert
 * that arrives after the delete cannot bring the entity back. Changes without a version cannot be
 * judged and are always let through.
 *
 * Assumes versions only grow and an id is never reused after its deletion, as with the reference server.
 */
export class VersionGate {
  private readonly entries = new Map<string, Seen>();
  private readonly maxEntries: number;

  constructor(options: VersionGateOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 100_000);
  }

  /** True when the change should be applied; false for a duplicate, stale or out-of-order one. A reset is always true. */
  admit(change: WireChange): boolean {
    if (change.type === 'reset') return true;
    const key = keyOf(change.collection, change.id);
    const known = this.entries.get(key);
    if (change.type === 'upsert') {
      if (change.version === undefined) return true;
      // Equal to a tombstone's version is refused too: that is the entity as it was when it was deleted.
      if (known !== undefined && change.version <= known.version) return false;
      this.remember(key, { version: change.version, deleted: false });
      return true;
    }
    if (change.version === undefined) {
      // Nothing to compare, so let it through; keep what was known as a tombstone so late upserts stay out.
      if (known !== undefined) this.remember(key, { version: known.version, deleted: true });
      return true;
    }
    if (known !== undefined && (change.version < known.version || (change.version === known.version && known.deleted))) return false;
    this.remember(key, { version: change.version, deleted: true });
    return true;
  }

  /** Records a version read some other way (a list read, the answer to an own write); only raises what is known. */
  seen(collection: CollectionName, id: Id, version: number): void {
    const key = keyOf(collection, id);
    const known = this.entries.get(key);
    if (known !== undefined && version <= known.version) return;
    this.remember(key, { version, deleted: false });
  }

  /** Forgets everything (sign-out, or a backend whose versions started again). */
  clear(): void {
    this.entries.clear();
  }

  /** Entities remembered now (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private remember(key: string, seen: Seen): void {
    // Re-inserting moves the key to the end, so the Map's order is least recently touched first.
    this.entries.delete(key);
    this.entries.set(key, seen);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }
}

/** Collection names contain no '/', so the first '/' always ends the collection whatever the id holds. */
function keyOf(collection: CollectionName, id: Id): string {
  return `${collection}/${id}`;
}
