import type { Id, Mutation } from '@cwm/core';
import { IdbConnection } from '../idb/connection.js';
import { deleteDatabase, openDatabase, requestResult, runTransaction } from '../idb/idb.js';
import { ENTRY_SCHEMA, entityKey, keptFields, newEntry, rebasedOnVersion, resultEntity, type OutboxEntry, type SerializedResult, type SettledRecord } from './entry.js';
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

function upgrade(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES, { keyPath: 'id' }).createIndex('seq', 'seq', { unique: true });
  if (!db.objectStoreNames.contains(SETTLED)) db.createObjectStore(SETTLED, { keyPath: 'mutationId' }).createIndex('at', 'at');
  if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
}

const sameOwner = (stored: unknown, owner: OutboxOwner): boolean =>
  typeof stored === 'object' && stored !== null && (stored as OutboxOwner).tenant === owner.tenant && (stored as OutboxOwner).userId === owner.userId;

/**
 * A namespace's queue in IndexedDB (`<namespace>:outbox`): `entries` by mutation id with a `seq` index
 * (the send order, from a counter in `meta`, so every tab appends to one order), `settled` results by
 * mutation id with an `at` index (for pruning), and `meta` (`owner`, `seq`). Every operation is one
 * transaction (`IdbConnection.run`, resolving once committed, so callers announce only durable writes),
 * so a crash leaves either the old or the new state.
 */
export class IndexedDbOutboxStorage implements OutboxStorage {
  readonly durable = true;
  private readonly connection: IdbConnection;

  private constructor(
    readonly name: string,
    db: IDBDatabase,
  ) {
    // Another tab deletes the database (sign-out): the connection lets it, and later calls fail instead of blocking it.
    this.connection = new IdbConnection(db, 'The outbox database is closed.');
  }

  /**
   * Opens (creating if needed) the namespace's database and checks it belongs to `owner`. A database
   * that names another owner is deleted and started afresh: one person never sees another's queue.
   * Rejects when IndexedDB is missing, refuses, or stays blocked beyond `blockedTimeoutMs` (3 s).
   */
  static async open(namespace: string, owner: OutboxOwner, options: OutboxDbOptions = {}): Promise<IndexedDbOutboxStorage> {
    const name = outboxDatabaseName(namespace);
    const timeoutMs = options.blockedTimeoutMs ?? 3000;
    let db = await openDatabase(name, DB_VERSION, upgrade, timeoutMs);
    const claimed = await IndexedDbOutboxStorage.claim(db, owner);
    if (!claimed) {
      db.close();
      await deleteDatabase(name);
      db = await openDatabase(name, DB_VERSION, upgrade, timeoutMs);
      if (!(await IndexedDbOutboxStorage.claim(db, owner))) throw new DOMException('The outbox database belongs to someone else.', 'InvalidStateError');
    }
    return new IndexedDbOutboxStorage(name, db);
  }

  /** Writes the owner into a new database; false when it already names someone else. */
  private static async claim(db: IDBDatabase, owner: OutboxOwner): Promise<boolean> {
    return runTransaction(db, [META], 'readwrite', async (transaction) => {
      const meta = transaction.objectStore(META);
      const stored: unknown = await requestResult(meta.get('owner'));
      if (stored === undefined) meta.put({ tenant: owner.tenant, userId: owner.userId }, 'owner');
      return stored === undefined || sameOwner(stored, owner);
    });
  }

  async enqueue(mutations: readonly Mutation[], tabId?: string): Promise<readonly string[]> {
    return this.connection.run([ENTRIES, SETTLED, META], 'readwrite', async (transaction) => {
      const entries = transaction.objectStore(ENTRIES);
      const settled = transaction.objectStore(SETTLED);
      const meta = transaction.objectStore(META);
      let seq = ((await requestResult(meta.get('seq'))) as number | undefined) ?? 0;
      const added: string[] = [];
      for (const mutation of mutations) {
        const known = (await requestResult(entries.count(mutation.id))) + (await requestResult(settled.count(mutation.id)));
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
    const all = await this.connection.run([ENTRIES], 'readonly', (transaction) => requestResult(transaction.objectStore(ENTRIES).index('seq').getAll()));
    // Entries written by a newer version of this library are not understood: left alone, never sent.
    return (all as OutboxEntry[]).filter((entry) => entry.schema === ENTRY_SCHEMA);
  }

  async update(entry: OutboxEntry): Promise<boolean> {
    return this.connection.run([ENTRIES], 'readwrite', async (transaction) => {
      const store = transaction.objectStore(ENTRIES);
      if ((await requestResult(store.count(entry.id))) === 0) return false;
      store.put(entry);
      return true;
    });
  }

  async settle(mutationId: string, result: SerializedResult, at: number): Promise<void> {
    await this.connection.run([ENTRIES, SETTLED], 'readwrite', async (transaction) => {
      const entries = transaction.objectStore(ENTRIES);
      const settled = transaction.objectStore(SETTLED);
      if ((await requestResult(settled.count(mutationId))) > 0) return;
      const entry = (await requestResult(entries.get(mutationId))) as OutboxEntry | undefined;
      entries.delete(mutationId);
      settled.put({ mutationId, result, at } satisfies SettledRecord);
      const version = resultEntity(result)?.version;
      if (entry === undefined || version === undefined) return;
      const key = entityKey(entry.mutation);
      const later = (await requestResult(entries.index('seq').getAll(IDBKeyRange.lowerBound(entry.seq, true)))) as OutboxEntry[];
      for (const other of later) {
        if (entityKey(other.mutation) !== key) continue;
        const moved = rebasedOnVersion(other, version, keptFields(result));
        if (moved !== other) entries.put(moved);
      }
    });
  }

  async settled(mutationId: string): Promise<SettledRecord | undefined> {
    return this.connection.run([SETTLED], 'readonly', (transaction) => requestResult(transaction.objectStore(SETTLED).get(mutationId)) as Promise<SettledRecord | undefined>);
  }

  async count(): Promise<number> {
    return (await this.entries()).length;
  }

  async pruneSettled(before: number): Promise<void> {
    await this.connection.run([SETTLED], 'readwrite', async (transaction) => {
      const store = transaction.objectStore(SETTLED);
      const keys = await requestResult(store.index('at').getAllKeys(IDBKeyRange.upperBound(before, true)));
      for (const key of keys) store.delete(key);
    });
  }

  close(): void {
    this.connection.close();
  }

  async destroy(): Promise<void> {
    this.close();
    await deleteDatabase(this.name);
  }
}

/** Deletes a namespace's database (sign-out), whatever state this tab's storage is in. */
export async function deleteOutboxDatabase(namespace: string): Promise<void> {
  await deleteDatabase(outboxDatabaseName(namespace));
}
