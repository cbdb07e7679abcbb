import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { merge, type Observable } from 'rxjs';
import { addDays, isIsoDate, todayIso, type Id, type IsoDate, type StoreState } from '@cwm/core';
import { CwmElement, catalogRevision } from '@cwm/ui';
import { dashboardStyles } from './dashboard.styles.js';
import { type DashboardDrillDownDetail, type DashboardPanel, type DashboardTile, DASHBOARD_PANELS, DASHBOARD_TILES } from './events.js';
import { registerDashboardMessages } from './i18n/register.js';
import type { DashboardKpis } from './model/kpis.js';
import type { FlowCharts } from './model/flow.js';
import { createKpiIndex, type KpiIndex } from './model/kpi-index.js';
import { createLiveFlow, type LiveFlow } from './model/flow-live.js';
import { burndownPanel } from './panels/burndown-panel.js';
import { burnupPanel } from './panels/burnup-panel.js';
import { cumulativeFlowPanel } from './panels/cumulative-flow-panel.js';
import { kpiTiles } from './panels/kpi-tiles.js';
import { resolvePanels, resolveTiles, splitNames, type DashboardLayout } from './panels/layout.js';
import { overduePanel } from './panels/overdue-panel.js';
import type { PanelContext } from './panels/panel-context.js';
import { portfolioPanel } from './panels/portfolio-panel.js';
import { statusMixPanel } from './panels/status-mix-panel.js';
import { unplannedPanel } from './panels/unplanned-panel.js';
import { TASKS_PER_PERSON, whoPanel } from './panels/who-panel.js';

/** Days the charts cover when `range-days` is not set (or not a whole number from 1 to 366). */
const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 366;

/** Rows a list shows before its "Show all N" button: the DOM stays small however much work is late. */
const LIST_LIMIT = 8;

/**
 * The incremental models behind the numbers, for one selection, day and range (rebuilt when one of
 * those changes), and the tables they last read, so an unrelated store change costs nothing.
 */
interface Basis {
  readonly key: string;
  readonly kpis: KpiIndex;
  readonly flow: LiveFlow;
  tables?: { readonly tasks: StoreState['tasks']; readonly projects: StoreState['projects']; readonly activity: StoreState['activity']; readonly messages: StoreState['messages'] };
  numbers?: DashboardNumbers;
}

/** Everything the dashboard shows, for one state of the store. */
interface DashboardNumbers {
  readonly kpis: DashboardKpis;
  readonly flow: FlowCharts;
}

/**
 * The state of one or several projects at a glance, live from the shared store: KPI tiles, a
 * portfolio of projects, the status mix, overdue and unplanned work, who is on what, and burndown,
 * burnup and cumulative flow over the last `range-days` days. Every number drills down (a
 * `cwm-dashboard-drill-down` event with a ready filter); list rows open their task (`cwm-task-open`).
 * Which tiles and panels show, and in what order, comes from `tiles` / `panels` or the `layout` property.
 * Every number comes from the model (`computeKpis`, `flowCharts`, kept live incrementally by `createKpiIndex` / `createLiveFlow`); user text is only ever bound as text.
 *
 * @summary Executive dashboard: KPI tiles, portfolio, status mix, lists and flow charts that drill down.
 * @tagname cwm-dashboard
 *
 * @event cwm-dashboard-drill-down - A number was clicked. `detail`: `{ source, kpi?, id?, filter, label }`.
 * @event cwm-task-open - A task in a list was clicked. `detail`: `{ taskId }`.
 * @event cwm-dashboard-config-warning - `tiles`, `panels` or `layout` named something unknown (skipped). `detail`: `{ setting, name, known }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart tile - One KPI tile (a button).
 * @csspart panel - Every panel (a section); each also has a part named after it, e.g. `portfolio`, `burndown`.
 * @csspart chart - A chart's figure.
 */
export class CwmDashboard extends CwmElement {
  static override styles = [...CwmElement.styles, dashboardStyles];

  /** Comma-separated project ids; one for a project view, several for a portfolio. */
  @property() projects = '';

  /** Today's date (`YYYY-MM-DD`) for overdue, this week and the charts' range; empty means the real today. */
  @property() today = '';

  /** Comma-separated KPI tiles in display order (see `DASHBOARD_TILES`); empty shows all. */
  @property() tiles = '';

  /** Comma-separated panels in display order (see `DASHBOARD_PANELS`); empty shows the default for one project or a portfolio. */
  @property() panels = '';

  /** Tiles and panels as lists; a field given here wins over the `tiles` / `panels` attribute. */
  @property({ attribute: false }) layout: DashboardLayout | undefined;

  /** Days the burndown, burnup and cumulative flow cover, today included (1 to 366; default 30). */
  @property({ attribute: 'range-days', type: Number }) rangeDays = DEFAULT_RANGE_DAYS;

  @state() private data: StoreState | undefined;
  /** Ids of the charts whose data table is open. */
  @state() private openCharts: ReadonlySet<string> = new Set();

  private basis: Basis | undefined;
  private shownTiles: readonly DashboardTile[] = DASHBOARD_TILES;
  private shownPanels: readonly DashboardPanel[] = [];
  /** Unknown layout names already warned about, so a re-render does not repeat the warning. */
  private readonly warned = new Set<string>();

  /** Callbacks and formatting for the panels; one object for the element's life, reading current state when called. */
  private readonly context: PanelContext = this.createContext();

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

  private createContext(): PanelContext {
    // A getter's `this` is the object it sits on, so the range getter reaches the element through this name.
    const element = this;
    return {
      t: (key, params) => this.localize.t(key, params),
      formatNumber: (value) => this.localize.formatNumber(value),
      formatPercent: (percent) => this.localize.formatNumber(Math.floor(Math.max(0, percent)) / 100, { style: 'percent' }),
      formatDay: (date) => this.localize.formatDate(`${date}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
      formatAxisDay: (date) => this.localize.formatDate(`${date}T00:00:00Z`, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
      formatList: (items) => this.localize.formatList(items),
      projectName: (id) => this.data?.projects.get(id)?.name ?? id,
      personName: (id) => this.data?.people.get(id)?.name ?? id,
      taskTitle: (id) => this.data?.tasks.get(id)?.title ?? id,
      drillDown: (detail: DashboardDrillDownDetail) => this.dispatch('cwm-dashboard-drill-down', detail),
      openTask: (taskId) => this.dispatch('cwm-task-open', { taskId }),
      isShowingData: (chartId) => this.openCharts.has(chartId),
      toggleData: (chartId) => this.toggleData(chartId),
      listLimit: LIST_LIMIT,
      get rangeDays(): number {
        return element.effectiveRangeDays();
      },
    };
  }

  /** The selected project ids, in order, without blanks or repeats. */
  projectIds(): Id[] {
    return [...new Set(this.projects.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
  }

  /** The tiles shown, in order, after the layout settings were applied (unknown names skipped). */
  get visibleTiles(): readonly DashboardTile[] {
    return this.shownTiles;
  }

  /** The panels shown, in order, after the layout settings were applied (unknown names skipped). */
  get visiblePanels(): readonly DashboardPanel[] {
    return this.shownPanels;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('tiles') || changed.has('panels') || changed.has('layout') || changed.has('projects')) this.applyLayout();
  }

  private applyLayout(): void {
    const tiles = resolveTiles(this.layout?.tiles ?? splitNames(this.tiles));
    const panels = resolvePanels(this.layout?.panels ?? splitNames(this.panels), this.projectIds().length);
    this.shownTiles = tiles.names;
    this.shownPanels = panels.names;
    for (const name of tiles.unknown) this.warnUnknown('tiles', name, DASHBOARD_TILES);
    for (const name of panels.unknown) this.warnUnknown('panels', name, DASHBOARD_PANELS);
  }

  /** Reports a layout name that does not exist once per element: a console warning and an event a host can log. */
  private warnUnknown(setting: 'tiles' | 'panels', name: string, known: readonly string[]): void {
    const key = `${setting}\u0000${name}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`[cwm] <cwm-dashboard> skips the unknown ${setting === 'tiles' ? 'tile' : 'panel'} "${name}" in \`${setting}\`. Known: ${known.join(', ')}.`);
    this.dispatch('cwm-dashboard-config-warning', { setting, name, known });
  }

  private effectiveRangeDays(): number {
    const days = this.rangeDays;
    return Number.isInteger(days) && days >= 1 && days <= MAX_RANGE_DAYS ? days : DEFAULT_RANGE_DAYS;
  }

  private currentDay(): IsoDate {
    return isIsoDate(this.today) ? this.today : todayIso();
  }

  private toggleData(chartId: string): void {
    const open = new Set(this.openCharts);
    if (!open.delete(chartId)) open.add(chartId);
    this.openCharts = open;
  }

  /**
   * The one door to the numbers: KPIs and flow charts for a store state. After the first state, a
   * change re-derives only the tasks it touches (`createKpiIndex`, `createLiveFlow`: about 2 ms each on
   * 10,000 tasks, where a full recompute takes 50 ms and more); a new selection, day or range starts
   * new models. Parts that came out equal keep their objects, so the panels' `guard`s skip them.
   */
  private computed(state: StoreState): DashboardNumbers {
    const projectIds = this.projectIds();
    const today = this.currentDay();
    const days = this.effectiveRangeDays();
    const key = `${projectIds.join(',')}|${today}|${days}`;
    let basis = this.basis;
    if (basis?.key !== key) {
      basis = { key, kpis: createKpiIndex({ projectIds, today }), flow: createLiveFlow({ projectIds, from: addDays(today, 1 - days), today }) };
      this.basis = basis;
    }
    const tables = basis.tables;
    if (basis.numbers && tables && tables.tasks === state.tasks && tables.projects === state.projects && tables.activity === state.activity && tables.messages === state.messages) {
      return basis.numbers;
    }
    const first = basis.numbers === undefined;
    const kpis = first ? basis.kpis.reset(state) : basis.kpis.update(state);
    const flow = first ? basis.flow.reset(state) : basis.flow.update(state);
    const previous = basis.numbers;
    basis.numbers = previous && previous.kpis === kpis && previous.flow === flow ? previous : { kpis, flow };
    basis.tables = { tasks: state.tasks, projects: state.projects, activity: state.activity, messages: state.messages };
    return basis.numbers;
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const state = this.data;
    if (this.projectIds().length === 0) return html`<div class="base" part="base"><p class="empty">${this.localize.t('dashboard.empty.no-projects')}</p></div>`;
    if (!state) return html`<div class="base" part="base"></div>`;
    const { kpis, flow } = this.computed(state);
    const words = [this.localize.lang, catalogRevision()];
    return html`
      <div class="base" part="base">
        ${guard([kpis, this.shownTiles, ...words], () => kpiTiles(kpis, this.shownTiles, this.context))}
        ${this.shownPanels.length > 0 ? html`<div class="panels">${this.shownPanels.map((name) => this.renderPanel(name, { kpis, flow }, state, words))}</div>` : nothing}
      </div>
    `;
  }

  /**
   * One panel, re-rendered only when what it shows changed: its slice of the numbers (same object
   * when untouched), the names it looks up, the language, and its data table toggle.
   */
  private renderPanel(name: DashboardPanel, { kpis, flow }: DashboardNumbers, state: StoreState, words: readonly unknown[]): unknown {
    const context = this.context;
    const showing = this.openCharts.has(name);
    const days = this.effectiveRangeDays();
    const tasksOf = (ids: readonly Id[]): unknown[] => ids.slice(0, LIST_LIMIT).map((id) => state.tasks.get(id));
    switch (name) {
      case 'portfolio':
        return guard([kpis.portfolio, state.projects, ...words], () => portfolioPanel(kpis.portfolio, context));
      case 'status-mix':
        return guard([kpis.statusMix, showing, ...words], () => statusMixPanel(kpis.statusMix, context));
      case 'overdue':
        return guard([kpis.overdueList, kpis.overdue, state.people, ...words, ...tasksOf(kpis.overdueList.map((item) => item.taskId))], () =>
          overduePanel(kpis.overdueList, kpis.overdue, context),
        );
      case 'unplanned':
        return guard([kpis.unplanned, ...words, ...tasksOf(kpis.unplanned.items.map((item) => item.taskId))], () => unplannedPanel(kpis.unplanned, context));
      case 'who-is-on-what': {
        const shownTaskIds = kpis.whoIsOnWhat.slice(0, LIST_LIMIT).flatMap((work) => work.taskIds.slice(0, TASKS_PER_PERSON));
        return guard([kpis.whoIsOnWhat, state.people, ...words, ...shownTaskIds.map((id) => state.tasks.get(id))], () => whoPanel(kpis.whoIsOnWhat, this.projectIds(), context));
      }
      case 'burndown':
        return guard([flow.burndown, showing, days, ...words], () => burndownPanel(flow.burndown, context));
      case 'burnup':
        return guard([flow.burnup, showing, days, ...words], () => burnupPanel(flow.burnup, context));
      case 'cumulative-flow':
        return guard([flow.cumulativeFlow, showing, days, ...words], () => cumulativeFlowPanel(flow.cumulativeFlow, context));
    }
  }
}
