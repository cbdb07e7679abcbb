import { css } from 'lit';
import { token } from '@cwm/ui';

export const boardStyles = css`
  :host {
    display: block;
    block-size: var(--cwm-board-height, 36rem);
    min-block-size: 16rem;
    color: ${token('color-text')};
    background: ${token('color-surface', '--cwm-board-background')};
    border-radius: ${token('radius-l')};
    border: 1px solid ${token('color-border')};
    overflow: hidden;
  }

  .board {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: 0;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-block-end: 1px solid ${token('color-border')};
    background: ${token('color-surface-raised')};
  }

  .toolbar label {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }

  input,
  select,
  button {
    font: inherit;
    font-size: ${token('font-size-s')};
    color: ${token('color-text')};
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    padding: 0.25rem 0.5rem;
    min-block-size: 1.875rem;
    box-sizing: border-box;
  }

  button {
    cursor: pointer;
  }

  button:disabled,
  select:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  button.primary {
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
    border-color: ${token('color-accent')};
  }

  input[type='search'] {
    inline-size: 12rem;
    max-inline-size: 100%;
  }

  input[type='checkbox'] {
    min-block-size: auto;
    accent-color: ${token('color-accent')};
  }

  :focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 1px;
  }

  .count {
    margin-inline-start: auto;
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }

  /*
   * Counts and messages take their direction from their own words, not from the page: in a right-to-left
   * page an English "16 of 5" would otherwise be laid out as "of 5 16". Only on shrink-to-fit boxes, where
   * it cannot change the alignment.
   */
  .count,
  .tally,
  .notice > span {
    unicode-bidi: plaintext;
  }

  /*
   * The selection bar's place is kept while nothing is selected (a hint fills it). A bar that appeared
   * with the first click on a card pushed every card down under the pointer, so the second click of a
   * double click landed on something else. One line tall in both states: the bar does not wrap, it
   * scrolls sideways when the board is narrow.
   */
  .selection {
    flex: none;
    box-sizing: border-box;
    block-size: calc(1.875rem + 0.75rem + 1px);
    background: ${token('color-surface-sunken')};
    border-block-end: 1px solid ${token('color-border')};
    font-size: ${token('font-size-s')};
    overflow: hidden;
  }

  .bulk {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: 0.5rem;
    block-size: 100%;
    padding: 0 0.75rem;
    box-sizing: border-box;
    white-space: nowrap;
    overflow-x: auto;
    overflow-y: hidden;
    scrollbar-width: thin;
  }

  .bulk > * {
    flex: none;
  }

  .bulk label {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }

  .selection-hint {
    margin: 0;
    padding: 0 0.75rem;
    block-size: 100%;
    display: flex;
    align-items: center;
    color: ${token('color-text-muted')};
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .notice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.375rem 0.75rem;
    font-size: ${token('font-size-s')};
    border-block-end: 1px solid ${token('color-border')};
  }

  .notice.error {
    color: ${token('color-danger')};
    background: color-mix(in srgb, ${token('color-danger')} 10%, transparent);
  }

  .notice.info {
    background: ${token('color-surface-sunken')};
  }

  .notice button {
    margin-inline-start: auto;
  }

  .scroller {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow: auto;
    overscroll-behavior: contain;
  }

  .grid {
    display: grid;
    grid-template-columns: var(--_columns);
    gap: 0 0.5rem;
    padding: 0 0.5rem 0.5rem;
    min-block-size: 100%;
    box-sizing: border-box;
    inline-size: max-content;
    min-inline-size: 100%;
  }

  .grid.single {
    grid-template-rows: auto auto 1fr;
    block-size: 100%;
  }

  .column-header {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    display: flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.625rem 0.25rem 0.375rem;
    background: ${token('color-surface', '--cwm-board-background')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    min-inline-size: 0;
  }

  .column-header .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .column-header .bar {
    inline-size: 0.25rem;
    align-self: stretch;
    border-radius: 999px;
    background: ${token('color-status-todo')};
    flex: none;
  }

  .column-header .bar.active {
    background: ${token('color-status-active')};
  }

  .column-header .bar.done {
    background: ${token('color-status-done')};
  }

  .column-header .tally {
    color: ${token('color-text-muted')};
    font-weight: ${token('font-weight-normal')};
    font-variant-numeric: tabular-nums;
  }

  .column-header .tally.over {
    color: ${token('color-warning')};
    font-weight: ${token('font-weight-strong')};
  }

  .column-header .tally.blocked {
    color: ${token('color-danger')};
  }

  .column-header .tools {
    margin-inline-start: auto;
    display: flex;
    gap: 0.125rem;
  }

  .icon-button {
    border: none;
    background: transparent;
    min-block-size: 1.75rem;
    min-inline-size: 1.75rem;
    padding: 0.125rem;
    border-radius: ${token('radius-s')};
    color: ${token('color-text-muted')};
  }

  .icon-button:hover:not(:disabled) {
    background: ${token('color-surface-sunken')};
    color: ${token('color-text')};
  }

  .column-header.collapsed {
    writing-mode: vertical-lr;
    padding-inline: 0.25rem;
    /*
     * The vertical name must not make the header row as tall as itself (every other header would stretch,
     * their colour bars with them): the header takes the row's height and its name runs on down the
     * collapsed column's empty strip.
     */
    contain: size;
    overflow: visible;
    min-block-size: 2.75rem;
    /* Vertical text runs top to bottom in every language; right-to-left would start it at the bottom and push it out of view. */
    direction: ltr;
  }

  .column-header.collapsed > * {
    flex-shrink: 0;
  }

  .quick-add {
    padding: 0 0.25rem 0.375rem;
  }

  .quick-add form {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  .quick-add input {
    inline-size: 100%;
  }

  .lane-header {
    grid-column: 1 / -1;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.25rem 0.25rem;
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    /*
     * As wide as its content and sticky, so the lane's name stays in view when the board scrolls sideways.
     * The divider still runs across the whole board: a border image may extend past its box (ink overflow,
     * which neither scrolls nor takes space).
     */
    justify-self: start;
    position: sticky;
    inset-inline-start: 0.5rem;
    border-block-start: 1px solid;
    border-image: linear-gradient(${token('color-border')}, ${token('color-border')}) 1 / 1px 0 0 0 / 0 100vw;
  }

  .lane-header .tally {
    color: ${token('color-text-muted')};
    font-weight: ${token('font-weight-normal')};
  }

  .cell-box {
    min-block-size: 0;
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-sunken', '--cwm-board-column-background')};
    padding-block: 0.25rem;
  }

  .cell-box.collapsed {
    background: transparent;
  }

  .cell-box.over-limit {
    box-shadow: inset 0 0 0 2px color-mix(in srgb, ${token('color-warning')} 60%, transparent);
  }

  .cell-box.over-limit.blocked {
    box-shadow: inset 0 0 0 2px color-mix(in srgb, ${token('color-danger')} 60%, transparent);
  }

  .single .cell-box {
    block-size: 100%;
    box-sizing: border-box;
  }

  .empty {
    padding: 2rem;
    text-align: center;
    color: ${token('color-text-muted')};
  }

  .ghost {
    position: fixed;
    /* Physical, not logical: the pointer's clientX/clientY it is moved by count from the top left in every direction. */
    left: 0;
    top: 0;
    z-index: 1000;
    pointer-events: none;
    inline-size: var(--_ghost-width, 16rem);
    opacity: 0.95;
    transform-origin: 0 0;
    filter: drop-shadow(0 6px 14px rgb(0 0 0 / 0.25));
  }

  .ghost .stack {
    position: absolute;
    inset-block-start: -0.5rem;
    inset-inline-end: -0.5rem;
    min-inline-size: 1.5rem;
    block-size: 1.5rem;
    border-radius: 999px;
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
    display: grid;
    place-items: center;
    font-size: 0.75rem;
    font-weight: ${token('font-weight-strong')};
  }

  /* While dragging over a place the card may not go, the reason travels with the card. */
  .ghost-reason {
    margin: 0.375rem 0 0;
    padding: 0.25rem 0.5rem;
    border-radius: ${token('radius-s')};
    background: ${token('color-danger')};
    color: #fff;
    font-size: ${token('font-size-s')};
    unicode-bidi: plaintext;
  }
`;
