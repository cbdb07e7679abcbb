import { AdapterError, type ListQuery, type Page } from '@cwm/core';
import type { PagingMapping, RestResponse } from '../options.js';
import { isRecord } from './json.js';

/** The reference server's paging: `?cursor=&limit=`, `{ items, nextCursor?, total }`. */
export const DEFAULT_PAGING: PagingMapping = { style: 'cursor' };

/**
 * Query parameters for one page. Page and offset paging carry their position in our opaque cursor (a
 * decimal string) and always send a page size (`pageSize` when the caller gives none), as those
 * backends return everything or a tiny default page otherwise.
 */
export function pageParams(paging: PagingMapping, query: ListQuery, pageSize: number): Record<string, string | number | undefined> {
  const newest = query.order === 'newest' && paging.newest !== false ? (paging.newest ?? { order: 'newest' }) : {};
  switch (paging.style) {
    case 'cursor':
      return { ...newest, [paging.cursorParam ?? 'cursor']: query.cursor, [paging.limitParam ?? 'limit']: query.limit };
    case 'page': {
      const first = paging.firstPage ?? 1;
      return { ...newest, [paging.pageParam ?? 'page']: position(query.cursor) + first, [paging.limitParam ?? 'limit']: query.limit ?? pageSize };
    }
    case 'offset':
      return { ...newest, [paging.offsetParam ?? 'offset']: position(query.cursor), [paging.limitParam ?? 'limit']: query.limit ?? pageSize };
    case 'none':
      return { ...newest };
  }
}

/**
 * One page of raw (still wire-named) items out of a list response. Page and offset paging compute the
 * next cursor from the total when the backend gives one, else from a full page (one extra empty read
 * at the end, never a missed page). Throws `validation` when the body holds no list.
 */
export function readPage(paging: PagingMapping, query: ListQuery, pageSize: number, body: unknown, response: RestResponse): Page {
  const items = (paging.items ?? defaultItems)(body);
  if (!Array.isArray(items)) {
    throw new AdapterError('validation', `The backend's list answer from ${describe(response)} holds no list of items.`);
  }
  const total = (paging.total ?? defaultTotal)(body, response);
  const withTotal = <T extends object>(page: T): T & { total?: number } => (total === undefined ? page : { ...page, total });
  switch (paging.style) {
    case 'cursor': {
      const next = paging.next ? paging.next(body, response) : isRecord(body) && typeof body['nextCursor'] === 'string' ? body['nextCursor'] : undefined;
      return withTotal(next === undefined || next === '' ? { items } : { items, nextCursor: next });
    }
    case 'page': {
      const page = position(query.cursor);
      const limit = query.limit ?? pageSize;
      const more = total !== undefined ? (page + 1) * limit < total : items.length >= limit && items.length > 0;
      return withTotal(more ? { items, nextCursor: String(page + 1) } : { items });
    }
    case 'offset': {
      const offset = position(query.cursor);
      const limit = query.limit ?? pageSize;
      const after = offset + items.length;
      const more = total !== undefined ? after < total && items.length > 0 : items.length >= limit && items.length > 0;
      return withTotal(more ? { items, nextCursor: String(after) } : { items });
    }
    case 'none':
      return withTotal({ items });
  }
}

function position(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const value = Number(cursor);
  if (!Number.isInteger(value) || value < 0) throw new AdapterError('validation', `"${cursor}" is not a cursor of this list.`);
  return value;
}

function defaultItems(body: unknown): unknown {
  if (Array.isArray(body)) return body;
  if (isRecord(body)) return Array.isArray(body['items']) ? body['items'] : body['data'];
  return undefined;
}

function defaultTotal(body: unknown, response: RestResponse): number | undefined {
  if (isRecord(body) && typeof body['total'] === 'number' && Number.isFinite(body['total'])) return body['total'];
  const header = response.headers.get('X-Total-Count');
  if (header === null || header.trim() === '') return undefined;
  const count = Number(header);
  return Number.isInteger(count) && count >= 0 ? count : undefined;
}

function describe(response: RestResponse): string {
  return `a ${response.status} response`;
}
