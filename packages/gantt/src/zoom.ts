/** How much time one column of the timeline shows. */
export type Zoom = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Every zoom level, finest first (the order zooming in and out walks). */
export const ZOOMS: readonly Zoom[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Whether a value is a zoom level (for attributes set by hand). */
export function isZoom(value: unknown): value is Zoom {
  return typeof value === 'string' && (ZOOMS as readonly string[]).includes(value);
}
