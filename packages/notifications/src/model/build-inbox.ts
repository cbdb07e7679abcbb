import { dueNotifications, statusCategories, type Id, type IsoDate, type Notification, type Project, type Table, type Task } from '@cwm/core';
import type { InboxItem } from './inbox-item.js';
import { reminderEntry, type ReminderReads } from './reminder-reads.js';

/** What the inbox is built from. */
export interface InboxInput {
  /** The person's stored notifications (any order). */
  readonly notifications: readonly Notification[];
  readonly tasks: Table<Task>;
  readonly projects: Table<Project>;
  readonly userId: Id;
  readonly today: IsoDate;
  /** Which reminders the person has read already. */
  readonly reminderReads: Pick<ReminderReads, 'has'>;
}

/**
 * Every inbox item, in display order: due-date reminders first (they are about today; overdue and the
 * earliest due first), then stored notifications newest first. Reminders for done tasks or tasks no
 * longer assigned to the person are not there, because they are computed afresh from the tasks.
 */
export function buildInbox(input: InboxInput): InboxItem[] {
  const categoryOf = statusCategories((projectId) => input.projects.get(projectId)?.workflow);
  const mine = input.tasks.filter((task) => task.assigneeIds.includes(input.userId));
  const reminders: InboxItem[] = dueNotifications(mine, input.userId, input.today, (task) => categoryOf(task) === 'done').map((reminder) => ({
    key: `reminder:${reminder.kind}:${reminder.taskId}:${reminder.due}`,
    kind: reminder.kind,
    taskId: reminder.taskId,
    due: reminder.due,
    read: input.reminderReads.has(reminderEntry(reminder.taskId, reminder.due, reminder.kind)),
  }));
  const stored: InboxItem[] = [...input.notifications]
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1))
    .map((notification) => ({
      key: notification.id,
      kind: notification.kind,
      notificationId: notification.id,
      at: notification.createdAt,
      read: notification.readAt !== undefined,
      ...(notification.taskId === undefined ? {} : { taskId: notification.taskId }),
      ...(notification.messageId === undefined ? {} : { messageId: notification.messageId }),
      ...(notification.toStatus === undefined ? {} : { toStatus: notification.toStatus }),
      ...(notification.actorId === undefined ? {} : { actorId: notification.actorId }),
    }));
  return [...reminders.sort(byUrgency), ...stored];
}

function byUrgency(a: InboxItem, b: InboxItem): number {
  if (a.kind !== b.kind) return a.kind === 'overdue' ? -1 : 1;
  return (a.due ?? '') < (b.due ?? '') ? -1 : (a.due ?? '') > (b.due ?? '') ? 1 : 0;
}
