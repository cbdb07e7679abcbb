import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { baseStyles } from '../../base/base.styles.js';
import { moveActiveOption } from '../shared/active-option.js';
import { focusChipTarget, leavesInputForChips, type ChipFocusTarget } from '../shared/chip-keys.js';
import { CwmFormControl, VALID, type ControlValidity } from '../shared/form-control.js';
import { chipListStyles, formControlStyles } from '../shared/form-control.styles.js';
import { addTag, matchingSuggestions, parseTags } from './tag-list.js';

/**
 * A tags input for forms and widgets: type a tag and press Enter or comma, pick one of the
 * `suggestions`, remove a tag with its button or Backspace in the empty box. A tag already present (in
 * any letter case) is refused with a message. Tags are plain text, never markup.
 *
 * Keyboard: the text input is the only tab stop (and what `<label for>` and `focus()` reach). ArrowLeft
 * with the caret at the start moves to the last chip; on the chips, ArrowLeft/ArrowRight move between
 * them, ArrowRight past the last one or Escape returns to the input, Backspace or Delete removes the chip
 * and focuses its neighbour (or the input). Mirrored when right-to-left.
 *
 * The form value is the tags joined by `,`. The `value` attribute is the default (comma-separated):
 * setting it sets the tags too, and `form.reset()` returns to it.
 *
 * @tagname cwm-tags-field
 * @summary Form-associated tags field with suggestions.
 *
 * @fires input - The tags changed.
 * @fires change - The tags changed (every add and remove is a committed change).
 *
 * @csspart input - The text input.
 * @csspart chip - One tag.
 */
export class CwmTagsField extends CwmFormControl {
  static override styles = [baseStyles, formControlStyles, chipListStyles];

  /** The default tags, comma-separated; changing it also sets the tags. */
  @property({ attribute: 'value' }) defaultValue = '';

  /** Tags offered while typing (those already added are left out). */
  @property({ attribute: false }) suggestions: string[] = [];

  /** Text of the input before anything is typed. */
  @property() placeholder = '';

  @state() private currentTags: string[] = [];
  @state() private text = '';
  @state() private activeIndex = -1;
  @state() private listOpen = false;
  /** A refusal shown beside the field (a duplicate tag). */
  @state() private notice = '';
  /** What just happened, for screen readers only. */
  @state() private announcement = '';

  @query('input') private input!: HTMLInputElement;

  /** The tags, in the order they were added. Setting it drops empties and repeats. */
  get tags(): string[] {
    return [...this.currentTags];
  }

  set tags(next: string[]) {
    this.currentTags = parseTags(next.map((tag) => tag.replace(/,/g, ' ')).join(','));
  }

  /** The tags joined by `,`, as submitted with the form. */
  get value(): string {
    return this.currentTags.join(',');
  }

  set value(next: string) {
    this.currentTags = parseTags(next);
  }

  /** The text typed but not added yet. */
  get inputText(): string {
    return this.text;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('defaultValue')) this.value = this.defaultValue;
  }

  protected override render(): TemplateResult {
    const matches = this.visibleSuggestions();
    const expanded = this.listOpen && matches.length > 0;
    const message = this.visibleMessage();
    const name = this.accessibleName(this.localize.t('form.tags.input'));
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
          aria-activedescendant=${expanded && this.activeIndex >= 0 ? `option-${this.activeIndex}` : ''}
          aria-label=${name}
          aria-describedby="message notice help"
          aria-invalid=${message ? 'true' : 'false'}
          placeholder=${this.placeholder || this.localize.t('form.tags.input')}
          .value=${this.text}
          ?disabled=${this.refusesInput}
          @input=${this.onInput}
          @change=${this.stop}
          @keydown=${this.onKeyDown}
          @blur=${this.onBlur}
        />
        <ul class="chips" aria-label=${name}>
          ${this.currentTags.map(
            (tag, index) => html`<li class="chip" part="chip">
              <span class="chip-text">${tag}</span>
              <button
                type="button"
                tabindex="-1"
                aria-label=${this.localize.t('form.tags.remove', { tag })}
                ?disabled=${this.refusesInput}
                @click=${() => this.removeTag(tag)}
                @keydown=${(event: KeyboardEvent) => this.onChipKeyDown(event, index, this.currentTags.length, (at, then) => this.removeTag(this.currentTags[at]!, then))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>`,
          )}
        </ul>
      </div>
      <ul class="popup" id="listbox" role="listbox" aria-label=${this.localize.t('form.tags.suggestions')} ?hidden=${!expanded}>
        ${matches.map(
          (suggestion, index) => html`<li
            id="option-${index}"
            role="option"
            aria-selected=${index === this.activeIndex ? 'true' : 'false'}
            ?data-active=${index === this.activeIndex}
            @pointerdown=${(event: Event) => event.preventDefault()}
            @click=${() => this.add(suggestion)}
          >${suggestion}</li>`,
        )}
      </ul>
      <p class="message" id="message">${message}</p>
      <p class="notice" id="notice" role="status">${this.notice}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <p class="visually-hidden" id="help">${this.localize.t('form.tags.help')}</p>
    `;
  }

  protected override formValue(): string | null {
    return this.value;
  }

  protected override checkValue(): ControlValidity {
    if (this.required && this.currentTags.length === 0) return { flags: { valueMissing: true }, message: this.localize.t('form.tags.required') };
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

  private visibleSuggestions(): string[] {
    if (this.text.trim() === '' && this.activeIndex < 0) return this.listOpen ? matchingSuggestions(this.suggestions, this.currentTags, '') : [];
    return matchingSuggestions(this.suggestions, this.currentTags, this.text);
  }

  /** Adds `text` as a tag; returns false (with a message) when it was refused. */
  private add(text: string): boolean {
    const result = addTag(this.currentTags, text);
    if (result.kind === 'empty') return false;
    if (result.kind === 'duplicate') {
      this.notice = this.localize.t('form.tags.duplicate', { tag: result.tag });
      return false;
    }
    this.currentTags = result.tags;
    this.text = '';
    this.activeIndex = -1;
    this.listOpen = false;
    this.notice = '';
    this.announcement = this.localize.t('form.tags.added', { tag: result.tag });
    this.showValidation = true;
    this.fireInput();
    this.fireChange();
    return true;
  }

  /** Removes `tag`, announces it, then focuses `then` (the input after a click; a neighbour chip by keyboard). */
  private removeTag(tag: string, then: ChipFocusTarget = 'input'): void {
    if (this.refusesInput) return;
    this.currentTags = this.currentTags.filter((candidate) => candidate !== tag);
    this.notice = '';
    this.announcement = this.localize.t('form.tags.removed', { tag });
    this.showValidation = true;
    this.fireInput();
    this.fireChange();
    void this.updateComplete.then(() => focusChipTarget(this.renderRoot, then));
  }

  private readonly onInput = (event: Event): void => {
    event.stopPropagation();
    const typed = (event.target as HTMLInputElement).value;
    this.notice = '';
    // A pasted "a, b, c" adds every complete piece; the last piece stays as text being typed.
    if (typed.includes(',')) {
      const pieces = typed.split(',');
      const rest = pieces.pop() ?? '';
      const refused: string[] = [];
      for (const piece of pieces) if (!this.add(piece) && piece.trim() !== '') refused.push(piece.trim());
      this.text = refused.length > 0 ? [...refused, rest].join(',') : rest;
      (event.target as HTMLInputElement).value = this.text;
      return;
    }
    this.text = typed;
    this.activeIndex = -1;
    this.listOpen = true;
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (leavesInputForChips(event.key, this.input, this.currentTags.length, this.isRtl())) {
      event.preventDefault();
      focusChipTarget(this.renderRoot, this.currentTags.length - 1);
      return;
    }
    const matches = this.visibleSuggestions();
    switch (event.key) {
      case 'Enter': {
        event.preventDefault();
        const chosen = this.listOpen && this.activeIndex >= 0 ? matches[this.activeIndex] : undefined;
        this.add(chosen ?? this.text);
        break;
      }
      case ',':
        event.preventDefault();
        this.add(this.text);
        break;
      case 'Backspace':
        if (this.text === '' && this.currentTags.length > 0) {
          event.preventDefault();
          this.removeTag(this.currentTags[this.currentTags.length - 1]!);
        }
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        this.listOpen = true;
        const options = this.visibleSuggestions();
        this.activeIndex = moveActiveOption(this.activeIndex, event.key === 'ArrowDown' ? 1 : -1, options.length);
        break;
      }
      case 'Escape':
        if (this.listOpen) {
          // Closing the list consumes Escape: a dialog or panel around us stays open.
          event.preventDefault();
          event.stopPropagation();
          this.listOpen = false;
          this.activeIndex = -1;
        }
        break;
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
