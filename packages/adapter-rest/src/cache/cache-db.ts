import type { CollectionName, FilterName, Id, Workspace } from '@cwm/core';
import { matchesFilters } from '@cwm/core';
import { IdbConnection } from '../idb/connection.js';
import { deleteDatabase, openDatabase, requestResult } from '../idb/idb.js';
import { entityId, entityVersion } from './entity-fields.js';
import { scopeKey } from './scopes.js';

const DB_VERSION = 1;
const ENTITIES = 'entities';
const META = 'meta';
const BY_COLLECTION = 'collection';

/** The layout of the records below; a database written with another one is started afresh. */
export const CACHE_SCHEMA = 1;

/** Name of the IndexedDB database that holds a namespace's read replica (next to `<ns>:outbox`). */
export const cacheDatabaseName = (namespace: string): string => `${namespace}:cache`;

/** A read the store made (a collection, narrowed by these filters), whose entities the cache holds. */
export interface CacheScope {
  readonly collection: CollectionName;
  readonly filters: readonly (readonly [FilterName, string])[];
}

/** What `meta` holds: whose replica it is, of which workspace, up to which live event, of which reads. */
export interface CacheMeta {
  readonly owner?: { readonly tenant: string; readonly userId: Id };
  readonly schema?: number;
  readonly workspace?: Workspace;
  /** The id of the last live event whose change is in the replica (the stream resumes after it). */
  readonly position?: string;
  readonly scopes: readonly CacheScope[];
}

/** One batch step, applied in order inside one transaction. */
export type CacheOp =
  | { readonly kind: 'clear' }
  | { readonly kind: 'workspace'; readonly workspace: Workspace }
  | { readonly kind: 'scopes'; readonly scopes: readonly CacheScope[] }
  | { readonly kind: 'position'; readonly id: string }
  /** Entities as `list()` returns them; with `versioned`, one never replaces a newer stored copy. */
  | { readonly kind: 'put'; readonly collection: CollectionName; readonly entities: readonly unknown[]; readonly versioned: boolean }
  | { readonly kind: 'delete'; readonly collection: CollectionName; readonly id: Id }
  /** A read went to its last page: entities it covers that it did not return are gone. */
  | { readonly kind: 'replace'; readonly scope: CacheScope; readonly keep: ReadonlySet<Id> };

interface EntityRecord {
  readonly collection: CollectionName;
  readonly id: Id;
  readonly entity: unknown;
}

function upgrade(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains(ENTITIES)) db.createObjectStore(ENTITIES, { keyPath: ['collection', 'id'] }).createIndex(BY_COLLECTION, 'collection');
  if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
}

/** Deletes a namespace's read replica (sign-out); resolves also when there was none or IndexedDB is missing. */
export function deleteCacheDatabase(namespace: string): Promise<void> {
  return deleteDatabase(cacheDatabaseName(namespace));
}

/**
 * A namespace's read replica in IndexedDB (`<namespace>:cache`): `entities` keyed by
 * `[collection, id]` (indexed by collection) and `meta` (`owner`, `schema`, `workspace`, `position`,
 * `scopes`). Writes come as batches of `CacheOp`s, one transaction each, so the replica and its
 * position always change together.
 */
export class CacheDb {
  private readonly connection: IdbConnection;

  private constructor(db: IDBDatabase) {
    // Another tab deletes the database (sign-out): the connection lets it go, and nothing is written again from here.
    this.connection = new IdbConnection(db, 'The read cache is closed.');
  }

  /**
   * Opens (creating if needed) the namespace's replica and checks it is `owner`'s and of this schema;
   * otherwise it is emptied first. Rejects when IndexedDB is missing, refuses or stays blocked.
   */
  static async open(namespace: string, owner: { tenant: string; userId: Id }, blockedTimeoutMs = 3000): Promise<{ db: CacheDb; meta: CacheMeta }> {
    const opened = new CacheDb(await openDatabase(cacheDatabaseName(namespace), DB_VERSION, upgrade, blockedTimeoutMs));
    try {
      let meta = await opened.readMeta();
      const ours = meta.owner?.tenant === owner.tenant && meta.owner.userId === owner.userId && meta.schema === CACHE_SCHEMA;
      if (!ours) {
        await opened.claim(owner);
        meta = { owner, schema: CACHE_SCHEMA, scopes: [] };
      }
      return { db: opened, meta };
    } catch (error) {
      opened.close();
      throw error;
    }
  }

  /** False once closed, here or because the database went away. */
  get open(): boolean {
    return this.connection.open;
  }

  /** Set when the database went away under us (deleted by a sign-out in another tab). */
  get closedByOther(): boolean {
    return this.connection.closedByOther;
  }

  /** Applies a batch in one transaction; rejects (and changes nothing) when it aborts, e.g. over quota. */
  async apply(ops: readonly CacheOp[]): Promise<void> {
    await this.run('readwrite', async (entities, meta) => {
      for (const op of ops) {
        switch (op.kind) {
          case 'clear':
            entities.clear();
            for (const key of ['workspace', 'position', 'scopes']) meta.delete(key);
            break;
          case 'workspace':
            meta.put(op.workspace, 'workspace');
            break;
          case 'scopes': {
            // Added to what is stored, not written over it: another tab of the same person may have read
            // other threads since this one loaded the list.
            const stored = (await requestResult(meta.get('scopes'))) as unknown;
            const all = new Map<string, CacheScope>();
            for (const scope of [...(Array.isArray(stored) ? (stored as CacheScope[]) : []), ...op.scopes]) all.set(scopeKey(scope), scope);
            meta.put([...all.values()], 'scopes');
            break;
          }
          case 'position':
            meta.put(op.id, 'position');
            break;
          case 'delete':
            entities.delete([op.collection, op.id]);
            break;
          case 'put': {
            const keyed = op.entities.flatMap((entity) => {
              const id = entityId(entity);
              return id === undefined ? [] : [{ id, entity }];
            });
            // All reads at once (one round trip, not one per entity), then the writes.
            const stored = op.versioned
              ? await Promise.all(keyed.map(({ id }) => requestResult(entities.get([op.collection, id])) as Promise<EntityRecord | undefined>))
              : [];
            keyed.forEach(({ id, entity }, index) => {
              const before = stored[index] === undefined ? undefined : entityVersion(stored[index].entity);
              const after = entityVersion(entity);
              // A slow page must not put back an older copy than a live change already stored.
              if (before !== undefined && after !== undefined && after < before) return;
              entities.put({ collection: op.collection, id, entity } satisfies EntityRecord);
            });
            break;
          }
          case 'replace': {
            const stored = (await requestResult(entities.index(BY_COLLECTION).getAll(IDBKeyRange.only(op.scope.collection)))) as EntityRecord[];
            for (const record of stored) {
              if (!op.keep.has(record.id) && matchesFilters(record.entity, op.scope.filters)) entities.delete([record.collection, record.id]);
            }
            break;
          }
        }
      }
    });
  }

  /** The replica's meta, as stored. */
  async readMeta(): Promise<CacheMeta> {
    return this.run('readonly', async (_entities, meta) => {
      const [owner, schema, workspace, position, scopes] = await Promise.all(
        ['owner', 'schema', 'workspace', 'position', 'scopes'].map((key) => requestResult(meta.get(key)) as Promise<unknown>),
      );
      return {
        ...(owner === undefined ? {} : { owner: owner as CacheMeta['owner'] }),
        ...(typeof schema === 'number' ? { schema } : {}),
        ...(workspace === undefined ? {} : { workspace: workspace as Workspace }),
        ...(typeof position === 'string' ? { position } : {}),
        scopes: Array.isArray(scopes) ? (scopes as CacheScope[]) : [],
      };
    });
  }

  /** Every stored entity of a collection. */
  async collection(collection: CollectionName): Promise<unknown[]> {
    return this.run('readonly', async (entities) => {
      const records = (await requestResult(entities.index(BY_COLLECTION).getAll(IDBKeyRange.only(collection)))) as EntityRecord[];
      return records.map((record) => record.entity);
    });
  }

  /** Lets the connection go (the replica stays). */
  close(): void {
    this.connection.close();
  }

  private async claim(owner: { tenant: string; userId: Id }): Promise<void> {
    await this.run('readwrite', async (entities, meta) => {
      entities.clear();
      meta.clear();
      meta.put({ tenant: owner.tenant, userId: owner.userId }, 'owner');
      meta.put(CACHE_SCHEMA, 'schema');
    });
  }

  private run<T>(mode: IDBTransactionMode, work: (entities: IDBObjectStore, meta: IDBObjectStore) => Promise<T>): Promise<T> {
    return this.connection.run([ENTITIES, META], mode, (transaction) => work(transaction.objectStore(ENTITIES), transaction.objectStore(META)));
  }
}
