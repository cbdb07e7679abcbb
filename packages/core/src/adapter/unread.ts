import type { Id, IsoDateTime } from '../model/common.js';

/** One task's unread messages for one reader, as the backend counted them. */
export interface TaskUnread {
  /** User messages by others, not deleted, after the reader's marker (all of them without one). */
  readonly count: number;
  /**
   * Place in the thread (`createdAt`, then id) of the newest message counted. A message after it is
   * news to the count; one at or before it may already be in it. Lets the store add live messages
   * and loaded pages to the count without counting a message twice.
   */
  readonly newestAt: IsoDateTime;
  readonly newestId: Id;
}

/**
 * A reader's unread counts over every task, counted by the backend over all messages (not only the
 * ones a client has loaded), so a board shows them from its first paint after a reload.
 */
export interface UnreadSummary {
  /**
   * When the count was taken, on the backend's clock (the one that stamps `updatedAt`): a message
   * deleted before it was not counted, one deleted after it was.
   */
  readonly countedAt: IsoDateTime;
  /** Tasks with at least one unread message; the others are absent. */
  readonly tasks: ReadonlyMap<Id, TaskUnread>;
}
