import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import type { Observable } from 'rxjs';
import type { CwmStore } from '@cwm/core';
import { storeContext } from '../context/store-context.js';
import { StoreController } from '../controllers/store-controller.js';
import { dispatchCwmEvent, type CwmEventDetail, type CwmEventName, type DispatchOptions } from '../events/events.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { baseStyles } from './base.styles.js';

/**
 * The base of every cwm widget: the store of the nearest `<cwm-workspace>`, the language of the page,
 * the shared base styles and typed events. Widgets extend it, never `LitElement` directly.
 *
 * @summary Base class of cwm widgets; not registered as an element itself.
 *
 * @cssproperty --cwm-font-family - Text font.
 * @cssproperty --cwm-color-text - Text colour.
 * @cssproperty --cwm-color-focus-ring - Keyboard focus outline.
 */
export class CwmElement extends LitElement {
  static override styles = [baseStyles];

  /**
   * The store of the nearest workspace, `undefined` until one is found. Swapped live when the
   * workspace re-creates it (another user or tenant): bindings made with `observe()` follow.
   */
  @consume({ context: storeContext, subscribe: true })
  @state()
  store: CwmStore | undefined;

  /** Messages and `Intl` formatting in the nearest `lang`. */
  protected readonly localize = new LocalizeController(this);

  /**
   * Binds an observable of the store to this element for as long as it is connected:
   *
   * ```ts
   * private readonly taskBinding = this.observe(
   *   (store) => store.task$(this.taskId),
   *   (task) => { this.task = task; },
   *   () => [this.taskId],
   * );
   * ```
   *
   * Call it from a field initializer or the constructor. The source runs again whenever the store is
   * swapped or a value returned by `deps` changes; subscriptions end on disconnect.
   */
  protected observe<T>(
    source: (store: CwmStore) => Observable<T>,
    next: (value: T) => void,
    deps?: () => readonly unknown[],
  ): StoreController<T> {
    return new StoreController<T>(this, deps === undefined ? { source, next } : { source, next, deps });
  }

  /**
   * Fires a typed `cwm-*` event (bubbling, composed). Returns `false` when a listener cancelled it:
   *
   * ```ts
   * if (this.dispatch('cwm-task-move', { taskId, to }, { cancelable: true })) store.moveTask(taskId, to);
   * ```
   */
  protected dispatch<K extends CwmEventName>(name: K, detail: CwmEventDetail<K>, options?: DispatchOptions): boolean {
    return dispatchCwmEvent(this, name, detail, options);
  }
}
