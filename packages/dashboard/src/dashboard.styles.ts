import { css } from 'lit';
import { token } from '@cwm/ui';

// Layout follows the dashboard's own width (container queries on the host), not the window: the same
// element sits in a 320 px portal column or fills a wide screen. Narrow first: one column of panels,
// two tiles per row; wider: tiles in as few rows as fit, panels in a grid.
export const dashboardStyles = css`
  :host {
    display: block;
    container: cwm-dashboard / inline-size;
    color: ${token('color-text')};
    background: ${token('color-surface')};
  }

  .base {
    display: grid;
    gap: ${token('space-m')};
    padding: ${token('space-s')};
  }

  h2,
  h3 {
    margin: 0 0 ${token('space-s')};
    font-size: ${token('font-size-l')};
    font-weight: ${token('font-weight-strong')};
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  /* Tiles: two per row in a narrow column, as many as fit (all in one row on a wide screen) above. */
  .tiles {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: ${token('space-s')};
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .tiles > li {
    display: flex;
    min-inline-size: 0;
  }

  .tile {
    display: flex;
    flex-direction: column;
    justify-content: flex-start;
    gap: ${token('space-2xs')};
    inline-size: 100%;
    min-inline-size: 0;
    padding: ${token('space-s')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    text-align: start;
  }

  .tile:hover {
    border-color: ${token('color-accent')};
  }

  /* Long German words ("Checklistenpunkte") hyphenate or break instead of being clipped. */
  .tile .value,
  .tile .label {
    overflow-wrap: anywhere;
    hyphens: auto;
  }

  .tile .value {
    font-size: ${token('font-size-xl')};
    font-weight: ${token('font-weight-strong')};
    line-height: 1.2;
  }

  .tile .label {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .tile[data-kpi='overdue'][data-nonzero] .value {
    color: ${token('color-danger')};
  }

  /* Panels keep their own height: a short chart next to a long list does not stretch into a blank box. */
  .panels {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-items: start;
    gap: ${token('space-m')};
  }

  @container cwm-dashboard (min-width: 36rem) {
    .base {
      padding: ${token('space-m')};
    }

    .tiles {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }

    .tile {
      padding: ${token('space-s')} ${token('space-m')};
    }

    section.panel {
      padding: ${token('space-m')};
    }

    .panels {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }

  /* Wide: every tile in one row, however many the layout names. */
  @container cwm-dashboard (min-width: 60rem) {
    .tiles {
      grid-template-columns: none;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
    }
  }

  @container cwm-dashboard (min-width: 72rem) {

    .panels {
      grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
    }
  }

  section.panel {
    min-inline-size: 0;
    padding: ${token('space-s')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: ${token('font-size-s')};
  }

  th,
  td {
    padding: ${token('space-xs')};
    border-block-end: 1px solid ${token('color-border')};
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
    hyphens: auto;
  }

  /* Column headers are our own single words: never split one mid-word ("Overdu-e"); the columns give way. */
  thead th {
    overflow-wrap: normal;
  }

  .number {
    text-align: end;
  }

  /* A button that reads as a link: names and titles that drill down or open a task. */
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: ${token('color-accent')};
    font-weight: ${token('font-weight-strong')};
    text-align: start;
    overflow-wrap: anywhere;
  }

  .link:hover {
    text-decoration: underline;
  }

  .bar {
    display: block;
    block-size: 0.5rem;
    margin-block: ${token('space-2xs')};
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

  .empty,
  .intro {
    margin: 0;
    font-size: ${token('font-size-s')};
  }

  .overdue-count[data-nonzero] {
    color: ${token('color-danger')};
    font-weight: ${token('font-weight-strong')};
  }

  .task-list,
  .who-list,
  .person-tasks {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .task-list > li,
  .who-list > li {
    display: grid;
    gap: ${token('space-2xs')};
    padding-block: ${token('space-xs')};
    border-block-end: 1px solid ${token('color-border')};
    min-inline-size: 0;
  }

  .person-tasks {
    display: grid;
    gap: ${token('space-2xs')};
    padding-inline-start: ${token('space-s')};
    font-size: ${token('font-size-s')};
  }

  .person-tasks .link {
    font-weight: ${token('font-weight-normal')};
  }

  .late {
    color: ${token('color-danger')};
    font-size: ${token('font-size-s')};
  }

  .owners,
  .person-count {
    font-size: ${token('font-size-s')};
  }

  .missing {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
  }

  .badge {
    padding: 0 ${token('space-xs')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-pill')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .show-all,
  .toggle-data {
    margin-block-start: ${token('space-s')};
    padding: ${token('space-2xs')} ${token('space-s')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface')};
    font-size: ${token('font-size-s')};
  }

  .show-all:hover,
  .toggle-data:hover {
    border-color: ${token('color-accent')};
  }

  /* Charts */

  .chart {
    margin: 0;
    min-inline-size: 0;
  }

  figcaption {
    margin-block-end: ${token('space-s')};
    font-size: ${token('font-size-s')};
  }

  .plot {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    grid-template-rows: 8rem auto;
    column-gap: ${token('space-xs')};
    padding-block-start: 0.5em;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  /* Axis labels are HTML beside the stretched SVG: they keep their size and never overlap. */
  .y-axis {
    position: relative;
    grid-area: 1 / 1;
  }

  .y-axis > span {
    position: absolute;
    inset-inline-end: 0;
    transform: translateY(-50%);
    line-height: 1;
    white-space: nowrap;
  }

  .x-axis {
    position: relative;
    grid-area: 2 / 2;
    block-size: 1.75em;
  }

  .x-axis > span {
    position: absolute;
    inset-block-start: 0.35em;
    line-height: 1;
    white-space: nowrap;
  }

  .x-axis > .middle {
    transform: translateX(-50%);
  }

  .x-axis > .end {
    transform: translateX(-100%);
  }

  .plot-area {
    display: block;
    grid-area: 1 / 2;
    inline-size: 100%;
    block-size: 100%;
    overflow: visible;
  }

  .grid {
    stroke: ${token('color-border')};
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }

  .grid.over {
    stroke: ${token('color-surface-raised')};
    stroke-opacity: 0.6;
  }

  .line {
    fill: none;
    stroke-width: 2.5;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }

  .bar-chart {
    display: block;
    inline-size: 100%;
    block-size: 1.5rem;
    border-radius: ${token('radius-s')};
  }

  .bar-chart .track {
    fill: ${token('color-surface-sunken')};
  }

  .bar-chart .segment {
    cursor: pointer;
    stroke: ${token('color-surface-raised')};
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')} ${token('space-m')};
    margin: ${token('space-s')} 0 0;
    padding: 0;
    list-style: none;
    font-size: ${token('font-size-s')};
  }

  .legend > li {
    display: flex;
    align-items: center;
    min-inline-size: 0;
  }

  .legend-button {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    padding: ${token('space-2xs')} ${token('space-xs')};
    border: 1px solid transparent;
    border-radius: ${token('radius-s')};
    background: none;
    text-align: start;
  }

  .legend-button:hover {
    border-color: ${token('color-border')};
  }

  .legend > li:not(:has(button)) {
    gap: ${token('space-xs')};
  }

  .legend-label {
    overflow-wrap: anywhere;
  }

  .legend-value {
    font-weight: ${token('font-weight-strong')};
  }

  .swatch {
    flex: none;
    inline-size: 0.75rem;
    block-size: 0.75rem;
    border-radius: 2px;
    forced-color-adjust: none;
  }

  .data {
    max-block-size: 16rem;
    overflow: auto;
    margin-block-start: ${token('space-xs')};
  }
`;
