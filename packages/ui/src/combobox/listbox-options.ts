import { html, type TemplateResult } from 'lit';

/** The options of a combobox's listbox, and what a click on one does. */
export interface ListboxOptionsView<T> {
  readonly options: readonly T[];
  /** Option `index` gets the id `${idPrefix}-${index}`: what the input's `aria-activedescendant` names. */
  readonly idPrefix: string;
  /** The option shown as active (`aria-selected`), -1 for none. */
  readonly activeIndex: number;
  /** The option's text (bound as text: user data is never markup). */
  readonly label: (option: T) => string;
  readonly onPick: (option: T) => void;
}

/**
 * The `<li role="option">` items of an ARIA combobox's listbox (the `<ul role="listbox">` around them
 * is the caller's). A press on an option keeps focus in the input, so the list is not closed by the
 * input's focusout before the click picks.
 */
export function listboxOptions<T>(view: ListboxOptionsView<T>): TemplateResult[] {
  return view.options.map(
    (option, index) => html`<li
      id="${view.idPrefix}-${index}"
      role="option"
      aria-selected=${index === view.activeIndex ? 'true' : 'false'}
      @mousedown=${keepFocus}
      @click=${() => view.onPick(option)}
    >
      ${view.label(option)}
    </li>`,
  );
}

function keepFocus(event: MouseEvent): void {
  event.preventDefault();
}
