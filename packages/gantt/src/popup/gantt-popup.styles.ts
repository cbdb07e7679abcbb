import { css } from 'lit';
import { token } from '@cwm/ui';

export const popupStyles = css`
  :host {
    position: fixed;
    z-index: var(--cwm-gantt-popup-z-index, 10);
    inline-size: min(var(--cwm-gantt-popup-width, 22rem), calc(100vw - 16px));
    /* Placed by script next to its anchor (viewport pixels, so physical sides even in right-to-left
       pages); until measured it sits at the top left, invisible. */
    top: 0;
    left: 0;
  }

  :host(:not([placed])) {
    visibility: hidden;
  }

  .dialog {
    max-block-size: calc(100vh - 16px);
    overflow: auto;
    padding: ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m', '--cwm-gantt-popup-radius')};
    background: ${token('color-surface-raised', '--cwm-gantt-popup-background')};
    color: ${token('color-text')};
    box-shadow: ${token('shadow-l')};
    outline: none;
  }

  .dialog:focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 2px;
  }

  header {
    display: flex;
    align-items: flex-start;
    gap: ${token('space-s')};
  }

  .heading {
    flex: 1;
    min-inline-size: 0;
  }

  h2 {
    margin: 0;
    font-size: ${token('font-size-l')};
    font-weight: ${token('font-weight-strong')};
    overflow-wrap: anywhere;
  }

  h3 {
    margin: ${token('space-m')} 0 ${token('space-xs')};
    font-size: ${token('font-size-m')};
    font-weight: ${token('font-weight-strong')};
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
    margin-block-start: ${token('space-xs')};
  }

  .badge {
    padding: 0 ${token('space-s')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface-sunken')};
    font-size: ${token('font-size-s')};
  }

  .badge.critical {
    background: ${token('color-danger')};
    color: ${token('color-accent-text')};
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: ${token('space-2xs')} ${token('space-m')};
    margin: ${token('space-s')} 0 0;
  }

  dt {
    color: ${token('color-text-muted')};
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .problems li {
    color: ${token('color-danger')};
  }

  .links li {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
    padding-block: ${token('space-2xs')};
  }

  .link-title {
    flex: 1;
    overflow-wrap: anywhere;
  }

  .link-meta,
  .muted {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  button {
    padding: ${token('space-2xs')} ${token('space-s')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface')};
    cursor: pointer;
  }

  button.icon {
    padding: 0 ${token('space-xs')};
    line-height: 1.5;
  }

  button.primary {
    border-color: ${token('color-accent')};
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
  }

  input,
  select {
    inline-size: 100%;
    padding: ${token('space-2xs')} ${token('space-xs')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface')};
  }

  input[aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }

  form {
    display: grid;
    gap: ${token('space-s')};
  }

  label {
    display: grid;
    gap: ${token('space-2xs')};
  }

  label.check {
    display: flex;
    align-items: center;
    gap: ${token('space-xs')};
  }

  label.check input {
    inline-size: auto;
  }

  .row {
    display: grid;
    grid-template-columns: 1fr 6rem;
    gap: ${token('space-s')};
  }

  .combobox {
    position: relative;
  }

  [role='listbox'] {
    max-block-size: 12rem;
    overflow: auto;
    margin-block-start: ${token('space-2xs')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface')};
  }

  [role='option'] {
    padding: ${token('space-2xs')} ${token('space-s')};
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  [role='option'][aria-selected='true'] {
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
  }

  .alert {
    color: ${token('color-danger')};
  }

  footer {
    display: flex;
    justify-content: flex-end;
    margin-block-start: ${token('space-m')};
  }
`;
