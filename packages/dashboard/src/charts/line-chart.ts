import { svg, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { dayPlot, seriesLegend, type DayChartView } from './axes.js';
import { chartFigure } from './chart-figure.js';
import { countTicks, linePoints, polylineAttribute, type ChartBox } from './line-geometry.js';

const BOX: ChartBox = { width: 300, height: 120, padding: 4 };

/**
 * Lines over days against one count axis from 0 (burndown: one line; burnup: done and scope), with a
 * legend when there is more than one line. Only numbers reach the SVG; names go to the legend as text.
 */
export function lineChart(view: DayChartView): TemplateResult {
  const ticks = countTicks(Math.max(0, ...view.series.flatMap((series) => series.values)));
  const top = ticks[ticks.length - 1]!;
  const lines = view.series.map(
    (series) =>
      svg`<polyline class="line" data-series=${series.key} style=${styleMap({ stroke: series.color })} points=${polylineAttribute(linePoints(series.values, BOX, top))}></polyline>`,
  );
  const plot = dayPlot(view, BOX, ticks, lines, 'under');
  return chartFigure({ ...view, plot, legend: view.series.length > 1 ? seriesLegend(view.series) : [] });
}
