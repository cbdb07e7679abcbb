import { css } from 'lit';
import { token } from '../../tokens/token.js';

/**
 * What every form control shares: the input box, chips, the message line and popups. Colours come from
 * the `--cwm-*` tokens, so light and dark follow the page or the workspace theme.
 */
export const formControlStyles = css`
  :host {
    display: inline-block;
    position: relative;
    min-inline-size: 12rem;
    max-inline-size: 100%;
  }

  .box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')};
    min-block-size: 2.25rem;
    padding: ${token('space-2xs')} ${token('space-xs')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
  }

  .box:focus-within {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 1px;
  }

  :host([data-invalid]) .box {
    border-color: ${token('color-danger')};
  }

  :host(:disabled) .box {
    opacity: 0.6;
    background: ${token('color-surface-sunken')};
  }

  input {
    flex: 1 1 6rem;
    min-inline-size: 4rem;
    border: 0;
    padding: ${token('space-xs')};
    background: transparent;
    color: inherit;
    font: inherit;
  }

  /* The box shows focus; a second ring on the inner input would only add noise. */
  input:focus-visible {
    outline: none;
  }

  input::placeholder {
    color: ${token('color-text-muted')};
    opacity: 1;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  button:disabled {
    cursor: not-allowed;
  }

  .icon-button {
    display: inline-grid;
    place-items: center;
    min-inline-size: 1.75rem;
    min-block-size: 1.75rem;
    border: 0;
    border-radius: ${token('radius-s')};
    background: transparent;
  }

  .icon-button:hover:not(:disabled) {
    background: ${token('color-surface-raised')};
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-2xs')};
    max-inline-size: 100%;
    padding-inline: ${token('space-s')} ${token('space-2xs')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface-raised')};
    border: 1px solid ${token('color-border')};
    font-size: ${token('font-size-s')};
  }

  .chip-text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .chip button {
    display: inline-grid;
    place-items: center;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border: 0;
    border-radius: ${token('radius-pill')};
    background: transparent;
  }

  .chip button:hover:not(:disabled) {
    background: ${token('color-surface-sunken')};
  }

  /* Chips are reached by arrow keys from the input: the focused one needs a ring of its own inside the box's. */
  .chip button:focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 0;
  }

  .message {
    margin: ${token('space-2xs')} 0 0;
    color: ${token('color-danger')};
    font-size: ${token('font-size-s')};
  }

  .notice {
    margin: ${token('space-2xs')} 0 0;
    color: ${token('color-warning')};
    font-size: ${token('font-size-s')};
  }

  .message:empty,
  .notice:empty {
    display: none;
  }

  .popup {
    position: absolute;
    z-index: 10;
    inset-inline-start: 0;
    inset-block-start: calc(100% + ${token('space-2xs')});
    min-inline-size: 100%;
    padding: ${token('space-xs')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    box-shadow: ${token('shadow-l')};
  }

  [role='listbox'] {
    margin: 0;
    padding: 0;
    list-style: none;
    max-block-size: 16rem;
    overflow: auto;
  }

  [role='option'] {
    display: flex;
    flex-direction: column;
    padding: ${token('space-xs')} ${token('space-s')};
    border-radius: ${token('radius-s')};
    cursor: pointer;
  }

  [role='option'][data-active] {
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
  }

  [role='option'][aria-disabled='true'] {
    cursor: not-allowed;
    color: ${token('color-text-muted')};
  }

  /* An active option that cannot be chosen keeps its muted look; a bar (not only a colour) marks it active. */
  [role='option'][aria-disabled='true'][data-active] {
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    box-shadow: inset 3px 0 0 ${token('color-accent')};
  }

  [role='option'] .why {
    font-size: ${token('font-size-s')};
  }

  .empty {
    padding: ${token('space-xs')} ${token('space-s')};
    color: ${token('color-text-muted')};
  }
`;

/**
 * The chip list inside the box flows inline with the input. It comes after the input in the shadow tree
 * (so the input is the focus delegate) and is shown before it.
 */
export const chipListStyles = css`
  .chips {
    order: -1;
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
    margin: 0;
    padding: 0;
    list-style: none;
  }
`;
