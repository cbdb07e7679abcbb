import type { Id, Notification } from '@cwm/core';

/**
 * Tells which notifications are new since the inbox last looked, so it can announce them. The first
 * look (and everything that arrives while the store is still loading) only sets the baseline: what
 * was there before the user arrived is not news.
 */
export class ArrivalTracker {
  private seen: Set<Id> | undefined;

  /**
   * The unread notifications that were not there last time, oldest first. `settled` is false while
   * the store is still loading its data.
   */
  next(notifications: readonly Notification[], settled: boolean): Notification[] {
    const previous = this.seen;
    this.seen = new Set(notifications.map((item) => item.id));
    if (previous === undefined || !settled) return [];
    return notifications
      .filter((item) => !previous.has(item.id) && item.readAt === undefined)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  }

  /** Forgets the baseline (another store or user): the next look sets it again. */
  reset(): void {
    this.seen = undefined;
  }
}
