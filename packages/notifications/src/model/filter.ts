import { todayIso, type IsoDate } from '@cwm/core';
import type { InboxFilter, InboxItem } from './inbox-item.js';

/** The items a filter keeps, in the same order. */
export function filterInbox(items: readonly InboxItem[], filter: InboxFilter): InboxItem[] {
  switch (filter) {
    case 'all':
      return [...items];
    case 'unread':
      return items.filter((item) => !item.read);
    case 'mentions':
      return items.filter((item) => item.kind === 'mention');
  }
}

/** How many items are unread (the badge count). */
export function unreadCount(items: readonly InboxItem[]): number {
  let count = 0;
  for (const item of items) if (!item.read) count++;
  return count;
}

/** The inbox split into what happened today (the user's local day, and every reminder) and before. */
export interface InboxGroups {
  readonly today: readonly InboxItem[];
  readonly earlier: readonly InboxItem[];
}

/** Splits ordered items into Today and Earlier, keeping their order. */
export function groupByDay(items: readonly InboxItem[], today: IsoDate): InboxGroups {
  const todays: InboxItem[] = [];
  const earlier: InboxItem[] = [];
  for (const item of items) {
    // A timestamp is UTC; "today" is the user's wall calendar, so compare local days.
    const day = item.at === undefined ? today : todayIso(new Date(item.at));
    (day >= today ? todays : earlier).push(item);
  }
  return { today: todays, earlier };
}
