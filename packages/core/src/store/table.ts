import type { Id } from '../model/common.js';

/** Overlay size at which a table folds its recent changes into a fresh base map. */
const COMPACT_AT = 512;

/** Revisions of change history kept for `changedSince`; older ones are dropped. */
const LOG_KEEP = 1024;

interface ChangeLog {
  /**
   * Entity ids changed by each revision: `entries[i]` made revision `offset + i + 1`. Shared by every
   * table of one lineage; only appended to and trimmed at the front.
   */
  entries: Id[][];
  offset: number;
}

/**
 * An immutable map of entities that is cheap to update at any size.
 *
 * A 100,000-task store cannot copy a `Map` on every change (milliseconds each time), so a table is a
 * large shared base plus a small overlay of recent changes. `set` and `delete` copy only the overlay;
 * when it grows past a few hundred entries it is folded into a new base, so the copy cost is amortized.
 *
 * Every table also knows which ids changed since an older table of the same lineage
 * (`changedSince`), which lets selectors update incrementally instead of scanning everything.
 */
export class Table<T extends { readonly id: Id }> implements Iterable<T> {
  static empty<T extends { readonly id: Id }>(): Table<T> {
    return new Table<T>(new Map(), new Map(), 0, { entries: [], offset: 0 }, 0);
  }

  static from<T extends { readonly id: Id }>(items: Iterable<T>): Table<T> {
    const base = new Map<Id, T>();
    for (const item of items) base.set(item.id, item);
    return new Table<T>(base, new Map(), base.size, { entries: [], offset: 0 }, 0);
  }

  private constructor(
    private readonly base: ReadonlyMap<Id, T>,
    /** `undefined` marks a deletion of a base entry. */
    private readonly overlay: ReadonlyMap<Id, T | undefined>,
    readonly size: number,
    private readonly log: ChangeLog,
    /** How many changes this lineage had when this table was made. */
    readonly revision: number,
  ) {}

  get(id: Id): T | undefined {
    return this.overlay.has(id) ? this.overlay.get(id) : this.base.get(id);
  }

  has(id: Id): boolean {
    return this.get(id) !== undefined;
  }

  /** A table with `item` stored under its id. Returns this table when nothing changes. */
  set(item: T): Table<T> {
    const previous = this.get(item.id);
    if (previous === item) return this;
    return this.withChanges([item.id], (overlay) => overlay.set(item.id, item), previous === undefined ? 1 : 0);
  }

  /** A table without `id`. Returns this table when it was not there. */
  delete(id: Id): Table<T> {
    if (!this.has(id)) return this;
    return this.withChanges([id], (overlay) => overlay.set(id, undefined), -1);
  }

  /** Many upserts and deletions as one revision. */
  batch(upserts: Iterable<T>, deletions: Iterable<Id> = []): Table<T> {
    const overlay = new Map(this.overlay);
    const changed: Id[] = [];
    let size = this.size;
    for (const item of upserts) {
      const previous = overlay.has(item.id) ? overlay.get(item.id) : this.base.get(item.id);
      if (previous === item) continue;
      if (previous === undefined) size++;
      overlay.set(item.id, item);
      changed.push(item.id);
    }
    for (const id of deletions) {
      const previous = overlay.has(id) ? overlay.get(id) : this.base.get(id);
      if (previous === undefined) continue;
      size--;
      overlay.set(id, undefined);
      changed.push(id);
    }
    if (changed.length === 0) return this;
    return this.commit(overlay, size, changed);
  }

  /**
   * Ids that may differ between `older` and this table, or `undefined` when that cannot be told
   * cheaply (different lineage, or `older` is newer); callers then compare everything.
   */
  changedSince(older: Table<T>): Id[] | undefined {
    if (older === this) return [];
    if (older.log !== this.log || older.revision > this.revision || older.revision < this.log.offset) return undefined;
    const ids: Id[] = [];
    for (let revision = older.revision; revision < this.revision; revision++) {
      const entry = this.log.entries[revision - this.log.offset];
      if (entry === undefined) return undefined;
      for (const id of entry) ids.push(id);
    }
    return ids;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const [id, item] of this.base) {
      if (!this.overlay.has(id)) yield item;
    }
    for (const item of this.overlay.values()) {
      if (item !== undefined) yield item;
    }
  }

  values(): T[] {
    return [...this];
  }

  ids(): Id[] {
    return this.values().map((item) => item.id);
  }

  filter(predicate: (item: T) => boolean): T[] {
    const result: T[] = [];
    for (const item of this) if (predicate(item)) result.push(item);
    return result;
  }

  private isTip(): boolean {
    return this.log.offset + this.log.entries.length === this.revision;
  }

  private branchLog(): ChangeLog {
    const keep = Math.max(0, this.revision - this.log.offset);
    return { entries: this.log.entries.slice(0, keep), offset: this.log.offset };
  }

  private withChanges(changed: Id[], edit: (overlay: Map<Id, T | undefined>) => void, sizeDelta: number): Table<T> {
    const overlay = new Map(this.overlay);
    edit(overlay);
    return this.commit(overlay, this.size + sizeDelta, changed);
  }

  private commit(overlay: Map<Id, T | undefined>, size: number, changed: Id[]): Table<T> {
    // A branch off an older table (a replay, a rebase) starts a new lineage, so `changedSince` never
    // reads entries written by a sibling branch.
    const log = this.isTip() ? this.log : this.branchLog();
    log.entries.push(changed);
    if (log.entries.length > 2 * LOG_KEEP) {
      log.entries.splice(0, LOG_KEEP);
      log.offset += LOG_KEEP;
    }
    if (overlay.size < COMPACT_AT) {
      return new Table(this.base, overlay, size, log, this.revision + 1);
    }
    const base = new Map(this.base);
    for (const [id, item] of overlay) {
      if (item === undefined) base.delete(id);
      else base.set(id, item);
    }
    return new Table(base, new Map(), size, log, this.revision + 1);
  }
}
