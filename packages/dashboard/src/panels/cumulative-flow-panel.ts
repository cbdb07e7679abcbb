import type { TemplateResult } from 'lit';
import { statusColors } from '../charts/series-colors.js';
import { stackedAreaChart } from '../charts/stacked-area-chart.js';
import type { CumulativeFlow } from '../model/flow.js';
import { panelSection, type PanelContext } from './panel-context.js';

const CHART = 'cumulative-flow';

/**
 * Tasks per status per day, stacked with done at the bottom (the classic cumulative flow: widening
 * middle bands mean work piling up in progress). Status names are user data: legend, summary and table
 * headers bind them as text.
 */
export function cumulativeFlowPanel(flow: CumulativeFlow, context: PanelContext): TemplateResult {
  const { t, formatNumber: n } = context;
  const colors = statusColors(flow.series.map((series) => series.category));
  const lastIndex = flow.dates.length - 1;
  const summary =
    lastIndex >= 0
      ? t('dashboard.flow.summary', {
          to: context.formatDay(flow.dates[lastIndex]!),
          list: context.formatList(flow.series.map((series) => t('dashboard.status-mix.item', { name: series.name, count: n(series.counts[lastIndex] ?? 0) }))),
        })
      : t('dashboard.chart.no-data');
  const bands = flow.series.map((series, index) => ({ key: series.status, label: series.name, values: series.counts, color: colors[index]! }));
  const chart = stackedAreaChart({
    id: CHART,
    summary,
    dates: flow.dates,
    // Workflow order runs to do -> done; stacking it reversed puts done at the bottom.
    series: [...bands].reverse(),
    table: () => ({
      headers: [t('dashboard.chart.date'), ...flow.series.map((series) => series.name)],
      rows: flow.dates.map((date, index) => ({ head: context.formatDay(date), cells: flow.series.map((series) => n(series.counts[index] ?? 0)) })),
    }),
    showData: context.isShowingData(CHART),
    labels: { showData: t('dashboard.chart.show-data'), hideData: t('dashboard.chart.hide-data'), dataRegion: t('dashboard.flow.data') },
    onToggle: () => context.toggleData(CHART),
    formatNumber: n,
    formatAxisDay: context.formatAxisDay,
  });
  return panelSection('cumulative-flow', t('dashboard.flow', { count: context.rangeDays }), chart);
}
