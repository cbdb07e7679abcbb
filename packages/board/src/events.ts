import type { Id, WriteOutcome } from '@cwm/core';

/** A place on the board: a lane, a column and a position in that cell. */
export interface BoardPlace {
  /** The lane's key (`__all__` without swimlanes). */
  readonly lane: string;
  /** The column's key: a status id when columns are statuses. */
  readonly column: string;
  /** Position in the cell, 0 = top. */
  readonly index: number;
}

export interface TaskMoveDetail {
  /** The tasks being moved, in the order they will land. */
  readonly taskIds: readonly Id[];
  readonly from: BoardPlace;
  readonly to: BoardPlace;
  /** The status before and after, when columns are statuses. */
  readonly fromStatus?: string;
  readonly toStatus?: string;
  /** How the move was made. */
  readonly via: 'pointer' | 'keyboard' | 'bulk';
}

export interface TaskMovedDetail extends TaskMoveDetail {
  /** Settles when the backend has answered; a rejected move has been rolled back by then. */
  readonly confirmed: Promise<WriteOutcome>;
}

/** Declared by @cwm/ui (every widget opens tasks the same way); re-exported for board users. */
export type { TaskOpenDetail } from '@cwm/ui';

export interface TaskCreateDetail {
  readonly projectId: Id;
  readonly title: string;
  /** The column the task is added to. */
  readonly column: string;
  readonly status?: string;
}

export interface TaskCreatedDetail extends TaskCreateDetail {
  readonly taskId: Id;
  readonly confirmed: Promise<WriteOutcome>;
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /** Before a move (drag, keyboard or bulk); cancel it to keep the cards where they are. */
    'cwm-task-move': CustomEvent<TaskMoveDetail>;
    /** After a move was applied (optimistically; `detail.confirmed` tells how the backend answered). */
    'cwm-task-moved': CustomEvent<TaskMovedDetail>;
    /** Before a task is created by quick add; cancel it to create it your own way. */
    'cwm-task-create': CustomEvent<TaskCreateDetail>;
    /** After quick add created a task. */
    'cwm-task-created': CustomEvent<TaskCreatedDetail>;
  }
}
