import { AdapterError, COLLECTIONS, type CollectionName, type ListQuery, type Page } from '@cwm/core';

/** Page size when a query gives no `limit`. */
export const DEFAULT_PAGE_SIZE = 500;

// The filter table and its two helpers live in @cwm/core, so every adapter (and the REST adapter's
// offline read cache) filters by the same rule; re-exported here for this package's readers.
export { FILTERS, activeFilters, matchesFilters, type FilterName } from '@cwm/core';

/** The page size asked for, or the default; never below 1. */
export function pageLimit(query: ListQuery, fallback = DEFAULT_PAGE_SIZE): number {
  const limit = query.limit ?? fallback;
  if (!Number.isFinite(limit) || limit < 1) throw new AdapterError('validation', `List limit must be a positive number, got ${limit}.`);
  return Math.floor(limit);
}

/**
 * Cursors are opaque to callers: a version tag and a position, base64-encoded so nobody is tempted
 * to build one by hand. What the position means is up to each adapter.
 */
export function encodeCursor(position: string | number): string {
  // encodeURIComponent first: btoa only takes Latin-1 and ids may be any text.
  return btoa(encodeURIComponent(JSON.stringify({ v: 1, p: position })));
}

/** The position inside a cursor made by `encodeCursor`; anything else is a `validation` error. */
export function decodeCursor(cursor: string): string | number {
  try {
    const parsed = JSON.parse(decodeURIComponent(atob(cursor))) as { v?: unknown; p?: unknown };
    if (parsed.v === 1 && (typeof parsed.p === 'string' || typeof parsed.p === 'number')) return parsed.p;
  } catch {
    // Fall through to the error below: a cursor we did not make.
  }
  throw new AdapterError('validation', `Unknown list cursor "${cursor}": pass back the nextCursor of the previous page.`);
}

/** Refuses a collection name the model does not know (a typo in a host's adapter call). */
export function assertCollection(collection: string): asserts collection is CollectionName {
  if (!(COLLECTIONS as readonly string[]).includes(collection)) {
    throw new AdapterError('validation', `Unknown collection "${collection}": use one of ${COLLECTIONS.join(', ')}.`);
  }
}

/** Refuses a read whose caller already gave up. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AdapterError('timeout', 'The read was cancelled by its AbortSignal.', { cause: signal.reason });
}

/** The `(createdAt, id)` position of a message, the key of newest-first paging. */
export type NewestKey = readonly [createdAt: string, id: string];

/** A newest-first cursor: the key of the last item returned, so the next page starts right below it. */
export function encodeNewestCursor(key: NewestKey): string {
  return encodeCursor(JSON.stringify(key));
}

/** The key inside a cursor made by `encodeNewestCursor`; anything else is a `validation` error. */
export function decodeNewestCursor(cursor: string): NewestKey {
  const position = decodeCursor(cursor);
  try {
    const key = typeof position === 'string' ? (JSON.parse(position) as unknown) : undefined;
    if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'string') return [key[0], key[1]];
  } catch {
    // Fall through: not a newest-first cursor.
  }
  throw new AdapterError('validation', `List cursor "${cursor}" was not made for order "newest": pass back the nextCursor of the previous page.`);
}

/** Newest first: later `createdAt` first, then the larger id. */
export function compareNewest(a: NewestKey, b: NewestKey): number {
  if (a[0] !== b[0]) return a[0] > b[0] ? -1 : 1;
  return a[1] > b[1] ? -1 : a[1] < b[1] ? 1 : 0;
}

/** The newest-first key of an entity (messages have `createdAt`; anything without sorts last). */
export function newestKey(entity: unknown): NewestKey {
  const record = entity as { createdAt?: unknown; id?: unknown };
  return [typeof record.createdAt === 'string' ? record.createdAt : '', String(record.id)];
}

/**
 * One newest-first page of `items` (in any order): the `limit` newest below the cursor's key. Items
 * created after the first page was read never shift later pages, since the cursor is a key, not an offset.
 */
export function newestPage(items: readonly unknown[], cursor: string | undefined, limit: number): Page {
  const after = cursor === undefined ? undefined : decodeNewestCursor(cursor);
  const sorted = items
    .map((item) => ({ item, key: newestKey(item) }))
    .filter((entry) => after === undefined || compareNewest(entry.key, after) > 0)
    .sort((a, b) => compareNewest(a.key, b.key));
  const page = sorted.slice(0, limit);
  const last = page[page.length - 1];
  const result: { items: unknown[]; nextCursor?: string; total?: number } = { items: page.map((entry) => entry.item) };
  if (sorted.length > limit && last !== undefined) result.nextCursor = encodeNewestCursor(last.key);
  if (cursor === undefined) result.total = sorted.length;
  return result;
}
