import { css } from 'lit';
import { token } from '@cwm/ui';
import { HEADER_HEIGHT, ROW_HEIGHT } from './geometry.js';

/**
 * Layout of `<cwm-gantt>`: toolbar, then one scrolling viewport holding the task grid (sticky on the
 * left) and the timeline (frappe's chart plus our overlay). One scroll container for both means the
 * grid and the bars can never scroll apart.
 */
export const ganttStyles = css`
  :host {
    display: block;
    height: var(--cwm-gantt-height, 32rem);
    min-height: 12rem;
    color: ${token('color-text')};
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    /* clip, not hidden: a hidden box still scrolls when something inside takes focus (the popup near
       the bottom edge), which shifted the whole chart up and left it there. */
    overflow: clip;
    /* No containment: the popup is position: fixed to the page's viewport; containment would trap and clip it. */
  }
  .frame {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')};
    padding: ${token('space-xs')};
    border-block-end: 1px solid ${token('color-border')};
  }
  .toolbar .group {
    display: inline-flex;
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    overflow: hidden;
  }
  .toolbar button {
    font: inherit;
    font-size: 0.85rem;
    color: inherit;
    background: ${token('color-surface-raised')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    padding: 0.25rem 0.6rem;
    cursor: pointer;
  }
  .toolbar .group button {
    border: none;
    border-radius: 0;
    border-inline-end: 1px solid ${token('color-border')};
  }
  .toolbar .group button:last-child {
    border-inline-end: none;
  }
  .toolbar button[aria-pressed='true'] {
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
  }
  .toolbar .spacer {
    flex: 1;
  }
  .toolbar .badge {
    font-size: 0.8rem;
    padding: 0.15rem 0.5rem;
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface-sunken')};
    color: ${token('color-text-muted')};
  }
  .notice {
    padding: ${token('space-2xs')} ${token('space-xs')};
    font-size: 0.85rem;
    color: ${token('color-danger')};
    border-block-end: 1px solid ${token('color-border')};
  }
  .notice:empty {
    display: none;
  }
  .empty {
    padding: ${token('space-m')};
    color: ${token('color-text-muted')};
  }
  .viewport {
    /* Laid out left to right in any page (see the README's known limits); names keep their own direction. */
    direction: ltr;
    flex: 1;
    min-height: 0;
    overflow: auto;
    position: relative;
    overscroll-behavior: contain;
  }
  .content {
    position: relative;
    display: grid;
    grid-template-columns: var(--grid-width) max-content;
    /* As wide as grid + axis: a sticky child cannot leave its containing block, so a narrower box would
       let the grid scroll away with the timeline. */
    width: max-content;
    min-width: 100%;
  }

  /* The task grid: sticky on the left, rows absolutely placed so only the visible ones exist. */
  .grid {
    position: sticky;
    left: 0;
    z-index: 1002;
    width: var(--grid-width);
    background: ${token('color-surface')};
    border-inline-end: 1px solid ${token('color-border')};
    box-sizing: border-box;
    /* clip, not hidden: a hidden overflow would make the grid a scroll container and unstick its header. */
    overflow: clip;
    font-size: 0.85rem;
  }
  .grid:focus-within .row.active {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: -2px;
  }
  .row {
    position: absolute;
    inset-inline: 0;
    top: 0;
    height: ${ROW_HEIGHT}px;
    display: grid;
    grid-template-columns: var(--grid-columns);
    align-items: center;
    box-sizing: border-box;
    border-block-end: 1px solid ${token('color-border')};
    cursor: default;
  }
  .row:focus {
    outline: none;
  }
  .row.active {
    background: color-mix(in srgb, ${token('color-accent')} 14%, transparent);
  }
  .row.header .cell {
    font-size: 0.8rem;
  }
  .row.header {
    position: sticky;
    top: 0;
    z-index: 1;
    height: ${HEADER_HEIGHT}px;
    align-items: end;
    padding-block-end: ${token('space-2xs')};
    background: ${token('color-surface')};
    color: ${token('color-text-muted')};
    font-weight: 600;
    transform: none;
  }
  .cell {
    min-width: 0;
    padding: 0 ${token('space-2xs')};
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .cell.title {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }
  .cell .name {
    unicode-bidi: plaintext;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .kind-summary .name {
    font-weight: 600;
  }
  .row.critical .name {
    color: ${token('color-danger')};
  }
  .row.pending {
    opacity: 0.75;
  }
  .cell.date,
  .cell.number {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .toggle,
  .toggle-space {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
  }
  .toggle {
    font: inherit;
    color: inherit;
    background: none;
    border: none;
    padding: 0;
    cursor: pointer;
  }
  .glyph {
    color: ${token('color-accent')};
  }
  .problem {
    flex: none;
    font-size: 0.75rem;
    padding: 0 0.3rem;
    border-radius: ${token('radius-s')};
    background: color-mix(in srgb, ${token('color-warning')} 25%, transparent);
  }
  .more {
    color: ${token('color-text-muted')};
  }

  /* The timeline: frappe's container (which must not scroll itself) and our overlay above it. */
  .timeline {
    position: relative;
  }
  .frappe-host .gantt-container {
    overflow: visible;
    border-radius: 0;
  }
  .frappe-host .gantt-container .current-upper {
    left: var(--grid-width) !important;
  }
  .overlay {
    position: absolute;
    left: 0;
    top: ${HEADER_HEIGHT}px;
    overflow: visible;
    pointer-events: none;
    z-index: 2;
  }
`;
