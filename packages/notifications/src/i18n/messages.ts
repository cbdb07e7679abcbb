import type { MessageText } from '@cwm/ui';

/** Every string `<cwm-notifications>` shows or announces. */
export interface NotificationsMessages {
  readonly 'notifications.bell': MessageText;
  readonly 'notifications.title': MessageText;
  readonly 'notifications.filters': MessageText;
  readonly 'notifications.filter.all': MessageText;
  readonly 'notifications.filter.unread': MessageText;
  readonly 'notifications.filter.mentions': MessageText;
  readonly 'notifications.mark-all': MessageText;
  readonly 'notifications.group.today': MessageText;
  readonly 'notifications.group.earlier': MessageText;
  readonly 'notifications.empty.all': MessageText;
  readonly 'notifications.empty.unread': MessageText;
  readonly 'notifications.empty.mentions': MessageText;
  readonly 'notifications.more': MessageText;
  readonly 'notifications.unread': MessageText;
  readonly 'notifications.someone': MessageText;
  readonly 'notifications.unknown-task': MessageText;
  readonly 'notifications.text.mention': MessageText;
  readonly 'notifications.text.assignment': MessageText;
  readonly 'notifications.text.assignment-by': MessageText;
  readonly 'notifications.text.status-change': MessageText;
  readonly 'notifications.text.comment': MessageText;
  readonly 'notifications.text.due-today': MessageText;
  readonly 'notifications.text.due-tomorrow': MessageText;
  readonly 'notifications.text.due-on': MessageText;
  readonly 'notifications.text.overdue': MessageText;
  readonly 'notifications.announce.mention': MessageText;
  readonly 'notifications.announce.other': MessageText;
}

declare module '@cwm/ui' {
  interface CwmMessages extends NotificationsMessages {}
}
