import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { merge, type Observable } from 'rxjs';
import { addDays, isIsoDate, todayIso, type Id, type IsoDate, type StoreState, type WorkflowLookup } from '@cwm/core';
import { CwmElement } from '@cwm/ui';
import { burndownChart } from './charts/burndown-chart.js';
import { dashboardStyles } from './dashboard.styles.js';
import { DASHBOARD_TILES, type DashboardTile } from './events.js';
import { registerDashboardMessages } from './i18n/register.js';
import { computeKpis, type DashboardKpis, type OverdueItem, type PortfolioRow } from './model/kpis.js';
import { flowCharts, type BurndownPoint } from './model/flow.js';
import type { DashboardFilter } from './model/drill-down.js';
import './events.js';

/** Days the burndown covers, today included. */
const BURNDOWN_DAYS = 30;

/** What the numbers were last computed from: they are recomputed only when one of these changes. */
interface Basis {
  readonly tasks: StoreState['tasks'];
  readonly projects: StoreState['projects'];
  readonly activity: StoreState['activity'];
  readonly projectIds: string;
  readonly today: IsoDate;
  readonly kpis: DashboardKpis;
  readonly burndown: readonly BurndownPoint[];
}

/** A tile as rendered: its number in words and the filter behind it. */
interface TileView {
  readonly kpi: DashboardTile;
  readonly label: string;
  readonly value: string;
  readonly nonzero: boolean;
  readonly filter: DashboardFilter;
}

/**
 * The state of one or several projects at a glance, live from the shared store: KPI tiles that drill
 * down, a portfolio table, the overdue list with owners and a burndown of the last 30 days with a text
 * alternative and a data table. Every number comes from `computeKpis` / `flowCharts` (the model);
 * this element only lays them out. User text (titles, names) is only ever bound as text.
 *
 * @summary Executive dashboard of KPI tiles, portfolio, overdue list and burndown.
 * @tagname cwm-dashboard
 *
 * @event cwm-dashboard-drill-down - A tile was clicked. `detail`: `{ kpi, filter }` (a `DashboardFilter`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart tile - One KPI tile (a button).
 * @csspart portfolio - The per-project progress panel.
 * @csspart overdue - The overdue list panel.
 * @csspart chart - The burndown figure.
 */
export class CwmDashboard extends CwmElement {
  static override styles = [...CwmElement.styles, dashboardStyles];

  /** Comma-separated project ids; one for a project view, several for a portfolio. */
  @property() projects = '';

  /** Today's date (`YYYY-MM-DD`) for overdue, this week and the burndown range; empty means the real today. */
  @property() today = '';

  @state() private data: StoreState | undefined;
  @state() private showData = false;

  private basis: Basis | undefined;

  constructor() {
    super();
    registerDashboardMessages();
    this.observe(
      (store) => store.state$,
      (value) => {
        this.data = value;
      },
    );
    // The activity log is loaded on demand: subscribing to each project's log loads it, and its
    // entries then arrive through state$ like everything else.
    this.observe(
      (store) => merge(...this.projectIds().map((projectId) => store.activity$({ projectId }))) as Observable<unknown>,
      () => undefined,
      () => [this.projects],
    );
  }

  /** The selected project ids, in order, without blanks or repeats. */
  projectIds(): Id[] {
    return [...new Set(this.projects.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
  }

  private currentDay(): IsoDate {
    return isIsoDate(this.today) ? this.today : todayIso();
  }

  /** KPIs and burndown, recomputed only when the tasks, projects, activity, selection or day changed. */
  private computed(state: StoreState): Basis {
    const projectIds = this.projectIds();
    const key = projectIds.join(',');
    const today = this.currentDay();
    const basis = this.basis;
    if (basis && basis.tasks === state.tasks && basis.projects === state.projects && basis.activity === state.activity && basis.projectIds === key && basis.today === today) {
      return basis;
    }
    const workflowOf: WorkflowLookup = (projectId) => state.projects.get(projectId)?.workflow;
    const tasks = state.tasks.values();
    const kpis = computeKpis({ projectIds, tasks, workflowOf, today, messages: state.messages.values() });
    const { burndown } = flowCharts({ tasks, activity: state.activity.values(), workflowOf, projectIds, from: addDays(today, 1 - BURNDOWN_DAYS), to: today });
    this.basis = { tasks: state.tasks, projects: state.projects, activity: state.activity, projectIds: key, today, kpis, burndown };
    return this.basis;
  }

  private drillDown(tile: TileView): void {
    this.dispatch('cwm-dashboard-drill-down', { kpi: tile.kpi, filter: tile.filter });
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const state = this.data;
    const t = this.localize.t.bind(this.localize);
    if (this.projectIds().length === 0) return this.renderEmpty(t('dashboard.empty.no-projects'));
    if (!state) return html`<div class="base" part="base"></div>`;
    const { kpis, burndown } = this.computed(state);
    return html`
      <div class="base" part="base">
        <section class="kpis" aria-labelledby="kpis-title">
          <h2 id="kpis-title">${t('dashboard.kpis')}</h2>
          <ul class="tiles" role="list">
            ${this.tiles(kpis).map((tile) => html`<li>${this.renderTile(tile)}</li>`)}
          </ul>
          ${kpis.empty ? html`<p class="empty">${t('dashboard.empty.no-tasks')}</p>` : nothing}
        </section>
        <div class="panels">
          ${this.renderPortfolio(kpis.portfolio, state)} ${this.renderOverdue(kpis.overdueList, state)} ${this.renderBurndown(burndown)}
        </div>
      </div>
    `;
  }

  private renderEmpty(text: string): TemplateResult {
    return html`<div class="base" part="base"><p class="empty">${text}</p></div>`;
  }

  private tiles(kpis: DashboardKpis): TileView[] {
    const n = (value: number): string => this.localize.formatNumber(value);
    const t = this.localize.t.bind(this.localize);
    const values: Record<DashboardTile, { value: string; count: number; filter: DashboardFilter }> = {
      'percent-complete': {
        // Rounded down, so 99.6% never shows as 100% while work is left.
        value: this.localize.formatNumber(Math.floor(kpis.percentComplete.percent) / 100, { style: 'percent' }),
        count: kpis.percentComplete.percent,
        filter: kpis.percentComplete.drillDown,
      },
      done: { value: n(kpis.done.count), count: kpis.done.count, filter: kpis.done.drillDown },
      open: { value: n(kpis.open.count), count: kpis.open.count, filter: kpis.open.drillDown },
      overdue: { value: n(kpis.overdue.count), count: kpis.overdue.count, filter: kpis.overdue.drillDown },
      blocked: { value: n(kpis.blocked.count), count: kpis.blocked.count, filter: kpis.blocked.drillDown },
      'due-this-week': { value: n(kpis.dueThisWeek.count), count: kpis.dueThisWeek.count, filter: kpis.dueThisWeek.drillDown },
      checklist: {
        value: t('dashboard.kpi.checklist-value', { done: n(kpis.checklist.done), total: n(kpis.checklist.total) }),
        count: kpis.checklist.done,
        filter: kpis.checklist.drillDown,
      },
      people: { value: n(kpis.people.count), count: kpis.people.count, filter: kpis.people.drillDown },
    };
    return DASHBOARD_TILES.map((kpi) => ({ kpi, label: t(`dashboard.kpi.${kpi}`), value: values[kpi].value, nonzero: values[kpi].count > 0, filter: values[kpi].filter }));
  }

  private renderTile(tile: TileView): TemplateResult {
    return html`
      <button
        class="tile"
        part="tile"
        type="button"
        data-kpi=${tile.kpi}
        ?data-nonzero=${tile.nonzero}
        @click=${() => this.drillDown(tile)}
      >
        <span class="value">${tile.value}</span>
        <span class="label">${tile.label}</span>
      </button>
    `;
  }

  private renderPortfolio(rows: readonly PortfolioRow[], state: StoreState): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const n = (value: number): string => this.localize.formatNumber(value);
    return html`
      <section class="portfolio" part="portfolio" aria-labelledby="portfolio-title">
        <h3 id="portfolio-title">${t('dashboard.portfolio')}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">${t('dashboard.portfolio.project')}</th>
              <th scope="col">${t('dashboard.portfolio.progress')}</th>
              <th scope="col">${t('dashboard.portfolio.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => {
              const percent = Math.floor(row.percent);
              return html`
                <tr data-project-id=${row.projectId}>
                  <th scope="row" class="project-name">${state.projects.get(row.projectId)?.name ?? row.projectId}</th>
                  <td>
                    ${row.empty
                      ? html`<span class="muted">${t('dashboard.portfolio.empty')}</span>`
                      : html`
                          <span class="bar" aria-hidden="true"><span style="inline-size: ${percent}%"></span></span>
                          <span class="progress-text">${this.localize.formatNumber(percent / 100, { style: 'percent' })} · ${t('dashboard.portfolio.done-of', { done: n(row.done), total: n(row.total) })}</span>
                        `}
                  </td>
                  <td class="overdue-count">${n(row.overdue)}</td>
                </tr>
              `;
            })}
          </tbody>
        </table>
      </section>
    `;
  }

  private renderOverdue(items: readonly OverdueItem[], state: StoreState): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    return html`
      <section class="overdue" part="overdue" aria-labelledby="overdue-title">
        <h3 id="overdue-title">${t('dashboard.overdue')}</h3>
        ${items.length === 0
          ? html`<p class="empty">${t('dashboard.overdue.none')}</p>`
          : html`
              <ul class="overdue-list" role="list">
                ${items.map((item) => {
                  const owners = item.ownerIds.map((id) => state.people.get(id)?.name ?? id);
                  return html`
                    <li data-task-id=${item.taskId}>
                      <span class="task-title">${state.tasks.get(item.taskId)?.title ?? item.taskId}</span>
                      <span class="late">${t('dashboard.overdue.late', { count: item.daysLate })} · <time datetime=${item.due}>${this.formatDay(item.due)}</time></span>
                      <span class="owners muted">${owners.length === 0 ? t('dashboard.overdue.unassigned') : this.localize.formatList(owners)}</span>
                    </li>
                  `;
                })}
              </ul>
            `}
      </section>
    `;
  }

  private renderBurndown(points: readonly BurndownPoint[]): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const first = points[0];
    const last = points[points.length - 1];
    const summary =
      first && last
        ? t('dashboard.burndown.summary', { first: this.localize.formatNumber(first.open), from: this.formatDay(first.date), last: this.localize.formatNumber(last.open), to: this.formatDay(last.date) })
        : t('dashboard.burndown.no-data');
    return html`
      <section class="burndown-panel" aria-labelledby="burndown-title">
        <h3 id="burndown-title">${t('dashboard.burndown')}</h3>
        ${burndownChart({
          points,
          title: t('dashboard.burndown'),
          summary,
          showData: this.showData,
          labels: {
            showData: t('dashboard.burndown.show-data'),
            dataRegion: t('dashboard.burndown.data'),
            date: t('dashboard.burndown.date'),
            open: t('dashboard.burndown.open'),
            remainingHours: t('dashboard.burndown.remaining-hours'),
          },
          formatDay: (date) => this.formatDay(date),
          formatNumber: (value) => this.localize.formatNumber(value),
          onToggle: () => (this.showData = !this.showData),
        })}
      </section>
    `;
  }

  /** A calendar day, not an instant: formatted in UTC so no time zone shifts it. */
  private formatDay(date: IsoDate): string {
    return this.localize.formatDate(`${date}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  }
}
