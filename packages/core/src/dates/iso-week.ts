import type { IsoDate } from '../model/common.js';
import { dayOfWeek, formatIsoDate, toDayNumber, type DayNumber } from './iso-date.js';

/** Day number of the Monday that starts the ISO week containing `dayNumber`. */
export function weekStartDay(dayNumber: DayNumber): DayNumber {
  // ISO weeks run Monday to Sunday: Sunday (0) is the 7th day of the week, not the first.
  const isoWeekday = dayOfWeek(dayNumber) || 7;
  return dayNumber - (isoWeekday - 1);
}

/** The Monday that starts the ISO week of `date`. */
export function weekStart(date: IsoDate): IsoDate {
  return formatIsoDate(weekStartDay(toDayNumber(date)));
}

/** ISO week key of a day number, e.g. `2026-W48`; see `isoWeekKey`. */
export function isoWeekKeyOfDay(dayNumber: DayNumber): string {
  // A week belongs to the year of its Thursday, so 2027-01-01 (a Friday) is in 2026-W53.
  const thursday = weekStartDay(dayNumber) + 3;
  const year = Number(formatIsoDate(thursday).slice(0, 4));
  const firstOfYear = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
  const week = Math.floor((thursday - firstOfYear) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/**
 * ISO 8601 week key of `date`: `YYYY-Www`, where the year is the ISO week-year (which differs from
 * the calendar year for a few days around New Year). Keys sort chronologically as strings.
 */
export function isoWeekKey(date: IsoDate): string {
  return isoWeekKeyOfDay(toDayNumber(date));
}
