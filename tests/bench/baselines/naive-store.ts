/**
 * The peer baseline of `store-remote-change`: the immutable store a team writes first, without
 * normalization or incremental selectors. Each collection is an array; a change copies the array
 * with the entity replaced, and every selector recomputes from the whole state (filter, find, count)
 * behind `distinctUntilChanged`, the usual RxJS memoization. Same data, same change batches and the
 * same ten widget selectors as the real store, so the difference is the store's design alone.
 */
import { BehaviorSubject, type Observable, distinctUntilChanged, map, shareReplay } from 'rxjs';
import type { CollectionName, RemoteChange } from '@cwm/core';

type Entity = { readonly id: string };

/** Every collection as a plain array, as the naive store keeps it. */
export type NaiveState = { readonly [C in CollectionName]: readonly Entity[] };

export class NaiveStore {
  private readonly subject: BehaviorSubject<NaiveState>;

  constructor(initial: NaiveState) {
    this.subject = new BehaviorSubject(initial);
  }

  /** A selector: recomputed on every state, emitted when the result is a different value. */
  select<R>(project: (state: NaiveState) => R): Observable<R> {
    return this.subject.pipe(map(project), distinctUntilChanged(), shareReplay({ bufferSize: 1, refCount: true }));
  }

  /** Applies one batch of remote changes: one copied array per touched collection, one new state. */
  apply(changes: readonly RemoteChange[]): void {
    let state = this.subject.value;
    for (const change of changes) {
      if (change.type === 'reset') continue;
      const items = state[change.collection];
      if (change.type === 'delete') {
        state = { ...state, [change.collection]: items.filter((item) => item.id !== change.id) };
        continue;
      }
      const entity = change.entity as Entity;
      const index = items.findIndex((item) => item.id === entity.id);
      const next = index === -1 ? [...items, entity] : items.map((item, i) => (i === index ? entity : item));
      state = { ...state, [change.collection]: next };
    }
    this.subject.next(state);
  }

  dispose(): void {
    this.subject.complete();
  }
}
