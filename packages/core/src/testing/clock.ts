import type { IsoDate, IsoDateTime } from '../model/common.js';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Turns day offsets from the generator's start date into ISO dates and instants. Generated data never
 * reads the real clock (that would break determinism); every timestamp is "day N after start, minute M".
 */
export class DayClock {
  private readonly originMs: number;
  private readonly originWeekday: number;
  /** Formatting dates is the hot path at 100k tasks: each offset is formatted once. */
  private readonly dates = new Map<number, IsoDate>();

  constructor(start: IsoDate) {
    const ms = ISO_DATE.test(start) ? Date.parse(`${start}T00:00:00.000Z`) : Number.NaN;
    if (Number.isNaN(ms)) throw new RangeError(`generateWorkspace: start must be a YYYY-MM-DD date, got "${start}".`);
    this.originMs = ms;
    this.originWeekday = new Date(ms).getUTCDay();
  }

  /** The calendar date `offset` days after the start (negative: before). */
  date(offset: number): IsoDate {
    let date = this.dates.get(offset);
    if (date === undefined) {
      date = new Date(this.originMs + offset * DAY_MS).toISOString().slice(0, 10);
      this.dates.set(offset, date);
    }
    return date;
  }

  /** The instant `minutes` after midnight UTC of day `offset`. */
  at(offset: number, minutes: number): IsoDateTime {
    return new Date(this.originMs + offset * DAY_MS + minutes * 60_000).toISOString();
  }

  /** 0 = Sunday ... 6 = Saturday. */
  weekday(offset: number): number {
    return (((this.originWeekday + offset) % 7) + 7) % 7;
  }

  /** `offset`, or the next Monday when it falls on a weekend. */
  workingDayOnOrAfter(offset: number): number {
    const weekday = this.weekday(offset);
    return weekday === 6 ? offset + 2 : weekday === 0 ? offset + 1 : offset;
  }

  /** `offset`, or the previous Friday when it falls on a weekend. */
  workingDayOnOrBefore(offset: number): number {
    const weekday = this.weekday(offset);
    return weekday === 6 ? offset - 1 : weekday === 0 ? offset - 2 : offset;
  }
}
