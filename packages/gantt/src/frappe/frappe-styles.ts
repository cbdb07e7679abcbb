import { css, unsafeCSS, type CSSResult } from 'lit';
import { token } from '@cwm/ui';
import { FRAPPE_GANTT_CSS } from './frappe-css.generated.js';

/** frappe-gantt 1.2.2 keys its light colour variables on `:root` and its dark set on this selector. */
const FRAPPE_LIGHT_SELECTOR = ':root';
const FRAPPE_DARK_SELECTOR = 'html[data-theme=dark]';
/** Where both sets must live inside a shadow root: the host, and the host with `theme="dark"`. */
const HOST_LIGHT_SELECTOR = ':host';
const HOST_DARK_SELECTOR = ":host([theme='dark'])";

/**
 * frappe-gantt's stylesheet re-targeted for a shadow root. Neither `:root` nor `html[...]` can match
 * inside a shadow tree, so left alone every `var(--g-*)` is unset and the chart renders all black.
 * Throws when a selector is missing, so an upgrade that renames them fails loudly in tests instead of
 * silently rendering black again.
 */
export function retargetFrappeCss(source: string): string {
  const rootRule = `${FRAPPE_LIGHT_SELECTOR}{`;
  const darkRule = `${FRAPPE_DARK_SELECTOR}{`;
  if (!source.includes(rootRule)) throw new Error(`frappe-gantt CSS: no "${rootRule}" rule to re-target`);
  if (!source.includes(darkRule)) throw new Error(`frappe-gantt CSS: no "${darkRule}" rule to re-target`);
  return source.split(rootRule).join(`${HOST_LIGHT_SELECTOR}{`).split(darkRule).join(`${HOST_DARK_SELECTOR}{`);
}

/**
 * frappe's colour variables mapped to our tokens, so the chart follows the vendor's theme and the
 * inherited `color-scheme` (our token defaults are `light-dark()`). Listed for both host selectors so
 * these win over frappe's own dark set (`:host([theme])` is more specific than `:host`).
 * `--cwm-gantt-*` are the component hooks; variables left out keep frappe's values.
 */
const tokenMapping = css`
  :host,
  :host([theme='dark']) {
    --g-arrow-color: var(--cwm-gantt-arrow-color, ${token('color-text-muted')});
    /* Bars are a light tint of the accent and their done part a stronger one, so progress reads at a
       glance in light and dark and the label (text colour) keeps its contrast on both. */
    --g-bar-color: var(--cwm-gantt-bar-color, color-mix(in srgb, ${token('color-accent')} 18%, ${token('color-surface')}));
    --g-bar-border: ${token('color-border')};
    --g-progress-color: var(--cwm-gantt-progress-color, color-mix(in srgb, ${token('color-accent')} 45%, ${token('color-surface')}));
    --g-tick-color-thick: ${token('color-border')};
    --g-tick-color: ${token('color-surface-sunken')};
    --g-actions-background: ${token('color-surface-raised')};
    --g-border-color: ${token('color-border')};
    --g-row-border-color: ${token('color-border')};
    --g-text-muted: ${token('color-text-muted')};
    --g-text-light: ${token('color-accent-text')};
    --g-text-dark: ${token('color-text')};
    --g-handle-color: ${token('color-text')};
    --g-header-background: ${token('color-surface')};
    --g-row-color: ${token('color-surface')};
    --g-today-highlight: var(--cwm-gantt-today-color, ${token('color-accent')});
    --g-popup-actions: ${token('color-surface-raised')};
    --g-weekend-highlight-color: ${token('color-surface-raised')};
    --g-weekend-label-color: ${token('color-surface-sunken')};
  }

  /* The attribute also switches our own tokens, which follow color-scheme. */
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }

  /* frappe hard-codes Helvetica for bar labels and sets no font elsewhere. */
  .gantt-container {
    font-family: ${token('font-family')};
  }
  .gantt .bar-label {
    font-family: inherit;
  }
`;

/**
 * The windowed engine's layout (see `FrappeChart`) and the bar states the element sets as classes.
 */
const engineStyles = css`
  /* The element's viewport scrolls; frappe's container is sized to the whole plan by FrappeChart and
     only clips. A scroll container here would capture the sticky header; overflow: clip is none. */
  .gantt-container {
    overflow: clip;
    border-radius: 0;
    flex: none;
  }
  /* frappe's toolbar (today button, view select) is ours; its "back to the bars" button and per-bar
     hover highlights in the header are not used. */
  .gantt-container .side-header,
  .gantt-container .extras,
  .gantt-container .date-range-highlight {
    display: none;
  }
  .gantt {
    will-change: transform;
  }
  .gantt .bar-wrapper .bar {
    transition: none;
  }

  /* Milestone: the overlay draws the diamond; the bar stays as an invisible, draggable hit area. */
  .gantt .bar-wrapper.cwm-milestone .bar,
  .gantt .bar-wrapper.cwm-milestone .bar-progress {
    fill: transparent;
    stroke: none;
    outline: none;
  }
  /* ... also when critical: the diamond carries the critical colour, the hit area stays invisible. */
  .gantt .bar-wrapper.cwm-milestone.cwm-critical .bar {
    stroke: none;
    outline: none;
  }
  .gantt .bar-wrapper.cwm-milestone.cwm-critical .bar-progress {
    fill: transparent;
  }
  .gantt .bar-wrapper.cwm-milestone .handle,
  .gantt .bar-wrapper.cwm-summary .handle {
    display: none;
  }

  /* Summary: a thin dark bracket computed from the subtasks; not draggable. */
  .gantt .bar-wrapper.cwm-summary {
    pointer-events: none;
  }
  .gantt .bar-wrapper.cwm-summary .bar {
    fill: var(--cwm-gantt-summary-color, color-mix(in srgb, ${token('color-accent')} 45%, ${token('color-text')}));
    outline: none;
    height: 8px;
    transform: translateY(7px);
  }
  .gantt .bar-wrapper.cwm-summary .bar-progress {
    display: none;
  }

  /* Critical path. */
  .gantt .bar-wrapper.cwm-critical .bar {
    stroke: var(--cwm-gantt-critical-color, ${token('color-danger')});
    stroke-width: 1.5px;
    outline-color: var(--cwm-gantt-critical-color, ${token('color-danger')});
  }
  .gantt .bar-wrapper.cwm-critical .bar-progress {
    fill: color-mix(in srgb, var(--cwm-gantt-critical-color, ${token('color-danger')}) 35%, transparent);
  }

  /* Selected: a focus-ring-like outline. */
  .gantt .bar-wrapper.cwm-selected .bar {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 2px;
  }

  /* Pending: written, not yet confirmed by the backend. */
  .gantt .bar-wrapper.cwm-pending {
    opacity: 0.6;
  }
`;

/**
 * Styles for an element that hosts a frappe-gantt chart in its shadow root: frappe's stylesheet
 * re-targeted to `:host` (dark set on `:host([theme='dark'])`), then its colours mapped to `--cwm-*`
 * tokens, then the windowed engine's layout and bar states (`cwm-summary`, `cwm-milestone`,
 * `cwm-critical`, `cwm-selected`, `cwm-pending`). Add to the element's `static styles`; page CSS never
 * reaches the shadow root.
 */
export const frappeStyles: CSSResult = css`
  ${unsafeCSS(retargetFrappeCss(FRAPPE_GANTT_CSS))}
  ${tokenMapping}
  ${engineStyles}
`;
