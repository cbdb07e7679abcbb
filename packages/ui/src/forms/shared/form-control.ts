import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../i18n/localize-controller.js';
import { chipKeyAction, focusChipTarget, type ChipFocusTarget } from './chip-keys.js';

/** What a control's own check found: the failing `ValidityState` flags and the message shown for them. */
export interface ControlValidity {
  readonly flags: ValidityStateFlags;
  readonly message: string;
}

/** A control with nothing to complain about. */
export const VALID: ControlValidity = { flags: {}, message: '' };

/**
 * The base of our form controls: a form-associated custom element that behaves like a native input for
 * the form around it. It owns the ElementInternals wiring every control needs (form value, validity,
 * reset, state restore, disabled by an ancestor `<fieldset>`, labels), so each control only says what
 * its value is and what is wrong with it.
 *
 * Controls do not need the store, so this extends `LitElement` directly and uses the same tokens,
 * base styles and `LocalizeController` as the widgets.
 */
export abstract class CwmFormControl extends LitElement {
  /** Makes the element take part in forms (FormData, reset, validation, `:disabled`, `<label for>`). */
  static readonly formAssociated = true;

  // A click on a `<label for>` or a `focus()` on the host lands on the shadow root's first focusable
  // element, so every control renders its text input first in the shadow tree (chips are placed before it
  // on screen by CSS `order`, and their buttons are `tabindex="-1"`, reached from the input by arrow keys).
  // Never use `autofocus` for this: Chrome honours it when the control is inserted and steals the focus.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The field name under which the value is submitted with the form. */
  @property({ reflect: true }) name = '';

  /** Refuses user input and leaves the value out of the form, like a native `disabled`. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** An empty value makes the control invalid and blocks the form's submit. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Accessible name of the inner input when no `<label for>` names the control. */
  @property() label = '';

  /** Messages and formatting in the nearest `lang`. */
  protected readonly localize = new LocalizeController(this);

  protected readonly internals: ElementInternals;

  /** Disabled by itself or by an ancestor `<fieldset disabled>` (the platform tells us both). */
  @state() protected formDisabled = false;

  /**
   * Whether the validation message is shown beside the field. Like native inputs, a pristine empty
   * required field does not scold the user; it speaks once touched or when a submit was attempted.
   */
  @state() protected showValidation = false;

  /** Text of the `<label>` elements pointing at this control, used as the inner input's accessible name. */
  @state() protected labelText = '';

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.addEventListener('invalid', () => {
      this.showValidation = true;
    });
  }

  /** The `<form>` this control belongs to, or `null`. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The current validity, as for native inputs. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message of the current validity problem, '' when valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the control takes part in constraint validation (false when disabled). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** The `<label>` elements of this control. */
  get labels(): NodeList {
    return this.internals.labels;
  }

  /** `true` when valid; otherwise fires `invalid` and returns `false`. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like `checkValidity`, and shows the message to the user. */
  reportValidity(): boolean {
    this.showValidation = true;
    return this.internals.reportValidity();
  }

  /** Overrides the validity with a host's own message (empty string clears it), like native inputs. */
  setCustomValidity(message: string): void {
    this.customMessage = message;
    this.syncForm();
  }

  /** Called by the platform when the control's or an ancestor fieldset's disabled state changes. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** Called by the platform on `form.reset()`: back to the default value, no messages. */
  formResetCallback(): void {
    this.resetValue();
    this.showValidation = false;
  }

  /** Called by the platform when the browser restores the form (back navigation, autofill). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.restoreValue(state);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Labels may be added after the control; read them again whenever it is (re)connected.
    queueMicrotask(() => this.readLabels());
  }

  /** The value submitted with the form ('' when empty, as native inputs submit `name=`), or `null` for none. */
  protected abstract formValue(): string | null;

  /** What is wrong with the current value (the custom message is added by the base). */
  protected abstract checkValue(): ControlValidity;

  /** The inner element the browser points its validation bubble at. */
  protected abstract validationAnchor(): HTMLElement | null;

  /** Sets the value back to its default (the `value` attribute). */
  protected abstract resetValue(): void;

  /** Sets the value from a state saved by `setFormValue`. */
  protected abstract restoreValue(state: string): void;

  /** The accessible name for the inner input: the `label` property, else the text of the `<label>`s. */
  protected accessibleName(fallback: string): string {
    return this.label.trim() || this.labelText || fallback;
  }

  /** Whether user input is refused. */
  protected get refusesInput(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** The message to show beside the field now ('' when none). */
  protected visibleMessage(): string {
    return this.showValidation ? this.internals.validationMessage : '';
  }

  /** Fires `input` (each change of the value) like a native input: bubbling and composed. */
  protected fireInput(): void {
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  /** Fires `change` (a committed change of the value) like a native input: bubbling, not composed. */
  protected fireChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private customMessage = '';

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncForm();
    this.toggleAttribute('data-invalid', this.showValidation && !this.internals.validity.valid);
  }

  /** Pushes the value and validity to the form. Runs after every render, so it is never stale. */
  protected syncForm(): void {
    const value = this.formValue();
    this.internals.setFormValue(value, value);
    const own = this.checkValue();
    const result: ControlValidity = this.customMessage ? { flags: { ...own.flags, customError: true }, message: own.message || this.customMessage } : own;
    const anchor = this.validationAnchor();
    if (result.message) this.internals.setValidity(result.flags, result.message, anchor ?? undefined);
    else this.internals.setValidity({});
  }

  private readLabels(): void {
    const text = [...this.internals.labels].map((label) => (label.textContent ?? '').trim()).filter(Boolean).join(' ');
    if (text !== this.labelText) this.labelText = text;
  }

  /** Whether the control is laid out right to left (the chip arrows mirror). */
  protected isRtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  /** Keeps an inner element's event (`change` of the inner input) from being mistaken for the control's own. */
  protected readonly stop = (event: Event): void => {
    event.stopPropagation();
  };

  /**
   * The roving keys on the remove button of chip `index` of `count` (see `chipKeyAction`), shared by
   * the chip controls: moves the focus, or calls `remove(index, then)` with where the focus goes next.
   */
  protected onChipKeyDown(event: KeyboardEvent, index: number, count: number, remove: (index: number, then: ChipFocusTarget) => void): void {
    const action = chipKeyAction(event.key, index, count, this.isRtl());
    if (action.kind === 'none') return;
    event.preventDefault();
    // Escape only leaves the chips: a panel or dialog around us stays open.
    if (event.key === 'Escape') event.stopPropagation();
    if (action.kind === 'focus') focusChipTarget(this.renderRoot, action.target);
    else remove(action.index, action.then);
  }
}
