import { css } from 'lit';
import { token } from '@cwm/ui';

export const dashboardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    color: ${token('color-text')};
    background: ${token('color-surface')};
  }

  .base {
    display: grid;
    gap: ${token('space-m')};
    padding: ${token('space-m')};
  }

  h2,
  h3 {
    margin: 0 0 ${token('space-s')};
    font-size: 1rem;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  /* Tiles and panels reflow from a narrow portal column to a wide screen without breakpoints. */
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: ${token('space-s')};
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .panels {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr));
    gap: ${token('space-m')};
  }

  .tile {
    display: grid;
    gap: ${token('space-2xs')};
    inline-size: 100%;
    padding: ${token('space-s')} ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    text-align: start;
  }

  .tile:hover {
    border-color: ${token('color-accent')};
  }

  .tile .value {
    font-size: 1.5rem;
    font-weight: ${token('font-weight-strong')};
  }

  .tile .label {
    color: ${token('color-text-muted')};
    font-size: 0.875rem;
  }

  .tile[data-kpi='overdue'][data-nonzero] .value {
    color: ${token('color-danger')};
  }

  section {
    padding: ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    min-inline-size: 0;
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.875rem;
  }

  th,
  td {
    padding: ${token('space-2xs')} ${token('space-xs')};
    border-block-end: 1px solid ${token('color-border')};
    text-align: start;
  }

  .bar {
    display: block;
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

  .muted,
  .empty {
    color: ${token('color-text-muted')};
  }

  .overdue-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .overdue-list li {
    display: grid;
    gap: ${token('space-2xs')};
    padding-block: ${token('space-xs')};
    border-block-end: 1px solid ${token('color-border')};
  }

  .late {
    color: ${token('color-danger')};
    font-size: 0.875rem;
  }

  .chart {
    margin: 0;
  }

  .burndown {
    display: block;
    inline-size: 100%;
    block-size: 8rem;
  }

  .burndown .axis {
    stroke: ${token('color-border')};
    stroke-width: 1;
  }

  .burndown .line {
    fill: none;
    stroke: ${token('color-accent')};
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }

  figcaption {
    margin-block: ${token('space-xs')};
    font-size: 0.875rem;
  }

  .toggle-data {
    padding: ${token('space-2xs')} ${token('space-s')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface')};
  }

  .data {
    max-block-size: 16rem;
    overflow: auto;
    margin-block-start: ${token('space-xs')};
  }
`;
