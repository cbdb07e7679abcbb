// Small elements the ui tests render: a widget built on CwmElement exactly as real widgets will be.
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Observable, type Subscriber } from 'rxjs';
import { CwmElement, type MessageKey } from '@cwm/ui';

/**
 * A test widget: renders one message of the catalog and the latest value of one store binding
 * whose source the test chooses.
 */
export class TestWidget extends CwmElement {
  /** What the widget observes; tests replace it before connecting. */
  static source: (store: never, key: string) => Observable<unknown> = () => new Observable();

  @property() key = 'a';
  @property({ attribute: false }) message: MessageKey = 'action.undo';
  @state() value: unknown = undefined;
  errors: unknown[] = [];

  readonly binding = this.observe(
    (store) => TestWidget.source(store as never, this.key),
    (value) => {
      this.value = value;
    },
    () => [this.key],
  );

  /** The localize controller, for tests that format through it. */
  get l10n() {
    return this.localize;
  }

  fire(cancelable: boolean): boolean {
    return this.dispatch('cwm-error', { kind: 'offline', message: 'test', retryInMs: 0 }, { cancelable });
  }

  protected override render() {
    return html`<p part="text">${this.localize.t(this.message)}</p>
      <output>${String(this.value ?? '')}</output>`;
  }
}
customElements.define('test-widget', TestWidget);

/** An observable that counts its subscribers, so tests can prove there are no leaks. */
export class CountingSource<T> {
  subscribes = 0;
  active = 0;
  private readonly subscribers = new Set<Subscriber<T>>();

  constructor(private current: T) {}

  readonly observable = new Observable<T>((subscriber) => {
    this.subscribes++;
    this.active++;
    this.subscribers.add(subscriber);
    subscriber.next(this.current);
    return () => {
      this.active--;
      this.subscribers.delete(subscriber);
    };
  });

  emit(value: T): void {
    this.current = value;
    for (const subscriber of this.subscribers) subscriber.next(value);
  }

  fail(error: unknown): void {
    for (const subscriber of [...this.subscribers]) subscriber.error(error);
  }
}
