import type { TemplateResult } from 'lit';
import { lineChart } from '../charts/line-chart.js';
import { LINE_COLORS } from '../charts/series-colors.js';
import type { BurndownPoint } from '../model/flow.js';
import { panelSection, type PanelContext } from './panel-context.js';

const CHART = 'burndown';

/** Open tasks at the end of each day of the range, replayed from the activity log; the table adds remaining hours. */
export function burndownPanel(points: readonly BurndownPoint[], context: PanelContext): TemplateResult {
  const { t, formatNumber: n } = context;
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? t('dashboard.burndown.summary', { first: n(first.open), from: context.formatDay(first.date), last: n(last.open), to: context.formatDay(last.date) })
      : t('dashboard.chart.no-data');
  const chart = lineChart({
    id: CHART,
    summary,
    dates: points.map((point) => point.date),
    series: [{ key: 'open', label: t('dashboard.burndown.open'), values: points.map((point) => point.open), color: LINE_COLORS.primary }],
    table: () => ({
      headers: [t('dashboard.chart.date'), t('dashboard.burndown.open'), t('dashboard.burndown.remaining-hours')],
      rows: points.map((point) => ({ head: context.formatDay(point.date), cells: [n(point.open), n(point.remainingHours)] })),
    }),
    showData: context.isShowingData(CHART),
    labels: { showData: t('dashboard.chart.show-data'), hideData: t('dashboard.chart.hide-data'), dataRegion: t('dashboard.burndown.data') },
    onToggle: () => context.toggleData(CHART),
    formatNumber: n,
    formatAxisDay: context.formatAxisDay,
  });
  return panelSection('burndown', t('dashboard.burndown', { count: context.rangeDays }), chart);
}
