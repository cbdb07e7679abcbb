import { ROW_HEIGHT } from '../geometry.js';

/** The slice of rows that exist in the DOM: `count` rows from row `first`. */
export interface RowWindow {
  readonly first: number;
  readonly count: number;
  /**
   * The row count the window was computed for (`visibleWindow` always sets it), so `needsNewWindow`
   * knows where the rows end. Without it the end is unknown and a window's bottom edge always counts.
   */
  readonly rowCount?: number;
}

/**
 * The window is moved in steps of this many rows (at least 2, and always even): `first` is a multiple
 * of it, so a CSS `nth-child` stripe keeps its parity and scrolling by less than a step keeps the window.
 */
export function windowStep(overscan: number): number {
  const whole = Math.max(0, Math.ceil(overscan));
  return Math.max(2, whole + (whole % 2));
}

/**
 * The rows to render for a scroll position: every row in view, plus `overscan` rows above and below.
 *
 * `first` is snapped down to a multiple of `windowStep(overscan)`, so the window holds still while the
 * view moves within one step. `count` is `ceil(viewportHeight / ROW_HEIGHT) + 1` (rows cut at both
 * edges) `+ 2 * overscan + step` (the room the snapping takes): the same for every scroll position,
 * except that it never runs past `rowCount`. Near the end `first` stops at the first step from which
 * the full count reaches the last row, so the last scroll positions do not move the window either; there
 * `count` may be up to a step short of the full count. Never negative; `{ first: 0, count: 0 }` without rows.
 */
export function visibleWindow(scrollTop: number, viewportHeight: number, rowCount: number, overscan: number): RowWindow & { readonly rowCount: number } {
  const rows = Math.max(0, Math.floor(rowCount));
  const margin = Math.max(0, Math.ceil(overscan));
  const step = windowStep(margin);
  const fullCount = rowsInView(viewportHeight) + 2 * margin + step;
  const topRow = Math.max(0, Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT));
  const snapped = Math.floor(Math.max(0, topRow - margin) / step) * step;
  // The first step-aligned start from which a full window reaches the last row.
  const lastFirst = Math.ceil(Math.max(0, rows - fullCount) / step) * step;
  const first = Math.min(snapped, lastFirst);
  return { first, count: Math.max(0, Math.min(fullCount, rows - first)), rowCount: rows };
}

/**
 * Whether the rows in view (with `margin` rows to spare on each side, 1 by default) have come close to
 * an edge of `current`, so it is time to compute a new window. Edges that are the ends of the rows
 * themselves never count: there is nothing more to show past them.
 */
export function needsNewWindow(current: RowWindow, scrollTop: number, viewportHeight: number, margin = 1): boolean {
  const topRow = Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT);
  const bottomRow = Math.floor((Math.max(0, scrollTop) + Math.max(0, viewportHeight) - 1) / ROW_HEIGHT);
  const end = current.first + current.count;
  if (current.first > 0 && topRow - margin < current.first) return true;
  if (end < (current.rowCount ?? Infinity) && bottomRow + margin >= end) return true;
  return false;
}

/** Rows that can show at once in a viewport: the full ones plus the two cut at the edges. */
function rowsInView(viewportHeight: number): number {
  return Math.ceil(Math.max(0, viewportHeight) / ROW_HEIGHT) + 1;
}
