import { css } from 'lit';
import { token } from '@cwm/ui';

export const demoPanelStyles = css`
  .panel {
    display: grid;
    gap: ${token('space-m')};
    grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
  }

  section {
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-l')};
    box-shadow: ${token('shadow-s')};
    padding: ${token('space-m')};
    min-inline-size: 0;
  }

  section.wide {
    grid-column: 1 / -1;
  }

  h2 {
    margin: 0 0 ${token('space-s')};
  }

  * + h2 {
    margin-block-start: ${token('space-m')};
  }

  h2 {
    font-size: ${token('font-size-l')};
    font-weight: ${token('font-weight-strong')};
  }

  .muted {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .person {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
  }

  .avatar {
    display: grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: ${token('radius-pill')};
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
    font-weight: ${token('font-weight-strong')};
    flex: none;
  }

  .name {
    font-weight: ${token('font-weight-strong')};
  }

  .sync {
    display: flex;
    align-items: center;
    gap: ${token('space-xs')};
  }

  .dot {
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: ${token('radius-pill')};
    background: ${token('color-status-todo')};
    flex: none;
  }

  .dot.ready {
    background: ${token('color-success')};
  }

  .dot.failed {
    background: ${token('color-danger')};
  }

  .dot.loading {
    background: ${token('color-warning')};
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    text-align: start;
    padding: ${token('space-xs')} ${token('space-s')};
    border-block-end: 1px solid ${token('color-border')};
    vertical-align: middle;
  }

  th {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
  }

  th.number,
  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .swatch {
    display: inline-block;
    inline-size: 0.75rem;
    block-size: 0.75rem;
    border-radius: ${token('radius-s')};
    margin-inline-end: ${token('space-xs')};
    vertical-align: -0.05rem;
  }

  .bar {
    /* Shrinks in a narrow portal column instead of overflowing the card. */
    inline-size: clamp(3rem, 12vw, 8rem);
    block-size: 0.5rem;
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface-sunken')};
    overflow: hidden;
  }

  .bar > span {
    display: block;
    block-size: 100%;
    background: ${token('color-status-done')};
  }

  ol.feed {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${token('space-xs')};
    max-block-size: 22rem;
    overflow: auto;
  }

  ol.feed li {
    display: grid;
    gap: 0.1rem;
    padding: ${token('space-xs')} ${token('space-s')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
  }

  ol.feed li.fresh {
    outline: 2px solid ${token('color-accent')};
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-s')};
    margin-block: ${token('space-s')};
  }

  button {
    font: inherit;
    color: ${token('color-text')};
    background: ${token('color-surface-raised')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    padding: ${token('space-xs')} ${token('space-m')};
    cursor: pointer;
  }

  button.primary {
    background: ${token('color-accent')};
    border-color: ${token('color-accent')};
    color: ${token('color-accent-text')};
  }

  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }

  .result {
    min-block-size: 1.5em;
  }

  .result.refused {
    color: ${token('color-danger')};
  }
`;
