import type { DependencyType, Id, IsoDate, WriteOutcome } from '@cwm/core';

/** One task's new dates in a reschedule. `due` is the last day, inclusive. */
export interface ScheduleChange {
  readonly taskId: Id;
  readonly start: IsoDate;
  readonly due: IsoDate;
  /** The dates before the change (absent when the task had none). */
  readonly previous: { readonly start?: IsoDate; readonly due?: IsoDate };
}

/** Detail of `cwm-task-schedule` (before) and the base of `cwm-task-scheduled` (after). */
export interface TaskScheduleDetail {
  /** The task the user moved or resized. */
  readonly taskId: Id;
  /** Every task that changes: the moved task first, then successors pushed by the scheduling rules. */
  readonly changes: readonly ScheduleChange[];
  /** How the change was made. */
  readonly via: 'pointer' | 'keyboard' | 'progress';
  /** Whether the rules shifted the task itself (a move that broke a dependency, with `violation="shift"`). */
  readonly shifted: boolean;
}

/** Detail of `cwm-task-scheduled`. */
export interface TaskScheduledDetail extends TaskScheduleDetail {
  /** Settles when the backend answered; a rejected change has been rolled back by then. */
  readonly confirmed: Promise<WriteOutcome>;
}

/** A dependency between two tasks, as the Gantt's events describe it. */
export interface DependencyDetail {
  /** The task that waits (it holds the dependency). */
  readonly successorId: Id;
  readonly predecessorId: Id;
  readonly type: DependencyType;
  /** Days added to the constraint (negative = lead). */
  readonly lag: number;
}

/** Detail of `cwm-dependency-created` / `cwm-dependency-deleted`. */
export interface DependencyChangedDetail extends DependencyDetail {
  readonly confirmed: Promise<WriteOutcome>;
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /** Before tasks are rescheduled (drag, resize, keys); cancel it to keep the old dates. */
    'cwm-task-schedule': CustomEvent<TaskScheduleDetail>;
    /** After a reschedule was applied (optimistically; `detail.confirmed` tells how the backend answered). */
    'cwm-task-scheduled': CustomEvent<TaskScheduledDetail>;
    /** Before a dependency is created from the chart or the popup; cancelable. */
    'cwm-dependency-create': CustomEvent<DependencyDetail>;
    /** After a dependency was created. */
    'cwm-dependency-created': CustomEvent<DependencyChangedDetail>;
    /** Before a dependency is deleted; cancelable. */
    'cwm-dependency-delete': CustomEvent<DependencyDetail>;
    /** After a dependency was deleted. */
    'cwm-dependency-deleted': CustomEvent<DependencyChangedDetail>;
  }
}
