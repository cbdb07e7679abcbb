import { html, svg, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { dateAxis, valueAxis } from './axes.js';
import { chartFigure, type ChartFigureView } from './chart-figure.js';
import { countTicks, linePoints, polylineAttribute, yOf, type ChartBox } from './line-geometry.js';

const BOX: ChartBox = { width: 300, height: 120, padding: 4 };

/** One line of a line chart. */
export interface LineSeries {
  /** Stable name for styling and tests, e.g. `done`. */
  readonly key: string;
  /** Shown in the legend. */
  readonly label: string;
  /** One value per date. */
  readonly values: readonly number[];
  readonly color: string;
}

/** A line chart over days: the lines, what the figure around it needs, and how to format numbers and days. */
export interface LineChartView extends Omit<ChartFigureView, 'plot' | 'legend'> {
  readonly dates: readonly string[];
  readonly series: readonly LineSeries[];
  readonly formatNumber: (value: number) => string;
  /** A short date for the axis, e.g. "Nov 26". */
  readonly formatAxisDay: (date: string) => string;
}

/**
 * Lines over days against one count axis from 0 (burndown: one line; burnup: done and scope), with a
 * legend when there is more than one line. Only numbers reach the SVG; names go to the legend as text.
 */
export function lineChart(view: LineChartView): TemplateResult {
  const ticks = countTicks(Math.max(0, ...view.series.flatMap((series) => series.values)));
  const top = ticks[ticks.length - 1]!;
  const plot = html`
    <div class="plot">
      ${valueAxis(ticks, BOX, view.formatNumber)}
      <svg class="plot-area" viewBox="0 0 ${BOX.width} ${BOX.height}" preserveAspectRatio="none" role="img" aria-label=${view.summary}>
        ${ticks.map((tick) => svg`<line class="grid" x1="0" x2=${BOX.width} y1=${yOf(tick, top, BOX)} y2=${yOf(tick, top, BOX)}></line>`)}
        ${view.series.map(
          (series) =>
            svg`<polyline class="line" data-series=${series.key} style=${styleMap({ stroke: series.color })} points=${polylineAttribute(linePoints(series.values, BOX, top))}></polyline>`,
        )}
      </svg>
      ${dateAxis(view.dates, BOX, view.formatAxisDay)}
    </div>
  `;
  const legend = view.series.length > 1 ? view.series.map((series) => ({ label: series.label, color: series.color, key: series.key })) : [];
  return chartFigure({ ...view, plot, legend });
}
