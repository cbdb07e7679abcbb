import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import {
  addDays,
  checkNewDependency,
  computeCriticalPath,
  dependsOnOtherTasks,
  matchesTaskFilter,
  statusCategories,
  todayIso,
  type CriticalPathResult,
  type DependencyType,
  type Id,
  type IsoDate,
  type StoreState,
  Table,
  type Project,
  type Task,
  type TaskFilter,
} from '@cwm/core';
import { CwmElement, renderScopeChip, scopeChipStyles, tagOf, type MessageKey, type MessageParams } from '@cwm/ui';
import type { DependencyDetail, ScheduleChange, TaskScheduleDetail } from './events.js';
import { downloadBlob, exportPng, exportSvgBlob, type ExportSource } from './export/index.js';
import { FrappeChart, type ChartBar } from './frappe/frappe-chart.js';
import { frappeStyles } from './frappe/frappe-styles.js';
import { TimeScale } from './timeline/time-scale.js';
import { HEADER_HEIGHT, ROW_HEIGHT } from './geometry.js';
import { ALL_GRID_COLUMNS, columnTemplate, columnsThatFit, parseGridColumns } from './grid/grid-columns.js';
import { renderGridHeader, renderGridRow } from './grid/grid-row.js';
import { ganttStyles } from './gantt.styles.js';
import { registerGanttMessages } from './i18n/register.js';
import { focusTarget, gridCommand, type GridCommand } from './interaction/grid-keys.js';
import {
  addDependency,
  projectTasksOf,
  scopeGanttRows,
  updateGanttRows,
  updateProjectTasks,
  type ProjectTasks,
  type TaskLookup,
  dependencyLinks,
  keyboardReschedule,
  needsNewWindow,
  planSchedule,
  removeDependency,
  stepDays,
  visibleWindow,
  type DependencyLinks,
  type GanttRow,
  type GanttRows,
  type ScopedRows,
  type InvalidTask,
  type RowWindow,
} from './model/index.js';
import { LinkDrag, linkKey, overlayStyles, renderOverlay, type LinkRequest } from './overlay/index.js';
import { CwmGanttPopup } from './popup/gantt-popup.js';
import type { PopupAnchor } from './popup/popup-model.js';
import { renderToolbar, type ToolbarHost } from './toolbar/gantt-toolbar.js';
import { scopeContextStyles } from './toolbar/scope-context.styles.js';
import { ZOOMS, isZoom, type Zoom } from './zoom.js';
import './events.js';

registerGanttMessages();

/** The tasks of a Gantt without a store yet. */
const EMPTY_TASKS: Table<Task> = Table.empty();

/** From this many tasks on, the critical path of a changed plan is computed in the frame after the change. */
const DEFERRED_CRITICAL_PATH_TASKS = 2_000;

/** Rows rendered above and below the visible ones, so small scrolls need no work at all. */
const OVERSCAN_ROWS = 12;

/**
 * The first window has only this overscan: each bar frappe draws costs about half a millisecond, so
 * the first paint draws what is visible and the rest of the overscan follows right after it.
 */
const FIRST_PAINT_OVERSCAN = 1;

/**
 * A Gantt timeline of one project (or a portfolio) from the shared store, drawn by frappe-gantt: a task
 * grid with hierarchy beside the bars, dependencies of all four types with lag, drag to move, resize
 * and set progress, scheduling rules that refuse or shift a change and push successors, the critical
 * path, today, zoom from days to years, keyboard control, and export to PNG and SVG. Only the rows in
 * view exist in the DOM, so 5,000 tasks cost what 40 cost.
 *
 * Task names never reach frappe as markup, and the popup is ours: every user value is rendered as text.
 *
 * @summary Gantt timeline on the shared cwm store.
 * @tagname cwm-gantt
 *
 * @event cwm-task-schedule - Before tasks get new dates (drag, resize, keys). Cancelable. `detail`: `TaskScheduleDetail`.
 * @event cwm-task-scheduled - After the new dates were applied; `detail.confirmed` settles when the backend answered.
 * @event cwm-dependency-create - Before a dependency is created. Cancelable. `detail`: `DependencyDetail`.
 * @event cwm-dependency-created - After a dependency was created.
 * @event cwm-dependency-delete - Before a dependency is deleted. Cancelable.
 * @event cwm-dependency-deleted - After a dependency was deleted.
 * @event cwm-task-open - A task was opened (Enter on its row, double click on its bar, the popup's button). `detail.taskId`.
 * @event cwm-scope-clear - "Clear filter" was pressed on the scope chip. Cancelable; else `scope` is dropped. `detail.scope`.
 *
 * @csspart base - The Gantt's frame.
 * @csspart toolbar - The zoom and export bar.
 * @csspart scope - The chip naming the host-given `scope`, with its Clear button.
 * @csspart grid - The task grid on the left.
 * @csspart timeline - The timeline with the bars.
 * @csspart notice - The message line for refused changes.
 *
 * @cssproperty --cwm-gantt-height - Height of the Gantt (default 32rem).
 * @cssproperty --cwm-gantt-bar-color - Bar colour.
 * @cssproperty --cwm-gantt-progress-color - Colour of the done part of a bar.
 * @cssproperty --cwm-gantt-arrow-color - Dependency arrows.
 * @cssproperty --cwm-gantt-today-color - The today line.
 */
export class CwmGantt extends CwmElement implements ToolbarHost {
  static elements = { 'cwm-gantt-popup': CwmGanttPopup };
  static override styles = [...CwmElement.styles, frappeStyles, overlayStyles, ganttStyles, scopeChipStyles, scopeContextStyles];

  /** The project to show; a comma-separated list shows a portfolio. */
  @property() project = '';

  /** Time per column: `day`, `week`, `month`, `quarter` or `year`. Zooming keeps the centre in view. */
  @property({ reflect: true }) zoom: Zoom = 'week';

  /** Grid columns, comma-separated: title, assignee, start, due, progress. The title is always shown. */
  @property() columns: string = ALL_GRID_COLUMNS.join(',');

  /** No changes from this Gantt (dragging, keys, dependencies); the policy may also forbid them per task. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** What a move that breaks one of the task's own dependencies does: `refuse` it, or `shift` the task to the first allowed day. */
  @property() violation: 'refuse' | 'shift' = 'refuse';

  /**
   * Whether moving a task later pushes its successors (transitively) so no dependency breaks. On by
   * default; `push-successors="false"` turns it off from HTML.
   */
  @property({ attribute: 'push-successors', converter: { fromAttribute: (value: string | null) => value !== 'false' } })
  pushSuccessors = true;

  /** Highlights the critical path (tasks without slack) and shows slack in the popup. */
  @property({ type: Boolean, attribute: 'critical-path', reflect: true }) criticalPath = false;

  /** The day the today line marks (`YYYY-MM-DD`); defaults to the real today. */
  @property() today = '';

  /** Width of the task grid in CSS pixels; it never takes more than 45 % of the Gantt, and columns that do not fit are left out. */
  @property({ type: Number, attribute: 'grid-width' }) gridWidthSetting = 480;

  /**
   * A host-given scope (typically a dashboard tile's drill-down filter): the rows shown are the tasks
   * it selects plus their ancestors, which stay as muted context rows so the hierarchy still reads.
   * Summaries keep the dates and progress of all their subtasks. Dependency arrows are drawn only
   * between rows shown. Its `projectIds` are ignored: `project` decides which projects show. While
   * set, a chip above the toolbar names it (`scopeLabel`) and offers "Clear filter".
   */
  @property({ attribute: false }) scope: TaskFilter | undefined = undefined;

  /** What the scope chip calls the scope ("Overdue tasks (12)"); shown as plain text. */
  @property({ attribute: 'scope-label' }) scopeLabel = '';

  /** Hides the toolbar (the host drives zoom and export through properties and methods). */
  @property({ type: Boolean, attribute: 'no-toolbar' }) noToolbar = false;

  @state() private data: StoreState | undefined;
  @state() private collapsed: ReadonlySet<Id> = new Set();
  @state() private activeId: Id | undefined;
  @state() private window: RowWindow = { first: 0, count: 0 };
  @state() private popupFor: { readonly id: Id; readonly anchor: PopupAnchor } | undefined;
  @state() private popupRefusal = '';
  @state() private hoveredId: Id | undefined;
  /** The arrow last clicked (`from>to`), drawn emphasised while its successor's popup is open. */
  @state() private selectedLink: string | undefined;
  @state() private dragGeometry: { readonly id: Id; readonly x: number; readonly width: number } | undefined;
  @state() private notice = '';
  @state() private announcement = '';
  /** Overscan of the current window: small for the first paint, then `OVERSCAN_ROWS`. */
  private overscan = FIRST_PAINT_OVERSCAN;
  /** The Gantt's own width, followed with a ResizeObserver (the grid's width and columns depend on it). */
  @state() private hostWidth = 0;
  private readonly resizeObserver = new ResizeObserver((entries) => {
    for (const entry of entries) {
      if (entry.target === this) {
        const width = Math.round(entry.contentRect.width);
        if (width !== this.hostWidth) this.hostWidth = width;
      } else if (entry.contentRect.height !== this.viewportHeight) {
        // Only a new window needs an update; most resizes keep the rows in view covered.
        this.viewportHeight = entry.contentRect.height;
        const next = this.windowFor(this.window);
        if (next !== this.window) this.window = next;
      }
    }
  });
  /**
   * The viewport's height and scroll position, kept from the ResizeObserver and the scroll handler:
   * reading them from the DOM during an update would force a layout in the middle of every change.
   */
  private viewportHeight = 0;
  private viewportScrollTop = 0;

  @query('.viewport') private viewport!: HTMLElement;
  @query('.frappe-host') private frappeHost!: HTMLElement;
  @query('.overlay-host') private overlayHost!: HTMLElement;
  @query('.grid') private gridPane!: HTMLElement;
  @query('svg.overlay') private overlayElement!: SVGSVGElement;

  private chart: FrappeChart | undefined;
  private readonly linkDrag = new LinkDrag({
    layout: () => this.chart && { rows: this.model.rows, scale: this.chart.scale, dragGeometry: this.dragGeometry, window: this.window },
    onDraftChange: () => this.requestUpdate(),
    onLinkRequest: (request) => this.requestLink(request),
  });

  // Derived data, recomputed only when its inputs change (by identity).
  /** The shown projects' tasks, updated from the store's table by what changed (`updateProjectTasks`). */
  private tasksState: ProjectTasks | undefined;
  private projectTasks: readonly Task[] = [];
  private taskById: TaskLookup = Table.empty<Task>();
  /** `isDone` for the row model; the same function while projects and shown projects stay the same. */
  private done: { projects: Table<Project> | undefined; project: string; check: (task: Task) => boolean } | undefined;
  private rowsKey: { tasks: readonly Task[]; collapsed: ReadonlySet<Id>; invalid: unknown } | undefined;
  /** The rows of the whole plan, patched on each change; `model` is what shows (narrowed by `scope`). */
  private fullModel: GanttRows = { rows: [], indexOf: new Map() };
  private fullLinks: DependencyLinks = dependencyLinks({ rows: [], indexOf: new Map() }, []);
  private model: GanttRows = this.fullModel;
  private links: DependencyLinks = this.fullLinks;
  /** The scoped rows and what they were computed from; undefined without a scope. */
  private scoped: { readonly key: readonly unknown[]; readonly result: ScopedRows } | undefined;
  private contextIds: ReadonlySet<Id> = new Set();
  private criticalKey: readonly Task[] | undefined;
  private critical: CriticalPathResult | undefined;
  private criticalIds: { readonly result: CriticalPathResult; readonly ids: ReadonlySet<Id> } | undefined;
  /** The bars last handed to the chart, slot by slot, to find what changed. */
  private shownBars: readonly (ChartBar | undefined)[] = [];
  private shownFirst = -1;
  private axis: { zoom: Zoom; start: IsoDate; due: IsoDate } | undefined;
  private scrolledInitially = false;

  protected readonly stateBinding = this.observe(
    (store) => store.state$,
    (data) => (this.data = data),
  );

  // ------------------------------------------------------------------ public API

  /** Scrolls the timeline so that today is in the middle. */
  scrollToToday(): void {
    this.centreOn(this.todayDate);
  }

  /** Scrolls so a task's row and bar are in view, and makes it the active row. */
  revealTask(taskId: Id): void {
    this.expandAncestors(taskId);
    this.updateComplete.then(() => {
      const index = this.model.indexOf.get(taskId);
      if (index === undefined) return;
      this.activeId = taskId;
      this.scrollRowIntoView(index);
      const row = this.model.rows[index];
      if (row?.start) this.centreOn(row.start);
    });
  }

  /** Exports what is visible, as a PNG or an SVG file download. Returns the file. */
  async exportChart(format: 'png' | 'svg'): Promise<Blob | undefined> {
    const source = this.exportSource();
    if (!source) return undefined;
    const blob = format === 'png' ? await exportPng(source) : exportSvgBlob(source);
    downloadBlob(blob, `${this.fileBaseName()}.${format}`);
    return blob;
  }

  /** What the export functions read: the visible viewport and its parts. */
  exportSource(): ExportSource | undefined {
    if (!this.chart) return undefined;
    return {
      viewport: this.viewport,
      gridPane: this.gridPane,
      frappeContainer: this.chart.container,
      overlay: this.overlayElement,
      title: this.projectTitle(),
    };
  }

  // ------------------------------------------------------------------ toolbar host

  /** @internal */
  get showCritical(): boolean {
    return this.criticalPath;
  }

  /** @internal */
  get readonlyReason(): string | undefined {
    if (this.readonly) return this.t('gantt.readonly');
    const project = this.data?.projects.get(this.projectIds[0] ?? '');
    const answer = project ? this.store?.can('task.schedule', { project }) : undefined;
    return answer && !answer.allowed ? this.localize.denial(answer) : undefined;
  }

  /** @internal */
  get canExport(): boolean {
    return this.chart !== undefined;
  }

  /** @internal Messages of this Gantt's language. */
  readonly t = (key: string, params?: MessageParams): string => this.localize.t(key as MessageKey, params);

  setZoom(zoom: Zoom): void {
    if (zoom === this.zoom) return;
    this.zoom = zoom;
    this.announce(this.t('gantt.announce.zoom', { level: this.t(`gantt.zoom.${zoom}`) }));
  }

  toggleCritical(): void {
    this.criticalPath = !this.criticalPath;
  }

  expandAll(expand: boolean): void {
    this.collapsed = expand ? new Set() : new Set(this.projectTasks.filter((task) => this.hasChildren(task.id)).map((task) => task.id));
  }

  // ------------------------------------------------------------------ derived data

  private get todayDate(): IsoDate {
    return this.today !== '' ? (this.today as IsoDate) : todayIso();
  }

  private get projectIds(): readonly Id[] {
    return this.project
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
  }

  private deriveTasks(): void {
    const tasks = this.data?.tasks ?? EMPTY_TASKS;
    const previous = this.tasksState;
    const next = previous ? updateProjectTasks(previous, tasks, this.projectIds) : projectTasksOf(tasks, this.projectIds);
    // The same object when nothing of the shown projects changed: everything derived stays as it is.
    if (next === previous) return;
    this.tasksState = next;
    this.projectTasks = next.list;
    this.taskById = next.byId;
  }

  private invalidTasks(): readonly InvalidTask[] {
    const rejected = this.data?.rejected;
    if (!rejected) return [];
    const projects = new Set(this.projectIds);
    const invalid: InvalidTask[] = [];
    for (const entry of rejected.values()) {
      if (entry.collection !== 'tasks' || entry.summary.projectId === undefined || !projects.has(entry.summary.projectId)) continue;
      // A valid older version is still in the plan; the row shows that one.
      if (this.taskById.has(entry.id)) continue;
      const reversed = entry.issues.find((issue) => issue.code === 'reversed-dates');
      const issue = reversed ?? entry.issues[0];
      invalid.push({
        id: entry.id,
        projectId: entry.summary.projectId,
        title: entry.summary.title ?? entry.id,
        problem: { code: reversed ? 'reversed-dates' : 'invalid-data', message: issue?.message ?? '' },
      });
    }
    return invalid;
  }

  private deriveRows(): void {
    const invalidSource = this.data?.rejected;
    const key = this.rowsKey;
    if (key && key.tasks === this.projectTasks && key.collapsed === this.collapsed && key.invalid === invalidSource) return;
    this.rowsKey = { tasks: this.projectTasks, collapsed: this.collapsed, invalid: invalidSource };
    // Patches the rows of the tasks that changed (and their summaries) when it can, else rebuilds.
    const update = updateGanttRows(this.fullModel, {
      tasks: this.projectTasks,
      collapsed: this.collapsed,
      invalid: this.invalidTasks(),
      isDone: this.doneCheck(),
    });
    this.fullModel = update.rows;
    if (update.linksChanged || this.fullLinks.length === 0) this.fullLinks = dependencyLinks(this.fullModel, this.taskById);
  }

  /**
   * The rows shown: the whole plan, or its rows narrowed to `scope`. Narrowing tests every task again
   * whenever anything it reads changed (linear, 1 to 2 ms at 5,000 tasks): a `blocked` scope
   * depends on other tasks, so the changed tasks alone would not tell.
   */
  private deriveScope(): void {
    const scope = this.scope;
    if (scope === undefined) {
      this.scoped = undefined;
      this.contextIds = new Set();
      this.model = this.fullModel;
      this.links = this.fullLinks;
      return;
    }
    const data = this.data;
    const today = this.todayDate;
    const key = [this.fullModel, scope, this.projectTasks, data?.projects, today, dependsOnOtherTasks(scope) ? data?.tasks : undefined];
    if (this.scoped && this.scoped.key.every((part, index) => part === key[index])) return;
    // The scope's projects are the Gantt's: `project` decides what the plan is, the scope narrows it.
    const filter: TaskFilter = { ...scope, projectIds: this.projectIds };
    const context = {
      today,
      categoryOf: statusCategories((projectId) => data?.projects.get(projectId)?.workflow),
      // Every task, not only the plan's: a predecessor in another project can block.
      taskById: (id: Id) => data?.tasks.get(id),
    };
    const result = scopeGanttRows(this.fullModel, this.projectTasks, (task) => matchesTaskFilter(task, filter, context), this.scoped?.result);
    this.scoped = { key, result };
    this.contextIds = result.contextIds;
    this.model = result.rows;
    // Only the rows shown may be linked: a dependency on a task outside the scope is not drawn.
    this.links = dependencyLinks(result.rows, result.tasks);
  }

  /**
   * Drops the host-given scope after a cancelable `cwm-scope-clear`, then puts the focus on the active
   * row (the Clear button it was on is gone).
   */
  async clearScope(): Promise<void> {
    const scope = this.scope;
    if (scope === undefined) return;
    if (!this.dispatch('cwm-scope-clear', { scope }, { cancelable: true })) return;
    this.scope = undefined;
    await this.updateComplete;
    if (this.activeId !== undefined) this.focusRow(this.activeId);
  }

  private doneCheck(): (task: Task) => boolean {
    const projects = this.data?.projects;
    let done = this.done;
    if (done === undefined || done.projects !== projects || done.project !== this.project) {
      const statuses = this.doneStatuses();
      done = { projects, project: this.project, check: (task) => statuses.has(`${task.projectId}/${task.status}`) };
      this.done = done;
    }
    return done.check;
  }

  private deriveCritical(): void {
    if (!this.criticalPath) {
      this.critical = undefined;
      this.criticalKey = undefined;
      return;
    }
    if (this.criticalKey === this.projectTasks) return;
    this.criticalKey = this.projectTasks;
    if (this.critical === undefined || this.projectTasks.length < DEFERRED_CRITICAL_PATH_TASKS) {
      this.critical = computeCriticalPath(this.projectTasks);
      return;
    }
    // A large plan: the changed bar paints now with the previous marks; the new critical path (a pass
    // over the whole plan) follows in the next frame.
    const tasks = this.projectTasks;
    requestAnimationFrame(() => {
      if (this.criticalKey !== tasks || !this.criticalPath) return;
      this.critical = computeCriticalPath(tasks);
      this.requestUpdate();
    });
  }

  private doneStatuses(): Set<string> {
    const done = new Set<string>();
    for (const id of this.projectIds) {
      const project = this.data?.projects.get(id);
      for (const status of project?.workflow.statuses ?? []) if (status.category === 'done') done.add(`${id}/${status.id}`);
    }
    return done;
  }

  private hasChildren(id: Id): boolean {
    const index = this.model.indexOf.get(id);
    return index === undefined ? this.projectTasks.some((task) => task.parentId === id) : this.model.rows[index]!.hasChildren;
  }

  /** The critical tasks as a set, built once per critical-path result (not on every scroll or hover render). */
  private criticalIdSet(): ReadonlySet<Id> | undefined {
    const result = this.critical;
    if (!result) return undefined;
    if (this.criticalIds?.result !== result) this.criticalIds = { result, ids: new Set(result.criticalIds) };
    return this.criticalIds.ids;
  }

  private isCritical(id: Id): boolean {
    return this.critical?.byId.get(id)?.critical ?? false;
  }

  private projectTitle(): string {
    return this.projectIds.map((id) => this.data?.projects.get(id)?.name ?? id).join(', ');
  }

  private fileBaseName(): string {
    const base = this.projectTitle().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    return `${base || 'gantt'}-${this.todayDate}`;
  }

  // ------------------------------------------------------------------ lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Measured once before the first render; the ResizeObserver keeps it after that (its first report
    // then matches and costs no second update).
    if (this.hostWidth === 0) this.hostWidth = Math.round(this.getBoundingClientRect().width);
    if (changed.has('zoom') && !isZoom(this.zoom)) this.zoom = 'week';
    if (changed.has('scope') && this.viewport) {
      // Other rows now: start at the top, and scroll the timeline to their bars once drawn.
      this.viewport.scrollTop = 0;
      this.viewportScrollTop = 0;
      this.scrolledInitially = false;
    }
    this.deriveTasks();
    this.deriveRows();
    this.deriveScope();
    this.deriveCritical();
    if (this.activeId === undefined || !this.model.indexOf.has(this.activeId)) this.activeId = this.model.rows[0]?.id;
    // Decided before rendering, so the rows and bars of a new window come in the same update.
    this.window = this.windowFor(this.window);
  }

  protected override firstUpdated(): void {
    this.viewport.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.resizeObserver.observe(this.viewport);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.syncChart(changed);
    // The overlay reads the chart's time scale, which exists only now: rendering it here, into its own
    // container, spares a second update of the whole element after each chart change.
    if (this.overlayHost) render(this.renderOverlay(), this.overlayHost);
  }

  /** After the first paint, widens the window's overscan so small scrolls find their rows drawn. */
  private widenOverscanAfterPaint(): void {
    // Two frames: the first paint happens in the first one, the wider window comes in the next.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!this.isConnected || this.overscan === OVERSCAN_ROWS) return;
        this.overscan = OVERSCAN_ROWS;
        this.window = visibleWindow(this.viewportScrollTop, this.viewportHeight || this.clientHeight, this.model.rows.length, OVERSCAN_ROWS);
      }),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
    if (this.hasUpdated) this.resizeObserver.observe(this.viewport);
    // Re-connected: the chart is drawn again by the next update (it was destroyed on disconnect).
    if (this.hasUpdated) this.requestUpdate();
  }

  /** Leaves nothing behind: no chart, no listener on the document or window, no observer. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.linkDrag.dispose();
    this.chart?.destroy();
    this.chart = undefined;
    this.axis = undefined;
    this.shownBars = [];
    this.shownFirst = -1;
    this.scrolledInitially = false;
    this.overscan = FIRST_PAINT_OVERSCAN;
    this.window = { first: 0, count: 0 };
  }

  /**
   * Brings frappe in line with the rows: creates the chart once, re-renders the axis when the zoom or
   * the plan's range changed, moves the window when the viewport scrolled, and otherwise redraws only
   * the bars that changed (measured: about 0.5 ms a bar, 1.6 ms for a window move).
   */
  private syncChart(changed: PropertyValues<this>): void {
    // An update can still run after removal; a chart made then would never be destroyed.
    if (!this.isConnected) return;
    const range = this.axisRange();
    if (!this.chart) {
      if (!this.frappeHost || this.model.rows.length === 0) return;
      this.axis = { zoom: this.zoom, ...range };
      this.chart = new FrappeChart(this.frappeHost, {
        zoom: this.zoom,
        range: { start: range.start, due: range.due },
        language: this.localize.lang,
        readonly: this.readonly,
        callbacks: {
          onDateChange: (id, start, due) => this.onBarDropped(id, start, due),
          onProgressChange: (id, progress) => this.onProgressDropped(id, progress),
          onBarClick: (id) => this.onBarClicked(id),
          onBarDoubleClick: (id) => this.onBarDoubleClicked(id),
          onBarDrag: (id, x, width) => (this.dragGeometry = { id, x, width }),
        },
      });
      this.widenOverscanAfterPaint();
    } else if (this.axis?.zoom !== this.zoom || this.axis.start !== range.start || this.axis.due !== range.due) {
      const centre = this.zoomChanged() ? this.centreDate() : undefined;
      this.axis = { zoom: this.zoom, ...range };
      this.chart.setZoom(this.zoom, { start: range.start, due: range.due });
      if (centre) this.centreOn(centre);
    }
    if (changed.has('readonly')) this.chart.setReadonly(this.readonly);
    this.chart.setRowCount(this.model.rows.length);
    this.syncBars();
    if (!this.scrolledInitially) {
      this.scrolledInitially = true;
      this.scrollToFirstBars();
    }
  }

  private zoomChanged(): boolean {
    return this.axis !== undefined && this.axis.zoom !== this.zoom;
  }

  /**
   * The days the axis covers: the plan's first to last day and today (so the today line and "Today"
   * work on any plan), stretched to fill the visible width when the plan is shorter than the view.
   */
  private axisRange(): { start: IsoDate; due: IsoDate } {
    const range = this.model.range;
    const today = this.todayDate;
    const start = range && range.start < today ? range.start : today;
    const due = range && range.due > today ? range.due : today;
    const visible = (this.hostWidth || this.clientWidth) - this.gridWidth;
    const scale = TimeScale.forRange(this.zoom, { start, due });
    if (scale.width >= visible) return { start, due };
    return { start, due: addDays(due, Math.ceil((visible - scale.width) / scale.pixelsPerDay)) };
  }

  /** The row window for the current scroll position: `current` itself while it still covers the view. */
  private windowFor(current: RowWindow): RowWindow {
    // Before the first resize observation, the host's height bounds the viewport's (one layout, once).
    const height = this.viewportHeight || this.clientHeight;
    const rowCount = this.model.rows.length;
    if (current.count > 0 && current.rowCount === rowCount && !needsNewWindow(current, this.viewportScrollTop, height)) return current;
    const next = visibleWindow(this.viewportScrollTop, height, rowCount, this.overscan);
    return next.first === current.first && next.count === current.count && next.rowCount === current.rowCount ? current : next;
  }

  private onScroll(): void {
    this.viewportScrollTop = this.viewport.scrollTop;
    const next = this.windowFor(this.window);
    if (next !== this.window) this.window = next;
  }

  /** Hands the window's bars to the chart: the whole window when it moved, single bars otherwise. */
  private syncBars(): void {
    const chart = this.chart;
    if (!chart) return;
    const { first, count } = this.window;
    const bars: (ChartBar | undefined)[] = [];
    for (let slot = 0; slot < count; slot++) {
      const row = this.model.rows[first + slot];
      bars.push(row === undefined ? undefined : this.barOf(row));
    }
    const previous = this.shownBars;
    const sameShape = first === this.shownFirst && previous.length === bars.length;
    if (!sameShape || bars.some((bar, slot) => (bar === undefined) !== (previous[slot] === undefined) || bar?.id !== previous[slot]?.id)) {
      chart.setWindow(first, bars);
    } else {
      bars.forEach((bar, slot) => {
        if (bar && !sameBar(bar, previous[slot]!)) chart.updateBar(bar);
      });
    }
    this.shownBars = bars;
    this.shownFirst = first;
  }

  private barOf(row: GanttRow): ChartBar | undefined {
    if (row.start === undefined || row.due === undefined || row.kind === 'unscheduled' || row.kind === 'invalid') return undefined;
    const classes: string[] = [];
    if (row.kind === 'summary') classes.push('cwm-summary');
    if (row.kind === 'milestone') classes.push('cwm-milestone');
    if (this.isCritical(row.id)) classes.push('cwm-critical');
    if (row.id === this.activeId) classes.push('cwm-selected');
    if (this.data?.pendingIds.has(row.id)) classes.push('cwm-pending');
    if (this.contextIds.has(row.id)) classes.push('cwm-context');
    return { id: row.id, name: row.title, start: row.start, due: row.due, progress: row.progress, classes };
  }

  // ------------------------------------------------------------------ scrolling

  /** Width of the grid pane in CSS pixels: the setting, at most 45 % of the Gantt. */
  private get gridWidth(): number {
    const width = this.hostWidth || this.getBoundingClientRect().width;
    return Math.max(0, Math.round(Math.min(this.gridWidthSetting, width * 0.45)));
  }

  private centreDate(): IsoDate | undefined {
    const chart = this.chart;
    if (!chart || !this.viewport) return undefined;
    const visible = this.viewport.clientWidth - this.gridWidth;
    return chart.scale.dateAt(this.viewport.scrollLeft + visible / 2);
  }

  /**
   * Opens where the rows in view have their bars: the earliest start among them, a column from the
   * left edge. (Centring today would show an empty chart for a plan whose top rows are done.)
   */
  private scrollToFirstBars(): void {
    const chart = this.chart;
    if (!chart || !this.viewport) return;
    const { first, count } = this.window;
    let earliest: IsoDate | undefined;
    for (const row of this.model.rows.slice(first, first + count)) {
      // Scoped: open on the tasks in scope, not on the long bars of the phases around them.
      if (this.contextIds.has(row.id)) continue;
      if (row.start !== undefined && (earliest === undefined || row.start < earliest)) earliest = row.start;
    }
    if (earliest === undefined) {
      this.centreOn(this.todayDate);
      return;
    }
    this.viewport.scrollLeft = Math.max(0, chart.scale.xOf(earliest) - chart.scale.columnWidth);
  }

  private centreOn(date: IsoDate): void {
    const chart = this.chart;
    if (!chart || !this.viewport) return;
    const visible = this.viewport.clientWidth - this.gridWidth;
    this.viewport.scrollLeft = Math.max(0, chart.scale.xOf(date) - visible / 2);
  }

  private scrollRowIntoView(index: number): void {
    const viewport = this.viewport;
    if (!viewport) return;
    const top = index * ROW_HEIGHT;
    const visibleHeight = viewport.clientHeight - HEADER_HEIGHT;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > viewport.scrollTop + visibleHeight) viewport.scrollTop = top + ROW_HEIGHT - visibleHeight;
    this.onScroll();
  }

  // ------------------------------------------------------------------ changes from the chart

  private onBarDropped(id: Id, start: IsoDate, due: IsoDate): void {
    this.dragGeometry = undefined;
    const row = this.rowOf(id);
    // A milestone is one day: frappe lets its invisible bar be resized, we keep it one day long.
    const dates = row?.kind === 'milestone' ? { start, due: start } : { start, due };
    if (!this.reschedule(id, dates.start, dates.due, 'pointer')) this.chart?.revertBar(id);
  }

  private onProgressDropped(id: Id, progress: number): void {
    const task = this.taskById.get(id);
    const store = this.store;
    if (!task || !store || this.readonly) {
      this.chart?.revertBar(id);
      return;
    }
    const result = store.updateTask(id, { progress }, 'task.edit');
    if (!result.ok) {
      this.showNotice(result.reason);
      this.chart?.revertBar(id);
      return;
    }
    this.announce(this.t('gantt.announce.progress', { name: task.title, progress }));
  }

  /**
   * The first click of the double click opened the bar's popup: the opened task supersedes it, and left
   * open it would cover the bars below (the next double click would land on it). Closed first, so the
   * focus it gives back to the row does not take it from whatever the host opens.
   */
  private onBarDoubleClicked(id: Id): void {
    if (this.popupFor?.id === id) this.closePopup();
    this.openTask(id);
  }

  private onBarClicked(id: Id): void {
    this.activeId = id;
    const bar = this.chart?.barElement(id);
    const rect = bar?.getBoundingClientRect();
    this.openPopup(id, rect ? { x: rect.left, y: rect.bottom, top: rect.top } : undefined);
  }

  /**
   * Gives a task new dates through the rules, the cancelable event and the store. Returns whether the
   * change was applied; when not, the reason is shown and announced, and the caller reverts the bar.
   */
  private reschedule(id: Id, start: IsoDate, due: IsoDate, via: TaskScheduleDetail['via']): boolean {
    const store = this.store;
    const task = this.taskById.get(id);
    if (!store || !task) return false;
    if (this.readonly) {
      // Keys still reach here (a read-only chart has no drag): say why nothing moves.
      this.showNotice(this.t('gantt.readonly'));
      return false;
    }
    const allowed = store.can('task.schedule', { task });
    if (!allowed.allowed) {
      this.showNotice(this.localize.denial(allowed));
      return false;
    }
    const plan = planSchedule(this.projectTasks, { id, start, due }, { violation: this.violation, pushSuccessors: this.pushSuccessors });
    if (!plan.ok) {
      const predecessor = plan.predecessorId ? this.taskById.get(plan.predecessorId) : undefined;
      this.showNotice(
        this.t(`gantt.refused.${plan.code}`, { name: task.title, predecessor: predecessor?.title ?? plan.predecessorId ?? '' }),
      );
      return false;
    }
    const changes: ScheduleChange[] = plan.changes.map((change) => {
      const before = this.taskById.get(change.id);
      return {
        taskId: change.id,
        start: change.start,
        due: change.due,
        previous: { ...(before?.start ? { start: before.start } : {}), ...(before?.due ? { due: before.due } : {}) },
      };
    });
    const unchanged = changes.every((change) => change.previous.start === change.start && change.previous.due === change.due);
    if (unchanged) return false;
    const detail: TaskScheduleDetail = { taskId: id, changes, via, shifted: plan.shifted };
    if (!this.dispatch('cwm-task-schedule', detail, { cancelable: true })) return false;
    const result = store.updateTasks(
      changes.map((change) => ({ id: change.taskId, patch: { start: change.start, due: change.due } })),
      'task.schedule',
    );
    if (!result.ok) {
      this.showNotice(result.reason);
      return false;
    }
    this.notice = '';
    this.dispatch('cwm-task-scheduled', { ...detail, confirmed: result.confirmed });
    const pushed = changes.length - 1;
    this.announce(
      this.t(pushed > 0 ? 'gantt.announce.scheduled-pushed' : 'gantt.announce.scheduled', {
        name: task.title,
        start: this.formatDay(changes[0]!.start),
        due: this.formatDay(changes[0]!.due),
        count: pushed,
      }),
    );
    return true;
  }

  // ------------------------------------------------------------------ dependencies

  private requestLink(request: LinkRequest): void {
    const refusal = this.createDependency({ ...request, lag: 0 });
    if (refusal) this.showNotice(refusal);
  }

  /** Creates a dependency through the rules, the event and the store; returns the refusal, if any. */
  private createDependency(detail: DependencyDetail): string | undefined {
    const store = this.store;
    const successor = this.taskById.get(detail.successorId);
    if (!store || !successor) return this.t('gantt.dependency.unknown-task');
    if (this.readonly) return this.t('gantt.readonly');
    const allowed = store.can('dependency.edit', { task: successor });
    if (!allowed.allowed) return this.localize.denial(allowed);
    const check = checkNewDependency((id) => this.taskById.get(id), detail);
    if (!check.ok) {
      const path = check.code === 'cycle' ? check.path.map((id) => this.taskById.get(id)?.title ?? id).join(' → ') : '';
      return this.t(`gantt.dependency.${check.code}`, { path, name: successor.title });
    }
    if (!this.dispatch('cwm-dependency-create', detail, { cancelable: true })) return undefined;
    const result = store.updateTask(detail.successorId, { dependencies: addDependency(successor, detail) }, 'dependency.edit');
    if (!result.ok) return result.reason;
    this.dispatch('cwm-dependency-created', { ...detail, confirmed: result.confirmed });
    const predecessor = this.taskById.get(detail.predecessorId);
    this.announce(
      this.t('gantt.announce.dependency-created', {
        from: predecessor?.title ?? detail.predecessorId,
        to: successor.title,
        type: this.t(`gantt.dependency-type.${detail.type}`),
      }),
    );
    this.notice = '';
    return undefined;
  }

  /** Deletes a dependency; returns the refusal, if any. */
  private deleteDependency(successorId: Id, predecessorId: Id): string | undefined {
    const store = this.store;
    const successor = this.taskById.get(successorId);
    const existing = successor?.dependencies.find((dependency) => dependency.predecessorId === predecessorId);
    if (!store || !successor || !existing) return this.t('gantt.dependency.unknown-task');
    if (this.readonly) return this.t('gantt.readonly');
    const allowed = store.can('dependency.edit', { task: successor });
    if (!allowed.allowed) return this.localize.denial(allowed);
    const detail: DependencyDetail = { successorId, predecessorId, type: existing.type, lag: existing.lag };
    if (!this.dispatch('cwm-dependency-delete', detail, { cancelable: true })) return undefined;
    const result = store.updateTask(successorId, { dependencies: removeDependency(successor, predecessorId) }, 'dependency.edit');
    if (!result.ok) return result.reason;
    this.dispatch('cwm-dependency-deleted', { ...detail, confirmed: result.confirmed });
    this.announce(
      this.t('gantt.announce.dependency-deleted', { from: this.taskById.get(predecessorId)?.title ?? predecessorId, to: successor.title }),
    );
    return undefined;
  }

  private canEditLinks(id: Id | undefined): boolean {
    const task = id === undefined ? undefined : this.taskById.get(id);
    return !this.readonly && task !== undefined && this.store?.can('dependency.edit', { task }).allowed === true;
  }

  // ------------------------------------------------------------------ popup

  private openPopup(id: Id, anchor?: PopupAnchor): void {
    const rowElement = this.renderRoot.querySelector<HTMLElement>(`#row-${CSS.escape(id)}`);
    const rect = rowElement?.getBoundingClientRect();
    this.popupRefusal = '';
    this.popupFor = { id, anchor: anchor ?? { x: (rect?.left ?? 0) + this.gridWidth, y: rect?.bottom ?? 0, top: rect?.top ?? 0 } };
  }

  private closePopup(): void {
    const id = this.popupFor?.id;
    this.popupFor = undefined;
    if (id !== undefined) this.focusRow(id);
  }

  private renderPopup(): TemplateResult | typeof nothing {
    const open = this.popupFor;
    const row = open ? this.rowOf(open.id) : undefined;
    if (!open || !row) return nothing;
    const task = row.task;
    const describe = (id: Id, type: DependencyType, lag: number) => ({ id, title: this.taskById.get(id)?.title ?? id, type, lag });
    const predecessors = (task?.dependencies ?? []).map((dependency) => describe(dependency.predecessorId, dependency.type, dependency.lag));
    const successors = this.projectTasks.flatMap((other) =>
      other.dependencies.filter((dependency) => dependency.predecessorId === row.id).map((dependency) => describe(other.id, dependency.type, dependency.lag)),
    );
    const scheduled = this.critical?.byId.get(row.id);
    const people = new Map<Id, { name: string }>();
    for (const id of row.assigneeIds) people.set(id, { name: this.personName(id) });
    const canEdit = this.canEditLinks(row.id);
    const denial = task && this.store && !canEdit && !this.readonly ? this.store.can('dependency.edit', { task }) : undefined;
    const workflow = task ? this.data?.projects.get(task.projectId)?.workflow : undefined;
    const statusName = task ? (workflow?.statuses.find((status) => status.id === task.status)?.name ?? task.status) : undefined;
    const tag = unsafeStatic(tagOf(this, CwmGanttPopup));
    return staticHtml`<${tag}
      .row=${row}
      .people=${people}
      .predecessors=${predecessors}
      .successors=${successors}
      .slack=${scheduled ? { total: scheduled.totalSlack, free: scheduled.freeSlack, critical: scheduled.critical } : undefined}
      .candidates=${this.projectTasks.filter((other) => other.id !== row.id).map((other) => ({ id: other.id, title: other.title }))}
      .canEditLinks=${canEdit}
      .canEditLinksReason=${denial && !denial.allowed ? this.localize.denial(denial) : this.readonly ? this.t('gantt.readonly') : undefined}
      .anchor=${open.anchor}
      .statusName=${statusName}
      .refusal=${this.popupRefusal}
      lang=${this.localize.lang}
      @cwm-gantt-popup-close=${() => this.closePopup()}
      @cwm-gantt-popup-open-task=${(event: CustomEvent<{ taskId: Id }>) => this.openTask(event.detail.taskId)}
      @cwm-gantt-popup-add-dependency=${(event: CustomEvent<DependencyDetail>) => {
        this.popupRefusal = this.createDependency(event.detail) ?? '';
      }}
      @cwm-gantt-popup-remove-dependency=${(event: CustomEvent<{ successorId: Id; predecessorId: Id }>) => {
        this.popupRefusal = this.deleteDependency(event.detail.successorId, event.detail.predecessorId) ?? '';
      }}
    ></${tag}>`;
  }

  // ------------------------------------------------------------------ keyboard and focus

  private onGridKeydown(event: KeyboardEvent): void {
    const command = gridCommand(event);
    if (!command) return;
    event.preventDefault();
    this.runCommand(command);
  }

  private runCommand(command: GridCommand): void {
    const rows = this.model.rows;
    const index = this.activeId === undefined ? -1 : (this.model.indexOf.get(this.activeId) ?? -1);
    const row = rows[index];
    switch (command.kind) {
      case 'focus': {
        const pageRows = Math.max(1, Math.floor((this.viewport.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
        const target = rows[focusTarget(command.to, Math.max(0, index), rows.length, pageRows)];
        if (target) this.focusRow(target.id);
        return;
      }
      case 'expand':
        if (!row) return;
        if (row.hasChildren && !row.expanded) this.toggle(row.id);
        else if (row.hasChildren) {
          // Under a scope, the subtasks of a task in scope may all be out of it: then the next row is no child.
          const child = rows[index + 1];
          if (child?.task?.parentId === row.id) this.focusRow(child.id);
        }
        return;
      case 'collapse':
        if (!row) return;
        if (row.hasChildren && row.expanded) this.toggle(row.id);
        else if (row.task?.parentId !== undefined && this.model.indexOf.has(row.task.parentId)) this.focusRow(row.task.parentId);
        return;
      case 'reschedule': {
        if (!row || row.start === undefined || row.due === undefined || (row.kind !== 'task' && row.kind !== 'milestone')) {
          if (row) this.showNotice(this.t('gantt.keyboard.not-schedulable', { name: row.title }));
          return;
        }
        const dates = keyboardReschedule(row, command.move, stepDays(this.zoom, command.big));
        if (this.reschedule(row.id, dates.start, dates.due, 'keyboard')) {
          this.updateComplete.then(() => this.centreIfOutside(dates.start));
        }
        return;
      }
      case 'open':
        if (row) this.openTask(row.id);
        return;
      case 'details':
        if (row) this.openPopup(row.id);
        return;
      case 'zoom': {
        const at = ZOOMS.indexOf(this.zoom) + (command.direction === 'in' ? -1 : 1);
        const zoom = ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, at))]!;
        this.setZoom(zoom);
        return;
      }
      case 'today':
        this.scrollToToday();
        return;
      case 'escape':
        if (this.popupFor) this.closePopup();
        this.linkDrag.cancel();
        return;
    }
  }

  private centreIfOutside(date: IsoDate): void {
    const chart = this.chart;
    if (!chart) return;
    const x = chart.scale.xOf(date);
    const left = this.viewport.scrollLeft;
    const right = left + this.viewport.clientWidth - this.gridWidth;
    if (x < left || x > right - 40) this.centreOn(date);
  }

  private focusRow(id: Id): void {
    this.activeId = id;
    const index = this.model.indexOf.get(id);
    if (index !== undefined) this.scrollRowIntoView(index);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#row-${CSS.escape(id)}`)?.focus({ preventScroll: true }));
  }

  private toggle(id: Id): void {
    const collapsed = new Set(this.collapsed);
    const expanding = collapsed.delete(id);
    if (!expanding) collapsed.add(id);
    this.collapsed = collapsed;
    const title = this.taskById.get(id)?.title ?? id;
    this.announce(this.t(expanding ? 'gantt.announce.expanded' : 'gantt.announce.collapsed', { name: title }));
  }

  private expandAncestors(id: Id): void {
    const collapsed = new Set(this.collapsed);
    let parent = this.taskById.get(id)?.parentId;
    let changed = false;
    while (parent !== undefined) {
      changed = collapsed.delete(parent) || changed;
      parent = this.taskById.get(parent)?.parentId;
    }
    if (changed) this.collapsed = collapsed;
  }

  private openTask(id: Id): void {
    this.dispatch('cwm-task-open', { taskId: id });
  }

  // ------------------------------------------------------------------ notices

  private showNotice(text: string): void {
    this.notice = text;
    this.announce(text);
  }

  private announce(text: string): void {
    // Cleared first so the same sentence twice is announced twice.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  // ------------------------------------------------------------------ rendering helpers

  private rowOf(id: Id): GanttRow | undefined {
    const index = this.model.indexOf.get(id);
    return index === undefined ? undefined : this.model.rows[index];
  }

  private personName(id: Id): string {
    return this.data?.people.get(id)?.name ?? id;
  }

  private formatDay(date: IsoDate): string {
    return this.localize.formatDate(date, { day: 'numeric', month: 'short', year: 'numeric' });
  }

  private formatShort(date: IsoDate): string {
    return this.localize.formatDate(date, { day: '2-digit', month: '2-digit', year: '2-digit' });
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const label = this.t('gantt.label', { project: this.projectTitle() });
    return html`<div class="frame" part="base">
      ${this.scope === undefined
        ? nothing
        : renderScopeChip({
            text: this.scopeLabel.trim() === '' ? this.t('gantt.scope.unlabelled') : this.t('gantt.scope.label', { label: this.scopeLabel }),
            clearText: this.t('gantt.scope.clear'),
            onClear: () => void this.clearScope(),
          })}
      ${this.noToolbar ? nothing : renderToolbar(this)}
      <div class="notice" part="notice" role="status">${this.notice}</div>
      ${this.renderBody(label)}
      <div class="visually-hidden" role="status" aria-live="assertive" aria-atomic="true">${this.announcement}</div>
      ${this.renderPopup()}
    </div>`;
  }

  private renderBody(label: string): TemplateResult {
    const columns = columnsThatFit(parseGridColumns(this.columns), this.gridWidth);
    const rows = this.model.rows;
    const empty = this.data === undefined ? this.t('gantt.loading') : this.projectIds.length === 0 ? this.t('gantt.no-project') : rows.length === 0 ? this.t(this.scope === undefined ? 'gantt.empty' : 'gantt.scope.empty') : '';
    const { first, count } = this.window;
    const windowRows = rows.slice(first, first + count);
    const active = this.activeId === undefined ? undefined : this.model.indexOf.get(this.activeId);
    // The active row stays rendered even when scrolled out of the window, so focus is never lost.
    const extra = active !== undefined && (active < first || active >= first + count) ? [rows[active]!] : [];
    const columnsKey = columns.join(',');
    const gridContext = {
      columns,
      personName: (id: Id) => this.personName(id),
      formatDate: (date: IsoDate) => this.formatShort(date),
      t: this.t,
      onToggle: (id: Id) => this.toggle(id),
    };
    return html`<div
      class="viewport"
      part="timeline"
      style=${styleMap({ '--grid-columns': columnTemplate(columns), '--grid-width': `${this.gridWidth}px` })}
      @pointerover=${(event: PointerEvent) => this.onPointerOver(event)}
    >
      ${empty ? html`<p class="empty">${empty}</p>` : nothing}
      <div class="content" style=${styleMap({ height: `${HEADER_HEIGHT + rows.length * ROW_HEIGHT}px` })}>
        <div
          class="grid"
          part="grid"
          role="treegrid"
          aria-label=${label}
          aria-rowcount=${rows.length + 1}
          aria-colcount=${columns.length}
          aria-multiselectable="false"
          @keydown=${(event: KeyboardEvent) => this.onGridKeydown(event)}
          @click=${(event: Event) => this.onGridClick(event)}
          @dblclick=${(event: Event) => this.onGridDoubleClick(event)}
        >
          ${renderGridHeader(columns, this.t)}
          ${repeat(
            [...windowRows, ...extra],
            (row) => row.id,
            (row) => {
              const index = this.model.indexOf.get(row.id)!;
              const active = row.id === this.activeId;
              const critical = this.isCritical(row.id);
              const pending = this.data?.pendingIds.has(row.id) ?? false;
              const context = this.contextIds.has(row.id);
              // Rows keep their object while their task is unchanged: only changed rows re-render.
              return guard([row, index, active, critical, pending, context, columnsKey, this.localize.lang, this.data?.people], () =>
                renderGridRow(row, { ...gridContext, index, active, critical, pending, context }),
              );
            },
          )}
        </div>
        <div class="timeline">
          <div class="frappe-host"></div>
          <div class="overlay-host"></div>
        </div>
      </div>
    </div>`;
  }

  private renderOverlay(): TemplateResult | typeof nothing {
    const chart = this.chart;
    if (!chart) return nothing;
    const { first, count } = this.window;
    const last = first + count - 1;
    const links = this.links.linksTouching(first, last);
    const criticalLinks = new Set<string>();
    if (this.critical) for (const link of links) if (this.isCritical(link.fromId) && this.isCritical(link.toId)) criticalLinks.add(linkKey(link.fromId, link.toId));
    const focus = this.hoveredId ?? this.activeId;
    return renderOverlay({
      links,
      scale: chart.scale,
      rows: this.model.rows,
      window: this.window,
      today: this.todayDate,
      criticalLinks,
      criticalIds: this.criticalIdSet(),
      // Summaries carry no links of their own (their dates come from their subtasks): no link handles.
      selectedId: this.linkable(this.activeId),
      hoveredId: this.linkable(this.hoveredId),
      linkDraft: this.linkDrag.draft,
      dragGeometry: this.dragGeometry,
      height: this.model.rows.length * ROW_HEIGHT,
      width: chart.scale.width,
      canEditLinks: this.canEditLinks(focus),
      linkDrag: this.linkDrag,
      selectedLink: this.popupFor ? this.selectedLink : undefined,
      onLinkClick: (fromId: Id, toId: Id) => {
        this.selectedLink = linkKey(fromId, toId);
        this.activeId = toId;
        this.openPopup(toId);
      },
    });
  }

  /** The id, unless it is a summary row (no link handles there). */
  private linkable(id: Id | undefined): Id | undefined {
    return id === undefined || this.rowOf(id)?.kind === 'summary' ? undefined : id;
  }

  private onPointerOver(event: PointerEvent): void {
    const wrapper = (event.target as Element | null)?.closest?.('.bar-wrapper');
    const id = wrapper?.getAttribute('data-id') ?? undefined;
    if (id !== undefined && id !== this.hoveredId) this.hoveredId = id;
  }

  private rowIdOf(event: Event): Id | undefined {
    const row = (event.target as Element | null)?.closest?.('.row[data-id]');
    return row?.getAttribute('data-id') ?? undefined;
  }

  private onGridClick(event: Event): void {
    const id = this.rowIdOf(event);
    if (id !== undefined) this.focusRow(id);
  }

  private onGridDoubleClick(event: Event): void {
    const id = this.rowIdOf(event);
    if (id !== undefined) this.openTask(id);
  }
}

function sameBar(a: ChartBar, b: ChartBar): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.start === b.start &&
    a.due === b.due &&
    a.progress === b.progress &&
    (a.classes ?? []).join(' ') === (b.classes ?? []).join(' ')
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'cwm-gantt': CwmGantt;
  }
}
