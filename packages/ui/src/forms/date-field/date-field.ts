import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { formatIsoDate, parseIsoDate, todayIso, type DayNumber, type IsoDate, type WorkCalendar } from '@cwm/core';
import { baseStyles } from '../../base/base.styles.js';
import { CwmFormControl, VALID, type ControlValidity } from '../shared/form-control.js';
import { formControlStyles } from '../shared/form-control.styles.js';
import { dateFieldStyles } from './date-field.styles.js';
import { datePattern, formatDateText, parseDateText } from './date-text.js';
import { addMonths, dayInMonth, dayKind, firstDayOfWeek, isGridKey, monthOf, monthWeeks, moveFocusedDay, type DayKind } from './month-grid.js';

const DAY_MS = 86_400_000;

/**
 * A date input for forms and widgets: type a date (ISO `2026-11-25` or the language's short form,
 * `11/25/2026`, `25.11.2026`) or pick it from a month grid. With a work calendar, weekends and holidays
 * are marked, and with `working-days-only` they are refused with a message.
 *
 * `value` is always a real `YYYY-MM-DD` day or ''. Text that is not a date stays in the box as typed,
 * the control becomes invalid (`validity.badInput`) with a message, and `value` keeps the last date.
 * The `value` attribute is the default: setting it sets the value too, and `form.reset()` returns to it.
 *
 * @tagname cwm-date-field
 * @summary Form-associated date field with a keyboard month grid and work-calendar awareness.
 *
 * @fires input - The value changed (typing a complete date, choosing a day, clearing).
 * @fires change - The user committed a new value (leaving the field, Enter, choosing a day).
 *
 * @csspart input - The text input.
 */
export class CwmDateField extends CwmFormControl {
  static override styles = [baseStyles, formControlStyles, dateFieldStyles];

  /** The default value (`YYYY-MM-DD` or ''); changing it also sets the current value. */
  @property({ attribute: 'value' }) defaultValue = '';

  /** The earliest day that may be chosen (`YYYY-MM-DD`). */
  @property() min = '';

  /** The latest day that may be chosen (`YYYY-MM-DD`). */
  @property() max = '';

  /** Refuse weekends and holidays of `calendar` with a message. */
  @property({ type: Boolean, attribute: 'working-days-only', reflect: true }) workingDaysOnly = false;

  /** The work calendar whose non-working days and holidays are shown (and refused with `working-days-only`). */
  @property({ attribute: false }) calendar: WorkCalendar | undefined;

  @state() private currentValue: IsoDate | '' = '';
  @state() private text = '';
  @state() private open = false;
  @state() private focusedDay: DayNumber = 0;
  @state() private gridNotice = '';

  @query('input') private input!: HTMLInputElement;

  // The value at the last `change`, so leaving the field without a new date fires nothing.
  private committedValue: IsoDate | '' = '';

  /** The chosen day as `YYYY-MM-DD`, or ''. Setting anything that is not a real day clears it. */
  get value(): string {
    return this.currentValue;
  }

  set value(next: string) {
    const day = parseIsoDate(next);
    const value = day === undefined ? '' : formatIsoDate(day);
    this.currentValue = value;
    this.committedValue = value;
    this.text = formatDateText(value, this.localize.lang);
  }

  /** The value as a `Date` at UTC midnight, or `null`, like a native date input. */
  get valueAsDate(): Date | null {
    const day = parseIsoDate(this.currentValue);
    return day === undefined ? null : new Date(day * DAY_MS);
  }

  /** The text in the box, as typed. */
  get inputText(): string {
    return this.text;
  }

  /** Opens the month grid and moves focus into it. */
  async showPicker(): Promise<void> {
    if (this.refusesInput) return;
    const start = parseIsoDate(this.currentValue) ?? parseIsoDate(todayIso())!;
    this.focusedDay = this.clampToRange(start);
    this.gridNotice = '';
    this.open = true;
    await this.updateComplete;
    this.focusCell();
  }

  /** Closes the month grid; focus returns to the text box when it was inside the grid. */
  closePicker(returnFocus = true): void {
    if (!this.open) return;
    this.open = false;
    if (returnFocus) void this.updateComplete.then(() => this.input.focus());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('defaultValue')) this.value = this.defaultValue;
    // The typed form follows the language, unless the user is in the middle of typing something else.
    const formatted = formatDateText(this.currentValue, this.localize.lang);
    if (parseDateText(this.text, this.localize.lang).kind === 'date' && this.text !== formatted && document.activeElement !== this) {
      this.text = formatted;
    }
  }

  protected override render(): TemplateResult {
    const message = this.visibleMessage();
    const placeholder = this.placeholderText();
    return html`
      <div class="box">
        <input
          part="input"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          .value=${this.text}
          placeholder=${placeholder}
          aria-label=${this.accessibleName(placeholder)}
          aria-describedby="message"
          aria-invalid=${message ? 'true' : 'false'}
          ?disabled=${this.refusesInput}
          @input=${this.onInput}
          @change=${this.onCommit}
          @keydown=${this.onInputKeyDown}
        />
        <button
          class="icon-button open"
          type="button"
          aria-label=${this.localize.t('form.date.open-calendar')}
          aria-haspopup="dialog"
          aria-expanded=${this.open ? 'true' : 'false'}
          ?disabled=${this.refusesInput}
          @click=${this.onToggle}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="2" y="3" width="12" height="11" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4" />
            <path d="M2 6.5h12M5 1.5v3M11 1.5v3" stroke="currentColor" stroke-width="1.4" />
          </svg>
        </button>
      </div>
      <p class="message" id="message" aria-live="polite">${message}</p>
      ${this.open ? this.renderPicker() : nothing}
    `;
  }

  private renderPicker(): TemplateResult {
    const lang = this.localize.lang;
    const shown = monthOf(this.focusedDay);
    const firstDay = firstDayOfWeek(lang);
    const weeks = monthWeeks(shown, firstDay);
    const selected = parseIsoDate(this.currentValue);
    const today = parseIsoDate(todayIso());
    const heading = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dayInMonth(shown, 1) * DAY_MS);
    const weekday = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
    const weekdayLong = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
    const full = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' });
    return html`
      <div class="popup picker" role="dialog" aria-modal="false" aria-labelledby="heading" @keydown=${this.onPickerKeyDown}>
        <div class="picker-head">
          <button class="icon-button" type="button" aria-label=${this.localize.t('form.date.previous-month')} @click=${() => this.moveMonth(-1)}>
            <span aria-hidden="true">‹</span>
          </button>
          <h2 id="heading" aria-live="polite">${heading}</h2>
          <button class="icon-button" type="button" aria-label=${this.localize.t('form.date.next-month')} @click=${() => this.moveMonth(1)}>
            <span aria-hidden="true">›</span>
          </button>
        </div>
        <table role="grid" aria-labelledby="heading" aria-describedby="grid-help">
          <thead>
            <tr>
              ${weeks[0]!.map((day) => html`<th scope="col" abbr=${weekdayLong.format(day * DAY_MS)}>${weekday.format(day * DAY_MS)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${weeks.map(
              (week) => html`<tr>
                ${week.map((day) => this.renderDay(day, { inMonth: monthOf(day).month === shown.month, selected: day === selected, today: day === today, label: full.format(day * DAY_MS) }))}
              </tr>`,
            )}
          </tbody>
        </table>
        <p class="visually-hidden" id="grid-help">${this.localize.t('form.date.grid-help')}</p>
        <p class="notice" role="status">${this.gridNotice}</p>
      </div>
    `;
  }

  private renderDay(day: DayNumber, options: { inMonth: boolean; selected: boolean; today: boolean; label: string }): TemplateResult {
    if (!options.inMonth) return html`<td class="outside" role="gridcell" aria-hidden="true"></td>`;
    const kind = dayKind(day, this.calendar);
    const outOfRange = !this.inRange(day);
    const marks = [
      options.today ? this.localize.t('form.date.mark-today') : '',
      kind === 'holiday' ? this.localize.t('form.date.mark-holiday') : '',
      kind === 'non-working' ? this.localize.t('form.date.mark-non-working') : '',
    ].filter(Boolean);
    const refused = outOfRange || (this.workingDaysOnly && kind !== 'working');
    return html`<td
      role="gridcell"
      class="day ${kind}"
      data-day=${formatIsoDate(day)}
      tabindex=${day === this.focusedDay ? '0' : '-1'}
      aria-selected=${options.selected ? 'true' : 'false'}
      aria-disabled=${refused ? 'true' : 'false'}
      aria-current=${options.today ? 'date' : nothing}
      aria-label=${[options.label, ...marks].join(', ')}
      @click=${() => this.choose(day)}
    >${Number(formatIsoDate(day).slice(8))}</td>`;
  }

  protected override formValue(): string | null {
    return this.currentValue;
  }

  protected override checkValue(): ControlValidity {
    const parsed = parseDateText(this.text, this.localize.lang);
    if (parsed.kind === 'invalid') {
      return { flags: { badInput: true }, message: this.localize.t('form.date.invalid', { example: formatDateText(todayIso(), this.localize.lang) }) };
    }
    if (this.currentValue === '') {
      return this.required ? { flags: { valueMissing: true }, message: this.localize.t('form.date.required') } : VALID;
    }
    const day = parseIsoDate(this.currentValue)!;
    const min = parseIsoDate(this.min);
    const max = parseIsoDate(this.max);
    if (min !== undefined && day < min) return { flags: { rangeUnderflow: true }, message: this.localize.t('form.date.before-min', { min: this.readable(min) }) };
    if (max !== undefined && day > max) return { flags: { rangeOverflow: true }, message: this.localize.t('form.date.after-max', { max: this.readable(max) }) };
    const refusal = this.workingDayRefusal(day);
    return refusal ? { flags: { customError: true }, message: refusal } : VALID;
  }

  protected override validationAnchor(): HTMLElement | null {
    return this.renderRoot.querySelector('input');
  }

  protected override resetValue(): void {
    this.value = this.defaultValue;
    this.closePicker(false);
  }

  protected override restoreValue(state: string): void {
    this.value = state;
  }

  private workingDayRefusal(day: DayNumber): string {
    if (!this.workingDaysOnly) return '';
    const kind: DayKind = dayKind(day, this.calendar);
    if (kind === 'holiday') return this.localize.t('form.date.holiday', { date: this.readable(day) });
    if (kind === 'non-working') return this.localize.t('form.date.non-working', { date: this.readable(day) });
    return '';
  }

  private readable(day: DayNumber): string {
    return this.localize.formatDate(day * DAY_MS, { dateStyle: 'medium', timeZone: 'UTC' });
  }

  private placeholderText(): string {
    const { order, separator } = datePattern(this.localize.lang);
    const letters = { day: this.localize.t('form.date.letters-day'), month: this.localize.t('form.date.letters-month'), year: this.localize.t('form.date.letters-year') };
    return order.map((part) => letters[part]).join(separator);
  }

  private inRange(day: DayNumber): boolean {
    const min = parseIsoDate(this.min);
    const max = parseIsoDate(this.max);
    return (min === undefined || day >= min) && (max === undefined || day <= max);
  }

  private clampToRange(day: DayNumber): DayNumber {
    const min = parseIsoDate(this.min);
    const max = parseIsoDate(this.max);
    if (min !== undefined && day < min) return min;
    if (max !== undefined && day > max) return max;
    return day;
  }

  private setValueFromUser(value: IsoDate | ''): void {
    if (value === this.currentValue) return;
    this.currentValue = value;
    this.fireInput();
  }

  private commit(): void {
    this.showValidation = true;
    if (parseDateText(this.text, this.localize.lang).kind === 'date') this.text = formatDateText(this.currentValue, this.localize.lang);
    if (this.currentValue === this.committedValue) return;
    this.committedValue = this.currentValue;
    this.fireChange();
  }

  private choose(day: DayNumber): void {
    if (!this.inRange(day)) return;
    const refusal = this.workingDayRefusal(day);
    if (refusal) {
      this.gridNotice = refusal;
      return;
    }
    this.text = formatDateText(formatIsoDate(day), this.localize.lang);
    this.setValueFromUser(formatIsoDate(day));
    this.commit();
    this.closePicker();
  }

  private moveMonth(months: number): void {
    const date = Number(formatIsoDate(this.focusedDay).slice(8));
    this.focusedDay = dayInMonth(addMonths(monthOf(this.focusedDay), months), date);
    this.gridNotice = '';
  }

  private focusCell(): void {
    this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
  }

  private readonly onInput = (event: Event): void => {
    // The inner input's own event would reach the page with the text, not our value: ours replaces it.
    event.stopPropagation();
    this.text = (event.target as HTMLInputElement).value;
    const parsed = parseDateText(this.text, this.localize.lang);
    if (parsed.kind === 'date') this.setValueFromUser(parsed.value);
    else if (parsed.kind === 'empty') this.setValueFromUser('');
  };

  private readonly onCommit = (): void => {
    this.commit();
  };

  private readonly onInputKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' && event.altKey) {
      event.preventDefault();
      void this.showPicker();
    } else if (event.key === 'Enter') {
      // A text input in a form submits on Enter; ours does the same after committing what was typed.
      this.commit();
      if (this.internals.form && this.internals.validity.valid) this.internals.form.requestSubmit();
    } else if (event.key === 'Escape' && this.open) {
      // Escape closes the grid only: a side panel around us must not close (or revert) as well.
      event.preventDefault();
      event.stopPropagation();
      this.closePicker();
    }
  };

  private readonly onToggle = (): void => {
    if (this.open) this.closePicker();
    else void this.showPicker();
  };

  private readonly onPickerKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.closePicker();
      return;
    }
    const inGrid = (event.target as HTMLElement).getAttribute('role') === 'gridcell';
    if (!inGrid) return;
    if (isGridKey(event.key)) {
      event.preventDefault();
      const rtl = getComputedStyle(this).direction === 'rtl';
      this.focusedDay = moveFocusedDay(this.focusedDay, event.key, { shift: event.shiftKey, firstDayOfWeek: firstDayOfWeek(this.localize.lang), rtl });
      this.gridNotice = '';
      void this.updateComplete.then(() => this.focusCell());
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(this.focusedDay);
    }
  };

  private readonly onDocumentPointerDown = (event: Event): void => {
    if (this.open && !event.composedPath().includes(this)) this.closePicker(false);
  };
}
