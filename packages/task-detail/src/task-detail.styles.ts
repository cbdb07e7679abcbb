import { css } from 'lit';
import { token } from '@cwm/ui';

/**
 * Layout of `<cwm-task-detail>`: one column that works from a 320 px side panel up; the field grid
 * gains columns as space allows (container query, so a narrow panel on a wide page stays one column).
 */
export const taskDetailStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    min-inline-size: 0;
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
    padding: ${token('space-m')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    min-inline-size: 0;
  }
  .header {
    display: flex;
    align-items: flex-start;
    gap: ${token('space-s')};
  }
  .header-main {
    flex: 1 1 auto;
    min-inline-size: 0;
  }
  .parent-link {
    font-size: ${token('font-size-s')};
  }
  .title-row {
    display: flex;
    align-items: flex-start;
    gap: ${token('space-xs')};
  }
  .title {
    margin: 0;
    font-size: ${token('font-size-xl')};
    font-weight: ${token('font-weight-strong')};
    overflow-wrap: anywhere;
  }
  .title-input {
    inline-size: 100%;
    font-size: ${token('font-size-l')};
  }
  .section-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-s')};
    flex-wrap: wrap;
  }
  .section-title {
    margin: 0;
    font-size: ${token('font-size-l')};
    font-weight: ${token('font-weight-strong')};
  }
  .count {
    margin-inline-start: ${token('space-xs')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-normal')};
    color: ${token('color-text-muted')};
  }
  section {
    display: flex;
    flex-direction: column;
    gap: ${token('space-xs')};
    border-block-start: 1px solid ${token('color-border')};
    padding-block-start: ${token('space-s')};
  }
  .fields {
    display: grid;
    grid-template-columns: 1fr;
    gap: ${token('space-s')};
  }
  @container (min-width: 34rem) {
    .fields {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: ${token('space-2xs')};
    min-inline-size: 0;
  }
  .field label {
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
  }
  .field-check {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')};
  }
  input[type='text'],
  input[type='url'],
  input[type='date'],
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    padding: ${token('space-2xs')} ${token('space-xs')};
    min-inline-size: 0;
    max-inline-size: 100%;
    box-sizing: border-box;
  }
  /*
   * One height for every one-line control, the same as the box of @cwm/ui's <cwm-date-field> and
   * <cwm-tags-field> (2.25rem): the field grid lines up, and a select is a comfortable touch target
   * in a 390 px panel instead of Chromium's ~22 px default.
   */
  input[type='text'],
  input[type='url'],
  input[type='date'],
  select {
    min-block-size: 2.25rem;
  }
  /* The text starts where it does in the @cwm/ui controls (box padding plus the inner input's). */
  input[type='text'],
  input[type='url'],
  input[type='date'] {
    padding-inline: ${token('space-s')};
  }
  textarea {
    inline-size: 100%;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }
  button {
    font: inherit;
    color: ${token('color-text')};
    background: ${token('color-surface-raised')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    padding: ${token('space-2xs')} ${token('space-s')};
    cursor: pointer;
    min-block-size: 2rem;
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 2px;
  }
  .icon-button {
    inline-size: 2rem;
    padding: 0;
    flex: none;
  }
  .link {
    background: none;
    border: none;
    padding: 0;
    min-block-size: 0;
    color: ${token('color-accent')};
    text-decoration: underline;
    text-align: start;
    overflow-wrap: anywhere;
  }
  .editor-actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
    margin-block-start: ${token('space-2xs')};
  }
  .hint,
  .muted,
  .rollup-line {
    margin: 0;
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }
  .field-error {
    margin: 0;
    font-size: ${token('font-size-s')};
    color: ${token('color-danger')};
  }
  .conflict {
    border: 1px solid ${token('color-warning')};
    border-radius: ${token('radius-s')};
    padding: ${token('space-xs')};
  }
  .conflict p {
    margin: 0;
  }
  .status-line {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: ${token('space-s')};
    min-block-size: 2rem;
    font-size: ${token('font-size-s')};
  }
  .status-line:empty {
    display: none;
  }
  .read-only {
    margin: 0;
    padding: ${token('space-xs')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface-sunken')};
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: ${token('space-2xs')};
  }
  .row {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
    padding-block: ${token('space-2xs')};
  }
  .row-title {
    flex: 1 1 8rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .row-actions {
    display: inline-flex;
    gap: ${token('space-2xs')};
    flex-wrap: wrap;
  }
  .done-text {
    text-decoration: line-through;
    color: ${token('color-text-muted')};
  }
  .rollup {
    display: flex;
    align-items: center;
    gap: ${token('space-xs')};
    flex-wrap: wrap;
    font-size: ${token('font-size-s')};
  }
  .rollup progress {
    flex: 1 1 6rem;
    accent-color: ${token('color-status-done')};
  }
  .add-row {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
  }
  .add-row input {
    flex: 1 1 10rem;
  }
  .add-row .field-error {
    flex-basis: 100%;
  }
  .preview {
    border: 1px dashed ${token('color-border')};
    border-radius: ${token('radius-s')};
    padding: ${token('space-xs')};
  }
  .markdown {
    overflow-wrap: anywhere;
  }
  .markdown > :first-child {
    margin-block-start: 0;
  }
  .markdown > :last-child {
    margin-block-end: 0;
  }
`;
