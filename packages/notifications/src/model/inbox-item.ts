import type { Id, IsoDate, IsoDateTime, NotificationKind } from '@cwm/core';

/** Which items the inbox lists: everything, only unread ones, or only mentions. */
export type InboxFilter = 'all' | 'unread' | 'mentions';

/** The filters in the order the inbox offers them. */
export const INBOX_FILTERS: readonly InboxFilter[] = ['all', 'unread', 'mentions'];

/**
 * One line of the inbox. Either a stored notification (mention, assignment, status change, comment)
 * or a reminder computed from a task's due date (due-soon, overdue), which the backend never stores.
 */
export interface InboxItem {
  /** Stable across renders: the notification id, or `reminder:<kind>:<task>:<due>` for reminders. */
  readonly key: string;
  readonly kind: NotificationKind;
  readonly taskId?: Id;
  /** Set for stored notifications only. */
  readonly notificationId?: Id;
  readonly messageId?: Id;
  readonly actorId?: Id;
  /** When it happened; reminders have none (they are about today). */
  readonly at?: IsoDateTime;
  /** The task's due date, for reminders. */
  readonly due?: IsoDate;
  /** For status changes: the status the task was moved to. */
  readonly toStatus?: string;
  readonly read: boolean;
}

/** Whether an item is a computed due-date reminder rather than a stored notification. */
export function isReminder(item: InboxItem): boolean {
  return item.notificationId === undefined;
}
