import { dayOfWeek, daysInMonth, formatIsoDate, parseIsoDate, type DayNumber, type WorkCalendar } from '@cwm/core';
import { safeLocale } from '../../i18n/format.js';

/** A month of the Gregorian calendar; `month` is 1-12. */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

/** The month a day falls in. */
export function monthOf(day: DayNumber): YearMonth {
  const [year, month] = formatIsoDate(day).split('-').map(Number) as [number, number];
  return { year, month };
}

/** The day number of a month's `date` (1-based), clamped to the month's last day. */
export function dayInMonth(target: YearMonth, date: number): DayNumber {
  const clamped = Math.min(Math.max(date, 1), daysInMonth(target.year, target.month));
  return parseIsoDate(`${String(target.year).padStart(4, '0')}-${String(target.month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`)!;
}

/** `months` months after (or before) `from`. */
export function addMonths(from: YearMonth, months: number): YearMonth {
  const index = from.year * 12 + (from.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * The weeks shown for a month: whole weeks starting on `firstDayOfWeek` (0 = Sunday), from the week of
 * the 1st to the week of the last day. Days of the neighbouring months fill the first and last week.
 */
export function monthWeeks(target: YearMonth, firstDayOfWeek: number): DayNumber[][] {
  const first = dayInMonth(target, 1);
  const last = dayInMonth(target, 31);
  const start = first - ((dayOfWeek(first) - firstDayOfWeek + 7) % 7);
  const weeks: DayNumber[][] = [];
  for (let weekStart = start; weekStart <= last; weekStart += 7) {
    weeks.push(Array.from({ length: 7 }, (_, offset) => weekStart + offset));
  }
  return weeks;
}

/** The keys the month grid answers, as in the WAI-ARIA date picker dialog pattern. */
export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

const GRID_KEYS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** Whether `key` moves the focused day of the grid. */
export function isGridKey(key: string): key is GridKey {
  return GRID_KEYS.has(key);
}

/**
 * The day focused after `key` from `day`: arrows by a day or a week, Home/End to the start/end of the
 * week, PageUp/PageDown by a month (by a year with Shift), keeping the date or the month's last day.
 * Right-to-left pages swap the horizontal arrows.
 */
export function moveFocusedDay(day: DayNumber, key: GridKey, options: { shift?: boolean; firstDayOfWeek: number; rtl?: boolean }): DayNumber {
  const horizontal = options.rtl ? -1 : 1;
  switch (key) {
    case 'ArrowLeft':
      return day - horizontal;
    case 'ArrowRight':
      return day + horizontal;
    case 'ArrowUp':
      return day - 7;
    case 'ArrowDown':
      return day + 7;
    case 'Home':
      return day - ((dayOfWeek(day) - options.firstDayOfWeek + 7) % 7);
    case 'End':
      return day + 6 - ((dayOfWeek(day) - options.firstDayOfWeek + 7) % 7);
    case 'PageUp':
    case 'PageDown': {
      const months = (key === 'PageUp' ? -1 : 1) * (options.shift ? 12 : 1);
      const date = Number(formatIsoDate(day).slice(8));
      return dayInMonth(addMonths(monthOf(day), months), date);
    }
  }
}

/** What kind of day it is in a work calendar. Without a calendar every day counts as working. */
export type DayKind = 'working' | 'non-working' | 'holiday';

/** Whether `day` is worked in `calendar`; a holiday on a weekend counts as the weekend. */
export function dayKind(day: DayNumber, calendar: WorkCalendar | undefined): DayKind {
  if (calendar === undefined) return 'working';
  if (!calendar.workingDays.includes(dayOfWeek(day))) return 'non-working';
  if (calendar.holidays.includes(formatIsoDate(day))) return 'holiday';
  return 'working';
}

/** The first day of the week in `locale` (0 = Sunday, 1 = Monday), from `Intl.Locale` week info. */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(safeLocale(locale)) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    // Intl numbers Monday 1 ... Sunday 7.
    if (firstDay !== undefined) return firstDay % 7;
  } catch {
    // An engine without week info: Monday, the ISO default.
  }
  return 1;
}
