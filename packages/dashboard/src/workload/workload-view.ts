// One shape for the grid whatever the granularity: the element renders columns, rows of cells and a
// team row, and does not care whether a column is an ISO week (core's report) or a day (ours).
import type { Id, IsoDate, UnplannedTask, WorkloadReport, WorkloadTeamWeek } from '@cwm/core';
import type { DailyWorkloadReport } from '../model/workload-days.js';

/** The granularity of the grid's columns. */
export type WorkloadUnit = 'week' | 'day';

/** One column of the grid. */
export interface WorkloadColumn {
  /** `2026-W48` for a week, `2026-11-23` for a day: unique within the grid. */
  readonly key: string;
  /** The ISO week the column is (or lies in). */
  readonly week: string;
  /** First day of the column (Monday for a week). */
  readonly start: IsoDate;
  /** False for a day off (weekend, holiday); weeks are always true. */
  readonly working: boolean;
}

/** One person's cell in one column. */
export interface WorkloadViewCell {
  readonly allocated: number;
  readonly capacity: number;
  readonly overAllocated: boolean;
  readonly taskIds: readonly Id[];
}

/** One person's row. */
export interface WorkloadViewRow {
  readonly personId: Id;
  readonly cells: readonly WorkloadViewCell[];
}

/** What the grid renders. */
export interface WorkloadView {
  readonly unit: WorkloadUnit;
  readonly columns: readonly WorkloadColumn[];
  readonly rows: readonly WorkloadViewRow[];
  readonly team: readonly WorkloadTeamWeek[];
  readonly unplanned: readonly UnplannedTask[];
}

/** The grid of a weekly report (core's `computeWorkload`). */
export function weekView(report: WorkloadReport): WorkloadView {
  return {
    unit: 'week',
    columns: report.weeks.map((week) => ({ key: week.key, week: week.key, start: week.start, working: true })),
    rows: report.rows,
    team: report.team,
    unplanned: report.unplanned,
  };
}

/** The grid of a daily report (`computeDailyWorkload`). */
export function dayView(report: DailyWorkloadReport): WorkloadView {
  return {
    unit: 'day',
    columns: report.days.map((day) => ({ key: day.key, week: day.week, start: day.key, working: day.working })),
    rows: report.rows,
    team: report.team,
    unplanned: report.unplanned,
  };
}
