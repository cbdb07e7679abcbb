import { addDays, daysBetween, type IsoDate } from '@cwm/core';
import type { Zoom } from '../zoom.js';
import type { GanttRow } from './gantt-row.js';

/** What a reschedule key does: move the task (keeping its duration) or change its due date. */
export type RescheduleKey = 'earlier' | 'later' | 'shorter' | 'longer';

/**
 * The dates a reschedule key gives the task of `row`, `step` days at a time: `earlier`/`later` move
 * both dates (the duration stays), `shorter`/`longer` move the due date only, never before the start
 * (a one-day task cannot get shorter). Milestones only move: resizing keeps their day. Negative or
 * fractional steps count as their whole part, at least 0. The answer is a proposal: pass it to
 * `planSchedule`. Which rows may be rescheduled is the caller's call (the element allows `task` and
 * `milestone` rows); a row without both dates (`unscheduled`, `invalid`) throws a `RangeError`.
 */
export function keyboardReschedule(row: GanttRow, key: RescheduleKey, step: number): { start: IsoDate; due: IsoDate } {
  if (row.start === undefined || row.due === undefined) {
    throw new RangeError(`keyboardReschedule: row "${row.id}" (${row.kind}) has no dates to move.`);
  }
  const days = Math.max(0, Math.trunc(step));
  const { start, due } = row;
  switch (key) {
    case 'earlier':
      return { start: addDays(start, -days), due: addDays(due, -days) };
    case 'later':
      return { start: addDays(start, days), due: addDays(due, days) };
    case 'shorter':
      if (row.kind === 'milestone') return { start, due };
      return { start, due: addDays(due, -Math.min(days, Math.max(0, daysBetween(start, due)))) };
    case 'longer':
      if (row.kind === 'milestone') return { start, due };
      return { start, due: addDays(due, days) };
  }
}

/**
 * Days one key press moves a task by: 1, or with `big` (Shift or Page keys) one unit of the zoom:
 * a week (7) at day and week zoom (a day would be no bigger than the small step), 30 at month zoom,
 * 91 (13 weeks) at quarter zoom and 365 at year zoom. Calendar days, like every date in the plan.
 */
export function stepDays(zoom: Zoom, big: boolean): number {
  return big ? BIG_STEP_DAYS[zoom] : 1;
}

const BIG_STEP_DAYS: Readonly<Record<Zoom, number>> = { day: 7, week: 7, month: 30, quarter: 91, year: 365 };
