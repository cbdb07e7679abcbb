import type { Id } from '../model/common.js';

/** Lower case without diacritics, so a search does not depend on accents or case: "uber" finds "Über". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

/** What `searchByTitle` leaves out and how much it returns. */
export interface TitleSearchOptions {
  /** Ids never returned (the task being edited, those already linked...). */
  readonly exclude?: ReadonlySet<Id>;
  /** At most this many (default: all). A plan may hold thousands: typing narrows the list. */
  readonly limit?: number;
  /** An item whose id contains the query counts as containing it (after the titles that start with it). */
  readonly matchIds?: boolean;
}

/**
 * The items whose title contains `query` (folded by `foldForSearch`, trimmed; an empty query matches
 * all), titles that start with it first, otherwise in the given order: the suggestions of a "find a
 * task" combobox. Stops reading once `limit` titles start with the query, as nothing later can rank
 * before them.
 */
export function searchByTitle<T extends { readonly id: Id; readonly title: string }>(
  items: readonly T[],
  query: string,
  options: TitleSearchOptions = {},
): T[] {
  const { exclude, limit = Number.POSITIVE_INFINITY, matchIds = false } = options;
  const needle = foldForSearch(query.trim());
  const starting: T[] = [];
  const containing: T[] = [];
  for (const item of items) {
    if (exclude?.has(item.id)) continue;
    const position = foldForSearch(item.title).indexOf(needle);
    if (position === 0) starting.push(item);
    else if (position > 0 || (matchIds && foldForSearch(item.id).includes(needle))) containing.push(item);
    if (starting.length >= limit) break;
  }
  return [...starting, ...containing].slice(0, limit);
}
