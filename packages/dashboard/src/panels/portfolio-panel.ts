import { html, type TemplateResult } from 'lit';
import type { PortfolioRow } from '../model/kpis.js';
import { panelSection, type PanelContext } from './panel-context.js';

/**
 * Per-project progress: one row per project with a progress bar, done of total and overdue. The project
 * name is a button drilling down to that project's tasks.
 */
export function portfolioPanel(rows: readonly PortfolioRow[], context: PanelContext): TemplateResult {
  const { t, formatNumber: n } = context;
  const drill = (row: PortfolioRow): void =>
    context.drillDown({ source: 'project', id: row.projectId, filter: row.drillDown, label: t('dashboard.drill.label', { name: context.projectName(row.projectId), value: n(row.total) }) });
  return panelSection(
    'portfolio',
    t('dashboard.portfolio'),
    html`<table>
      <thead>
        <tr>
          <th scope="col">${t('dashboard.portfolio.project')}</th>
          <th scope="col">${t('dashboard.portfolio.progress')}</th>
          <th scope="col" class="number">${t('dashboard.portfolio.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => {
          const percent = Math.min(100, Math.max(0, Math.floor(row.percent)));
          return html`<tr data-project-id=${row.projectId}>
            <th scope="row"><button type="button" class="link project-name" @click=${() => drill(row)}>${context.projectName(row.projectId)}</button></th>
            <td>
              ${row.empty
                ? html`<span class="muted">${t('dashboard.portfolio.empty')}</span>`
                : html`<span class="bar" aria-hidden="true"><span style="inline-size: ${percent}%"></span></span>
                    <span class="progress-text">${context.formatPercent(row.percent)} · ${t('dashboard.portfolio.done-of', { done: n(row.done), total: n(row.total) })}</span>`}
            </td>
            <td class="number overdue-count" ?data-nonzero=${row.overdue > 0}>${n(row.overdue)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`,
  );
}
