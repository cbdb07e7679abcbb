import type { Id } from '@cwm/core';
import { cellKey, statusCountKey, type BoardLayout } from './board-layout.js';

/** What a column (or one lane's part of it) header shows about its work-in-progress limit. */
export interface WipState {
  /**
   * Tasks counted against the limit. For status columns: every task in the status on the board's
   * projects, filtered out or not, since that is what the limit governs; otherwise the shown cards.
   */
  readonly count: number;
  readonly limit?: number;
  /** More tasks than the limit allows. */
  readonly over: boolean;
  /** At the limit or over it: one more would exceed it. */
  readonly full: boolean;
  readonly policy?: 'warn' | 'block';
}

/**
 * The WIP state of a column, or of one lane's cell of it when `laneKey` is given (that lane's share,
 * measured against the column's limit). Unknown columns answer a zero count without a limit.
 */
export function wipState(layout: BoardLayout, columnKey: string, laneKey?: string): WipState {
  const column = layout.columns.find((candidate) => candidate.key === columnKey);
  if (!column) return { count: 0, over: false, full: false };
  const tracked = layout.wip.columns.size > 0 || layout.wip.statuses.size > 0;
  let count: number;
  if (laneKey === undefined) {
    count = tracked ? (layout.wip.columns.get(columnKey) ?? 0) : column.count;
  } else {
    const key = cellKey(laneKey, columnKey);
    count = tracked ? (layout.wip.cells.get(key) ?? 0) : (layout.cells.get(key)?.length ?? 0);
  }
  const limit = column.wipLimit;
  if (limit === undefined) return { count, over: false, full: false };
  return { count, limit, over: count > limit, full: count >= limit, policy: column.wipPolicy ?? 'warn' };
}

/** Tasks of one project in one status, whatever the filters: what the store checks a WIP limit against. */
export function tasksInStatus(layout: BoardLayout, projectId: Id, status: string): number {
  return layout.wip.statuses.get(statusCountKey(projectId, status)) ?? 0;
}
