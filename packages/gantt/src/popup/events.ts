import type { DependencyType, Id } from '@cwm/core';

/** Detail of `cwm-gantt-popup-open-task`. */
export interface GanttPopupOpenTaskDetail {
  readonly taskId: Id;
}

/** Detail of `cwm-gantt-popup-add-dependency`: the dependency the user asked for, not yet checked. */
export interface GanttPopupAddDependencyDetail {
  readonly successorId: Id;
  readonly predecessorId: Id;
  readonly type: DependencyType;
  /** Whole days, -365..365 (checked by the popup). */
  readonly lag: number;
}

/** Detail of `cwm-gantt-popup-remove-dependency`. */
export interface GanttPopupRemoveDependencyDetail {
  readonly successorId: Id;
  readonly predecessorId: Id;
}

/** Detail of `cwm-gantt-popup-close`: how the user closed it. */
export interface GanttPopupCloseDetail {
  readonly via: 'escape' | 'button';
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /** The user asked to open the popup's task (its "Open task" button). */
    'cwm-gantt-popup-open-task': CustomEvent<GanttPopupOpenTaskDetail>;
    /** The user asked for a new dependency; the gantt checks it and sets `refusal` when it refuses. */
    'cwm-gantt-popup-add-dependency': CustomEvent<GanttPopupAddDependencyDetail>;
    /** The user asked to delete a dependency. */
    'cwm-gantt-popup-remove-dependency': CustomEvent<GanttPopupRemoveDependencyDetail>;
    /** The user closed the popup (Escape or its close button); returning focus is the gantt's job. */
    'cwm-gantt-popup-close': CustomEvent<GanttPopupCloseDetail>;
  }
}
