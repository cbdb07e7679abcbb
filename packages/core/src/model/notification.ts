import type { EntityMeta, Id, IsoDateTime } from './common.js';

export type NotificationKind = 'mention' | 'assignment' | 'due-soon' | 'overdue' | 'status-change' | 'comment';

export interface Notification extends EntityMeta {
  /** Who it is for. */
  readonly personId: Id;
  readonly kind: NotificationKind;
  readonly taskId?: Id;
  readonly messageId?: Id;
  /** Who caused it. */
  readonly actorId?: Id;
  readonly readAt?: IsoDateTime;
  /** For `status-change`: the status id the task was moved to (the task may have moved on since). */
  readonly toStatus?: string;
}
