import { searchByTitle, type Id } from '@cwm/core';
import type { PopupCandidate } from './popup-model.js';

/**
 * How many candidates the listbox shows at most. A plan may hold 5,000 tasks; a list that long is of
 * no use to anyone reading it, and typing narrows it down.
 */
export const MAX_SHOWN_CANDIDATES = 50;

/**
 * The candidates whose title contains `query` (ignoring case and accents, e.g. "u" finds "Über"),
 * without the tasks in `exclude` (the popup's own task), at most `limit`, titles that start with the
 * query first, otherwise in the given order.
 */
export function filterCandidates(
  candidates: readonly PopupCandidate[],
  query: string,
  exclude: ReadonlySet<Id>,
  limit: number = MAX_SHOWN_CANDIDATES,
): PopupCandidate[] {
  return searchByTitle(candidates, query, { exclude, limit });
}
