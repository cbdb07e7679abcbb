// Geometry of small charts, kept apart from rendering so it can be tested as numbers.

/** The drawing box of a chart, in SVG user units. */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Space kept free on every side so the stroke is not clipped. */
  readonly padding: number;
}

/** Where one value lands in the box. */
export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Places `values` left to right across the box, 0 at the bottom and `max` (default: the largest value)
 * at the top. Several series drawn against one axis pass the same `max`. All zeros (or a single value)
 * stay on the baseline or spread flat: never a division by zero, never NaN. One value is drawn at the
 * left edge.
 */
export function linePoints(values: readonly number[], box: ChartBox, max: number = largest(values)): ChartPoint[] {
  const step = values.length > 1 ? innerWidth(box) / (values.length - 1) : 0;
  return values.map((value, index) => ({ x: round(box.padding + index * step), y: yOf(value, max, box) }));
}

/** The height in the box of `value` on an axis from 0 (bottom) to `max` (top). */
export function yOf(value: number, max: number, box: ChartBox): number {
  const inner = box.height - 2 * box.padding;
  return round(box.padding + inner - (max > 0 ? (Math.min(Math.max(0, value), max) / max) * inner : 0));
}

/** The `points` attribute of an SVG `<polyline>` through the points. */
export function polylineAttribute(points: readonly ChartPoint[]): string {
  return points.map((point) => `${point.x},${point.y}`).join(' ');
}

/**
 * Ticks for a count axis from 0: about `target` steps of 1, 2 or 5 times a power of ten, never below 1
 * (counts are whole), ending at or above `max`. The last tick is the axis top the chart scales to, so
 * grid lines and labels meet the data. `max` 0 (or less, or not finite) gives `[0, 1]`.
 */
export function countTicks(max: number, target = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let tick = 0; ticks.length === 0 || ticks[ticks.length - 1]! < max; tick += step) ticks.push(tick);
  return ticks;
}

/**
 * Which of `count` days get a date label on the x axis: the first and the last, and the middle one when
 * there are at least 3. Three labels of a short date fit a 320 px column without touching.
 */
export function dateLabelIndexes(count: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [0];
  if (count === 2) return [0, 1];
  return [0, Math.floor((count - 1) / 2), count - 1];
}

/** Where the point of day `index` of `count` lies across the drawing box, 0..100 percent of the box width. */
export function xPercent(index: number, count: number, box: ChartBox): number {
  const x = count > 1 ? box.padding + (index * innerWidth(box)) / (count - 1) : box.padding;
  return round((x / box.width) * 100);
}

function innerWidth(box: ChartBox): number {
  return box.width - 2 * box.padding;
}

function largest(values: readonly number[]): number {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
}

// Two decimals keep the markup short without a visible difference.
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
