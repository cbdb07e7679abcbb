/**
 * The IndexedDB plumbing the outbox and the read cache share: promises over requests and
 * transactions, an open that gives up when blocked, and a delete. IndexedDB is looked up at call time
 * (never captured at load), so a page or a test that replaces `indexedDB.open` is honoured.
 */

/**
 * The browser's IndexedDB, or a `NotSupportedError` when there is none (some private modes, old
 * embedded webviews, Node): callers treat that like any other storage failure.
 */
export function requireIndexedDb(): IDBFactory {
  if (typeof indexedDB === 'undefined') throw new DOMException('IndexedDB is not available here.', 'NotSupportedError');
  return indexedDB;
}

/**
 * Resolves with a request's result, rejects with its error. Only for requests of a live transaction:
 * awaiting anything else inside one lets it commit under you.
 */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Resolves once a transaction has committed; rejects when it aborts (quota, constraint, `abort()`).
 * A request's success is not enough to call a write durable: only `complete` says it reached the disk.
 */
export function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
  });
}

/**
 * Opens `name` at `version`, running `upgrade` when it is new or older. Another tab holding an older
 * version open blocks the open until it lets go, and a stuck disk can leave it pending forever; either
 * way the caller must not wait for ever (the outbox falls back to online-only, the cache to none), so
 * after `timeoutMs` it rejects with a `TimeoutError`. A connection that arrives after that is closed at
 * once: kept by nobody, it would only block a later delete (sign-out).
 */
export function openDatabase(name: string, version: number, upgrade: (db: IDBDatabase) => void, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = requireIndexedDb().open(name, version);
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
      if (late) request.result.close();
      else resolve(request.result);
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error('IndexedDB open failed'));
    };
  });
}

/**
 * Runs `work` in one transaction over `stores` and resolves with its result once the transaction has
 * committed, so callers announce only durable writes. When `work` throws, the transaction is aborted:
 * all of it or none of it is written, never half a batch. `work` may await requests of this
 * transaction only, since a transaction commits as soon as it has none pending.
 */
export async function runTransaction<T>(db: IDBDatabase, stores: readonly string[], mode: IDBTransactionMode, work: (transaction: IDBTransaction) => Promise<T>): Promise<T> {
  const transaction = db.transaction(stores as string[], mode);
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

/**
 * Deletes a database (sign-out). Resolves also when it did not exist or there is no IndexedDB at all:
 * either way nothing of it is left. Other tabs' connections must close on `versionchange` for this
 * to finish (see `IdbConnection`).
 */
export function deleteDatabase(name: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.deleteDatabase(name);
    } catch (error) {
      reject(error);
      return;
    }
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('IndexedDB delete failed'));
  });
}
