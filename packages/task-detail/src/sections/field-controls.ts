import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { WorkCalendar } from '@cwm/core';
import type { CwmDateField, CwmTagsField } from '@cwm/ui';
import { splitTags } from '../model/field-drafts.js';

/**
 * The tags under which this element's `<cwm-date-field>` and `<cwm-tags-field>` are registered (a vendor
 * prefix renames them), as static values for `lit/static-html`.
 */
export interface ControlTags {
  readonly date: StaticValue;
  readonly tags: StaticValue;
}

/** What the editor needs from a control: one wrapper per kind, so the controls can change in one place. */
export interface TextControlOptions {
  readonly id: string;
  /** The value shown: the draft while editing, else the store's value (the field's text form). */
  readonly value: string;
  readonly describedBy?: string;
  readonly invalid: boolean;
  readonly disabled: boolean;
  /** The value changed: keeps the draft. */
  readonly onInput: (text: string) => void;
  /** The user is done (Enter, leaving the field, a day picked, a tag added or removed). */
  readonly onCommit: () => void;
  /** Escape: drop the draft. */
  readonly onRevert: () => void;
}

/** Enter commits and Escape reverts, for plain inputs. */
function textKeys(options: TextControlOptions) {
  return (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      options.onCommit();
    } else if (event.key === 'Escape') revert(options, event);
  };
}

/** Escape only, for the @cwm/ui controls: they commit themselves (`change`) and consume Escape when a popup is open. */
function revertKey(options: TextControlOptions) {
  return (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !event.defaultPrevented) revert(options, event);
  };
}

function revert(options: TextControlOptions, event: KeyboardEvent): void {
  // Handled here so the element's "Escape closes the panel" does not fire too.
  event.preventDefault();
  event.stopPropagation();
  options.onRevert();
}

/**
 * A day field: `<cwm-date-field>` with the workspace calendar. It reports a value (and `input`) only for
 * a real day or an emptied field and keeps half-typed text itself, with its own message; `live()`
 * writes the value back only when it differs, so the text being typed is never reformatted or lost.
 */
export function renderDateControl(tag: StaticValue, options: TextControlOptions, calendar: WorkCalendar | undefined): TemplateResult {
  return staticHtml`<${tag}
    id=${options.id}
    .value=${live(options.value)}
    .calendar=${calendar}
    ?disabled=${options.disabled}
    aria-invalid=${options.invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(options.describedBy)}
    @input=${(event: Event) => options.onInput((event.target as CwmDateField).value)}
    @change=${options.onCommit}
    @keydown=${revertKey(options)}
  ></${tag}>`;
}

/**
 * Tags: `<cwm-tags-field>` (chips; Enter or comma adds, repeats refused by the control). Every added or
 * removed tag is a `change`, saved at once. The draft is kept in the field's text form ("a, b").
 */
export function renderTagsControl(tag: StaticValue, options: TextControlOptions, suggestions: readonly string[]): TemplateResult {
  return staticHtml`<${tag}
    id=${options.id}
    .tags=${splitTags(options.value)}
    .suggestions=${[...suggestions]}
    ?disabled=${options.disabled}
    aria-invalid=${options.invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(options.describedBy)}
    @input=${(event: Event) => options.onInput((event.target as CwmTagsField).tags.join(', '))}
    @change=${options.onCommit}
    @keydown=${revertKey(options)}
  ></${tag}>`;
}

/** A plain text field with draft behaviour (estimate, progress): Enter or leaving it saves. */
export function renderTextControl(options: TextControlOptions & { readonly inputMode?: 'decimal' | 'numeric' }): TemplateResult {
  return html`<input
    id=${options.id}
    type="text"
    inputmode=${ifDefined(options.inputMode)}
    autocomplete="off"
    .value=${live(options.value)}
    ?disabled=${options.disabled}
    aria-invalid=${options.invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(options.describedBy)}
    @input=${(event: Event) => options.onInput((event.target as HTMLInputElement).value)}
    @change=${options.onCommit}
    @keydown=${textKeys(options)}
  />`;
}
