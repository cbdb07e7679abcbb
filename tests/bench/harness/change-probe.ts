/**
 * Watches the live changes an adapter hands to a store, so a scenario can time from the moment a
 * change reaches the store, whatever the adapter does before (latency, a broadcast, a timer).
 */
import { Observable } from 'rxjs';
import type { CwmAdapter, RemoteChange } from '@cwm/core';

/** One batch of changes as the store received it. */
export interface Delivery {
  readonly changes: readonly RemoteChange[];
  /** `performance.now()` when the batch arrived at the store. */
  readonly arrivedAt: number;
  /** `performance.now()` when the store's synchronous handling of it (and every subscriber it fed) returned. */
  readonly returnedAt: number;
}

export class ChangeProbe {
  /** Every batch delivered so far, in order. */
  readonly deliveries: Delivery[] = [];
  /** The adapter to give the store: the original one with `changes()` observed. */
  readonly adapter: CwmAdapter;
  private waiting: ((delivery: Delivery) => void)[] = [];

  constructor(inner: CwmAdapter) {
    const onDelivery = (delivery: Delivery): void => {
      this.deliveries.push(delivery);
      const waiting = this.waiting;
      this.waiting = [];
      for (const resolve of waiting) resolve(delivery);
    };
    // Plain delegation rather than a Proxy or prototype trick: adapters may use #private fields.
    this.adapter = {
      capabilities: inner.capabilities,
      open: (session) => inner.open(session),
      list: (collection, query) => inner.list(collection, query),
      push: (mutations) => inner.push(mutations),
      close: () => inner.close(),
      changes: () =>
        new Observable<readonly RemoteChange[]>((subscriber) =>
          inner.changes().subscribe({
            next(changes) {
              const arrivedAt = performance.now();
              subscriber.next(changes);
              onDelivery({ changes, arrivedAt, returnedAt: performance.now() });
            },
            error: (error: unknown) => subscriber.error(error),
            complete: () => subscriber.complete(),
          }),
        ),
    };
  }

  /** Resolves with the next batch the store receives. Call it before causing the change. */
  next(timeoutMs = 10_000): Promise<Delivery> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no change reached the store within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push((delivery) => {
        clearTimeout(timer);
        resolve(delivery);
      });
    });
  }
}
