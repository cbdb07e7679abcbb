import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { dateLabelIndexes, xPercent, yOf, type ChartBox } from './line-geometry.js';

/**
 * Axis labels drawn in HTML around the SVG rather than inside it: the SVG stretches to any width
 * (`preserveAspectRatio="none"`), which would distort text, and HTML labels keep their font size and
 * never overlap (at most three dates, anchored at the start, middle and end). Hidden from assistive
 * technology: the summary and the data table say the same in words.
 */
export function valueAxis(ticks: readonly number[], box: ChartBox, formatNumber: (value: number) => string): TemplateResult {
  const top = ticks[ticks.length - 1] ?? 0;
  const labels = ticks.map(formatNumber);
  // The labels are placed absolutely, so the column is sized here to the longest one.
  const width = `${Math.max(1, ...labels.map((label) => label.length))}ch`;
  return html`<div class="y-axis" aria-hidden="true" style=${styleMap({ minInlineSize: width })}>
    ${ticks.map((tick, index) => html`<span style=${styleMap({ insetBlockStart: `${(yOf(tick, top, box) / box.height) * 100}%` })}>${labels[index]}</span>`)}
  </div>`;
}

/** The date labels under a chart of `dates`: first, middle and last day. */
export function dateAxis(dates: readonly string[], box: ChartBox, formatAxisDay: (date: string) => string): TemplateResult {
  const indexes = dateLabelIndexes(dates.length);
  return html`<div class="x-axis" aria-hidden="true">
    ${indexes.map((index, position) => {
      const edge = position === 0 ? 'start' : position === indexes.length - 1 ? 'end' : 'middle';
      return html`<span class=${edge} style=${styleMap({ insetInlineStart: `${xPercent(index, dates.length, box)}%` })}>${formatAxisDay(dates[index]!)}</span>`;
    })}
  </div>`;
}
