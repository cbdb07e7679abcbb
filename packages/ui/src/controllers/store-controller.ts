import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';
import type { CwmStore } from '@cwm/core';

/** An element that has (or will have) a store, e.g. any `CwmElement`. */
export interface StoreHost extends ReactiveControllerHost {
  readonly store: CwmStore | undefined;
}

/** How a `StoreController` binds one observable of the store to its host. */
export interface StoreBinding<T> {
  /** Builds the observable from the current store; called again whenever the store or the deps change. */
  readonly source: (store: CwmStore) => Observable<T>;
  /** Receives every value; usually assigns a `@state()` field, which renders the host. */
  readonly next: (value: T) => void;
  /** The inputs `source` depends on (e.g. `() => [this.taskId]`); a change of any of them re-subscribes. */
  readonly deps?: () => readonly unknown[];
  /** Called when the observable fails; by default the failure is logged and the binding stays idle. */
  readonly error?: (error: unknown) => void;
}

/**
 * Keeps one subscription to the store alive exactly while it makes sense: subscribed while the host is
 * connected and has a store, re-subscribed when the store is swapped or a dependency changes,
 * unsubscribed on disconnect. Widgets therefore never leak subscriptions, whatever the page does.
 *
 * The source is a function, not an observable, because the store arrives through context only after
 * the host connects (and may be replaced later).
 *
 * Decisions are taken in `hostUpdate` (before every render), where a changed store or changed deps are
 * visible. A store that replays its current value synchronously (`BehaviorSubject`) thus delivers it
 * before the very render that needed it.
 */
export class StoreController<T> implements ReactiveController {
  private subscription: Subscription | undefined;
  /** The store and deps the current binding was made for; kept after a failure so it is not retried every render. */
  private bound: { readonly store: CwmStore; readonly deps: readonly unknown[] } | undefined;

  constructor(
    private readonly host: StoreHost,
    private readonly binding: StoreBinding<T>,
  ) {
    host.addController(this);
  }

  /** Whether a subscription is open right now. */
  get active(): boolean {
    return this.subscription !== undefined && !this.subscription.closed;
  }

  hostConnected(): void {
    this.reconcile();
  }

  hostUpdate(): void {
    this.reconcile();
  }

  hostDisconnected(): void {
    this.unsubscribe();
  }

  /** Drops the subscription and subscribes again (after the source's inputs changed in a way deps cannot see). */
  refresh(): void {
    this.unsubscribe();
    this.reconcile();
  }

  private reconcile(): void {
    const store = this.host.store;
    const deps = this.binding.deps?.() ?? [];
    if (this.bound !== undefined && this.bound.store === store && sameDeps(deps, this.bound.deps)) return;
    this.unsubscribe();
    if (store === undefined) return;
    this.bound = { store, deps };
    let source: Observable<T>;
    try {
      source = this.binding.source(store);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.subscription = source.subscribe({
      next: (value) => this.binding.next(value),
      error: (error: unknown) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    if (this.binding.error) this.binding.error(error);
    else console.error('[cwm] a store subscription failed', error);
  }

  private unsubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.bound = undefined;
  }
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}
