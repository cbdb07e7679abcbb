/** A column of the task grid beside the timeline. The task name is always there, first. */
export type GridColumn = 'title' | 'assignee' | 'start' | 'due' | 'progress';

/** Every grid column, in their default order. */
export const ALL_GRID_COLUMNS: readonly GridColumn[] = ['title', 'assignee', 'start', 'due', 'progress'];

/** Default widths in CSS pixels; the title column takes what is left of the grid's width. */
export const COLUMN_WIDTHS: Readonly<Record<Exclude<GridColumn, 'title'>, number>> = {
  assignee: 96,
  start: 78,
  due: 78,
  progress: 84,
};

/**
 * The columns named in a `columns` attribute (comma-separated), in the given order, unknown names
 * dropped and the title forced to the front: a grid without task names would be a grid of numbers.
 */
export function parseGridColumns(text: string): GridColumn[] {
  const named = text
    .split(',')
    .map((part) => part.trim())
    .filter((part): part is GridColumn => (ALL_GRID_COLUMNS as readonly string[]).includes(part));
  return ['title', ...new Set(named.filter((column) => column !== 'title'))];
}

/** The CSS grid template of a row for these columns. */
export function columnTemplate(columns: readonly GridColumn[]): string {
  return columns.map((column) => (column === 'title' ? 'minmax(8rem, 1fr)' : `${COLUMN_WIDTHS[column]}px`)).join(' ');
}

/** The narrowest the title column may get before other columns give way. */
export const MIN_TITLE_WIDTH = 140;

/** Which columns give way first when the grid is narrow (the last one first). */
const KEEP_ORDER: readonly GridColumn[] = ['title', 'start', 'due', 'progress', 'assignee'];

/**
 * The columns that fit in `width` pixels, in their configured order: the title always, then the
 * others by how much they matter (dates before progress before assignee), as long as the title keeps
 * `MIN_TITLE_WIDTH`. A portal's narrow column thus shows task and dates rather than squeezed text.
 */
export function columnsThatFit(columns: readonly GridColumn[], width: number): GridColumn[] {
  let left = width - MIN_TITLE_WIDTH;
  const kept = new Set<GridColumn>(['title']);
  for (const column of KEEP_ORDER) {
    if (column === 'title' || !columns.includes(column)) continue;
    const need = COLUMN_WIDTHS[column];
    if (need > left) break;
    left -= need;
    kept.add(column);
  }
  return columns.filter((column) => kept.has(column));
}
