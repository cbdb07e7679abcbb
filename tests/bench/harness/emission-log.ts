/**
 * Subscribes to a set of observables the way widgets would and notes when each one last emitted, so
 * a scenario can tell when a change has been delivered to all of them.
 */
import type { Observable, Subscription } from 'rxjs';

export class EmissionLog {
  /** `performance.now()` of the latest emission of any watched observable. */
  lastAt = 0;
  /** Emissions per label since the log was created (including the initial replay). */
  readonly counts = new Map<string, number>();
  private readonly subscriptions: Subscription[] = [];

  /** Subscribes until `unsubscribe()`, or until the returned subscription is ended (a widget that goes away). */
  watch<T>(label: string, source: Observable<T>, onValue?: (value: T) => void): Subscription {
    if (!this.counts.has(label)) this.counts.set(label, 0);
    const subscription = source.subscribe((value) => {
      // A widget would store the value and request a render; keeping it is the minimum it does.
      onValue?.(value);
      this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
      this.lastAt = performance.now();
    });
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** Total emissions over all labels. */
  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  /** Labels that emitted more often than `base` (a snapshot of `counts`). */
  emittedSince(base: ReadonlyMap<string, number>): string[] {
    return [...this.counts].filter(([label, count]) => count > (base.get(label) ?? 0)).map(([label]) => label);
  }

  unsubscribe(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}
