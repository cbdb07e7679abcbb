// The one set of sizes every part of <cwm-gantt> lays out with: frappe's bars, the task grid, the
// dependency overlay and the export all read these, so rows and bars can never drift apart.

/** Height of a bar, in CSS pixels (frappe's `bar_height`). */
export const BAR_HEIGHT = 22;

/** Space above and below a bar inside its row (frappe's `padding`, split in half on each side). */
export const ROW_PADDING = 14;

/** Height of one row: the grid row and the timeline row are the same box. */
export const ROW_HEIGHT = BAR_HEIGHT + ROW_PADDING;

/** frappe's upper header line (months, years). */
export const UPPER_HEADER_HEIGHT = 28;

/** frappe's lower header line (days, weeks). */
export const LOWER_HEADER_HEIGHT = 24;

/** Total header height; frappe adds 10 px below its two lines. The grid's header matches it. */
export const HEADER_HEIGHT = UPPER_HEADER_HEIGHT + LOWER_HEADER_HEIGHT + 10;

/** Top of the bar of row `rowIndex`, measured from the top of the first row (below the header). */
export function barTop(rowIndex: number): number {
  return rowIndex * ROW_HEIGHT + ROW_PADDING / 2;
}

/** Vertical middle of the bar of row `rowIndex`, measured from the top of the first row. */
export function barMiddle(rowIndex: number): number {
  return barTop(rowIndex) + BAR_HEIGHT / 2;
}
