import { html, type TemplateResult } from 'lit';
import type { CountKpi, OverdueItem } from '../model/kpis.js';
import { panelSection, showAllButton, taskButton, type PanelContext } from './panel-context.js';

/**
 * The overdue list, most late first, with owners: the first `listLimit` tasks (each opens the task) and
 * a "Show all N" drill-down to every overdue task, so the DOM stays small however late the work is.
 */
export function overduePanel(items: readonly OverdueItem[], overdue: CountKpi, context: PanelContext): TemplateResult {
  const { t } = context;
  const shown = items.slice(0, context.listLimit);
  const content =
    items.length === 0
      ? html`<p class="empty">${t('dashboard.overdue.none')}</p>`
      : html`<ul class="overdue-list task-list" role="list">
            ${shown.map((item) => {
              const owners = item.ownerIds.map(context.personName);
              return html`<li data-task-id=${item.taskId}>
                ${taskButton(item.taskId, context)}
                <span class="late">${t('dashboard.overdue.late', { count: item.daysLate })} · <time datetime=${item.due}>${context.formatDay(item.due)}</time></span>
                <span class="owners muted">${owners.length === 0 ? t('dashboard.overdue.unassigned') : context.formatList(owners)}</span>
              </li>`;
            })}
          </ul>
          ${showAllButton(
            overdue.count,
            () => context.drillDown({ source: 'overdue', filter: overdue.drillDown, label: t('dashboard.drill.label', { name: t('dashboard.overdue'), value: context.formatNumber(overdue.count) }) }),
            context,
          )}`;
  return panelSection('overdue', t('dashboard.overdue'), content);
}
