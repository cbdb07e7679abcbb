import type { Id, Mutation } from '@cwm/core';
import { ENTRY_SCHEMA, entityKey, newEntry, rebasedOnVersion, resultEntity, type OutboxEntry, type SerializedResult, type SettledRecord } from './entry.js';
import { outboxDatabaseName } from './namespace.js';
import type { OutboxStorage } from './storage.js';

const DB_VERSION = 1;
const ENTRIES = 'entries';
const SETTLED = 'settled';
const META = 'meta';

/** Whose queue a database holds: checked on every open. */
export interface OutboxOwner {
  readonly tenant: string;
  readonly userId: Id;
}

/** Options of `IndexedDbOutboxStorage.open`. */
export interface OutboxDbOptions {
  /** An open still pending after this long (another tab blocks it, a stuck disk) counts as failed. */
  readonly blockedTimeoutMs?: number;
}

/** Resolves with a request's result, rejects with its error. */
function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves once a transaction has committed; rejects when it aborts (quota, constraint, abort()). */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
  });
}

function upgrade(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES, { keyPath: 'id' }).createIndex('seq', 'seq', { unique: true });
  if (!db.objectStoreNames.contains(SETTLED)) db.createObjectStore(SETTLED, { keyPath: 'mutationId' }).createIndex('at', 'at');
  if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
}

function openDatabase(name: string, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name, DB_VERSION);
    } catch (error) {
      reject(error);
      return;
    }
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new DOMException(`Opening IndexedDB "${name}" took more than ${timeoutMs} ms (blocked by another tab?).`, 'TimeoutError'));
    }, timeoutMs);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => {
      clearTimeout(timer);
      // Given up on already: do not keep a connection nobody uses (it would block a later delete).
      if (late) request.result.close();
      else resolve(request.result);
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error('IndexedDB open failed'));
    };
  });
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('IndexedDB delete failed'));
  });
}

const sameOwner = (stored: unknown, owner: OutboxOwner): boolean =>
  typeof stored === 'object' && stored !== null && (stored as OutboxOwner).tenant === owner.tenant && (stored as OutboxOwner).userId === owner.userId;

/**
 * A namespace's queue in IndexedDB (`<namespace>:outbox`): `entries` by mutation id with a `seq` index
 * (the send order, from a counter in `meta`, so every tab appends to one order), `settled` results by
 * mutation id with an `at` index (for pruning), and `meta` (`owner`, `seq`). Every operation is one
 * transaction, so a crash leaves either the old or the new state.
 */
export class IndexedDbOutboxStorage implements OutboxStorage {
  readonly durable = true;
  private db: IDBDatabase | undefined;

  private constructor(
    readonly name: string,
    db: IDBDatabase,
  ) {
    this.attach(db);
  }

  /**
   * Opens (creating if needed) the namespace's database and checks it belongs to `owner`. A database
   * that names another owner is deleted and started afresh: one person never sees another's queue.
   * Rejects when IndexedDB is missing, refuses, or stays blocked beyond `blockedTimeoutMs` (3 s).
   */
  static async open(namespace: string, owner: OutboxOwner, options: OutboxDbOptions = {}): Promise<IndexedDbOutboxStorage> {
    if (typeof indexedDB === 'undefined') throw new DOMException('IndexedDB is not available here.', 'NotSupportedError');
    const name = outboxDatabaseName(namespace);
    const timeoutMs = options.blockedTimeoutMs ?? 3000;
    let db = await openDatabase(name, timeoutMs);
    const claimed = await IndexedDbOutboxStorage.claim(db, owner);
    if (!claimed) {
      db.close();
      await deleteDatabase(name);
      db = await openDatabase(name, timeoutMs);
      if (!(await IndexedDbOutboxStorage.claim(db, owner))) throw new DOMException('The outbox database belongs to someone else.', 'InvalidStateError');
    }
    return new IndexedDbOutboxStorage(name, db);
  }

  /** Writes the owner into a new database; false when it already names someone else. */
  private static async claim(db: IDBDatabase, owner: OutboxOwner): Promise<boolean> {
    const transaction = db.transaction(META, 'readwrite');
    const done = committed(transaction);
    const meta = transaction.objectStore(META);
    const stored: unknown = await requested(meta.get('owner'));
    if (stored === undefined) meta.put({ tenant: owner.tenant, userId: owner.userId }, 'owner');
    await done;
    return stored === undefined || sameOwner(stored, owner);
  }

  async enqueue(mutations: readonly Mutation[], tabId?: string): Promise<readonly string[]> {
    return this.run([ENTRIES, SETTLED, META], 'readwrite', async (transaction) => {
      const entries = transaction.objectStore(ENTRIES);
      const settled = transaction.objectStore(SETTLED);
      const meta = transaction.objectStore(META);
      let seq = ((await requested(meta.get('seq'))) as number | undefined) ?? 0;
      const added: string[] = [];
      for (const mutation of mutations) {
        const known = (await requested(entries.count(mutation.id))) + (await requested(settled.count(mutation.id)));
        if (known > 0 || added.includes(mutation.id)) continue;
        seq += 1;
        entries.put(newEntry(mutation, seq, tabId));
        added.push(mutation.id);
      }
      if (added.length > 0) meta.put(seq, 'seq');
      return added;
    });
  }

  async entries(): Promise<readonly OutboxEntry[]> {
    const all = await this.run([ENTRIES], 'readonly', (transaction) => requested(transaction.objectStore(ENTRIES).index('seq').getAll()));
    // Entries written by a newer version of this library are not understood: left alone, never sent.
    return (all as OutboxEntry[]).filter((entry) => entry.schema === ENTRY_SCHEMA);
  }

  async update(entry: OutboxEntry): Promise<boolean> {
    return this.run([ENTRIES], 'readwrite', async (transaction) => {
      const store = transaction.objectStore(ENTRIES);
      if ((await requested(store.count(entry.id))) === 0) return false;
      store.put(entry);
      return true;
    });
  }

  async settle(mutationId: string, result: SerializedResult, at: number): Promise<void> {
    await this.run([ENTRIES, SETTLED], 'readwrite', async (transaction) => {
      const entries = transaction.objectStore(ENTRIES);
      const settled = transaction.objectStore(SETTLED);
      if ((await requested(settled.count(mutationId))) > 0) return;
      const entry = (await requested(entries.get(mutationId))) as OutboxEntry | undefined;
      entries.delete(mutationId);
      settled.put({ mutationId, result, at } satisfies SettledRecord);
      const version = resultEntity(result)?.version;
      if (entry === undefined || version === undefined) return;
      const key = entityKey(entry.mutation);
      const later = (await requested(entries.index('seq').getAll(IDBKeyRange.lowerBound(entry.seq, true)))) as OutboxEntry[];
      for (const other of later) {
        if (entityKey(other.mutation) !== key) continue;
        const moved = rebasedOnVersion(other, version);
        if (moved !== other) entries.put(moved);
      }
    });
  }

  async settled(mutationId: string): Promise<SettledRecord | undefined> {
    return this.run([SETTLED], 'readonly', (transaction) => requested(transaction.objectStore(SETTLED).get(mutationId)) as Promise<SettledRecord | undefined>);
  }

  async count(): Promise<number> {
    return (await this.entries()).length;
  }

  async pruneSettled(before: number): Promise<void> {
    await this.run([SETTLED], 'readwrite', async (transaction) => {
      const store = transaction.objectStore(SETTLED);
      const keys = await requested(store.index('at').getAllKeys(IDBKeyRange.upperBound(before, true)));
      for (const key of keys) store.delete(key);
    });
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }

  async destroy(): Promise<void> {
    this.close();
    await deleteDatabase(this.name);
  }

  private attach(db: IDBDatabase): void {
    this.db = db;
    // Another tab deletes the database (sign-out): let it, and fail later calls instead of blocking it.
    db.onversionchange = () => this.close();
    db.onclose = () => {
      if (this.db === db) this.db = undefined;
    };
  }

  /**
   * Runs `work` in one transaction and resolves once it committed (callers announce only durable
   * writes). `work` may await IndexedDB requests only: a transaction commits when it has none pending.
   */
  private async run<T>(stores: readonly string[], mode: IDBTransactionMode, work: (transaction: IDBTransaction) => Promise<T>): Promise<T> {
    if (this.db === undefined) throw new DOMException('The outbox database is closed.', 'InvalidStateError');
    const transaction = this.db.transaction(stores as string[], mode);
    const done = committed(transaction);
    let result: T;
    try {
      result = await work(transaction);
    } catch (error) {
      try {
        transaction.abort();
      } catch {
        // Already finished: nothing left to undo.
      }
      await done.catch(() => undefined);
      throw error;
    }
    await done;
    return result;
  }
}

/** Deletes a namespace's database (sign-out), whatever state this tab's storage is in. */
export async function deleteOutboxDatabase(namespace: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await deleteDatabase(outboxDatabaseName(namespace));
}
