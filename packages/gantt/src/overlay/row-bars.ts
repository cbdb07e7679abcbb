// Where each row's bar (or milestone diamond) is, computed from the rows and the time scale alone. The
// overlay draws from it and the link drag hit-tests with it: frappe's bars live in another svg, so
// neither ever reads the DOM for geometry.
import type { DependencyType, Id } from '@cwm/core';
import { BAR_HEIGHT, barMiddle, ROW_HEIGHT } from '../geometry.js';
import type { GanttRow } from '../model/gantt-row.js';
import type { BarGeometry, ScaleLike } from './scale-like.js';

/** What the overlay reads of a row (a `GanttRow` has it all). */
export type OverlayRow = Pick<GanttRow, 'id' | 'kind' | 'start' | 'due'>;

/** The visible rows in display order (`GanttRows.rows`); a row's index is its global row number. */
export type OverlayRows = readonly OverlayRow[];

/** Rows to look in first when searching for an id (the rendered window). */
export interface RowRange {
  readonly first: number;
  readonly count: number;
}

/** The live box of a bar while frappe drags it (frappe moves its own bar; the overlay follows). */
export interface DragGeometry {
  readonly id: Id;
  readonly x: number;
  readonly width: number;
}

/** Which side of a bar a link leaves from or arrives at. */
export type LinkSide = 'start' | 'end';

/** Half the width (and height) of a milestone diamond: a little less than half a bar, so it fits the row. */
export const MILESTONE_HALF_SIZE = BAR_HEIGHT / 2 - 1;

/** Everything geometry is computed from. */
export interface BarLayout {
  readonly rows: OverlayRows;
  readonly scale: ScaleLike;
  readonly dragGeometry?: DragGeometry | undefined;
  /** The rendered window, searched first when looking a task up by id. */
  readonly window?: RowRange | undefined;
}

/**
 * The horizontal box of a row's bar, or undefined for rows drawn without one (unscheduled, invalid).
 * A milestone's box is its diamond, centred on its day, so arrows touch the diamond's tips. A bar being
 * dragged reports its live position.
 */
export function rowBarGeometry(row: OverlayRow, layout: BarLayout): BarGeometry | undefined {
  const dragged = layout.dragGeometry?.id === row.id ? layout.dragGeometry : undefined;
  if (row.kind === 'milestone') {
    const day = row.due ?? row.start;
    if (day === undefined) return undefined;
    const box = dragged ?? layout.scale.barOf(day, day);
    const centre = box.x + box.width / 2;
    return { x: centre - MILESTONE_HALF_SIZE, width: 2 * MILESTONE_HALF_SIZE };
  }
  if (row.kind !== 'task' && row.kind !== 'summary') return undefined;
  if (row.start === undefined || row.due === undefined) return undefined;
  if (dragged !== undefined) return { x: dragged.x, width: dragged.width };
  return layout.scale.barOf(row.start, row.due);
}

/**
 * The row index of a task, or -1 when it has no visible row. Looks in `near` (the rendered window) first:
 * the ids looked up (hovered, selected, the link being drawn) are almost always there, so the full scan of
 * a large plan is the rare case.
 */
export function rowIndexOf(rows: OverlayRows, id: Id, near?: RowRange): number {
  if (near !== undefined) {
    const end = Math.min(rows.length, near.first + near.count);
    for (let index = Math.max(0, near.first); index < end; index += 1) if (rows[index]!.id === id) return index;
  }
  return rows.findIndex((row) => row.id === id);
}

/** A row's bar box by row index; undefined out of range or for a row without a bar. */
export function barOfRow(row: number, layout: BarLayout): { readonly row: number; readonly geometry: BarGeometry } | undefined {
  const entry = layout.rows[row];
  if (entry === undefined) return undefined;
  const geometry = rowBarGeometry(entry, layout);
  return geometry === undefined ? undefined : { row, geometry };
}

/** A task's row index and bar box; undefined when hidden (collapsed) or without a bar. */
export function barOfId(id: Id, layout: BarLayout): { readonly row: number; readonly geometry: BarGeometry } | undefined {
  const row = rowIndexOf(layout.rows, id, layout.window);
  return row < 0 ? undefined : barOfRow(row, layout);
}

/** The point of a bar's side where link handles sit and draft lines start. */
export function sidePoint(row: number, geometry: BarGeometry, side: LinkSide): { readonly x: number; readonly y: number } {
  return { x: side === 'start' ? geometry.x : geometry.x + geometry.width, y: barMiddle(row) };
}

/**
 * How far outside a bar's end its link handle sits. On the end itself it would cover frappe's resize
 * handle (and the progress handle at 0 % and 100 %), and the bar could no longer be resized.
 */
export const HANDLE_OFFSET = 10;

/** Where the link handle of a bar's side is drawn: `HANDLE_OFFSET` outside that end. */
export function handlePoint(row: number, geometry: BarGeometry, side: LinkSide): { readonly x: number; readonly y: number } {
  const point = sidePoint(row, geometry, side);
  return { x: point.x + (side === 'start' ? -HANDLE_OFFSET : HANDLE_OFFSET), y: point.y };
}

/**
 * The dependency type a link drawn from `fromSide` of the predecessor to one half of the successor
 * means: from the end, the left half (its start) is FS and the right half (its end) FF; from the start,
 * SS and SF.
 */
export function linkTypeFor(fromSide: LinkSide, leftHalf: boolean): DependencyType {
  if (fromSide === 'end') return leftHalf ? 'FS' : 'FF';
  return leftHalf ? 'SS' : 'SF';
}

/** The bar a link would connect to and the type it would have. */
export interface LinkTarget {
  readonly id: Id;
  readonly type: DependencyType;
}

/**
 * The link a pointer at `point` (overlay coordinates) would make: the row comes from y, then the pointer
 * must be within that row's bar horizontally. Undefined over empty space, a row without a bar, or the
 * predecessor itself.
 */
export function linkTargetAt(
  point: { readonly x: number; readonly y: number },
  fromId: Id,
  fromSide: LinkSide,
  layout: BarLayout,
): LinkTarget | undefined {
  const rowIndex = Math.floor(point.y / ROW_HEIGHT);
  const row = rowIndex >= 0 ? layout.rows[rowIndex] : undefined;
  if (row === undefined || row.id === fromId) return undefined;
  const geometry = rowBarGeometry(row, layout);
  if (geometry === undefined) return undefined;
  if (point.x < geometry.x || point.x > geometry.x + geometry.width) return undefined;
  return { id: row.id, type: linkTypeFor(fromSide, point.x < geometry.x + geometry.width / 2) };
}
