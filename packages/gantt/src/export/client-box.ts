// Rectangles in client (viewport-of-the-page) coordinates, the one space getBoundingClientRect speaks.
// Every exported shape is measured there, then shifted by the export origin, so scroll offsets, sticky
// panes and CSS transforms (the timeline's translateY) are all accounted for by the browser itself.

/** An axis-aligned box in client coordinates. */
export interface ClientBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A point in client coordinates: the export's (0, 0). */
export interface ClientPoint {
  readonly x: number;
  readonly y: number;
}

/** The part two boxes share; may be empty (right < left or bottom < top). */
export function intersectBoxes(a: ClientBox, b: ClientBox): ClientBox {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

/**
 * Whether a box shows inside `clip`. Touching counts as outside, except for boxes with no width or
 * height (a horizontal line, a 1 px today marker rounded down): those count when they lie within.
 */
export function boxShowsIn(box: ClientBox, clip: ClientBox): boolean {
  if (clip.right <= clip.left || clip.bottom <= clip.top) return false;
  const flatX = box.right - box.left <= 0;
  const flatY = box.bottom - box.top <= 0;
  const overlapsX = flatX ? box.left >= clip.left && box.left <= clip.right : box.right > clip.left && box.left < clip.right;
  const overlapsY = flatY ? box.top >= clip.top && box.top <= clip.bottom : box.bottom > clip.top && box.top < clip.bottom;
  return overlapsX && overlapsY;
}

/** Rounds to 1/100 px: enough for any screen, and keeps the file small. */
export function roundPx(value: number): number {
  return Math.round(value * 100) / 100;
}
