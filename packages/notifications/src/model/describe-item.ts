import { daysBetween, type IsoDate } from '@cwm/core';
import type { MessageKey, MessageParams } from '@cwm/ui';
import type { InboxItem } from './inbox-item.js';

/** What describing an item needs from the element: wording and look-ups in the store. */
export interface DescribeContext {
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  /** A calendar date (`YYYY-MM-DD`) as the user reads it. */
  readonly formatDay: (date: IsoDate) => string;
  readonly personName: (id: string) => string | undefined;
  readonly taskTitle: (id: string) => string | undefined;
  /** The name of a status of the task's workflow: `statusId`, or the task's current status without it. */
  readonly statusName: (taskId: string, statusId?: string) => string | undefined;
  readonly today: IsoDate;
}

/**
 * The sentence of an item: who did what on which task ("Ada mentioned you in Fix login", "Due
 * tomorrow: Fix login"). Plain text: the element renders it as text, so names and titles can hold
 * anything.
 */
export function describeItem(item: InboxItem, context: DescribeContext): string {
  const { t } = context;
  const task = (item.taskId === undefined ? undefined : context.taskTitle(item.taskId)) ?? t('notifications.unknown-task');
  const actor = (item.actorId === undefined ? undefined : context.personName(item.actorId)) ?? t('notifications.someone');
  switch (item.kind) {
    case 'mention':
      return t('notifications.text.mention', { actor, task });
    case 'assignment':
      return item.actorId === undefined
        ? t('notifications.text.assignment', { task })
        : t('notifications.text.assignment-by', { actor, task });
    case 'status-change': {
      // The status it was moved to (older backends do not say: then the task's current one).
      const status = (item.taskId === undefined ? item.toStatus : context.statusName(item.taskId, item.toStatus)) ?? '';
      return t('notifications.text.status-change', { actor, task, status });
    }
    case 'comment':
      return t('notifications.text.comment', { actor, task });
    case 'due-soon':
      return dueSoonText(item.due, task, context);
    case 'overdue':
      return t('notifications.text.overdue', { task, date: item.due === undefined ? '' : context.formatDay(item.due) });
  }
}

function dueSoonText(due: IsoDate | undefined, task: string, context: DescribeContext): string {
  const days = due === undefined ? undefined : daysBetween(context.today, due);
  if (days === 0) return context.t('notifications.text.due-today', { task });
  if (days === 1) return context.t('notifications.text.due-tomorrow', { task });
  return context.t('notifications.text.due-on', { task, date: due === undefined ? '' : context.formatDay(due) });
}
