import type { Id, IsoDate, Task } from '@cwm/core';

/**
 * What a row of the Gantt is:
 * - `task`: a task with a start and a due date (a bar);
 * - `summary`: a parent task; its dates and progress are computed from its subtasks (a bracket bar);
 * - `milestone`: a task flagged `milestone` (a diamond on its day: `due`, else `start`);
 * - `unscheduled`: a task without dates (or with only one, when it is not a milestone); grid only;
 * - `invalid`: a task the store refused (due before start); grid only, with its problem.
 */
export type GanttRowKind = 'task' | 'summary' | 'milestone' | 'unscheduled' | 'invalid';

/** Why a row is flagged. `message` is a sentence for people; `code` is for code and tests. */
export interface RowProblem {
  readonly code: 'unscheduled' | 'reversed-dates' | 'missing-predecessor' | 'invalid-data';
  readonly message: string;
}

/** One visible line of the Gantt: the grid row and the timeline row beside it. */
export interface GanttRow {
  /** The task's id (rows and tasks are one to one). */
  readonly id: Id;
  /** 0 for top-level tasks, 1 for their subtasks, ... */
  readonly depth: number;
  readonly kind: GanttRowKind;
  /** Plain text, rendered as text everywhere. */
  readonly title: string;
  /** First day (own, or the earliest of the subtasks for a summary). */
  readonly start?: IsoDate;
  /** Last day, inclusive (own, or the latest of the subtasks for a summary). A milestone's is its day. */
  readonly due?: IsoDate;
  /** 0 to 100; estimate-weighted over the subtasks for a summary. */
  readonly progress: number;
  readonly assigneeIds: readonly Id[];
  readonly hasChildren: boolean;
  /** Children are shown (only meaningful with `hasChildren`). */
  readonly expanded: boolean;
  /** The task as the store holds it; absent for `invalid` rows (the store refused the task). */
  readonly task?: Task;
  readonly problems: readonly RowProblem[];
}

/** The rows of a plan, in display order, with the lookups every part needs. */
export interface GanttRows {
  /** Visible rows (collapsed subtrees left out), in display order. */
  readonly rows: readonly GanttRow[];
  /** Row index of each visible task. */
  readonly indexOf: ReadonlyMap<Id, number>;
  /** Earliest start and latest due over every row with dates (collapsed ones included); absent when none. */
  readonly range?: { readonly start: IsoDate; readonly due: IsoDate };
}
