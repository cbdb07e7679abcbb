import type { TemplateResult } from 'lit';
import { segmentedBarChart } from '../charts/segmented-bar-chart.js';
import { statusColors } from '../charts/series-colors.js';
import type { StatusMix, StatusMixEntry } from '../model/kpis.js';
import { panelSection, type PanelContext } from './panel-context.js';

/** The chart id of the status mix (its data region is `status-mix-data`). */
const CHART = 'status-mix';

/**
 * How the tasks spread over statuses: one bar split by status, coloured by category, with a legend of
 * buttons (and clickable segments) drilling down to each status's tasks. Status names are user data:
 * they reach the legend, the summary and the table as text only.
 */
export function statusMixPanel(mix: StatusMix, context: PanelContext): TemplateResult {
  const { t, formatNumber: n } = context;
  const entries = mix.byStatus;
  const total = entries.reduce((sum, entry) => sum + entry.count, 0);
  const name = (entry: StatusMixEntry): string => entry.name ?? entry.statusId;
  const colors = statusColors(entries.map((entry) => entry.category));
  const drill = (entry: StatusMixEntry): void =>
    context.drillDown({ source: 'status', id: entry.statusId, filter: entry.drillDown, label: t('dashboard.drill.label', { name: name(entry), value: n(entry.count) }) });
  const nonzero = entries.filter((entry) => entry.count > 0);
  const summary = t('dashboard.status-mix.summary', {
    count: total,
    list: context.formatList(nonzero.map((entry) => t('dashboard.status-mix.item', { name: name(entry), count: n(entry.count) }))),
  });
  const chart = segmentedBarChart({
    id: CHART,
    summary,
    segments: entries.map((entry, index) => ({
      key: entry.statusId,
      label: name(entry),
      value: entry.count,
      valueText: n(entry.count),
      color: colors[index]!,
      onClick: () => drill(entry),
    })),
    table: () => ({
      headers: [t('dashboard.status-mix.status'), t('dashboard.status-mix.tasks'), t('dashboard.status-mix.share')],
      rows: entries.map((entry) => ({ head: name(entry), cells: [n(entry.count), context.formatPercent(total > 0 ? (entry.count / total) * 100 : 0)] })),
    }),
    showData: context.isShowingData(CHART),
    labels: { showData: t('dashboard.chart.show-data'), hideData: t('dashboard.chart.hide-data'), dataRegion: t('dashboard.status-mix.data') },
    onToggle: () => context.toggleData(CHART),
  });
  return panelSection('status-mix', t('dashboard.status-mix'), chart);
}
