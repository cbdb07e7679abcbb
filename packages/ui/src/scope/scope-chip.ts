import { css, html, type TemplateResult } from 'lit';
import { token } from '../tokens/token.js';

/** What the scope chip shows and does. All text goes in as text, never as markup. */
export interface ScopeChipOptions {
  /** "Filtered: Overdue tasks (12)", already localized. */
  readonly text: string;
  /** The Clear button's text, already localized. */
  readonly clearText: string;
  readonly onClear: () => void;
}

/**
 * The chip telling people a widget shows a host-given scope (a dashboard drill-down), not all of its
 * project, with the button that lifts it. Shared by the board and the Gantt so the two read and behave
 * alike. The text comes first in reading order, so a screen reader meets "Filtered: ..." right before
 * "Clear filter".
 */
export function renderScopeChip(options: ScopeChipOptions): TemplateResult {
  return html`<div class="scope" part="scope">
    <span class="scope-text">${options.text}</span>
    <button type="button" class="scope-clear" @click=${options.onClear}>${options.clearText}</button>
  </div>`;
}

/** Styles of the scope chip: an accent-tinted band above the widget's own toolbar. */
export const scopeChipStyles = css`
  .scope {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-s')};
    padding: ${token('space-xs')} ${token('space-s')};
    font-size: ${token('font-size-s')};
    color: ${token('color-text')};
    background: color-mix(in srgb, ${token('color-accent')} 12%, ${token('color-surface')});
    border-block-end: 1px solid ${token('color-border')};
  }

  .scope-text {
    font-weight: ${token('font-weight-strong')};
    overflow-wrap: anywhere;
    /* A label in another script keeps its own direction. */
    unicode-bidi: plaintext;
  }

  .scope-clear {
    font: inherit;
    color: inherit;
    background: ${token('color-surface-raised')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    padding: 0.25rem 0.6rem;
    cursor: pointer;
  }

  .scope-clear:focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 1px;
  }
`;
