// Geometry of a small line chart, kept apart from rendering so it can be tested as numbers.

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
 * Places `values` left to right across the box, 0 at the bottom and the largest value at the top.
 * All zeros (or a single value) stay on the baseline or spread flat: never a division by zero, never NaN.
 * One value is drawn at the left edge.
 */
export function linePoints(values: readonly number[], box: ChartBox): ChartPoint[] {
  const max = Math.max(0, ...values);
  const innerWidth = box.width - 2 * box.padding;
  const innerHeight = box.height - 2 * box.padding;
  const step = values.length > 1 ? innerWidth / (values.length - 1) : 0;
  return values.map((value, index) => ({
    x: round(box.padding + index * step),
    y: round(box.padding + innerHeight - (max > 0 ? (Math.max(0, value) / max) * innerHeight : 0)),
  }));
}

/** The `points` attribute of an SVG `<polyline>` through the points. */
export function polylineAttribute(points: readonly ChartPoint[]): string {
  return points.map((point) => `${point.x},${point.y}`).join(' ');
}

// Two decimals keep the markup short without a visible difference.
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
