import { css } from 'lit';
import { token } from '@cwm/ui';

/**
 * Styles of `<cwm-pay-report>`: tokens only, so dark mode and vendor themes need nothing here. The
 * table scrolls sideways inside its own box, so a 320 px portal column never scrolls the whole page.
 */
export const payReportStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }

  /* The widget paints its own surface, so its text keeps its contrast on any host page and in dark mode. */
  .base {
    display: grid;
    gap: ${token('space-s')};
    padding: ${token('space-m')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
    min-inline-size: 0;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-s')} ${token('space-m')};
    min-inline-size: 0;
  }

  .period {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-s')} ${token('space-m')};
  }

  label {
    display: grid;
    gap: ${token('space-2xs')};
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }

  input,
  button {
    font: inherit;
    font-size: ${token('font-size-m')};
  }

  input {
    min-block-size: 2.25rem;
    padding: ${token('space-xs')} ${token('space-s')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
    color-scheme: inherit;
  }

  .download {
    min-block-size: 2.25rem;
    margin-inline-start: auto;
    padding: ${token('space-xs')} ${token('space-m')};
    border: 1px solid ${token('color-accent')};
    border-radius: ${token('radius-m')};
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
    cursor: pointer;
  }

  .download:disabled {
    border-color: ${token('color-border')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text-muted')};
    cursor: not-allowed;
  }

  :is(input, button):focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 2px;
  }

  .problems {
    margin: 0;
    padding: ${token('space-s')} ${token('space-m')};
    border: 1px solid ${token('color-danger')};
    border-radius: ${token('radius-m')};
    color: ${token('color-danger')};
    list-style: none;
  }

  .note,
  .empty {
    margin: 0;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .scroller {
    /* Lets the caption measure the visible width (cqi) rather than the table's. */
    container-type: inline-size;
    max-inline-size: 100%;
    overflow-x: auto;
    overscroll-behavior-inline: contain;
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
  }

  .scroller:focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 2px;
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  caption {
    padding: ${token('space-s')} 0;
    font-weight: ${token('font-weight-strong')};
    text-align: start;
  }

  /* The caption stays in view and wraps within the box while a wide table scrolls sideways under it. */
  caption > span {
    position: sticky;
    inset-inline-start: ${token('space-m')};
    display: inline-block;
    max-inline-size: calc(100cqi - 2 * ${token('space-m')});
    margin-inline: ${token('space-m')};
  }

  th,
  td {
    padding: ${token('space-xs')} ${token('space-s')};
    border-block-start: 1px solid ${token('color-border')};
    text-align: start;
    vertical-align: top;
  }

  thead th {
    background: ${token('color-surface-raised')};
    font-size: ${token('font-size-s')};
    white-space: nowrap;
  }

  .number {
    text-align: end;
    white-space: nowrap;
  }

  .toggle {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font-weight: ${token('font-weight-strong')};
    text-align: start;
    cursor: pointer;
  }

  .toggle .chevron {
    flex: none;
    inline-size: 0.75rem;
    block-size: 0.75rem;
    transition: transform 120ms ease;
  }

  .toggle[aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }

  @media (prefers-reduced-motion: reduce) {
    .toggle .chevron {
      transition: none;
    }
  }

  .line th,
  .line td {
    border-block-start-style: dashed;
    font-weight: ${token('font-weight-normal')};
    font-size: ${token('font-size-s')};
  }

  .line th {
    padding-inline-start: calc(${token('space-s')} + 1.25rem);
    min-inline-size: 12rem;
  }

  .task-title {
    display: block;
    overflow-wrap: anywhere;
  }

  .meta {
    display: block;
    color: ${token('color-text-muted')};
  }

  .reopened {
    color: ${token('color-warning')};
  }

  tfoot th,
  tfoot td {
    border-block-start-width: 2px;
    background: ${token('color-surface-raised')};
    font-weight: ${token('font-weight-strong')};
  }
`;
