import type { Id } from '@cwm/core';

/** Detail of `cwm-task-detail-close`: the task the editor showed when it was asked to close. */
export interface TaskDetailCloseDetail {
  readonly taskId: Id;
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /** The person pressed Close (or Escape outside any editor) in `<cwm-task-detail>`: the host hides it. */
    'cwm-task-detail-close': CustomEvent<TaskDetailCloseDetail>;
  }
}
