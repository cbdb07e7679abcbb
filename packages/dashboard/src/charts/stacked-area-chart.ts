import { html, svg, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { dateAxis, valueAxis } from './axes.js';
import { chartFigure, type ChartFigureView } from './chart-figure.js';
import { countTicks, linePoints, polylineAttribute, yOf, type ChartBox } from './line-geometry.js';

const BOX: ChartBox = { width: 300, height: 120, padding: 0 };

/** One band of a stacked area chart. */
export interface AreaSeries {
  /** Stable name for styling and tests, e.g. a status id. */
  readonly key: string;
  /** Shown in the legend (may be user text: it is bound as text). */
  readonly label: string;
  /** One value per date. */
  readonly values: readonly number[];
  readonly color: string;
}

/** A stacked area chart over days. */
export interface StackedAreaChartView extends Omit<ChartFigureView, 'plot' | 'legend'> {
  readonly dates: readonly string[];
  /** Bottom band first. */
  readonly series: readonly AreaSeries[];
  readonly formatNumber: (value: number) => string;
  readonly formatAxisDay: (date: string) => string;
}

/**
 * The running totals of stacked series: `result[k][i]` is the sum of series 0..k on day i, so band k
 * lies between `result[k - 1]` and `result[k]`.
 */
export function stackSeries(series: readonly (readonly number[])[]): number[][] {
  const stacked: number[][] = [];
  series.forEach((values, k) => {
    const below = stacked[k - 1];
    stacked.push(values.map((value, index) => Math.max(0, value) + (below?.[index] ?? 0)));
  });
  return stacked;
}

/**
 * Bands stacked bottom to top (cumulative flow: tasks per status per day), each a closed polygon from its
 * top edge back along the band below. Only numbers reach the SVG; status names go to the legend as text.
 */
export function stackedAreaChart(view: StackedAreaChartView): TemplateResult {
  const stacked = stackSeries(view.series.map((series) => series.values));
  const totals = stacked[stacked.length - 1] ?? [];
  const ticks = countTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1]!;
  const baseline = view.dates.map(() => 0);
  const plot = html`
    <div class="plot">
      ${valueAxis(ticks, BOX, view.formatNumber)}
      <svg class="plot-area" viewBox="0 0 ${BOX.width} ${BOX.height}" preserveAspectRatio="none" role="img" aria-label=${view.summary}>
        ${view.series.map((series, k) => {
          const upper = linePoints(stacked[k]!, BOX, top);
          const lower = linePoints(stacked[k - 1] ?? baseline, BOX, top).reverse();
          return svg`<polygon class="area" data-series=${series.key} style=${styleMap({ fill: series.color })} points=${polylineAttribute([...upper, ...lower])}></polygon>`;
        })}
        ${ticks.map((tick) => svg`<line class="grid over" x1="0" x2=${BOX.width} y1=${yOf(tick, top, BOX)} y2=${yOf(tick, top, BOX)}></line>`)}
      </svg>
      ${dateAxis(view.dates, BOX, view.formatAxisDay)}
    </div>
  `;
  // The legend reads top band first, as the bands appear on screen.
  const legend = [...view.series].reverse().map((series) => ({ label: series.label, color: series.color, key: series.key }));
  return chartFigure({ ...view, plot, legend });
}
