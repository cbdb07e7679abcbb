import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { computeWorkload, isIsoDate, todayIso, type IsoDate, type StoreState, type WorkloadReport, type WorkloadRow, type WorkloadWeek } from '@cwm/core';
import { CwmElement } from '@cwm/ui';
import { workloadCellTasks } from '../model/workload-cells.js';
import { moveCell, parseProjectIds, scrollTopToShow, visibleRows, workloadScope, type CellPosition } from './workload-grid.js';
import { registerWorkloadMessages } from './workload-messages.js';
import { workloadStyles } from './workload.styles.js';
import './workload-events.js';

/** Height of a person row and of the team row, in CSS pixels: fixed, so row positions are arithmetic. */
export const WORKLOAD_ROW_HEIGHT = 40;
/** Height of the week header row, in CSS pixels (two lines: week and date). */
export const WORKLOAD_HEADER_HEIGHT = 48;
/** Rows rendered beyond the viewport on each side. */
const OVERSCAN = 4;
/** Viewport height assumed before the grid is laid out (it is measured as soon as it is). */
const FALLBACK_VIEWPORT = 480;
/** Most weeks a grid shows: a year, the scale target; more would render thousands of cells per row. */
const MAX_WEEKS = 53;

/** What the report was last computed from, so it is computed again only when one of these changes. */
interface ReportBasis {
  readonly tasks: StoreState['tasks'];
  readonly people: StoreState['people'];
  readonly projects: StoreState['projects'];
  readonly workspace: StoreState['workspace'];
  readonly projectFilter: string;
  readonly weeks: number;
  readonly from: IsoDate;
  readonly report: WorkloadReport;
}

/**
 * People against ISO weeks: the hours of open work planned for each person each week against their
 * capacity, live from the shared store. Over-allocated cells are marked in the danger colour with an
 * icon and text (never colour alone); a team total row sums each week; tasks that cannot be placed
 * (no dates or no estimate) are counted as unplanned rather than skewing the hours.
 *
 * Only the rows in view are in the DOM (every row has the same height), so 200 people stay cheap; the
 * columns are the `weeks` window starting at the week of `today`. The grid follows the WAI-ARIA grid
 * pattern: one cell is in the tab order and the arrow keys, Home / End and Page Up / Down move between
 * cells. Activating a cell asks the host to show the tasks behind it.
 *
 * @summary Workload grid: people by week, allocated hours against capacity.
 * @tagname cwm-workload
 *
 * @event cwm-workload-drill-down - A cell was activated. `detail`: `{ personId, week, taskIds }`.
 *
 * @csspart grid - The scrolling grid.
 * @csspart cell - A person-week cell button.
 * @csspart unplanned - The unplanned count.
 *
 * @cssproperty --cwm-workload-height - Most height of the grid before it scrolls (default 30rem).
 * @cssproperty --cwm-workload-name-width - Width of the people column (default 12rem).
 * @cssproperty --cwm-workload-cell-width - Width of a week column (default 7rem).
 */
export class CwmWorkload extends CwmElement {
  static override styles = [...CwmElement.styles, workloadStyles];

  /** Comma-separated project ids; empty shows every project and every person of the workspace. */
  @property() projects = '';

  /** How many ISO weeks to show (1 to 53). */
  @property({ type: Number }) weeks = 12;

  /** Any day of the first week shown (`YYYY-MM-DD`); empty or invalid means the real today. */
  @property() today = '';

  @state() private data: StoreState | undefined;
  /** The grid's scroll offset and viewport height, which decide the rendered rows. */
  @state() private scrollY = 0;
  @state() private viewportHeight = FALLBACK_VIEWPORT;
  /** The cell in the tab order (roving tabindex). */
  @state() private active: CellPosition = { row: 0, col: 0 };

  @query('.grid') private grid!: HTMLElement | null;

  private basis: ReportBasis | undefined;
  private resizeObserver: ResizeObserver | undefined;

  constructor() {
    super();
    registerWorkloadMessages();
    this.observe(
      (store) => store.state$,
      (value) => {
        this.data = value;
      },
    );
  }

  /** The current report, computed again only when the tasks, people, projects or settings changed. */
  get report(): WorkloadReport | undefined {
    const state = this.data;
    if (!state) return undefined;
    const weeks = this.weekCount();
    const from = this.currentDay();
    const basis = this.basis;
    if (
      basis &&
      basis.tasks === state.tasks &&
      basis.people === state.people &&
      basis.projects === state.projects &&
      basis.workspace === state.workspace &&
      basis.projectFilter === this.projects &&
      basis.weeks === weeks &&
      basis.from === from
    ) {
      return basis.report;
    }
    const scope = workloadScope(state, parseProjectIds(this.projects));
    const calendar = state.workspace?.calendar;
    const report = computeWorkload(scope.tasks, scope.people, {
      from,
      weeks,
      workflowOf: (projectId) => state.projects.get(projectId)?.workflow,
      ...(calendar === undefined ? {} : { calendar }),
    });
    this.basis = {
      tasks: state.tasks,
      people: state.people,
      projects: state.projects,
      workspace: state.workspace,
      projectFilter: this.projects,
      weeks,
      from,
      report,
    };
    return report;
  }

  private weekCount(): number {
    const weeks = Number.isFinite(this.weeks) ? Math.floor(this.weeks) : 12;
    return Math.min(MAX_WEEKS, Math.max(1, weeks));
  }

  private currentDay(): IsoDate {
    return isIsoDate(this.today) ? this.today : todayIso();
  }

  // ------------------------------------------------------------------ actions

  private drillDown(row: WorkloadRow, week: WorkloadWeek): void {
    const report = this.report;
    const tasks = this.data?.tasks;
    if (!report || !tasks) return;
    const taskIds = workloadCellTasks(report, row.personId, week.key, tasks).map((task) => task.id);
    this.dispatch('cwm-workload-drill-down', { personId: row.personId, week: week.key, taskIds });
  }

  private onCellKeydown(event: KeyboardEvent): void {
    const report = this.report;
    if (!report) return;
    const pageRows = Math.max(1, Math.floor((this.viewportHeight - WORKLOAD_HEADER_HEIGHT - WORKLOAD_ROW_HEIGHT) / WORKLOAD_ROW_HEIGHT));
    const next = moveCell(this.active, event.key, event.ctrlKey || event.metaKey, { rows: report.rows.length, cols: report.weeks.length, pageRows });
    if (!next) return;
    event.preventDefault();
    void this.focusCell(next);
  }

  /** Makes `cell` the active one, scrolls its row into view (rendering it) and focuses it. */
  private async focusCell(cell: CellPosition): Promise<void> {
    this.active = cell;
    const grid = this.grid;
    if (grid) {
      const top = scrollTopToShow(cell.row, WORKLOAD_ROW_HEIGHT, grid.scrollTop, grid.clientHeight || this.viewportHeight, WORKLOAD_HEADER_HEIGHT, WORKLOAD_ROW_HEIGHT);
      if (top !== grid.scrollTop) {
        grid.scrollTop = top;
        // Render the row now rather than on the scroll event, so it can take focus right away.
        this.scrollY = grid.scrollTop;
      }
    }
    await this.updateComplete;
    this.cellButton(cell)?.focus();
  }

  private cellButton(cell: CellPosition): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`button.cell[data-row="${cell.row}"][data-col="${cell.col}"]`);
  }

  private readonly onScroll = (event: Event): void => {
    this.scrollY = (event.currentTarget as HTMLElement).scrollTop;
  };

  // ------------------------------------------------------------------ lifecycle

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The grid appears once there is data; watch its height from then on (it may be re-created).
    const grid = this.grid;
    if (grid && !this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(() => {
        const height = this.grid?.clientHeight ?? 0;
        if (height > 0 && height !== this.viewportHeight) this.viewportHeight = height;
      });
      this.resizeObserver.observe(grid);
    }
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const report = this.report;
    if (!report) return html`<div class="base"></div>`;
    const t = this.localize;
    const unplanned = html`<p class="unplanned" part="unplanned">${t.t('workload.unplanned', { count: report.unplanned.length })}</p>`;
    if (report.rows.length === 0) {
      return html`<div class="base">${unplanned}<p class="empty">${t.t('workload.empty')}</p></div>`;
    }
    // Keep the active cell inside the grid when people or weeks went away.
    const active = {
      row: Math.min(this.active.row, report.rows.length - 1),
      col: Math.min(this.active.col, report.weeks.length - 1),
    };
    const range = visibleRows(this.scrollY, this.viewportHeight, WORKLOAD_ROW_HEIGHT, report.rows.length, OVERSCAN);
    // When the active row is scrolled out, the first rendered row's cell takes the tab stop instead.
    const tabRow = active.row >= range.first && active.row < range.end ? active.row : range.first;
    const indexes = Array.from({ length: range.end - range.first }, (_, offset) => range.first + offset);
    const columns = `var(--cwm-workload-name-width, 12rem) repeat(${report.weeks.length}, var(--cwm-workload-cell-width, 7rem))`;
    return html`
      <div class="base">
        ${unplanned}
        <div
          class="grid"
          part="grid"
          role="grid"
          aria-label=${t.t('workload.label')}
          aria-rowcount=${report.rows.length + 2}
          aria-colcount=${report.weeks.length + 1}
          style="--columns: ${columns}; --row-height: ${WORKLOAD_ROW_HEIGHT}px; --header-height: ${WORKLOAD_HEADER_HEIGHT}px"
          @scroll=${this.onScroll}
        >
          <div class="head" role="rowgroup">
            <div class="row" role="row" aria-rowindex="1">
              <div class="corner" role="columnheader">${t.t('workload.person')}</div>
              ${report.weeks.map((week) => this.renderWeekHeader(week))}
            </div>
          </div>
          <div class="body" role="rowgroup" style="block-size: ${report.rows.length * WORKLOAD_ROW_HEIGHT}px; padding-block-start: ${range.first * WORKLOAD_ROW_HEIGHT}px">
            ${repeat(
              indexes,
              (index) => report.rows[index]!.personId,
              (index) => this.renderRow(report, index, index === tabRow ? active.col : -1),
            )}
          </div>
          <div class="foot" role="rowgroup">${this.renderTeamRow(report)}</div>
        </div>
      </div>
    `;
  }

  private renderWeekHeader(week: WorkloadWeek): TemplateResult {
    const label = this.localize.t('workload.week', { week: week.key.slice(week.key.indexOf('W') + 1) });
    const date = this.localize.formatDate(`${week.start}T00:00:00Z`, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    return html`<div class="week" role="columnheader" data-week=${week.key}><span>${label}</span><span class="date">${date}</span></div>`;
  }

  private renderRow(report: WorkloadReport, index: number, tabCol: number): TemplateResult {
    const row = report.rows[index]!;
    const name = this.data?.people.get(row.personId)?.name ?? row.personId;
    return html`
      <div class="row" role="row" aria-rowindex=${index + 2} data-person-id=${row.personId}>
        <div class="name" role="rowheader" title=${name}>${name}</div>
        ${row.cells.map((cell, col) => {
          const week = report.weeks[col]!;
          return html`
            <div role="gridcell">
              <button
                class="cell"
                part="cell"
                type="button"
                data-row=${index}
                data-col=${col}
                data-week=${week.key}
                ?data-over=${cell.overAllocated}
                tabindex=${col === tabCol ? 0 : -1}
                @click=${() => this.drillDown(row, week)}
                @keydown=${this.onCellKeydown}
                @focus=${() => (this.active = { row: index, col })}
              >
                <span class="hours">${this.hoursText(cell.allocated, cell.capacity)}</span>
                ${cell.overAllocated ? html`${warningIcon}<span class="visually-hidden">, ${this.localize.t('workload.over')}</span>` : nothing}
              </button>
            </div>
          `;
        })}
      </div>
    `;
  }

  private renderTeamRow(report: WorkloadReport): TemplateResult {
    return html`
      <div class="row team" role="row" aria-rowindex=${report.rows.length + 2}>
        <div class="name" role="rowheader">${this.localize.t('workload.team')}</div>
        ${report.team.map(
          (week, col) => html`
            <div class="total" role="gridcell" data-week=${report.weeks[col]!.key} ?data-over=${week.overAllocatedPeople > 0}>
              <span class="hours">${this.hoursText(week.allocated, week.capacity)}</span>
              ${week.overAllocatedPeople > 0 ? html`<span class="over-count">${warningIcon}${this.localize.t('workload.team-over', { count: week.overAllocatedPeople })}</span>` : nothing}
            </div>
          `,
        )}
      </div>
    `;
  }

  private hoursText(allocated: number, capacity: number): string {
    const format = (value: number): string => this.localize.formatNumber(value, { maximumFractionDigits: 1 });
    return this.localize.t('workload.hours', { allocated: format(allocated), capacity: format(capacity) });
  }
}

// A warning triangle: the non-colour cue of over-allocation; the text next to it is what is read out.
const warningIcon = svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5 15 14H1L8 1.5Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/><path d="M8 6v3.5M8 11.5v.5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`;
