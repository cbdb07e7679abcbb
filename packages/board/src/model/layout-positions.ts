import { Table, type Id } from '@cwm/core';
import type { BoardPosition } from './board-layout.js';

/** One cell as positions name it: its key in `BoardLayout.cells` and its lane and column. */
export interface CellSlot {
  readonly key: string;
  readonly laneKey: string;
  readonly columnKey: string;
}

/** Which cell a shown task sits in; its index is read from the cell itself. */
interface Placement {
  readonly id: Id;
  readonly slot: CellSlot;
}

/**
 * Positions of the shown tasks, answered through the cells instead of one map entry per task.
 *
 * A plain `Map<Id, BoardPosition>` must be copied whole (10,000 entries) whenever one card moves,
 * because every later card of the two cells changes index. Here a persistent table only records which
 * cell each task is in (unchanged for most changes), and the index comes from a per-cell index built
 * on first look-up and cached on the cell's array: cells a change does not touch keep their array, so
 * they keep their cached indexes too.
 */
export class LayoutPositions implements ReadonlyMap<Id, BoardPosition> {
  /** Positions of `cells`, whose slots are given by `slots` (one per cell key). */
  static fromCells(cells: ReadonlyMap<string, readonly Id[]>, slots: ReadonlyMap<string, CellSlot>): LayoutPositions {
    const placements: Placement[] = [];
    for (const [key, ids] of cells) {
      const slot = slots.get(key)!;
      for (const id of ids) placements.push({ id, slot });
    }
    return new LayoutPositions(Table.from(placements), cells, slots);
  }

  private constructor(
    private readonly placements: Table<Placement>,
    private readonly cells: ReadonlyMap<string, readonly Id[]>,
    /** Every cell's slot by key; shared by every version of one layout. */
    readonly slots: ReadonlyMap<string, CellSlot>,
  ) {}

  get size(): number {
    return this.placements.size;
  }

  get(id: Id): BoardPosition | undefined {
    const placement = this.placements.get(id);
    if (!placement) return undefined;
    return positionsIn(this.cells.get(placement.slot.key)!, placement.slot).get(id);
  }

  has(id: Id): boolean {
    return this.placements.has(id);
  }

  /** The cell a shown task sits in, without working out its index. */
  slotOf(id: Id): CellSlot | undefined {
    return this.placements.get(id)?.slot;
  }

  /**
   * The positions over new `cells` (the same slots), with tasks that changed cell (`moved`: id to its
   * new cell key) and tasks no longer shown (`removed`). Costs the changed tasks, not the board.
   */
  with(cells: ReadonlyMap<string, readonly Id[]>, moved: ReadonlyMap<Id, string>, removed: Iterable<Id>): LayoutPositions {
    const upserts: Placement[] = [];
    for (const [id, key] of moved) upserts.push({ id, slot: this.slots.get(key)! });
    return new LayoutPositions(this.placements.batch(upserts, removed), cells, this.slots);
  }

  *entries(): MapIterator<[Id, BoardPosition]> {
    for (const placement of this.placements) yield [placement.id, this.get(placement.id)!];
  }

  *keys(): MapIterator<Id> {
    for (const placement of this.placements) yield placement.id;
  }

  *values(): MapIterator<BoardPosition> {
    for (const placement of this.placements) yield this.get(placement.id)!;
  }

  [Symbol.iterator](): MapIterator<[Id, BoardPosition]> {
    return this.entries();
  }

  forEach(callback: (value: BoardPosition, key: Id, map: ReadonlyMap<Id, BoardPosition>) => void, thisArg?: unknown): void {
    for (const [id, position] of this.entries()) callback.call(thisArg, position, id, this);
  }

  get [Symbol.toStringTag](): string {
    return 'LayoutPositions';
  }
}

interface CellPositions {
  readonly slot: CellSlot;
  readonly byId: Map<Id, BoardPosition>;
}

// Keyed by the cell's array: layouts never mutate a published array, so an index stays valid as long
// as the array lives, and goes with it.
const cellPositions = new WeakMap<readonly Id[], CellPositions>();

function positionsIn(ids: readonly Id[], slot: CellSlot): ReadonlyMap<Id, BoardPosition> {
  const cached = cellPositions.get(ids);
  if (cached && cached.slot === slot) return cached.byId;
  const byId = new Map<Id, BoardPosition>();
  for (let index = 0; index < ids.length; index++) {
    byId.set(ids[index]!, { laneKey: slot.laneKey, columnKey: slot.columnKey, index });
  }
  cellPositions.set(ids, { slot, byId });
  return byId;
}
