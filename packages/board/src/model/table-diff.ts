import type { Id, Table } from '@cwm/core';

/**
 * Ids whose entity may differ between two versions of a table (`older` undefined: every id of
 * `newer`). Uses the table's change log, so one change in 10,000 tasks costs one id; only tables
 * from different lineages (a reset, a replay) fall back to comparing everything.
 */
export function changedIds<T extends { readonly id: Id }>(older: Table<T> | undefined, newer: Table<T>): ReadonlySet<Id> {
  if (older === newer) return EMPTY;
  if (older === undefined) return new Set(newer.ids());
  const logged = newer.changedSince(older);
  if (logged !== undefined) return new Set(logged);
  const ids = new Set<Id>();
  for (const item of newer) if (older.get(item.id) !== item) ids.add(item.id);
  for (const item of older) if (!newer.has(item.id)) ids.add(item.id);
  return ids;
}

const EMPTY: ReadonlySet<Id> = new Set();
