import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { ChartFigureView, LegendEntry } from './chart-figure.js';
import { dateLabelIndexes, xPercent, yOf, type ChartBox } from './line-geometry.js';

/** One series of a chart over days: a line, or a band of a stacked area. */
export interface DaySeries {
  /** Stable name for styling and tests, e.g. `done` or a status id. */
  readonly key: string;
  /** Shown in the legend (may be user text: it is bound as text). */
  readonly label: string;
  /** One value per date. */
  readonly values: readonly number[];
  readonly color: string;
}

/** A chart over days: its series, what the figure around it needs, and how to format numbers and days. */
export interface DayChartView extends Omit<ChartFigureView, 'plot' | 'legend'> {
  readonly dates: readonly string[];
  readonly series: readonly DaySeries[];
  readonly formatNumber: (value: number) => string;
  /** A short date for the axis, e.g. "Nov 26". */
  readonly formatAxisDay: (date: string) => string;
}

/** Where a chart over days draws its horizontal grid lines: under its marks, or over them (filled areas would hide them). */
export type GridLayer = 'under' | 'over';

/**
 * The plot of a chart over days: the value axis, the SVG drawing (an image named by the chart's
 * summary, stretched to any width) with a grid line at every tick, and the date axis. `marks` are the
 * chart's own shapes, drawn in `box` against `ticks` (the last tick is the top of the scale).
 */
export function dayPlot(
  view: DayChartView,
  box: ChartBox,
  ticks: readonly number[],
  marks: readonly SVGTemplateResult[],
  grid: GridLayer,
): TemplateResult {
  const top = ticks[ticks.length - 1]!;
  const gridLines = ticks.map(
    (tick) => svg`<line class=${grid === 'over' ? 'grid over' : 'grid'} x1="0" x2=${box.width} y1=${yOf(tick, top, box)} y2=${yOf(tick, top, box)}></line>`,
  );
  return html`
    <div class="plot">
      ${valueAxis(ticks, box, view.formatNumber)}
      <svg class="plot-area" viewBox="0 0 ${box.width} ${box.height}" preserveAspectRatio="none" role="img" aria-label=${view.summary}>
        ${grid === 'under' ? gridLines : marks} ${grid === 'under' ? marks : gridLines}
      </svg>
      ${dateAxis(view.dates, box, view.formatAxisDay)}
    </div>
  `;
}

/** Legend entries for `series`, in the given order. */
export function seriesLegend(series: readonly DaySeries[]): LegendEntry[] {
  return series.map((entry) => ({ label: entry.label, color: entry.color, key: entry.key }));
}

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
