import type { IsoDate } from '@cwm/core';

/** Where a bar sits on the time axis, in CSS pixels from the left edge of the timeline. */
export interface BarGeometry {
  readonly x: number;
  readonly width: number;
}

/**
 * The part of the timeline's time scale the overlay needs. Declared here rather than imported so the
 * overlay depends on a shape, not on one implementation: the real `TimeScale` satisfies it, and tests
 * pass a few lines of arithmetic.
 */
export interface ScaleLike {
  /** The box of a bar from its first to its last day (both inclusive). */
  barOf(start: IsoDate, due: IsoDate): BarGeometry;
  /** The left edge of a day. */
  xOf(date: IsoDate): number;
  /** The day under a horizontal position. */
  dateAt(x: number): IsoDate;
}
