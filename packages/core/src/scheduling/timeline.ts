import type { CalendarIndex } from '../dates/work-calendar.js';
import type { DayNumber } from '../dates/iso-date.js';

/**
 * The time axis a schedule is computed on: plain calendar days, or working days only. Positions on
 * it are whole numbers; a position is the START of a day, so a task from day `s` to day `d`
 * (inclusive) occupies `[startOf(s), endOf(d))` and its duration is the difference.
 */
export interface Timeline {
  /** Position at the start of `day` (in working time: of the first working day from `day` on). */
  startOf(day: DayNumber): number;
  /** Position at the end of `day` (in working time: of the last working day up to `day`). */
  endOf(day: DayNumber): number;
  /** The day that begins at `position`. */
  dayStartingAt(position: number): DayNumber;
  /** The day that ends at `position`. */
  dayEndingAt(position: number): DayNumber;
}

/** Every day counts: positions are day numbers. */
export const CALENDAR_DAY_TIMELINE: Timeline = {
  startOf: (day) => day,
  endOf: (day) => day + 1,
  dayStartingAt: (position) => position,
  dayEndingAt: (position) => position - 1,
};

/** Only working days count: positions are working-day indexes, so weekends and holidays take no time. */
export function workingDayTimeline(index: CalendarIndex): Timeline {
  return {
    startOf: (day) => index.indexOf(day),
    endOf: (day) => index.indexOf(day + 1),
    dayStartingAt: (position) => index.dayAt(position),
    dayEndingAt: (position) => index.dayAt(position - 1),
  };
}
