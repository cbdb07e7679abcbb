import { css } from 'lit';
import { token } from '@cwm/ui';

/**
 * Styles of `<cwm-workload>`. Row heights come from the element (`--row-height`, `--header-height`)
 * because the virtualization computes positions from them; everything else is tokens, so dark mode
 * and vendor themes need nothing here.
 */
export const workloadStyles = css`
  :host {
    display: block;
    /* The people column narrows when the element itself is narrow (a portal column), not the page. */
    container-type: inline-size;
  }

  .base {
    --_name-width: var(--cwm-workload-name-width, 12rem);
  }

  @container (max-width: 30rem) {
    .base {
      --_name-width: var(--cwm-workload-name-width, 8rem);
    }
  }

  /* The widget paints its own surface, so its text keeps its contrast on any host page and in dark mode. */
  .base {
    background: ${token('color-surface')};
    color: ${token('color-text')};
  }

  .unplanned,
  .empty {
    margin: 0 0 ${token('space-s')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .grid {
    position: relative;
    max-block-size: var(--cwm-workload-height, 30rem);
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    /* Focused cells scrolled to by the keyboard stay clear of the sticky header and team row. */
    scroll-padding-block: var(--header-height) var(--row-height);
  }

  .row {
    display: grid;
    grid-template-columns: var(--columns);
    inline-size: max-content;
    min-inline-size: 100%;
    block-size: var(--row-height);
    box-sizing: border-box;
    border-block-end: 1px solid ${token('color-border')};
    /* Rows are positioned by arithmetic on a fixed height: nothing in them may wrap onto a second line. */
    overflow: hidden;
    white-space: nowrap;
  }

  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
  }

  .head .row {
    block-size: var(--header-height);
    background: ${token('color-surface-raised')};
    font-weight: ${token('font-weight-strong')};
  }

  /* Rows are placed by arithmetic (top = index x row height), so the row kept for focus can sit apart. */
  .body {
    position: relative;
    box-sizing: border-box;
  }

  .body > .row {
    position: absolute;
    inset-inline-start: 0;
  }

  .foot {
    position: sticky;
    inset-block-end: 0;
    z-index: 2;
  }

  .team {
    background: ${token('color-surface-raised')};
    border-block-start: 1px solid ${token('color-border')};
    border-block-end: none;
    font-weight: ${token('font-weight-strong')};
  }

  /* The people column stays in view while the weeks scroll sideways. */
  .name,
  .corner {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    padding-inline: ${token('space-s')};
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    background: inherit;
    border-inline-end: 1px solid ${token('color-border')};
  }

  .body .name {
    background: ${token('color-surface')};
  }

  .team .name,
  .corner {
    background: ${token('color-surface-raised')};
  }

  .week {
    display: flex;
    flex-direction: column;
    justify-content: center;
    padding-inline: ${token('space-s')};
    font-size: ${token('font-size-s')};
  }

  .week .date {
    color: ${token('color-text-muted')};
    font-weight: ${token('font-weight-normal')};
  }

  [role='gridcell'] {
    display: flex;
    min-inline-size: 0;
  }

  .cell {
    flex: 1;
    display: flex;
    align-items: center;
    gap: ${token('space-xs')};
    margin: 0;
    padding-inline: ${token('space-s')};
    border: none;
    background: transparent;
    color: inherit;
    font: inherit;
    font-variant-numeric: tabular-nums;
    text-align: start;
    cursor: pointer;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .cell:hover {
    background: ${token('color-surface-raised')};
  }

  .cell:focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: -2px;
  }

  .cell[data-over],
  .total[data-over] .over-count {
    color: ${token('color-danger')};
    font-weight: ${token('font-weight-strong')};
  }

  .cell[data-off],
  .week[data-off] {
    color: ${token('color-text-muted')};
  }

  .cell[data-off] {
    background: ${token('color-surface-raised')};
  }

  .cell[data-over] {
    background: color-mix(in srgb, ${token('color-danger')} 10%, ${token('color-surface')});
    box-shadow: inset 3px 0 0 ${token('color-danger')};
  }

  .total {
    flex-direction: column;
    justify-content: center;
    padding-inline: ${token('space-s')};
    font-size: ${token('font-size-s')};
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    overflow: hidden;
  }

  .total .hours {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .over-count {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-2xs')};
  }

  .icon {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-s')} ${token('space-m')};
    align-items: center;
    margin: 0 0 ${token('space-s')};
    font-size: ${token('font-size-s')};
  }

  .toolbar label {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
  }

  select,
  .panel button {
    font: inherit;
    color: ${token('color-text')};
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    padding: ${token('space-2xs')} ${token('space-xs')};
    max-inline-size: 14rem;
  }

  select:focus-visible,
  .panel button:focus-visible,
  .panel-title:focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 1px;
  }

  .panel button {
    cursor: pointer;
  }

  .panel {
    margin-block-start: ${token('space-m')};
    padding: ${token('space-s')} ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
  }

  .panel-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-s')};
  }

  .panel-title {
    margin: 0;
    font-size: ${token('font-size-m')};
    overflow-wrap: anywhere;
  }

  .panel-tasks {
    margin: ${token('space-s')} 0 0;
    padding: 0;
    list-style: none;
  }

  .panel-task {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')} ${token('space-s')};
    padding-block: ${token('space-xs')};
    border-block-start: 1px solid ${token('color-border')};
  }

  .panel-task-title {
    flex: 1 1 12rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .panel-task-hours {
    font-variant-numeric: tabular-nums;
    color: ${token('color-text-muted')};
  }

  .panel-task-actions {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')};
  }

  .panel-denied,
  .panel-none {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .panel-notice {
    margin: ${token('space-xs')} 0 0;
    font-size: ${token('font-size-s')};
  }

  .panel-notice[data-error] {
    color: ${token('color-danger')};
  }

  @media (forced-colors: active) {
    .cell[data-off],
  .week[data-off] {
    color: ${token('color-text-muted')};
  }

  .cell[data-off] {
    background: ${token('color-surface-raised')};
  }

  .cell[data-over] {
      outline: 2px solid CanvasText;
      outline-offset: -3px;
    }
  }
`;
