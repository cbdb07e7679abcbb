import { html, type TemplateResult } from 'lit';
import type { DashboardKpis } from '../model/kpis.js';
import { panelSection, showAllButton, taskButton, type PanelContext } from './panel-context.js';

/**
 * Open tasks without an estimate or dates: counted everywhere, but listed here so they do not skew the
 * numbers silently. The first `listLimit` open their task; "Show all N" drills down to all of them.
 */
export function unplannedPanel(unplanned: DashboardKpis['unplanned'], context: PanelContext): TemplateResult {
  const { t } = context;
  const content =
    unplanned.count === 0
      ? html`<p class="empty">${t('dashboard.unplanned.none')}</p>`
      : html`<p class="muted intro">${t('dashboard.unplanned.intro')}</p>
          <ul class="unplanned-list task-list" role="list">
            ${unplanned.items.slice(0, context.listLimit).map(
              (item) => html`<li data-task-id=${item.taskId}>
                ${taskButton(item.taskId, context)}
                <span class="missing">${item.missing.map((missing) => html`<span class="badge" data-missing=${missing}>${t(`dashboard.unplanned.${missing}`)}</span>`)}</span>
              </li>`,
            )}
          </ul>
          ${showAllButton(
            unplanned.count,
            () =>
              context.drillDown({
                source: 'unplanned',
                filter: unplanned.drillDown,
                label: t('dashboard.drill.label', { name: t('dashboard.unplanned.drill'), value: context.formatNumber(unplanned.count) }),
              }),
            context,
          )}`;
  return panelSection('unplanned', t('dashboard.unplanned'), content);
}
