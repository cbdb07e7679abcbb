import { css } from 'lit';
import { token } from '../tokens/token.js';

/**
 * The workspace is layout-neutral (`display: contents`): it wraps whatever the page puts inside it
 * without becoming a box of its own, so it can sit in a grid or flex layout unnoticed. It only sets
 * `color-scheme`, which its descendants inherit and which decides the light/dark token defaults.
 *
 * It deliberately does not use the widgets' base styles: its children are the page's own content,
 * and a provider must not force our typography on them.
 */
export const workspaceStyles = css`
  :host {
    display: contents;
  }

  :host([hidden]) {
    display: none;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  :host([theme='auto']) {
    color-scheme: light dark;
  }
`;

/**
 * The status line: a small pill in the viewport's bottom start corner, over the page rather than in
 * it, because the workspace has no box of its own to put it in and must not shift the host's layout.
 * Every inherited property is set here, on the pill itself: the page's rules reach the host (and
 * through it, inheritance) but never this element, so its own declarations always win.
 */
export const workspaceStatusStyles = css`
  .status {
    position: fixed;
    inset-block-end: var(--cwm-workspace-status-inset, 1rem);
    inset-inline-start: var(--cwm-workspace-status-inset, 1rem);
    z-index: var(--cwm-workspace-status-z-index, 1000);
    box-sizing: border-box;
    max-inline-size: calc(100vw - 2 * var(--cwm-workspace-status-inset, 1rem));
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')} ${token('space-s')};
    padding: ${token('space-xs')} ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    box-shadow: ${token('shadow-m')};
    color: ${token('color-text')};
    font-family: ${token('font-family')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-normal')};
    font-style: normal;
    line-height: ${token('font-line-height')};
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    white-space: normal;
  }

  /* Writes are held back: a stripe in the warning colour, so it reads as more than a passing note. */
  .status-offline,
  .status-signed-out {
    border-inline-start: 4px solid ${token('color-warning')};
  }

  .status button {
    box-sizing: border-box;
    min-block-size: 2rem;
    padding: 0 ${token('space-s')};
    border: 1px solid ${token('color-accent')};
    border-radius: ${token('radius-m')};
    background: transparent;
    color: ${token('color-accent')};
    font: inherit;
    font-weight: ${token('font-weight-strong')};
    cursor: pointer;
  }

  .status button:hover {
    background: ${token('color-surface-sunken')};
  }

  .status button:focus-visible {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 2px;
  }
`;
