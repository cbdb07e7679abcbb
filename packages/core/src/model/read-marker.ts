import type { EntityMeta, Id, IsoDateTime } from './common.js';

/**
 * How far one person has read one task's conversation. One per person per task, id
 * `readMarkerId(personId, taskId)`; only that person writes it. Unread counts and the unread divider
 * compare messages with it by `(createdAt, id)`, the order the chat shows them in.
 */
export interface ReadMarker extends EntityMeta {
  readonly personId: Id;
  readonly taskId: Id;
  /** The newest message the person has seen. */
  readonly lastReadMessageId: Id;
  /**
   * The `createdAt` of that message: the marker's place in the thread, so a count can tell read from
   * unread without loading the message itself.
   */
  readonly lastReadAt: IsoDateTime;
}

/** The id of a person's read marker on a task: `${personId}:${taskId}`. */
export function readMarkerId(personId: Id, taskId: Id): Id {
  return `${personId}:${taskId}`;
}
