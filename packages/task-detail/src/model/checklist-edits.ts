import type { ChecklistItem, Id } from '@cwm/core';

/** The checklist with one item's text replaced (trimmed); items are immutable, so a new list. */
export function renameItem(items: readonly ChecklistItem[], id: Id, text: string): ChecklistItem[] {
  return items.map((item) => (item.id === id ? { ...item, text: text.trim() } : item));
}

/** The checklist with one item ticked or unticked. */
export function tickItem(items: readonly ChecklistItem[], id: Id, done: boolean): ChecklistItem[] {
  return items.map((item) => (item.id === id ? { ...item, done } : item));
}

/** The checklist without one item. */
export function removeItem(items: readonly ChecklistItem[], id: Id): ChecklistItem[] {
  return items.filter((item) => item.id !== id);
}

/** The checklist with a new unticked item at the end. */
export function addItem(items: readonly ChecklistItem[], id: Id, text: string): ChecklistItem[] {
  return [...items, { id, text: text.trim(), done: false }];
}

/** The checklist with one item moved a place up (-1) or down (+1); unchanged at either end. */
export function moveItem(items: readonly ChecklistItem[], id: Id, direction: -1 | 1): ChecklistItem[] {
  const index = items.findIndex((item) => item.id === id);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Ticked and total items of one checklist. */
export function checklistCounts(items: readonly ChecklistItem[]): { readonly done: number; readonly total: number } {
  let done = 0;
  for (const item of items) if (item.done) done++;
  return { done, total: items.length };
}
