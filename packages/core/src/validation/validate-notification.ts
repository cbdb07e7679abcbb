import type { Notification, NotificationKind } from '../model/notification.js';
import { readMeta, withOptional } from './read-common.js';
import type { EntityReader } from './reader.js';

/** Every notification kind the model knows, for validation. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'mention',
  'assignment',
  'due-soon',
  'overdue',
  'status-change',
  'comment',
];

export function readNotification(reader: EntityReader, id: string): Notification {
  const notification: Notification = {
    ...readMeta(reader, id),
    personId: reader.nonEmptyString('personId'),
    kind: reader.oneOf('kind', NOTIFICATION_KINDS),
  };
  return withOptional(notification, {
    taskId: reader.optionalId('taskId'),
    messageId: reader.optionalId('messageId'),
    actorId: reader.optionalId('actorId'),
    readAt: reader.optionalTimestamp('readAt'),
    toStatus: reader.optionalString('toStatus'),
  });
}
