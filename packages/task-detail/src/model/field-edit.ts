import type { ActivityEntry, Id } from '@cwm/core';

/**
 * One field being edited: what the user typed (`draft`), the store's value when they started
 * (`base`), and, when someone else changed the field meanwhile, that value (`theirs`).
 */
export interface FieldEdit {
  readonly draft: string;
  readonly base: string;
  readonly theirs?: string;
}

/** Starts editing from the store's current text. */
export function startEdit(current: string, draft: string = current): FieldEdit {
  return { draft, base: current };
}

/**
 * Follows the store while the user edits. A value that differs from the one editing started from is
 * someone else's change (the user's own saves end the edit first): it is kept in `theirs` so the
 * editor can say so instead of silently overwriting it. Returns the same object when nothing changed.
 */
export function reconcileEdit(edit: FieldEdit, current: string): FieldEdit {
  if (current === edit.base) return edit.theirs === undefined ? edit : { draft: edit.draft, base: edit.base };
  if (current === edit.theirs) return edit;
  // They changed it to exactly what the user typed: nothing to decide.
  if (current === edit.draft) return { draft: edit.draft, base: current };
  return { ...edit, theirs: current };
}

/** "Use theirs": the draft becomes their value and the notice goes away. */
export function useTheirs(edit: FieldEdit): FieldEdit {
  return edit.theirs === undefined ? edit : { draft: edit.theirs, base: edit.theirs };
}

/** "Keep mine": the draft stays; their value is acknowledged, so saving now overwrites it knowingly. */
export function keepMine(edit: FieldEdit): FieldEdit {
  return edit.theirs === undefined ? edit : { draft: edit.draft, base: edit.theirs };
}

/**
 * Who last changed `field` of a task, from the activity log (newest entry that touched it), or
 * `undefined` when the log does not say (not loaded yet, or written without activity).
 */
export function lastChangedBy(activity: readonly ActivityEntry[], taskId: Id, field: string): Id | undefined {
  let best: ActivityEntry | undefined;
  for (const entry of activity) {
    if (entry.taskId !== taskId) continue;
    if (!entry.changes.some((change) => change.field === field)) continue;
    if (!best || entry.at > best.at || (entry.at === best.at && entry.version > best.version)) best = entry;
  }
  return best?.actorId;
}
