import { css } from 'lit';
import { token } from '../tokens/token.js';

/** Read by screen readers, invisible on screen (live regions, labels of icon buttons). */
export const visuallyHiddenStyles = css`
  .visually-hidden:not(:focus-within) {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

`;

/**
 * The stylesheet every widget starts from.
 *
 * Shadow DOM keeps page selectors out of our internals, but inherited properties still flow in
 * through the host, and a page rule such as `* { font-family: ... }` matches the host itself. In the
 * shadow cascade an outer normal declaration beats a `:host` rule, while an inner `!important` one
 * beats the outer declarations. So the inherited typography is set `!important` on `:host`: pages
 * cannot leak their fonts in, and vendors still theme through the `--cwm-*` tokens it reads.
 */
export const baseStyles = css`
  ${visuallyHiddenStyles}

  :host {
    display: block;
    box-sizing: border-box;
    font-family: ${token('font-family')} !important;
    font-size: ${token('font-size-m')} !important;
    font-weight: ${token('font-weight-normal')} !important;
    font-style: normal !important;
    line-height: ${token('font-line-height')} !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-transform: none !important;
    text-indent: 0 !important;
    white-space: normal !important;
    color: ${token('color-text')} !important;
    -webkit-font-smoothing: antialiased;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    /* Not inherit: a page rule on the host must not decide how our internals are sized. */
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 2px;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
