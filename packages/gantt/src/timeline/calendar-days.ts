import type { IsoDate } from '@cwm/core';

// What the timeline needs beyond core's day arithmetic (`toDayNumber`, `formatIsoDate`, `addDays`,
// `dayOfWeek` in @cwm/core): calendar parts with month roll-over, and the local-time `Date`s frappe
// works in. Days are whole day numbers since 1970-01-01, so DST changes can never shift a bar.

const MS_PER_DAY = 86_400_000;

/** Year, month (1-12) and day of month of an ISO date (a date-time is cut to its date part). */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The parts of a `YYYY-MM-DD` date; throws on anything else, because a silent NaN would draw nothing. */
export function civilOf(date: IsoDate): CivilDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || date[4] !== '-' || date[7] !== '-') {
    throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  }
  return { year, month, day };
}

/** Days since 1970-01-01 of a calendar date (month 1-12; out-of-range months and days roll over). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** A local-time `Date` at midnight of an ISO date: how frappe-gantt represents days. */
export function localDateOf(date: IsoDate): Date {
  const { year, month, day } = civilOf(date);
  return new Date(year, month - 1, day);
}

/** The ISO date of the local calendar day a `Date` falls on (frappe hands back local Dates). */
export function isoOfLocalDate(date: Date): IsoDate {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
