import { COLLECTIONS, type CollectionName } from '@cwm/core';
import { FILTERS } from '../shared/query.js';

/**
 * Bump when the layout below changes, and migrate in `upgradeSchema`. 2: the `reads` store (read
 * markers) and the messages' `NEWEST_INDEX`. 3: the `templates` store (task templates).
 */
export const SCHEMA_VERSION = 3;

/** Messages of a task by `[taskId, createdAt, id]`: read backwards, it is a thread from its newest end. */
export const NEWEST_INDEX = 'taskId-newest';

/** Key/value records about the workspace itself (`workspace`, `seededAt`). */
export const META_STORE = 'meta';
/** Ids of applied mutations: the idempotency log. */
export const MUTATIONS_STORE = 'mutations';

export type StoreName = CollectionName | typeof META_STORE | typeof MUTATIONS_STORE;

/** Every store, for transactions that may touch any of them (a push, the seeding). */
export const ALL_STORES: readonly StoreName[] = [...COLLECTIONS, META_STORE, MUTATIONS_STORE];

/**
 * Secondary indexes per collection, one per list filter. Each is compound `[field, id]` so one filter
 * value's entries come sorted by id, which is what the paging cursor continues from.
 */
// The fields a list can be filtered by are exactly the ones IndexedDB indexes.
export const INDEXES: { readonly [C in CollectionName]: readonly string[] } = FILTERS;

/**
 * One database per workspace: one object store per collection (keyed by `id`), plus `meta` and
 * `mutations`. Runs inside the version-change transaction `upgrade`. idb-keyval's `createStore` allows a single store per database, hence this opener.
 */
export function upgradeSchema(db: IDBDatabase, upgrade: IDBTransaction): void {
  // A store per collection the database lacks: all of them when new, `reads` (2) and `templates` (3)
  // for an older one, whose data stays where it is.
  for (const collection of COLLECTIONS) {
    if (db.objectStoreNames.contains(collection)) continue;
    const store = db.createObjectStore(collection, { keyPath: 'id' });
    for (const field of INDEXES[collection]) store.createIndex(field, [field, 'id']);
  }
  // Added in version 2; a database of version 1 gets it here, built by the browser from what it holds.
  const messages = upgrade.objectStore('messages');
  if (!messages.indexNames.contains(NEWEST_INDEX)) messages.createIndex(NEWEST_INDEX, ['taskId', 'createdAt', 'id']);
  if (!db.objectStoreNames.contains(META_STORE)) db.createObjectStore(META_STORE);
  if (!db.objectStoreNames.contains(MUTATIONS_STORE)) db.createObjectStore(MUTATIONS_STORE, { keyPath: 'id' });
}
