import type { Id, IsoDate, TaskFilter } from '@cwm/core';

/** What the board's columns (or lanes) are made of. */
export type ColumnField = 'status' | 'assignee' | 'priority' | 'project';

/** What swimlanes group by; `none` is one lane holding everything. */
export type LaneField = 'none' | 'assignee' | 'priority' | 'parent' | 'project';

/** The parts of a card that can be shown. */
export type CardField =
  | 'key'
  | 'assignees'
  | 'due'
  | 'priority'
  | 'tags'
  | 'progress'
  | 'messages'
  | 'blocked'
  | 'aging';

export const ALL_CARD_FIELDS: readonly CardField[] = ['key', 'assignees', 'due', 'priority', 'tags', 'progress', 'messages', 'blocked', 'aging'];

/** Due-date filter choices. */
export type DueFilter = 'any' | 'overdue' | 'this-week' | 'next-week' | 'no-date';

/** Which tasks the board shows. Every field narrows; empty means "no constraint". */
export interface BoardFilter {
  /** Words that must all appear in the title, key or tags (case-insensitive). */
  readonly text?: string;
  /** Tasks assigned to any of these people (`'none'` for unassigned ones). */
  readonly assigneeIds?: readonly Id[];
  /** Tasks carrying any of these tags. */
  readonly tags?: readonly string[];
  readonly due?: DueFilter;
  /** Only the acting person's tasks (assigned to or following). */
  readonly mine?: boolean;
}

/** Everything the layout needs besides the data. */
export interface BoardConfig {
  /** The projects on the board: one for a project board, several for a portfolio board. */
  readonly projectIds: readonly Id[];
  readonly columnsBy: ColumnField;
  readonly lanesBy: LaneField;
  /** Only top-level tasks (`'top'`), only leaves (`'leaves'`), or every task (`'all'`, default). */
  readonly level?: 'all' | 'top' | 'leaves';
  readonly filter: BoardFilter;
  /**
   * A host-given scope (a dashboard drill-down) applied on top of `filter`. Its `projectIds` are
   * ignored: `projectIds` above decide which projects the board shows.
   */
  readonly scope?: TaskFilter;
  /** The acting person, for `mine`. */
  readonly userId?: Id;
  /** Today, for the due filter and card states. */
  readonly today: IsoDate;
}

/** Key of the column holding tasks whose status the workflow does not know. */
export const NO_STATUS = '__no-status__';
/** Key of the column or lane of tasks without a value for its field (unassigned, no parent...). */
export const NO_VALUE = '__none__';
/** Key of the single lane when there are no swimlanes. */
export const SINGLE_LANE = '__all__';
