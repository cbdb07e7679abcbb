import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  computeWorkload,
  isIsoDate,
  todayIso,
  type Id,
  type IsoDate,
  type Patch,
  type PermissionResult,
  type Person,
  type Project,
  type StoreState,
  type Task,
  type WorkloadOptions,
  type WorkloadReport,
} from '@cwm/core';
import { CwmElement } from '@cwm/ui';
import { workloadCellBreakdown } from '../model/workload-cells.js';
import { computeDailyWorkload, type DailyWorkloadReport } from '../model/workload-days.js';
import { groupsOf, moveCell, parseProjectIds, scopeOfGroup, scrollTopToShow, visibleRows, workloadScope, type CellPosition } from './workload-grid.js';
import { registerWorkloadMessages } from './workload-messages.js';
import { renderWorkloadPanel, type PanelNotice, type PanelTask, type ReassignChoice } from './workload-panel.js';
import { renderWorkloadToolbar } from './workload-toolbar.js';
import { dayView, weekView, type WorkloadColumn, type WorkloadUnit, type WorkloadView } from './workload-view.js';
import { workloadStyles } from './workload.styles.js';
import { compareText } from '../model/collections.js';
import './workload-events.js';

/** Height of a person row and of the team row, in CSS pixels: fixed, so row positions are arithmetic. */
export const WORKLOAD_ROW_HEIGHT = 40;
/** Height of the column header row, in CSS pixels (two lines: week and date). */
export const WORKLOAD_HEADER_HEIGHT = 48;
/** Rows rendered beyond the viewport on each side. */
const OVERSCAN = 4;
/** Viewport height assumed before the grid is laid out (it is measured as soon as it is). */
const FALLBACK_VIEWPORT = 480;
/** Most weeks a grid shows: a year, the scale target; more would render thousands of cells per row. */
const MAX_WEEKS = 53;
/** Most days a grid shows: a quarter and a bit (day columns are for the near term). */
const MAX_DAYS = 98;

/** Everything one computation produced, and what it was computed from (to reuse it while unchanged). */
interface Computed {
  readonly key: readonly unknown[];
  readonly view: WorkloadView;
  /** Core's weekly report in the week view; undefined in the day view. */
  readonly weekly: WorkloadReport | undefined;
  readonly daily: DailyWorkloadReport | undefined;
  /** The people of the chosen projects, before the group filter: who a task can be reassigned to. */
  readonly scopePeople: readonly Person[];
  /** The people shown (after the group filter): the weekly breakdown needs them. */
  readonly shownPeople: readonly Person[];
  readonly options: WorkloadOptions;
  /** Projects the project filter offers. */
  readonly projects: readonly Project[];
  /** Groups the group filter offers. */
  readonly groups: readonly string[];
}

/** The open drill-down panel: whose cell, which column. */
interface Drill {
  readonly personId: Id;
  readonly columnKey: string;
}

/**
 * People against ISO weeks (or days): the hours of open work planned for each person against their
 * capacity, live from the shared store. Over-allocated cells are marked in the danger colour with an
 * icon and text (never colour alone); a team total row sums each column; tasks that cannot be placed
 * (no dates or no estimate) are counted as unplanned rather than skewing the hours.
 *
 * Allocated hours: each open leaf task's remaining estimate (`estimate x (1 - progress)`), spread
 * evenly over its working days from `start` to `due` and split evenly among its assignees shown.
 * Done tasks and parents with subtasks (their subtasks count) add nothing.
 *
 * Only the rows in view are in the DOM (every row has the same height), so 200 people stay cheap; the
 * row holding the focused cell is kept too, so focus survives scrolling it away. The grid follows the
 * WAI-ARIA grid pattern: one cell is in the tab order and the arrow keys, Home / End (with Ctrl: the
 * corners) and Page Up / Down move between cells. Activating a cell (click, Enter, Space) fires
 * `cwm-workload-drill-down`; unless the host cancels it, a panel lists the tasks behind the cell with
 * their hours, "Open" and "Reassign to…" (through the store and its policy). Escape closes the panel
 * and focus returns to the cell.
 *
 * @summary Workload grid: people by week or day, allocated hours against capacity.
 * @tagname cwm-workload
 *
 * @event cwm-workload-drill-down - A cell was activated. `detail`: `{ personId, week, day?, taskIds }`. Cancelable: `preventDefault()` keeps the built-in panel closed.
 * @event cwm-task-open - "Open" was pressed on a task of the panel. `detail`: `{ taskId }`.
 *
 * @csspart toolbar - The filter bar.
 * @csspart grid - The scrolling grid.
 * @csspart cell - A person cell button.
 * @csspart unplanned - The unplanned count.
 * @csspart panel - The drill-down panel.
 *
 * @cssproperty --cwm-workload-height - Most height of the grid before it scrolls (default 30rem).
 * @cssproperty --cwm-workload-name-width - Width of the people column (default 12rem, 8rem when narrow).
 * @cssproperty --cwm-workload-cell-width - Width of a week column (default 7rem).
 * @cssproperty --cwm-workload-day-width - Width of a day column (default 7rem).
 */
export class CwmWorkload extends CwmElement {
  static override styles = [...CwmElement.styles, workloadStyles];

  /** Comma-separated project ids; empty shows every project and every person of the workspace. */
  @property() projects = '';

  /** Only people of this group (`Person.group`); empty shows everyone. The toolbar sets it too. */
  @property({ reflect: true }) group = '';

  /** Columns: ISO `week`s or `day`s. The toolbar sets it too. */
  @property({ reflect: true }) unit: WorkloadUnit = 'week';

  /** How many ISO weeks to show in the week view (1 to 53). */
  @property({ type: Number }) weeks = 12;

  /** How many days to show in the day view (1 to 98), from the Monday of the week of `today`. */
  @property({ type: Number }) days = 14;

  /** Any day of the first week shown (`YYYY-MM-DD`); empty or invalid means the real today. */
  @property() today = '';

  @state() private data: StoreState | undefined;
  /** The project chosen in the toolbar (`''`: all of `projects`). */
  @state() private chosenProject: Id = '';
  /** The grid's scroll offset and viewport height, which decide the rendered rows. */
  @state() private scrollY = 0;
  @state() private viewportHeight = FALLBACK_VIEWPORT;
  /** The cell in the tab order (roving tabindex). */
  @state() private active: CellPosition = { row: 0, col: 0 };
  @state() private drill: Drill | undefined;
  @state() private notice: PanelNotice | undefined;

  @query('.grid') private grid!: HTMLElement | null;

  private computed: Computed | undefined;
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

  /** Core's weekly report of what the grid shows; `undefined` before data and in the day view. */
  get report(): WorkloadReport | undefined {
    return this.compute()?.weekly;
  }

  /** What the grid shows, whatever the unit: columns, rows of cells, team totals, unplanned tasks. */
  get view(): WorkloadView | undefined {
    return this.compute()?.view;
  }

  /** Computes the grid again only when the tasks, people, projects, workspace or a setting changed. */
  private compute(): Computed | undefined {
    const state = this.data;
    if (!state) return undefined;
    const unit: WorkloadUnit = this.unit === 'day' ? 'day' : 'week';
    const count = unit === 'day' ? this.dayCount() : this.weekCount();
    const from = this.currentDay();
    const key = [state.tasks, state.people, state.projects, state.workspace, this.projects, this.chosenProject, this.group, unit, count, from];
    const previous = this.computed;
    if (previous && previous.key.every((value, index) => value === key[index])) return previous;

    const listed = parseProjectIds(this.projects);
    const projects = listed.length > 0 ? listed.map((id) => state.projects.get(id)).filter((project): project is Project => project !== undefined) : sortProjects(state.projects.values());
    const chosen = projects.some((project) => project.id === this.chosenProject) ? [this.chosenProject] : listed;
    const scope = workloadScope(state, chosen);
    const shown = scopeOfGroup(scope, this.group);
    const calendar = state.workspace?.calendar;
    const options: WorkloadOptions = {
      from,
      weeks: count,
      workflowOf: (projectId) => state.projects.get(projectId)?.workflow,
      ...(calendar === undefined ? {} : { calendar }),
    };
    let weekly: WorkloadReport | undefined;
    let daily: DailyWorkloadReport | undefined;
    let view: WorkloadView;
    if (unit === 'day') {
      const { weeks: _weeks, ...rest } = options;
      daily = computeDailyWorkload(shown.tasks, shown.people, { ...rest, days: count });
      view = dayView(daily);
    } else {
      weekly = computeWorkload(shown.tasks, shown.people, options);
      view = weekView(weekly);
    }
    this.computed = { key, view, weekly, daily, scopePeople: scope.people, shownPeople: shown.people, options, projects, groups: groupsOf(scope.people) };
    return this.computed;
  }

  private weekCount(): number {
    const weeks = Number.isFinite(this.weeks) ? Math.floor(this.weeks) : 12;
    return Math.min(MAX_WEEKS, Math.max(1, weeks));
  }

  private dayCount(): number {
    const days = Number.isFinite(this.days) ? Math.floor(this.days) : 14;
    return Math.min(MAX_DAYS, Math.max(1, days));
  }

  private currentDay(): IsoDate {
    return isIsoDate(this.today) ? this.today : todayIso();
  }

  // ------------------------------------------------------------------ drill-down

  private drillDown(personId: Id, column: WorkloadColumn, taskIds: readonly Id[]): void {
    const detail = { personId, week: column.week, ...(this.unit === 'day' ? { day: column.start } : {}), taskIds: [...taskIds] };
    if (!this.dispatch('cwm-workload-drill-down', detail, { cancelable: true })) return;
    this.drill = { personId, columnKey: column.key };
    this.notice = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.panel-title')?.focus());
  }

  /** Closes the panel and gives focus back to the cell it was opened from. */
  private closePanel(): void {
    const drill = this.drill;
    this.drill = undefined;
    this.notice = undefined;
    const view = this.view;
    if (!drill || !view) return;
    const row = view.rows.findIndex((candidate) => candidate.personId === drill.personId);
    const col = view.columns.findIndex((column) => column.key === drill.columnKey);
    void this.focusCell(row >= 0 && col >= 0 ? { row, col } : this.active);
  }

  private readonly onPanelKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.closePanel();
  };

  /** The tasks behind the open panel's cell, with their hours and whom each may go to. */
  private panelTasks(computed: Computed, drill: Drill): PanelTask[] | undefined {
    const state = this.data;
    if (!state) return undefined;
    const col = computed.view.columns.findIndex((column) => column.key === drill.columnKey);
    if (col < 0 || !computed.view.rows.some((row) => row.personId === drill.personId)) return undefined;
    let shares: { task: Task; hours: number }[];
    if (computed.daily) {
      const cell = computed.daily.byPerson.get(drill.personId)?.cells[col];
      shares = (cell?.taskIds ?? []).flatMap((id, index) => {
        const task = state.tasks.get(id);
        return task ? [{ task, hours: cell!.taskHours[index] ?? 0 }] : [];
      });
    } else if (computed.weekly) {
      shares = workloadCellBreakdown(computed.weekly, drill.personId, drill.columnKey, state.tasks, computed.shownPeople, computed.options);
    } else {
      shares = [];
    }
    return shares.map(({ task, hours }) => ({ task, hours, choices: this.reassignChoices(computed, task, drill.personId) }));
  }

  /**
   * Whom `task` may go to instead of `fromId`: the people of the chosen projects not on it yet, each
   * with the policy's answer. Replacing someone changes two assignees, so both must be allowed: giving
   * it to the target, and taking it from the person of the cell (the store checks the same).
   */
  private reassignChoices(computed: Computed, task: Task, fromId: Id): ReassignChoice[] {
    const store = this.store;
    if (!store) return [];
    const from = this.data?.people.get(fromId);
    const release = from ? store.can('task.assign', { task, person: from }) : ({ allowed: true } as const);
    return computed.scopePeople
      .filter((person) => person.kind === 'person' && !task.assigneeIds.includes(person.id))
      .map((person) => {
        const give = store.can('task.assign', { task, person });
        return { person, permission: give.allowed ? release : give };
      });
  }

  private reasonOf(denied: Exclude<PermissionResult, { allowed: true }>): string {
    // A host rule's reason is its own words; the built-in codes have translations.
    return denied.code === 'rule' && denied.reason !== '' ? denied.reason : this.localize.denial(denied);
  }

  private writeReason(code: string, reason: string): string {
    return code === 'rule' ? reason : this.localize.reason(code, reason);
  }

  /** Replaces the cell's person by `toId` on `task`, through the store (optimistic, policy-checked). */
  private reassign(task: Task, toId: Id): void {
    const store = this.store;
    const drill = this.drill;
    if (!store || !drill) return;
    const t = this.localize;
    const title = task.title;
    const person = this.data?.people.get(toId)?.name ?? toId;
    const assigneeIds = [...new Set(task.assigneeIds.map((id) => (id === drill.personId ? toId : id)))];
    const result = store.updateTask(task.id, { assigneeIds } as Patch<'tasks'>, 'task.assign');
    if (!result.ok) {
      this.notice = { kind: 'error', text: t.t('workload.panel.refused', { reason: this.writeReason(result.code, result.reason) }) };
      return;
    }
    this.notice = { kind: 'status', text: t.t('workload.panel.reassigned', { title, person }) };
    void result.confirmed.then((outcome) => {
      if (outcome.status === 'rejected') {
        this.notice = { kind: 'error', text: t.t('workload.panel.undone', { title, reason: this.writeReason(outcome.code, outcome.reason) }) };
      }
    });
    // The task leaves this cell, and the control that had focus with it: keep focus in the panel.
    void this.updateComplete.then(() => {
      const panel = this.renderRoot.querySelector('.panel');
      const focused = (this.renderRoot as ShadowRoot).activeElement;
      if (panel && (!focused || !panel.contains(focused))) panel.querySelector<HTMLElement>('.panel-title')?.focus();
    });
  }

  // ------------------------------------------------------------------ keyboard

  private onCellKeydown(event: KeyboardEvent): void {
    const view = this.view;
    if (!view) return;
    if (event.key === 'Escape' && this.drill) {
      event.preventDefault();
      this.closePanel();
      return;
    }
    const pageRows = Math.max(1, Math.floor((this.viewportHeight - WORKLOAD_HEADER_HEIGHT - WORKLOAD_ROW_HEIGHT) / WORKLOAD_ROW_HEIGHT));
    const next = moveCell(this.active, event.key, event.ctrlKey || event.metaKey, { rows: view.rows.length, cols: view.columns.length, pageRows });
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
        // Render the rows there now rather than on the scroll event.
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

  // ------------------------------------------------------------------ filters

  private setProject(projectId: Id): void {
    this.chosenProject = projectId;
    this.drill = undefined;
  }

  private setGroup(group: string): void {
    this.group = group;
    this.drill = undefined;
  }

  private setUnit(unit: WorkloadUnit): void {
    this.unit = unit;
    this.drill = undefined;
  }

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
    const computed = this.compute();
    if (!computed) return html`<div class="base"></div>`;
    const { view } = computed;
    const t = this.localize;
    const toolbar = renderWorkloadToolbar({
      localize: t,
      projects: computed.projects,
      project: computed.projects.some((project) => project.id === this.chosenProject) ? this.chosenProject : '',
      groups: computed.groups,
      group: this.group,
      unit: view.unit,
      onProject: (id) => this.setProject(id),
      onGroup: (group) => this.setGroup(group),
      onUnit: (unit) => this.setUnit(unit),
    });
    const unplanned = html`<p class="unplanned" part="unplanned">${t.t('workload.unplanned', { count: view.unplanned.length })}</p>`;
    if (view.rows.length === 0) {
      const empty = this.group !== '' && computed.scopePeople.length > 0 ? t.t('workload.empty-group', { group: this.group }) : t.t('workload.empty');
      return html`<div class="base">${toolbar}${unplanned}<p class="empty">${empty}</p></div>`;
    }
    return html`<div class="base">${toolbar}${unplanned}${this.renderGrid(view)}${this.renderPanel(computed)}</div>`;
  }

  private renderGrid(view: WorkloadView): TemplateResult {
    const t = this.localize;
    // Keep the active cell inside the grid when people or columns went away.
    const active = {
      row: Math.min(this.active.row, view.rows.length - 1),
      col: Math.min(this.active.col, view.columns.length - 1),
    };
    const range = visibleRows(this.scrollY, this.viewportHeight, WORKLOAD_ROW_HEIGHT, view.rows.length, OVERSCAN);
    // The active row stays rendered while scrolled away, so a focused cell keeps focus (and the tab stop).
    const indexes = Array.from({ length: range.end - range.first }, (_, offset) => range.first + offset);
    if (active.row < range.first) indexes.unshift(active.row);
    else if (active.row >= range.end) indexes.push(active.row);
    const width = view.unit === 'day' ? 'var(--cwm-workload-day-width, 7rem)' : 'var(--cwm-workload-cell-width, 7rem)';
    const columns = `var(--_name-width) repeat(${view.columns.length}, ${width})`;
    return html`<div
      class="grid"
      part="grid"
      role="grid"
      aria-label=${t.t('workload.label')}
      aria-rowcount=${view.rows.length + 2}
      aria-colcount=${view.columns.length + 1}
      style="--columns: ${columns}; --row-height: ${WORKLOAD_ROW_HEIGHT}px; --header-height: ${WORKLOAD_HEADER_HEIGHT}px"
      @scroll=${this.onScroll}
    >
      <div class="head" role="rowgroup">
        <div class="row" role="row" aria-rowindex="1">
          <div class="corner" role="columnheader">${t.t('workload.person')}</div>
          ${view.columns.map((column) => this.renderColumnHeader(view, column))}
        </div>
      </div>
      <div class="body" role="rowgroup" style="block-size: ${view.rows.length * WORKLOAD_ROW_HEIGHT}px">
        ${repeat(
          indexes,
          (index) => view.rows[index]!.personId,
          (index) => this.renderRow(view, index, index === active.row ? active.col : -1),
        )}
      </div>
      <div class="foot" role="rowgroup">${this.renderTeamRow(view)}</div>
    </div>`;
  }

  private renderColumnHeader(view: WorkloadView, column: WorkloadColumn): TemplateResult {
    const t = this.localize;
    const date = t.formatDate(`${column.start}T00:00:00Z`, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    if (view.unit === 'day') {
      const weekday = t.formatDate(`${column.start}T00:00:00Z`, { weekday: 'short', timeZone: 'UTC' });
      return html`<div class="week day" role="columnheader" data-day=${column.key} ?data-off=${!column.working}><span>${weekday}</span><span class="date">${date}</span></div>`;
    }
    const label = t.t('workload.week', { week: column.week.slice(column.week.indexOf('W') + 1) });
    return html`<div class="week" role="columnheader" data-week=${column.key}><span>${label}</span><span class="date">${date}</span></div>`;
  }

  private renderRow(view: WorkloadView, index: number, tabCol: number): TemplateResult {
    const row = view.rows[index]!;
    const name = this.data?.people.get(row.personId)?.name ?? row.personId;
    const t = this.localize;
    return html`
      <div class="row" role="row" aria-rowindex=${index + 2} data-person-id=${row.personId} style="inset-block-start: ${index * WORKLOAD_ROW_HEIGHT}px">
        <div class="name" role="rowheader" title=${name}>${name}</div>
        ${row.cells.map((cell, col) => {
          const column = view.columns[col]!;
          const off = !column.working && cell.allocated === 0;
          return html`
            <div role="gridcell">
              <button
                class="cell"
                part="cell"
                type="button"
                data-row=${index}
                data-col=${col}
                data-week=${column.week}
                data-key=${column.key}
                ?data-over=${cell.overAllocated}
                ?data-off=${off}
                tabindex=${col === tabCol ? 0 : -1}
                @click=${() => this.drillDown(row.personId, column, cell.taskIds)}
                @keydown=${this.onCellKeydown}
                @focus=${() => (this.active = { row: index, col })}
              >
                ${off
                  ? html`<span class="hours" aria-hidden="true">–</span><span class="visually-hidden">${t.t('workload.day-off')}</span>`
                  : html`<span class="hours">${this.hoursText(cell.allocated, cell.capacity)}</span>`}
                ${cell.overAllocated ? html`${warningIcon}<span class="visually-hidden">, ${t.t('workload.over')}</span>` : nothing}
              </button>
            </div>
          `;
        })}
      </div>
    `;
  }

  /**
   * The team row. Its cells are as narrow as the others but hold bigger numbers and a count of people
   * over capacity, so they show a short form (compact numbers, the icon and the count) and carry the
   * full wording as the title and as text for screen readers.
   */
  private renderTeamRow(view: WorkloadView): TemplateResult {
    const t = this.localize;
    return html`
      <div class="row team" role="row" aria-rowindex=${view.rows.length + 2}>
        <div class="name" role="rowheader" title=${t.t('workload.team')}>${t.t('workload.team')}</div>
        ${view.team.map((total, col) => {
          const full = this.hoursText(total.allocated, total.capacity);
          const short = this.hoursText(total.allocated, total.capacity, true);
          const over = total.overAllocatedPeople > 0 ? t.t('workload.team-over', { count: total.overAllocatedPeople }) : '';
          const title = over === '' ? full : `${full}, ${over}`;
          return html`
            <div class="total" role="gridcell" title=${title} data-week=${view.columns[col]!.week} data-key=${view.columns[col]!.key} ?data-over=${over !== ''}>
              <span class="hours" aria-hidden="true">${short}</span>
              ${over !== '' ? html`<span class="over-count" aria-hidden="true">${warningIcon}${t.formatNumber(total.overAllocatedPeople)}</span>` : nothing}
              <span class="visually-hidden">${title}</span>
            </div>
          `;
        })}
      </div>
    `;
  }

  private renderPanel(computed: Computed): TemplateResult | typeof nothing {
    const drill = this.drill;
    if (!drill) return nothing;
    const tasks = this.panelTasks(computed, drill);
    if (!tasks) return nothing;
    const column = computed.view.columns.find((candidate) => candidate.key === drill.columnKey)!;
    const t = this.localize;
    const period =
      computed.view.unit === 'day'
        ? t.formatDate(`${column.start}T00:00:00Z`, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' })
        : t.t('workload.week', { week: column.week.slice(column.week.indexOf('W') + 1) });
    return renderWorkloadPanel({
      localize: t,
      person: this.data?.people.get(drill.personId),
      personId: drill.personId,
      period,
      tasks,
      notice: this.notice,
      reasonOf: (denied) => this.reasonOf(denied),
      onClose: () => this.closePanel(),
      onOpen: (taskId) => this.dispatch('cwm-task-open', { taskId }),
      onReassign: (task, toId) => this.reassign(task, toId),
      onKeydown: this.onPanelKeydown,
    });
  }

  /**
   * `12.5 / 40 h`. The `short` form, for the team row's narrow cells, drops the decimals from 10 up and
   * uses compact numbers from 1,000 (`7.2K`); the full form goes into the title and the spoken text.
   */
  private hoursText(allocated: number, capacity: number, short = false): string {
    const format = (value: number): string => this.localize.formatNumber(value, short ? shortNumber(value) : { maximumFractionDigits: 1 });
    return this.localize.t('workload.hours', { allocated: format(allocated), capacity: format(capacity) });
  }
}

function shortNumber(value: number): Intl.NumberFormatOptions {
  const size = Math.abs(value);
  if (size >= 1000) return { notation: 'compact', maximumFractionDigits: 1 };
  return { maximumFractionDigits: size >= 10 ? 0 : 1 };
}

function sortProjects(projects: Project[]): Project[] {
  return projects.sort((a, b) => a.name.localeCompare(b.name) || compareText(a.id, b.id));
}

// A warning triangle: the non-colour cue of over-allocation; the text next to it is what is read out.
const warningIcon = svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5 15 14H1L8 1.5Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/><path d="M8 6v3.5M8 11.5v.5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`;
