import { svg, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { dayPlot, seriesLegend, type DayChartView } from './axes.js';
import { chartFigure } from './chart-figure.js';
import { countTicks, linePoints, polylineAttribute, type ChartBox } from './line-geometry.js';

const BOX: ChartBox = { width: 300, height: 120, padding: 0 };

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
 * Bands stacked bottom to top (`view.series` bottom band first; cumulative flow: tasks per status per day), each a closed polygon from its
 * top edge back along the band below. Only numbers reach the SVG; status names go to the legend as text.
 */
export function stackedAreaChart(view: DayChartView): TemplateResult {
  const stacked = stackSeries(view.series.map((series) => series.values));
  const totals = stacked[stacked.length - 1] ?? [];
  const ticks = countTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1]!;
  const baseline = view.dates.map(() => 0);
  const bands = view.series.map((series, k) => {
    const upper = linePoints(stacked[k]!, BOX, top);
    const lower = linePoints(stacked[k - 1] ?? baseline, BOX, top).reverse();
    return svg`<polygon class="area" data-series=${series.key} style=${styleMap({ fill: series.color })} points=${polylineAttribute([...upper, ...lower])}></polygon>`;
  });
  // The grid goes over the bands, which would hide it; the legend reads top band first, as on screen.
  const plot = dayPlot(view, BOX, ticks, bands, 'over');
  return chartFigure({ ...view, plot, legend: seriesLegend([...view.series].reverse()) });
}
