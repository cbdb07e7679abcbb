import type { Id, NotificationKind } from '@cwm/core';

/** Detail of `cwm-notification-open`: the item the user opened, and the task it is about. */
export interface NotificationOpenDetail {
  /** The stored notification; absent for computed due-date reminders. */
  readonly notificationId?: Id;
  readonly kind: NotificationKind;
  readonly taskId: Id;
  /** The message that mentioned the user, for mentions. */
  readonly messageId?: Id;
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /** A notification was opened from the inbox (click or Enter); `cwm-task-open` follows. */
    'cwm-notification-open': CustomEvent<NotificationOpenDetail>;
  }
}
