import type { IsoDate } from '@cwm/core';
import type { Zoom } from '../zoom.js';
import { addDays, dayOfWeek, formatIsoDate, toDayNumber } from '@cwm/core';
import { civilOf, dayNumberOf } from './calendar-days.js';

/** The calendar unit frappe-gantt steps its columns by. */
export type AxisUnit = 'day' | 'month' | 'year';

/** How one zoom level lays out time: frappe's `step` (count + unit) and the width of a column. */
export interface ZoomAxis {
  readonly unit: AxisUnit;
  /** Units per column (frappe's `step`: 7 days for a week, 3 months for a quarter). */
  readonly step: number;
  /** Width of one column, in CSS pixels. */
  readonly columnWidth: number;
  /**
   * Days a column nominally holds. frappe sizes bars with it (a month is 30 days, a year 365), while
   * it places bar starts on the real calendar: a bar's width is `days / nominalDays` columns.
   */
  readonly nominalDays: number;
}

/** Days in frappe's `convert_scales` per unit (`month` 30, `year` 365): the nominal length of a unit. */
const UNIT_DAYS: Readonly<Record<AxisUnit, number>> = { day: 1, month: 30, year: 365 };

function axis(unit: AxisUnit, step: number, columnWidth: number): ZoomAxis {
  return { unit, step, columnWidth, nominalDays: UNIT_DAYS[unit] * step };
}

/** The layout of each zoom level (frappe's default widths; a quarter column fits "Q1 2026"). */
export const ZOOM_AXES: Readonly<Record<Zoom, ZoomAxis>> = {
  day: axis('day', 1, 45),
  week: axis('day', 7, 140),
  month: axis('month', 1, 120),
  quarter: axis('month', 3, 150),
  year: axis('year', 1, 120),
};

/** First and last day of a plan, both inclusive. */
export interface DateRange {
  readonly start: IsoDate;
  readonly due: IsoDate;
}

/** A bar's horizontal box, in CSS pixels from the left edge of the timeline. */
export interface BarBox {
  readonly x: number;
  readonly width: number;
}

/** frappe-gantt's `date_utils.diff` rounds every difference to hundredths of its unit. */
function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The time axis of the timeline: where a day is, which day is under a pixel, and where a bar goes.
 * Pure (no DOM), and deliberately identical to frappe-gantt 1.2.2's own arithmetic, because frappe
 * draws the bars and everything we draw beside them (arrows, milestones, today, the grid) must line up:
 *
 * - `day` unit (day, week zooms): `x = days since the axis start / step * columnWidth`;
 * - `month` unit (month, quarter): months on the calendar plus `dayOfMonth / 31` of a month, rounded
 *   to hundredths (so the 1st of a month sits 1/31 of a column right of its column line: frappe's
 *   maths, kept so bars and overlay agree);
 * - `year` unit: the same month count divided by 12, rounded to hundredths;
 * - a bar's width is `days / nominalDays` columns (months of 30 days, years of 365).
 *
 * Construct with `TimeScale.forRange(zoom, range)`: the axis is fixed by the plan's range (with
 * padding and aligned to whole columns), never by the rows in view, so it never jumps while scrolling.
 */
export class TimeScale {
  /** The zoom level. */
  readonly zoom: Zoom;
  /** First day of the first column. */
  readonly start: IsoDate;
  /** Number of columns. */
  readonly columnCount: number;
  /** Width of one column, in CSS pixels. */
  readonly columnWidth: number;
  /** Days one column nominally holds (1, 7, 30, 90, 365). */
  readonly stepDays: number;
  /** Total width of the axis, in CSS pixels. */
  readonly width: number;
  readonly #axis: ZoomAxis;
  readonly #startDay: number;
  readonly #startYear: number;
  readonly #startMonth: number;
  readonly #startDayOfMonth: number;

  /**
   * An axis of `columnCount` columns from `start`. `start` must begin a column of the zoom (the 1st of
   * a month for month/quarter/year; any day for day/week): `forRange` takes care of that.
   */
  constructor(zoom: Zoom, start: IsoDate, columnCount: number) {
    this.zoom = zoom;
    this.#axis = ZOOM_AXES[zoom];
    this.start = start.slice(0, 10);
    this.columnCount = Math.max(1, Math.floor(columnCount));
    this.columnWidth = this.#axis.columnWidth;
    this.stepDays = this.#axis.nominalDays;
    this.width = this.columnCount * this.columnWidth;
    this.#startDay = toDayNumber(this.start);
    const { year, month, day } = civilOf(this.start);
    this.#startYear = year;
    this.#startMonth = month;
    this.#startDayOfMonth = day;
  }

  /**
   * The axis for a plan: from a column boundary before `range.start` to one after `range.due`, with at
   * least a week (day zoom), two weeks (week, Monday-aligned) or one column (month, quarter, year) of
   * padding each side.
   */
  static forRange(zoom: Zoom, range: DateRange): TimeScale {
    const first = range.start.slice(0, 10);
    const last = range.due.slice(0, 10) < first ? first : range.due.slice(0, 10);
    switch (zoom) {
      case 'day': {
        const start = addDays(first, -7);
        return new TimeScale(zoom, start, toDayNumber(last) + 7 - toDayNumber(start) + 1);
      }
      case 'week': {
        const start = mondayOnOrBefore(toDayNumber(first) - 7);
        const lastColumn = mondayOnOrBefore(toDayNumber(last) + 7);
        return new TimeScale(zoom, formatIsoDate(start), (lastColumn - start) / 7 + 1);
      }
      case 'month':
      case 'quarter': {
        const months = zoom === 'month' ? 1 : 3;
        const from = civilOf(first);
        const to = civilOf(last);
        // Month indexes since year 0, snapped down to the column, one column of padding each side.
        const startIndex = Math.floor((from.year * 12 + from.month - 1) / months) * months - months;
        const lastIndex = Math.floor((to.year * 12 + to.month - 1) / months) * months + months;
        const start = formatIsoDate(dayNumberOf(Math.floor(startIndex / 12), (startIndex % 12) + 1, 1));
        return new TimeScale(zoom, start, (lastIndex - startIndex) / months + 1);
      }
      case 'year': {
        const fromYear = civilOf(first).year - 1;
        const toYear = civilOf(last).year + 1;
        return new TimeScale(zoom, `${String(fromYear).padStart(4, '0')}-01-01`, toYear - fromYear + 1);
      }
    }
  }

  /** The calendar unit and step of the columns (what frappe-gantt is configured with). */
  get axis(): ZoomAxis {
    return this.#axis;
  }

  /** CSS pixels per day as frappe sizes bars (`columnWidth / stepDays`); drags snap in these. */
  get pixelsPerDay(): number {
    return this.columnWidth / this.stepDays;
  }

  /** First day of column `index` (0-based; may be past the last column). */
  columnStart(index: number): IsoDate {
    const { unit, step } = this.#axis;
    if (unit === 'day') return formatIsoDate(this.#startDay + index * step);
    const months = unit === 'year' ? 12 * step * index : step * index;
    return formatIsoDate(dayNumberOf(this.#startYear, this.#startMonth + months, this.#startDayOfMonth));
  }

  /** First day of the last column (frappe's `gantt_end`). */
  get lastColumnStart(): IsoDate {
    return this.columnStart(this.columnCount - 1);
  }

  /** Left edge of a day, in CSS pixels from the start of the axis (negative before it). */
  xOf(date: IsoDate): number {
    return this.#xOfDay(toDayNumber(date));
  }

  /** The day under a horizontal position: the last day whose left edge is at or before `x`. */
  dateAt(x: number): IsoDate {
    let day = this.#startDay + Math.floor(x / this.pixelsPerDay);
    // The nominal estimate is off by a few days on calendar-based axes; walk to the exact day.
    while (this.#xOfDay(day + 1) <= x) day += 1;
    while (this.#xOfDay(day) > x) day -= 1;
    return formatIsoDate(day);
  }

  /** The box of a bar from its first to its last day, both inclusive (a one-day bar is one day wide). */
  barOf(start: IsoDate, due: IsoDate): BarBox {
    const first = toDayNumber(start);
    const days = Math.max(1, toDayNumber(due) - first + 1);
    const { unit, step } = this.#axis;
    // frappe: width = column_width * (convert_scales(days + 'd', unit) / step), in that order.
    return { x: this.#xOfDay(first), width: this.columnWidth * (days / UNIT_DAYS[unit] / step) };
  }

  #xOfDay(day: number): number {
    const { unit, step } = this.#axis;
    if (unit === 'day') return (hundredths(day - this.#startDay) / step) * this.columnWidth;
    const { year, month, day: dayOfMonth } = civilOf(formatIsoDate(day));
    // frappe's date_utils.diff(a, b, 'month'|'year'), b being the axis start.
    let months = (year - this.#startYear) * 12 + (month - this.#startMonth + dayOfMonth / 31);
    if (dayOfMonth < this.#startDayOfMonth) months -= 1;
    const units = unit === 'month' ? hundredths(months) : hundredths(months / 12);
    return (units / step) * this.columnWidth;
  }
}

function mondayOnOrBefore(day: number): number {
  return day - ((dayOfWeek(day) + 6) % 7);
}
