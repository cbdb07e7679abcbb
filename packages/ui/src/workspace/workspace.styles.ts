import { css } from 'lit';

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
