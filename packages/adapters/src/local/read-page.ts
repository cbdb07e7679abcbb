import { promisifyRequest } from 'idb-keyval';
import type { CollectionName, ListQuery, Page } from '@cwm/core';
import { activeFilters, decodeCursor, encodeCursor, type FilterName, matchesFilters, pageLimit } from '../shared/query.js';

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
