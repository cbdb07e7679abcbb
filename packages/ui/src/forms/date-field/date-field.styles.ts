import { css } from 'lit';
import { token } from '../../tokens/token.js';

/** The month grid of `<cwm-date-field>`. */
export const dateFieldStyles = css`
  .picker {
    inline-size: max-content;
    min-inline-size: 17rem;
  }

  .picker-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-xs')};
    margin-block-end: ${token('space-xs')};
  }

  .picker-head h2 {
    margin: 0;
    font-size: ${token('font-size-m')};
    font-weight: ${token('font-weight-strong')};
  }

  table {
    border-collapse: collapse;
    inline-size: 100%;
  }

  th {
    padding: ${token('space-2xs')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-normal')};
    color: ${token('color-text-muted')};
    text-align: center;
  }

  td {
    inline-size: 2.25rem;
    block-size: 2.25rem;
    text-align: center;
    border-radius: ${token('radius-s')};
    cursor: pointer;
  }

  td.day:hover {
    background: ${token('color-surface-raised')};
  }

  /* Weekends and holidays are told apart by more than colour: a hatch and, for holidays, a dot. */
  td.non-working {
    color: ${token('color-text-muted')};
    background-image: repeating-linear-gradient(
      135deg,
      transparent 0 4px,
      color-mix(in srgb, ${token('color-border')} 60%, transparent) 4px 5px
    );
  }

  td.holiday {
    color: ${token('color-danger')};
    text-decoration: underline dotted;
  }

  td[aria-current='date'] {
    font-weight: ${token('font-weight-strong')};
    box-shadow: inset 0 0 0 1px ${token('color-accent')};
  }

  td[aria-selected='true'] {
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
  }

  td[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }

  td:focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: -2px;
  }

  .notice {
    margin: ${token('space-xs')} 0 0;
    max-inline-size: 17rem;
    color: ${token('color-danger')};
    font-size: ${token('font-size-s')};
  }

  .notice:empty {
    display: none;
  }
`;
