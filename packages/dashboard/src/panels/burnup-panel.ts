import type { TemplateResult } from 'lit';
import { lineChart } from '../charts/line-chart.js';
import { LINE_COLORS } from '../charts/series-colors.js';
import type { BurnupPoint } from '../model/flow.js';
import { panelSection, type PanelContext } from './panel-context.js';

const CHART = 'burnup';

/** Done against scope at the end of each day: two lines with a legend, so scope creep is visible apart from progress. */
export function burnupPanel(points: readonly BurnupPoint[], context: PanelContext): TemplateResult {
  const { t, formatNumber: n } = context;
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? t('dashboard.burnup.summary', {
          done: n(last.done),
          total: n(last.total),
          to: context.formatDay(last.date),
          firstDone: n(first.done),
          firstTotal: n(first.total),
          from: context.formatDay(first.date),
        })
      : t('dashboard.chart.no-data');
  const done = t('dashboard.burnup.done');
  const scope = t('dashboard.burnup.scope');
  const chart = lineChart({
    id: CHART,
    summary,
    dates: points.map((point) => point.date),
    series: [
      { key: 'scope', label: scope, values: points.map((point) => point.total), color: LINE_COLORS.scope },
      { key: 'done', label: done, values: points.map((point) => point.done), color: LINE_COLORS.done },
    ],
    table: () => ({
      headers: [t('dashboard.chart.date'), done, scope],
      rows: points.map((point) => ({ head: context.formatDay(point.date), cells: [n(point.done), n(point.total)] })),
    }),
    showData: context.isShowingData(CHART),
    labels: { showData: t('dashboard.chart.show-data'), hideData: t('dashboard.chart.hide-data'), dataRegion: t('dashboard.burnup.data') },
    onToggle: () => context.toggleData(CHART),
    formatNumber: n,
    formatAxisDay: context.formatAxisDay,
  });
  return panelSection('burnup', t('dashboard.burnup', { count: context.rangeDays }), chart);
}
