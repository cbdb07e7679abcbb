import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardTile } from '../events.js';
import type { DashboardFilter } from '../model/drill-down.js';
import type { DashboardKpis } from '../model/kpis.js';
import type { PanelContext } from './panel-context.js';

/** A tile as rendered: its number in words and the filter behind it. */
interface TileView {
  readonly kpi: DashboardTile;
  readonly value: string;
  readonly nonzero: boolean;
  readonly filter: DashboardFilter;
}

function tileView(kpi: DashboardTile, kpis: DashboardKpis, context: PanelContext): TileView {
  const n = context.formatNumber;
  const count = (value: { count: number; drillDown: DashboardFilter }): TileView => ({ kpi, value: n(value.count), nonzero: value.count > 0, filter: value.drillDown });
  switch (kpi) {
    case 'percent-complete':
      return { kpi, value: context.formatPercent(kpis.percentComplete.percent), nonzero: kpis.percentComplete.percent > 0, filter: kpis.percentComplete.drillDown };
    case 'checklist':
      return {
        kpi,
        value: context.t('dashboard.kpi.checklist-value', { done: n(kpis.checklist.done), total: n(kpis.checklist.total) }),
        nonzero: kpis.checklist.done > 0,
        filter: kpis.checklist.drillDown,
      };
    case 'done':
      return count(kpis.done);
    case 'open':
      return count(kpis.open);
    case 'overdue':
      return count(kpis.overdue);
    case 'blocked':
      return count(kpis.blocked);
    case 'due-this-week':
      return count(kpis.dueThisWeek);
    case 'people':
      return count(kpis.people);
  }
}

/**
 * The KPI tiles named in `tiles`, in that order: each a button drilling down to the tasks behind its
 * number. The value comes first in the DOM (read as "12 Overdue") and wraps rather than clips.
 */
export function kpiTiles(kpis: DashboardKpis, tiles: readonly DashboardTile[], context: PanelContext): TemplateResult {
  const { t } = context;
  return html`<section class="kpis" aria-labelledby="kpis-title">
    <h2 id="kpis-title">${t('dashboard.kpis')}</h2>
    ${tiles.length > 0
      ? html`<ul class="tiles" role="list">
          ${tiles.map((kpi) => {
            const tile = tileView(kpi, kpis, context);
            const label = t(`dashboard.kpi.${kpi}`);
            return html`<li>
              <button
                class="tile"
                part="tile"
                type="button"
                data-kpi=${kpi}
                ?data-nonzero=${tile.nonzero}
                @click=${() => context.drillDown({ source: 'tile', kpi, filter: tile.filter, label: t('dashboard.drill.label', { name: label, value: tile.value }) })}
              >
                <span class="value">${tile.value}</span>
                <span class="label">${label}</span>
              </button>
            </li>`;
          })}
        </ul>`
      : nothing}
    ${kpis.empty ? html`<p class="empty">${t('dashboard.empty.no-tasks')}</p>` : nothing}
  </section>`;
}
