import type { IsoDate } from '../model/common.js';

/**
 * A calendar day as a whole number of days since 1970-01-01 (day 0, a Thursday).
 *
 * Plans are days, not instants: doing date arithmetic on day numbers instead of `Date` objects means no
 * time zone or daylight-saving shift can ever move a task by a day.
 */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days between 0000-03-01 and 1970-01-01 in the proleptic Gregorian calendar. */
const EPOCH_SHIFT = 719_468;
/** Days in one 400-year Gregorian era. */
const DAYS_PER_ERA = 146_097;

/** Number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Day number of a civil date. Counts from March so the leap day is the last day of the counted
 * year, which turns the Gregorian rules into plain integer arithmetic.
 */
function dayFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
}

/** The inverse of `dayFromCivil`. */
function civilFromDay(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const shifted = dayNumber + EPOCH_SHIFT;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * Strictly parses a `YYYY-MM-DD` day. Returns its day number, or `undefined` for anything that is not
 * a real calendar day (`2026-02-30`, `2026-13-01`, `2026-1-5`, `tomorrow`, a timestamp).
 */
export function parseIsoDate(text: unknown): DayNumber | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, day);
}

/** True when `text` is a real `YYYY-MM-DD` day. */
export function isIsoDate(text: unknown): text is IsoDate {
  return parseIsoDate(text) !== undefined;
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatIsoDate(dayNumber: DayNumber): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`formatIsoDate: ${dayNumber} is not a whole day number.`);
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Day number of a `YYYY-MM-DD` string, throwing a `RangeError` that names the bad value. For data that
 * was validated already; use `parseIsoDate` on anything that came from outside.
 */
export function toDayNumber(date: IsoDate): DayNumber {
  const day = parseIsoDate(date);
  if (day === undefined) throw new RangeError(`"${date}" is not a real calendar day in YYYY-MM-DD form.`);
  return day;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(toDayNumber(date) + Math.trunc(days));
}

/** Calendar days from `a` to `b`: positive when `b` is later, 0 on the same day. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Day of the week of a day number, 0 = Sunday ... 6 = Saturday (the `Date#getDay` convention). */
export function dayOfWeek(dayNumber: DayNumber): number {
  // Day 0 (1970-01-01) was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Today's date as the user's wall calendar shows it (local time zone), because "due today" means the
 * user's today, not UTC's. Pass `now` to make it deterministic.
 */
export function todayIso(now: Date = new Date()): IsoDate {
  return formatIsoDate(dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate()));
}
