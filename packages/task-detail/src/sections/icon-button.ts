import { html, type TemplateResult } from 'lit';

/**
 * A small square button with a glyph and a spoken label. Unavailable ones (the first row's "up") use
 * aria-disabled rather than disabled: the button keeps focus, so focus never drops to the page when a
 * move makes a button unavailable.
 */
export function iconButton(key: string, glyph: string, label: string, disabled: boolean, action: () => void): TemplateResult {
  return html`<button
    type="button"
    class="icon-button"
    data-focus=${key}
    aria-label=${label}
    title=${label}
    aria-disabled=${disabled ? 'true' : 'false'}
    @click=${() => {
      if (!disabled) action();
    }}
  >
    <span aria-hidden="true">${glyph}</span>
  </button>`;
}
