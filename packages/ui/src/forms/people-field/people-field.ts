import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { baseStyles } from '../../base/base.styles.js';
import { moveActiveOption } from '../shared/active-option.js';
import { focusChipTarget, leavesInputForChips, type ChipFocusTarget } from '../shared/chip-keys.js';
import { CwmFormControl, VALID, type ControlValidity } from '../shared/form-control.js';
import { chipListStyles, formControlStyles } from '../shared/form-control.styles.js';
import { filterPeople, parseIds, type PersonOption } from './people-filter.js';

/**
 * A people picker for forms and widgets: a combobox that filters `people` as the user types, with the
 * chosen people as removable chips. One person by default, several with `multiple`. People who cannot
 * be chosen stay in the list, marked unavailable with their reason, and are refused with it.
 *
 * Keyboard: the search input is the only tab stop (and what `<label for>` and `focus()` reach). ArrowLeft
 * with the caret at the start moves to the last chip; on the chips, ArrowLeft/ArrowRight move between
 * them, ArrowRight past the last one or Escape returns to the input, Backspace or Delete removes the person
 * and focuses the neighbour chip (or the input). Mirrored when right-to-left.
 *
 * The form value is the chosen ids joined by `,`. The `value` attribute is the default: setting it
 * sets the choice too, and `form.reset()` returns to it.
 *
 * @tagname cwm-people-field
 * @summary Form-associated people combobox.
 *
 * @fires input - The chosen people changed.
 * @fires change - The chosen people changed (every choice and removal is a committed change).
 *
 * @csspart input - The search input.
 * @csspart chip - One chosen person.
 */
export class CwmPeopleField extends CwmFormControl {
  static override styles = [baseStyles, formControlStyles, chipListStyles];

  /** The default choice, ids separated by `,`; changing it also sets the choice. */
  @property({ attribute: 'value' }) defaultValue = '';

  /** The people offered, in the order to show them. */
  @property({ attribute: false }) people: PersonOption[] = [];

  /** Allow choosing several people; otherwise a new choice replaces the previous one. */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** Text of the search input before anything is typed. */
  @property() placeholder = '';

  @state() private selectedIds: string[] = [];
  @state() private text = '';
  @state() private activeIndex = -1;
  @state() private listOpen = false;
  @state() private notice = '';
  @state() private announcement = '';

  @query('input') private input!: HTMLInputElement;

  /** The chosen ids joined by `,`. */
  get value(): string {
    return this.selectedIds.join(',');
  }

  set value(next: string) {
    const ids = parseIds(next);
    this.selectedIds = this.multiple ? ids : ids.slice(0, 1);
  }

  /** The chosen ids, in the order they were chosen. */
  get selected(): string[] {
    return [...this.selectedIds];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('defaultValue')) this.value = this.defaultValue;
    if (changed.has('multiple') && !this.multiple && this.selectedIds.length > 1) this.selectedIds = this.selectedIds.slice(0, 1);
  }

  protected override render(): TemplateResult {
    const options = this.options();
    const expanded = this.listOpen;
    const message = this.visibleMessage();
    const name = this.accessibleName(this.localize.t('form.people.input'));
    return html`
      <div class="box" @click=${this.onBoxClick}>
        <input
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-activedescendant=${expanded && this.activeIndex >= 0 && this.activeIndex < options.length ? `option-${this.activeIndex}` : ''}
          aria-label=${name}
          aria-describedby="message notice"
          aria-invalid=${message ? 'true' : 'false'}
          placeholder=${this.placeholder || this.localize.t('form.people.input')}
          .value=${this.text}
          ?disabled=${this.refusesInput}
          @input=${this.onInput}
          @change=${this.stop}
          @keydown=${this.onKeyDown}
          @click=${this.onInputClick}
          @blur=${this.onBlur}
        />
        <ul class="chips" aria-label=${this.localize.t('form.people.count', { count: this.selectedIds.length })}>
          ${this.selectedIds.map((id, index) => {
            const personName = this.nameOf(id);
            return html`<li class="chip" part="chip" data-person-id=${id}>
              <span class="chip-text">${personName}</span>
              <button
                type="button"
                tabindex="-1"
                aria-label=${this.localize.t('form.people.remove', { name: personName })}
                ?disabled=${this.refusesInput}
                @click=${() => this.removePerson(id)}
                @keydown=${(event: KeyboardEvent) => this.onChipKeyDown(event, index, this.selectedIds.length, (at, then) => this.removePerson(this.selectedIds[at]!, then))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>`;
          })}
        </ul>
      </div>
      <div class="popup" ?hidden=${!expanded}>
        <ul id="listbox" role="listbox" aria-label=${this.localize.t('form.people.options')} aria-multiselectable=${this.multiple ? 'true' : nothing}>
          ${options.map((person, index) => this.renderOption(person, index))}
        </ul>
        ${options.length === 0 ? html`<p class="empty">${this.localize.t('form.people.no-match', { text: this.text.trim() })}</p>` : nothing}
      </div>
      <p class="message" id="message">${message}</p>
      <p class="notice" id="notice" role="status">${this.notice}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  private renderOption(person: PersonOption, index: number): TemplateResult {
    const disabled = Boolean(person.disabledReason);
    return html`<li
      id="option-${index}"
      role="option"
      data-person-id=${person.id}
      aria-selected="false"
      aria-disabled=${disabled ? 'true' : 'false'}
      aria-describedby=${disabled ? `why-${index}` : nothing}
      ?data-active=${index === this.activeIndex}
      @pointerdown=${(event: Event) => event.preventDefault()}
      @click=${() => this.choose(person)}
    >
      <span class="name">${person.name}</span>
      ${disabled ? html`<span class="why" id="why-${index}">${person.disabledReason}</span>` : nothing}
    </li>`;
  }

  protected override formValue(): string | null {
    return this.value;
  }

  protected override checkValue(): ControlValidity {
    if (this.required && this.selectedIds.length === 0) return { flags: { valueMissing: true }, message: this.localize.t('form.people.required') };
    return VALID;
  }

  protected override validationAnchor(): HTMLElement | null {
    return this.renderRoot.querySelector('input');
  }

  protected override resetValue(): void {
    this.value = this.defaultValue;
    this.text = '';
    this.notice = '';
    this.announcement = '';
    this.listOpen = false;
  }

  protected override restoreValue(state: string): void {
    this.value = state;
  }

  private options(): PersonOption[] {
    return filterPeople(this.people, this.text, this.selectedIds);
  }

  private nameOf(id: string): string {
    return this.people.find((person) => person.id === id)?.name ?? this.localize.t('form.people.unknown', { id });
  }

  private choose(person: PersonOption): void {
    if (this.refusesInput) return;
    if (person.disabledReason) {
      this.notice = this.localize.t('form.people.unavailable', { name: person.name, reason: person.disabledReason });
      return;
    }
    this.selectedIds = this.multiple ? [...this.selectedIds, person.id] : [person.id];
    this.text = '';
    this.activeIndex = -1;
    this.listOpen = this.multiple;
    this.notice = '';
    this.announcement = this.localize.t('form.people.added', { name: person.name });
    this.showValidation = true;
    this.fireInput();
    this.fireChange();
    void this.updateComplete.then(() => this.input.focus());
  }

  /** Removes `id`, announces it, then focuses `then` (the input after a click; a neighbour chip by keyboard). */
  private removePerson(id: string, then: ChipFocusTarget = 'input'): void {
    if (this.refusesInput) return;
    const name = this.nameOf(id);
    this.selectedIds = this.selectedIds.filter((candidate) => candidate !== id);
    this.notice = '';
    this.announcement = this.localize.t('form.people.removed', { name });
    this.showValidation = true;
    this.fireInput();
    this.fireChange();
    void this.updateComplete.then(() => focusChipTarget(this.renderRoot, then));
  }

  private readonly onInput = (event: Event): void => {
    event.stopPropagation();
    this.text = (event.target as HTMLInputElement).value;
    this.notice = '';
    this.listOpen = true;
    // The best match is active at once, so Enter after typing a name chooses it.
    this.activeIndex = this.options().length > 0 ? 0 : -1;
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (leavesInputForChips(event.key, this.input, this.selectedIds.length, this.isRtl())) {
      event.preventDefault();
      focusChipTarget(this.renderRoot, this.selectedIds.length - 1);
      return;
    }
    const options = this.options();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (!this.listOpen) {
          this.listOpen = true;
          this.activeIndex = options.length > 0 ? (event.key === 'ArrowDown' ? 0 : options.length - 1) : -1;
        } else {
          this.activeIndex = moveActiveOption(this.activeIndex, event.key === 'ArrowDown' ? 1 : -1, options.length);
        }
        break;
      case 'Home':
      case 'End':
        if (this.listOpen && options.length > 0) {
          event.preventDefault();
          this.activeIndex = event.key === 'Home' ? 0 : options.length - 1;
        }
        break;
      case 'Enter': {
        const person = this.listOpen ? options[this.activeIndex] : undefined;
        if (person) {
          event.preventDefault();
          this.choose(person);
        }
        break;
      }
      case 'Escape':
        if (this.listOpen) {
          // Closing the list consumes Escape: a dialog or panel around us stays open.
          event.preventDefault();
          event.stopPropagation();
          this.listOpen = false;
          this.activeIndex = -1;
        } else if (this.text !== '') {
          event.preventDefault();
          event.stopPropagation();
          this.text = '';
        }
        break;
      case 'Backspace':
        if (this.text === '' && this.selectedIds.length > 0) {
          event.preventDefault();
          this.removePerson(this.selectedIds[this.selectedIds.length - 1]!);
        }
        break;
    }
  };

  private readonly onInputClick = (): void => {
    if (!this.listOpen) {
      this.listOpen = true;
      this.activeIndex = -1;
    }
  };

  private readonly onBlur = (): void => {
    this.listOpen = false;
    this.activeIndex = -1;
  };

  private readonly onBoxClick = (event: Event): void => {
    if (event.target === event.currentTarget) this.input.focus();
  };
}
