import { promisifyRequest } from 'idb-keyval';
import type { CollectionName, ListQuery, Page } from '@cwm/core';
import { activeFilters, decodeCursor, decodeNewestCursor, encodeCursor, encodeNewestCursor, type FilterName, matchesFilters, newestKey, newestPage, pageLimit } from '../shared/query.js';
import { NEWEST_INDEX } from './schema.js';

/** Filter whose index narrows most when several apply (a task is smaller than a project). */
const SELECTIVITY: readonly FilterName[] = ['taskId', 'personId', 'projectId'];

/** A key range over a compound `[value, id]` index: every entry with `value`, after `afterId` if given. */
function indexRange(value: string, afterId: string | undefined): IDBKeyRange {
  // An empty array sorts after every string, so `[value, []]` bounds all ids of `value`.
  return IDBKeyRange.bound([value, afterId ?? ''], [value, []], afterId !== undefined, false);
}

/**
 * One page of a collection, read in the caller's transaction. Entries come in id order; the cursor is
 * the last id returned, so a page never repeats or skips an entry that existed when the read began.
 * Reads whole pages with `getAll` (one request per page, not one per entry): that is what makes
 * 10,000 tasks load in tens of milliseconds. `total` is counted on the first page only.
 */
export async function readPage(transaction: IDBTransaction, collection: CollectionName, query: ListQuery, pageSize: number): Promise<Page> {
  const store = transaction.objectStore(collection);
  const limit = pageLimit(query, pageSize);
  if (query.order === 'newest' && collection === 'messages') {
    if (query.taskId !== undefined) return readNewestOfTask(store.index(NEWEST_INDEX), query.taskId, query.cursor, limit);
    // Newest first across every task is no chat's question; answer it correctly, if not fast.
    decodeCursorIfAny(query.cursor);
    return newestPage((await promisifyRequest(store.getAll())) as unknown[], query.cursor, limit);
  }
  const afterId = query.cursor === undefined ? undefined : String(decodeCursor(query.cursor));
  const filters = activeFilters(collection, query);
  const first = query.cursor === undefined;

  let source: IDBObjectStore | IDBIndex = store;
  let rangeFor = (after: string | undefined): IDBKeyRange | undefined => (after === undefined ? undefined : IDBKeyRange.lowerBound(after, true));
  let rest = filters;
  if (filters.length > 0) {
    const [field, value] = [...filters].sort((a, b) => SELECTIVITY.indexOf(a[0]) - SELECTIVITY.indexOf(b[0]))[0] as [FilterName, string];
    source = store.index(field);
    rangeFor = (after) => indexRange(value, after);
    rest = filters.filter(([other]) => other !== field);
  }

  // One more than a page tells whether there is a next page without another round trip.
  const wanted = limit + 1;
  const matched: unknown[] = [];
  let after = afterId;
  for (;;) {
    const chunk = (await promisifyRequest(source.getAll(rangeFor(after), wanted))) as { id: string }[];
    for (const item of chunk) if (rest.length === 0 || matchesFilters(item, rest)) matched.push(item);
    if (matched.length >= wanted || chunk.length < wanted) break;
    after = (chunk[chunk.length - 1] as { id: string }).id;
  }

  const items = matched.slice(0, limit);
  const page: { items: unknown[]; nextCursor?: string; total?: number } = { items };
  if (matched.length > limit) page.nextCursor = encodeCursor((items[items.length - 1] as { id: string }).id);
  if (first && rest.length === 0) page.total = await promisifyRequest(source.count(rangeFor(undefined)));
  return page;
}

function decodeCursorIfAny(cursor: string | undefined): void {
  if (cursor !== undefined) decodeNewestCursor(cursor);
}

/**
 * One newest-first page of a task's messages: walks the `[taskId, createdAt, id]` index backwards
 * from just below the cursor's key, `limit + 1` entries (the extra one says whether more exist).
 * Costs the page, not the thread: the 10,000th message is as cheap to reach as the first.
 */
async function readNewestOfTask(index: IDBIndex, taskId: string, cursor: string | undefined, limit: number): Promise<Page> {
  const below = cursor === undefined ? undefined : decodeNewestCursor(cursor);
  // `[taskId]` sorts before every `[taskId, ...]` key and `[taskId, []]` after them (arrays sort after strings).
  const range = IDBKeyRange.bound([taskId], below === undefined ? [taskId, []] : [taskId, below[0], below[1]], false, below !== undefined);
  const items: unknown[] = [];
  let more = false;
  await new Promise<void>((resolve, reject) => {
    const request = index.openCursor(range, 'prev');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const position = request.result;
      if (position === null) return resolve();
      if (items.length === limit) {
        more = true;
        return resolve();
      }
      items.push(position.value);
      position.continue();
    };
  });
  const page: { items: unknown[]; nextCursor?: string; total?: number } = { items };
  const last = items[items.length - 1];
  if (more && last !== undefined) page.nextCursor = encodeNewestCursor(newestKey(last));
  if (cursor === undefined) page.total = await promisifyRequest(index.count(IDBKeyRange.bound([taskId], [taskId, []])));
  return page;
}
