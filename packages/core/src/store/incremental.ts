import { Observable, distinctUntilChanged } from 'rxjs';
import type { Id } from '../model/common.js';
import { Table } from './table.js';

/**
 * The entities of `source` that satisfy `predicate`, kept up to date from what changed rather than by
 * scanning everything: one changed task costs one predicate call, not 100,000. Emits the same table
 * object when nothing relevant changed, so `distinctUntilChanged` downstream stays quiet.
 */
export function whereIncremental<T extends { readonly id: Id }>(
  source: Observable<Table<T>>,
  predicate: (item: T) => boolean,
): Observable<Table<T>> {
  return new Observable<Table<T>>((subscriber) => {
    let previousSource: Table<T> | undefined;
    let result = Table.empty<T>();
    return source.subscribe({
      next(table) {
        const changed = previousSource ? table.changedSince(previousSource) : undefined;
        if (changed === undefined) {
          result = Table.from(table.filter(predicate));
        } else if (changed.length > 0) {
          const upserts: T[] = [];
          const deletions: Id[] = [];
          for (const id of new Set(changed)) {
            const item = table.get(id);
            if (item !== undefined && predicate(item)) upserts.push(item);
            else deletions.push(id);
          }
          result = result.batch(upserts, deletions);
        }
        previousSource = table;
        subscriber.next(result);
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
  }).pipe(distinctUntilChanged());
}
