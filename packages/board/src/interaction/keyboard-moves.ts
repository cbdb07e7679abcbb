import type { BoardLayout, CellTarget } from '../model/index.js';
import { cellKey } from '../model/index.js';

/** A direction on the board as the user sees it (already mirrored for right-to-left pages). */
export type Direction = 'up' | 'down' | 'left' | 'right' | 'first' | 'last';

/** Maps a key to a direction; `rtl` swaps left and right so arrows follow what is on screen. */
export function directionOf(key: string, rtl: boolean): Direction | undefined {
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return rtl ? 'right' : 'left';
    case 'ArrowRight':
      return rtl ? 'left' : 'right';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return undefined;
  }
}

function cellLength(layout: BoardLayout, laneKey: string, columnKey: string): number {
  return layout.cells.get(cellKey(laneKey, columnKey))?.length ?? 0;
}

/**
 * Where focus goes from a card: up and down within the cell (crossing into the lane above or below
 * at the ends), left and right to the same position in the neighbouring column (or its last card).
 * Skips collapsed columns and lanes and empty cells. Returns undefined at the board's edge.
 */
export function nextFocus(
  layout: BoardLayout,
  from: CellTarget,
  direction: Direction,
  hidden: { columns: ReadonlySet<string>; lanes: ReadonlySet<string> },
): CellTarget | undefined {
  const columns = layout.columns.filter((column) => !hidden.columns.has(column.key)).map((column) => column.key);
  const lanes = layout.lanes.filter((lane) => !hidden.lanes.has(lane.key)).map((lane) => lane.key);
  const length = cellLength(layout, from.laneKey, from.columnKey);
  switch (direction) {
    case 'first':
      return length > 0 ? { ...from, index: 0 } : undefined;
    case 'last':
      return length > 0 ? { ...from, index: length - 1 } : undefined;
    case 'up':
    case 'down': {
      const step = direction === 'up' ? -1 : 1;
      const index = from.index + step;
      if (index >= 0 && index < length) return { ...from, index };
      // Past the end of the cell: the same column in the next lane that has cards.
      for (let lane = lanes.indexOf(from.laneKey) + step; lane >= 0 && lane < lanes.length; lane += step) {
        const size = cellLength(layout, lanes[lane]!, from.columnKey);
        if (size > 0) return { laneKey: lanes[lane]!, columnKey: from.columnKey, index: step > 0 ? 0 : size - 1 };
      }
      return undefined;
    }
    case 'left':
    case 'right': {
      const step = direction === 'left' ? -1 : 1;
      for (let column = columns.indexOf(from.columnKey) + step; column >= 0 && column < columns.length; column += step) {
        const size = cellLength(layout, from.laneKey, columns[column]!);
        if (size > 0) return { laneKey: from.laneKey, columnKey: columns[column]!, index: Math.min(from.index, size - 1) };
      }
      return undefined;
    }
  }
}

/**
 * Where a lifted card goes. Targets are slot boundaries of the cell as it looks while dragging (the
 * lifted cards still in it), so `index` runs from 0 to the cell's length. Boundaries that only differ
 * by lifted cards mean the same place, so one key press always moves past exactly one other card.
 * Up and down continue into the lane above or below; left and right keep the position (clamped).
 * Unlike focus, a lifted card may enter empty and non-droppable cells (the board then says why it
 * cannot land there).
 */
export function nextDropTarget(
  layout: BoardLayout,
  from: CellTarget,
  direction: Direction,
  hidden: { columns: ReadonlySet<string>; lanes: ReadonlySet<string> },
  moving: ReadonlySet<string>,
): CellTarget | undefined {
  const columns = layout.columns.filter((column) => !hidden.columns.has(column.key)).map((column) => column.key);
  const lanes = layout.lanes.filter((lane) => !hidden.lanes.has(lane.key)).map((lane) => lane.key);
  const cell = (laneKey: string, columnKey: string): readonly string[] => layout.cells.get(cellKey(laneKey, columnKey)) ?? [];
  const ids = cell(from.laneKey, from.columnKey);
  switch (direction) {
    case 'first':
      return { ...from, index: 0 };
    case 'last':
      return { ...from, index: ids.length };
    case 'down': {
      let index = from.index;
      while (index < ids.length && moving.has(ids[index]!)) index++;
      index++;
      if (index <= ids.length) return { ...from, index };
      const lane = lanes.indexOf(from.laneKey) + 1;
      return lane < lanes.length ? { laneKey: lanes[lane]!, columnKey: from.columnKey, index: 0 } : undefined;
    }
    case 'up': {
      let index = from.index;
      while (index > 0 && moving.has(ids[index - 1]!)) index--;
      index--;
      if (index >= 0) return { ...from, index };
      const lane = lanes.indexOf(from.laneKey) - 1;
      if (lane < 0) return undefined;
      const laneKey = lanes[lane]!;
      return { laneKey, columnKey: from.columnKey, index: cell(laneKey, from.columnKey).length };
    }
    case 'left':
    case 'right': {
      const column = columns.indexOf(from.columnKey) + (direction === 'left' ? -1 : 1);
      if (column < 0 || column >= columns.length) return undefined;
      const columnKey = columns[column]!;
      return { laneKey: from.laneKey, columnKey, index: Math.min(from.index, cell(from.laneKey, columnKey).length) };
    }
  }
}
