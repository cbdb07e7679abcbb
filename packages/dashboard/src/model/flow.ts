import type { IsoDate } from '@cwm/core';
import { replayFlow, type FlowDays, type FlowInput, type FlowSeries } from './flow-replay.js';

/** One day of a burndown: the work still open at the end of the day. */
export interface BurndownPoint {
  readonly date: IsoDate;
  /** Tasks not in a `done` status (a status no workflow knows counts as open). */
  readonly open: number;
  /** Estimate hours of the open tasks. */
  readonly remainingHours: number;
  /** Open tasks without an estimate: work the hours do not show ("unplanned"). */
  readonly unestimatedOpen: number;
}

/** One day of a burnup: work completed against the whole scope, and how the scope moved. */
export interface BurnupPoint {
  readonly date: IsoDate;
  readonly done: number;
  /** Tasks in scope (existing) at the end of the day. */
  readonly total: number;
  readonly doneHours: number;
  readonly totalHours: number;
  /** Tasks that came into scope that day. */
  readonly added: number;
  /** Tasks deleted that day. */
  readonly removed: number;
}

/** Tasks per status per day, for a cumulative-flow chart (stacking is the chart's business). */
export interface CumulativeFlow {
  readonly dates: readonly IsoDate[];
  /** Workflow statuses in workflow order, then statuses no workflow knows (sorted by id). */
  readonly series: readonly FlowSeries[];
}

/** All three charts from one replay of the log. */
export interface FlowCharts {
  readonly burndown: readonly BurndownPoint[];
  readonly burnup: readonly BurnupPoint[];
  readonly cumulativeFlow: CumulativeFlow;
}

function burndownOf(days: FlowDays): BurndownPoint[] {
  return days.dates.map((date, index) => ({
    date,
    open: days.total[index]! - days.done[index]!,
    remainingHours: days.totalHours[index]! - days.doneHours[index]!,
    unestimatedOpen: days.unestimatedOpen[index]!,
  }));
}

function burnupOf(days: FlowDays): BurnupPoint[] {
  return days.dates.map((date, index) => ({
    date,
    done: days.done[index]!,
    total: days.total[index]!,
    doneHours: days.doneHours[index]!,
    totalHours: days.totalHours[index]!,
    added: days.added[index]!,
    removed: days.removed[index]!,
  }));
}

/** Remaining work at the end of every day of `input.from..input.to`, replayed from the activity log. */
export function burndown(input: FlowInput): BurndownPoint[] {
  return burndownOf(replayFlow(input));
}

/** Completed work against total scope at the end of every day, replayed from the activity log. */
export function burnup(input: FlowInput): BurnupPoint[] {
  return burnupOf(replayFlow(input));
}

/** Tasks per status at the end of every day, replayed from the activity log. */
export function cumulativeFlow(input: FlowInput): CumulativeFlow {
  const days = replayFlow(input);
  return { dates: days.dates, series: days.series };
}

/** Burndown, burnup and cumulative flow at once, replaying the log a single time (what a dashboard wants). */
export function flowCharts(input: FlowInput): FlowCharts {
  const days = replayFlow(input);
  return { burndown: burndownOf(days), burnup: burnupOf(days), cumulativeFlow: { dates: days.dates, series: days.series } };
}
