import type { Id } from '@cwm/core';
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
  const needle = fold(query.trim());
  const starting: PopupCandidate[] = [];
  const containing: PopupCandidate[] = [];
  for (const candidate of candidates) {
    if (exclude.has(candidate.id)) continue;
    const position = fold(candidate.title).indexOf(needle);
    if (position === 0) starting.push(candidate);
    else if (position > 0) containing.push(candidate);
    // Enough titles start with the query: the rest can only come later in the list.
    if (starting.length >= limit) break;
  }
  return [...starting, ...containing].slice(0, limit);
}

/** Lower case without diacritics, so a search does not depend on the keyboard at hand. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}
