import { css } from 'lit';
import { token } from '@cwm/ui';

/** Styles of `<cwm-template-picker>`: one wrapping row that stacks at narrow widths. */
export const templatePickerStyles = css`
  :host {
    display: block;
    /* Painted on its own surface: a toolbar of the host page may be any colour, the theme decides ours. */
    background: ${token('color-surface')};
    padding: ${token('space-xs')};
    border-radius: ${token('radius-m')};
  }
  .picker {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: ${token('space-s')};
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: ${token('space-2xs')};
    min-width: 0;
    flex: 1 1 10rem;
  }
  select {
    font: inherit;
    color: inherit;
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    padding: ${token('space-2xs')} ${token('space-xs')};
    /* As tall as <cwm-date-field>, so the row lines up. */
    min-block-size: 2.25rem;
    max-inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }
  button {
    font: inherit;
    color: ${token('color-accent-text')};
    background: ${token('color-accent')};
    border: 1px solid ${token('color-accent')};
    border-radius: ${token('radius-s')};
    padding: ${token('space-2xs')} ${token('space-m')};
    min-block-size: 2.25rem;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 2px;
  }
  .note,
  #message {
    margin: ${token('space-xs')} 0 0;
    font-size: ${token('font-size-s')};
  }
  .note {
    color: ${token('color-text-muted')};
  }
  #message.error {
    color: ${token('color-danger')};
  }
  #message.done {
    color: ${token('color-success')};
  }
`;
