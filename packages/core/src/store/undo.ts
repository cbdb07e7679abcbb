import type { Patch } from '../adapter/mutation.js';
import type { CollectionName, Id } from '../model/common.js';
import type { EntityOf } from '../model/entities.js';

/** A change described without ids or versions, so it can be replayed as a new write later. */
export type ChangeSpec =
  | { readonly kind: 'create'; readonly collection: CollectionName; readonly value: EntityOf<CollectionName>; readonly intent: string }
  | { readonly kind: 'update'; readonly collection: CollectionName; readonly entityId: Id; readonly patch: Patch<CollectionName>; readonly intent: string }
  | { readonly kind: 'delete'; readonly collection: CollectionName; readonly entityId: Id; readonly intent: string };

/** One user action: what it did and what undoes it. */
export interface UndoEntry {
  readonly redo: readonly ChangeSpec[];
  readonly undo: readonly ChangeSpec[];
  /** Mutations this action sent; if the backend refuses one, the entry is dropped. */
  mutationIds: Set<string>;
}

const LIMIT = 100;

/**
 * Undo and redo of the acting user's own actions. Undoing sends the inverse change as a new write
 * (it goes through the policy and the backend like any other), so it also works after the original
 * was confirmed and composes with other people's edits to other fields.
 */
export class UndoHistory {
  private readonly past: UndoEntry[] = [];
  private readonly future: UndoEntry[] = [];

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  record(entry: UndoEntry): void {
    this.past.push(entry);
    if (this.past.length > LIMIT) this.past.shift();
    this.future.length = 0;
  }

  takeUndo(): UndoEntry | undefined {
    return this.past.pop();
  }

  takeRedo(): UndoEntry | undefined {
    return this.future.pop();
  }

  /** Files an entry that was just undone, so redo can replay it. */
  pushRedo(entry: UndoEntry): void {
    this.future.push(entry);
  }

  /** Files an entry that was just redone, without clearing the rest of the redo stack. */
  pushUndo(entry: UndoEntry): void {
    this.past.push(entry);
  }

  /** Forgets any action whose write the backend refused: there is nothing left to undo. */
  forgetMutation(mutationId: string): void {
    for (const stack of [this.past, this.future]) {
      const index = stack.findIndex((entry) => entry.mutationIds.has(mutationId));
      if (index >= 0) stack.splice(index, 1);
    }
  }

  clear(): void {
    this.past.length = 0;
    this.future.length = 0;
  }
}
