import { css, unsafeCSS, type CSSResult } from 'lit';
import { token } from '@cwm/ui';
import { HEADER_HEIGHT } from '../geometry.js';

/**
 * Styles of the dependency overlay, for the chart's `static styles`. The svg sits over the rows area of
 * the timeline and lets the pointer through to frappe's bars everywhere except on link handles and on
 * the wide invisible stroke that makes arrows clickable.
 *
 * Hooks: `--cwm-gantt-arrow-color`, `--cwm-gantt-today-color`, `--cwm-gantt-milestone-color`; critical
 * arrows use the danger token. Colours are tokens, so dark mode follows `color-scheme`.
 */
export const overlayStyles: CSSResult = css`
  .cwm-gantt-overlay {
    position: absolute;
    left: 0;
    top: ${unsafeCSS(`${HEADER_HEIGHT}px`)};
    overflow: visible;
    pointer-events: none;
  }

  .link .line {
    fill: none;
    stroke: ${token('color-text-muted', '--cwm-gantt-arrow-color')};
    stroke-width: 1.5;
  }
  .link .head {
    fill: ${token('color-text-muted', '--cwm-gantt-arrow-color')};
  }
  .link.cwm-critical .line {
    stroke: ${token('color-danger')};
  }
  .link.cwm-critical .head {
    fill: ${token('color-danger')};
  }
  .link.cwm-selected .line {
    stroke-width: 3;
  }
  /* Wide and invisible: a 1.5 px line is too thin to hit. 'stroke' ignores the transparent colour. */
  .link .hit {
    fill: none;
    stroke: transparent;
    stroke-width: 10;
    pointer-events: stroke;
    cursor: pointer;
  }

  .today {
    stroke: ${token('color-accent', '--cwm-gantt-today-color')};
    stroke-width: 2;
  }

  .milestone {
    fill: var(--cwm-gantt-milestone-color, color-mix(in srgb, ${token('color-accent')} 45%, ${token('color-text')}));
    stroke: ${token('color-surface')};
    stroke-width: 1;
  }
  .milestone.cwm-critical {
    fill: var(--cwm-gantt-critical-color, ${token('color-danger')});
  }
  .milestone.cwm-selected {
    stroke: ${token('color-focus-ring')};
    stroke-width: 2;
  }

  .link-handle {
    fill: ${token('color-surface')};
    stroke: ${token('color-accent')};
    stroke-width: 1.5;
    pointer-events: all;
    cursor: crosshair;
    /* The pointer drag is ours: no panning or scrolling on touch screens. */
    touch-action: none;
  }

  .draft-line {
    stroke: ${token('color-accent')};
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
  }
  .link-target {
    fill: none;
    stroke: ${token('color-accent')};
    stroke-width: 1.5;
    stroke-dasharray: 2 2;
  }
`;
