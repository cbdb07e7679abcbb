import type { IsoDate } from '../model/common.js';
import type { WorkCalendar } from '../model/workspace.js';
import { dayOfWeek, formatIsoDate, parseIsoDate, toDayNumber, type DayNumber } from './iso-date.js';

/**
 * A work calendar prepared for fast questions on day numbers. Scheduling and workload ask millions of
 * "how many working days between" questions; each one is answered in O(log holidays), never by
 * walking day by day.
 */
export interface CalendarIndex {
  readonly calendar: WorkCalendar;
  /** Working weekdays in a normal week (duplicates and values outside 0..6 ignored). */
  readonly workingDaysPerWeek: number;
  isWorkingDay(day: DayNumber): boolean;
  /**
   * Working days strictly before `day`, counted from day 0 (negative before 1970). Two indexes
   * subtract to a working-day count: `[a, b)` holds `indexOf(b) - indexOf(a)` working days.
   */
  indexOf(day: DayNumber): number;
  /** The working day whose `indexOf` is `index`. Throws a `RangeError` when the calendar has no working days. */
  dayAt(index: number): DayNumber;
  /** Working days in `[from, to]`, both inclusive; 0 when `to < from`. */
  countBetween(from: DayNumber, to: DayNumber): number;
}

const indexes = new WeakMap<WorkCalendar, CalendarIndex>();

/** The prepared index of `calendar`, built once per calendar object (calendars are immutable). */
export function calendarIndex(calendar: WorkCalendar): CalendarIndex {
  let index = indexes.get(calendar);
  if (index === undefined) {
    index = buildCalendarIndex(calendar);
    indexes.set(calendar, index);
  }
  return index;
}

function buildCalendarIndex(calendar: WorkCalendar): CalendarIndex {
  const weekdays = new Set(calendar.workingDays.filter((day) => Number.isInteger(day) && day >= 0 && day <= 6));
  const perWeek = weekdays.size;
  // prefix[r] = working days among the first r days of a 7-day block that starts on a multiple of 7.
  const prefix = [0];
  for (let offset = 0; offset < 7; offset++) prefix.push(prefix[offset]! + (weekdays.has(dayOfWeek(offset)) ? 1 : 0));

  // Only holidays that fall on a working weekday remove anything; sorted and unique for binary search.
  const holidaySet = new Set<DayNumber>();
  for (const holiday of calendar.holidays) {
    const day = parseIsoDate(holiday);
    if (day !== undefined && weekdays.has(dayOfWeek(day))) holidaySet.add(day);
  }
  const holidays = [...holidaySet].sort((a, b) => a - b);

  const holidaysBefore = (day: DayNumber): number => {
    let low = 0;
    let high = holidays.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (holidays[middle]! < day) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  const isWorkingDay = (day: DayNumber): boolean => weekdays.has(dayOfWeek(day)) && !holidaySet.has(day);

  const indexOf = (day: DayNumber): number => {
    const blocks = Math.floor(day / 7);
    return blocks * perWeek + prefix[day - blocks * 7]! - holidaysBefore(day);
  };

  const dayAt = (index: number): DayNumber => {
    if (perWeek === 0) throw new RangeError('The work calendar has no working days.');
    // Without holidays the answer lies in the block `index / perWeek`; holidays only push it later,
    // by at most one week per `perWeek` holidays (plus one), so binary search between the two.
    let low = Math.floor(index / perWeek) * 7;
    let high = low + 7 * (Math.ceil((holidays.length + 1) / perWeek) + 1);
    // Smallest day whose following day has an index above `index`: that day is working and has `index`.
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (indexOf(middle + 1) > index) high = middle;
      else low = middle + 1;
    }
    return low;
  };

  return {
    calendar,
    workingDaysPerWeek: perWeek,
    isWorkingDay,
    indexOf,
    dayAt,
    countBetween: (from, to) => (to < from ? 0 : indexOf(to + 1) - indexOf(from)),
  };
}

/** True when `date` (a `YYYY-MM-DD` string or a day number) is worked under `calendar`. */
export function isWorkingDay(date: IsoDate | DayNumber, calendar: WorkCalendar): boolean {
  return calendarIndex(calendar).isWorkingDay(typeof date === 'number' ? date : toDayNumber(date));
}

/** Working days from `start` to `due`, both inclusive; 0 when `due` is before `start`. */
export function workingDaysBetween(start: IsoDate, due: IsoDate, calendar: WorkCalendar): number {
  return calendarIndex(calendar).countBetween(toDayNumber(start), toDayNumber(due));
}

/**
 * The `days`-th working day after `date` (before it when negative), not counting `date` itself:
 * Friday + 1 is Monday, Saturday + 1 is Monday too. `days = 0` returns `date` unchanged, even when it
 * is not a working day. Throws a `RangeError` when the calendar has no working days.
 */
export function addWorkingDays(date: IsoDate, days: number, calendar: WorkCalendar): IsoDate {
  const steps = Math.trunc(days);
  if (steps === 0) return date;
  const index = calendarIndex(calendar);
  const day = toDayNumber(date);
  const target = steps > 0 ? index.indexOf(day + 1) + steps - 1 : index.indexOf(day) + steps;
  return formatIsoDate(index.dayAt(target));
}
