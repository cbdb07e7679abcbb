import { ContextProvider } from '@lit/context';
import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { todayIso, type Id, type PermissionResult, type StoreError, type StoreState, type Table, type Task, type TaskFilter } from '@cwm/core';
import { CwmElement, renderScopeChip, scopeChipStyles, tagOf } from '@cwm/ui';
import { boardStyles } from './board.styles.js';
import { boardPartsContext, type BoardPartsHost, type CardState } from './board-context.js';
import { CwmBoardCard } from './card/board-card.js';
import { CwmBoardCell } from './cell/board-cell.js';
import type { BoardPlace, TaskMoveDetail } from './events.js';
import { registerBoardMessages } from './i18n/register.js';
import { directionOf, nextDropTarget, nextFocus } from './interaction/keyboard-moves.js';
import { PointerDrag, type DragHost } from './interaction/pointer-drag.js';
import {
  ALL_CARD_FIELDS,
  CardViews,
  FacetIndex,
  NO_STATUS,
  NO_VALUE,
  SINGLE_LANE,
  cellKey,
  computeLayout,
  planMove,
  sameLayoutConfig,
  updateLayout,
  wipState,
  type BoardConfig,
  type BoardFilter,
  type BoardLayout,
  type CardField,
  type CardView,
  type CellTarget,
  type ColumnField,
  type LaneField,
  type LayoutInput,
} from './model/index.js';
import { renderBulkBar, renderToolbar, type ToolbarHost } from './toolbar/board-toolbar.js';
import './events.js';

/** The inputs of a layout, with the tasks as a table so the next layout can read what changed. */
type LayoutBasis = LayoutInput & { readonly tasks: Table<Task> };

/** A card slot is the card plus the gap below it. */
const DEFAULT_CARD_HEIGHT = 84;
const CARD_GAP = 8;
/** Distance from an edge (px) within which a drag scrolls the board or the cell. */
const EDGE = 48;

interface Lift {
  readonly ids: readonly Id[];
  readonly from: CellTarget;
  target: CellTarget | undefined;
  readonly via: 'pointer' | 'keyboard';
  refusal: string | undefined;
}

/**
 * A Kanban board of one project (or a portfolio of several) from the shared store: columns from the
 * workflow or another field, swimlanes, WIP limits, quick add, filters, multi-select, and moves by
 * mouse, touch and keyboard. Every change goes through the store: it shows at once, and is rolled back
 * with the reason if the backend refuses it. Columns are virtualized, so 10,000 cards cost what the
 * visible ones cost.
 *
 * @summary Kanban board on the shared cwm store.
 * @tagname cwm-board
 *
 * @event cwm-task-move - Before cards move (drag, keyboard or bulk). Cancelable. `detail`: `TaskMoveDetail`.
 * @event cwm-task-moved - After cards moved. `detail.confirmed` settles when the backend answered.
 * @event cwm-task-open - A card was opened (click on its title, Enter, or double click). `detail.taskId`.
 * @event cwm-task-create - Before quick add creates a task. Cancelable.
 * @event cwm-task-created - After quick add created a task.
 * @event cwm-scope-clear - "Clear filter" was pressed on the scope chip. Cancelable; else `scope` is dropped. `detail.scope`.
 *
 * @csspart base - The board's frame.
 * @csspart toolbar - The filter bar.
 * @csspart scope - The chip naming the host-given `scope`, with its Clear button.
 * @csspart columns - The scrolling area with the columns.
 * @csspart header - A column header.
 * @csspart lane-header - A swimlane header.
 * @csspart column - A column's (or cell's) box.
 * @csspart notice - The message line for refused or rolled back moves.
 * @csspart selection - The strip that holds the selection's bulk actions (and a hint while nothing is selected).
 *
 * @cssproperty --cwm-board-height - Height of the board (default 36rem).
 * @cssproperty --cwm-board-background - Board background.
 * @cssproperty --cwm-board-column-background - Background of a column.
 * @cssproperty --cwm-board-column-width - Width of a column (default 17rem).
 * @cssproperty --cwm-board-card-background - Card background.
 */
export class CwmBoard extends CwmElement implements BoardPartsHost, DragHost, ToolbarHost {
  static elements = { 'cwm-board-cell': CwmBoardCell, 'cwm-board-card': CwmBoardCard };
  static override styles = [...CwmElement.styles, boardStyles, scopeChipStyles];

  /** The project to show; a comma-separated list makes a portfolio board. */
  @property() project = '';

  /** What the columns are: `status` (the workflow), `assignee`, `priority` or `project`. */
  @property({ attribute: 'columns-by' }) columnsBy: ColumnField = 'status';

  /** What the swimlanes are: `none`, `assignee`, `priority`, `parent` or `project`. */
  @property({ attribute: 'lanes-by' }) lanesBy: LaneField = 'none';

  /** Which card fields show, comma-separated: key, assignees, due, priority, tags, progress, messages, blocked, aging. */
  @property({ attribute: 'card-fields' }) cardFields = ALL_CARD_FIELDS.join(',');

  /** Which tasks show: `all`, only `top`-level ones, or only `leaves` (tasks without subtasks). */
  @property() level: 'all' | 'top' | 'leaves' = 'all';

  /** Filters applied to the cards; the toolbar edits it. Set it from JS to filter from the host. */
  @property({ attribute: false }) filter: BoardFilter = {};

  /**
   * A host-given scope, applied IN ADDITION to `filter`: typically the filter of a dashboard tile's
   * drill-down, so the board shows exactly the tasks behind the number. While set, a chip above the
   * filter bar names it (`scopeLabel`) and offers "Clear filter". Its `projectIds` are ignored: the
   * board's `project` decides which projects show; the scope narrows within them.
   */
  @property({ attribute: false }) scope: TaskFilter | undefined = undefined;

  /** What the scope chip calls the scope ("Overdue tasks (12)"); shown as plain text. */
  @property({ attribute: 'scope-label' }) scopeLabel = '';

  /** Hides the filter bar (the host filters through `filter`). */
  @property({ type: Boolean, attribute: 'no-toolbar' }) noToolbar = false;

  /** Height of one card in CSS pixels. All cards have the same height, which is what makes 10,000 of them cheap. */
  @property({ type: Number, attribute: 'card-height' }) cardHeight = DEFAULT_CARD_HEIGHT;

  /** In a board with swimlanes, the most card rows a lane shows before its cells scroll. */
  @property({ type: Number, attribute: 'lane-rows' }) laneRows = 4;

  // Cells and cards find the board through context, never by tag name.
  protected readonly partsProvider: ContextProvider<typeof boardPartsContext> = new ContextProvider(this, {
    context: boardPartsContext,
    initialValue: this as BoardPartsHost,
  });

  @state() private data: StoreState | undefined;
  @state() private layout: BoardLayout | undefined;
  /** Bumped to re-render when any card may look different; cells get their own counters below. */
  @state() private revision = 0;
  /**
   * Which cards may look different since the last render (or everything). Only the cells holding them
   * get a new `revision`, so one changed card re-renders one cell, not all of them.
   */
  private touched: Set<Id> | 'all' = 'all';
  private readonly cellRevisions = new Map<string, number>();
  private globalRevision = 0;
  @state() private collapsedColumns: ReadonlySet<string> = new Set();
  @state() private collapsedLanes: ReadonlySet<string> = new Set();
  @state() private selection: ReadonlySet<Id> = new Set();
  @state() private focusedId: Id | undefined;
  @state() private lift: Lift | undefined;
  @state() private notice: { text: string; kind: 'error' | 'info' } | undefined;
  @state() private adding: string | undefined;
  @state() private announcement = '';

  private readonly views = new CardViews();
  /** People and tags in use, for the filter menus. */
  readonly facets = new FacetIndex();
  private readonly states = new Map<Id, CardState>();
  private readonly drag = new PointerDrag(this);
  private layoutDirty = true;
  /** What the current layout was computed from: `nextLayout` updates it when only tasks changed. */
  private layoutBasis: LayoutBasis | undefined;
  private selectionAnchor: Id | undefined;
  private ghostElement: HTMLElement | null = null;
  private currentToday = todayIso();

  constructor() {
    super();
    registerBoardMessages();
    this.observe(
      (store) => store.state$,
      (value) => this.receive(value),
    );
    this.observe(
      (store) => store.unreadCounts$(),
      (counts) => this.touch(this.views.updateUnread(counts)),
    );
    this.observe(
      (store) => store.errors$,
      (error) => this.onStoreError(error),
    );
  }

  // ------------------------------------------------------------------ BoardPartsHost

  get fields(): ReadonlySet<CardField> {
    return this.fieldSet;
  }

  get rowHeight(): number {
    return this.cardHeight + CARD_GAP;
  }

  get today(): string {
    return this.currentToday;
  }

  view(id: Id): CardView | undefined {
    return this.views.get(id);
  }

  cardState(id: Id): CardState {
    const selected = this.selection.has(id);
    const lifted = this.lift?.ids.includes(id) ?? false;
    const pending = this.data?.pendingIds.has(id) ?? false;
    const movable = this.movable(id);
    const previous = this.states.get(id);
    // Same object when nothing changed, so the card's binding sees no change and does not re-render.
    if (
      previous &&
      previous.selected === selected &&
      previous.lifted === lifted &&
      previous.pending === pending &&
      previous.movable.allowed === movable.allowed
    ) {
      return previous;
    }
    const next: CardState = { selected, lifted, pending, movable };
    this.states.set(id, next);
    return next;
  }

  /** The board's localization, for its parts and bars. */
  get localization() {
    return this.localize;
  }

  // ------------------------------------------------------------------ data

  private fieldSet: ReadonlySet<CardField> = new Set(ALL_CARD_FIELDS);

  private receive(state: StoreState): void {
    const previous = this.data;
    this.data = state;
    const today = todayIso();
    const newDay = today !== this.currentToday;
    this.currentToday = today;
    const changed = this.views.update({
      tasks: state.tasks,
      projects: state.projects,
      people: state.people,
      messages: state.messages,
      now: new Date(),
    });
    if (!this.noToolbar) this.facets.update(state.tasks, this.projectIds());
    if (
      !previous ||
      newDay ||
      previous.tasks !== state.tasks ||
      previous.projects !== state.projects ||
      previous.people !== state.people
    ) {
      this.layoutDirty = true;
    }
    if (!previous || previous.people !== state.people) this.touch('all');
    else {
      if (changed.size > 0) this.touch(changed);
      if (previous.pendingIds !== state.pendingIds) this.touch(symmetricDifference(previous.pendingIds, state.pendingIds));
    }
    if (this.lift && this.lift.ids.some((id) => !state.tasks.has(id))) this.cancelLift();
  }

  private onStoreError(error: StoreError): void {
    // A merged write was saved, minus fields someone else changed first: worth saying, not an error.
    if ((error.kind !== 'write-rejected' && error.kind !== 'write-merged') || error.collection !== 'tasks') return;
    if (!this.layout?.positions.has(error.entityId) && !this.data?.tasks.has(error.entityId)) return;
    this.showNotice(this.localize.describeError(error), error.kind === 'write-merged' ? 'info' : 'error');
  }

  private config(): BoardConfig {
    return {
      projectIds: this.projectIds(),
      columnsBy: this.columnsBy,
      lanesBy: this.lanesBy,
      level: this.level,
      filter: this.filter,
      ...(this.scope !== undefined ? { scope: this.scope } : {}),
      ...(this.store ? { userId: this.store.userId } : {}),
      today: this.currentToday,
    };
  }

  private projectIds(): Id[] {
    return this.project
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('cardFields')) {
      const known = new Set<string>(ALL_CARD_FIELDS);
      this.fieldSet = new Set(this.cardFields.split(',').map((field) => field.trim()).filter((field): field is CardField => known.has(field)));
      this.touch('all');
    }
    if (changed.has('cardHeight')) this.touch('all');
    if ((changed.has('project') || changed.has('noToolbar')) && this.data && !this.noToolbar) {
      this.facets.update(this.data.tasks, this.projectIds());
    }
    if (
      changed.has('project') ||
      changed.has('columnsBy') ||
      changed.has('lanesBy') ||
      changed.has('level') ||
      changed.has('filter') ||
      changed.has('scope')
    ) {
      this.layoutDirty = true;
    }
    if (changed.has('selection')) {
      this.touch(symmetricDifference((changed.get('selection') as ReadonlySet<Id> | undefined) ?? new Set(), this.selection));
    }
    if (changed.has('lift')) {
      const before = (changed.get('lift') as Lift | undefined)?.ids ?? [];
      const after = this.lift?.ids ?? [];
      if (before !== after) this.touch([...before, ...after]);
    }
    if (this.layoutDirty && this.data) {
      this.layoutDirty = false;
      const input = { tasks: this.data.tasks, projects: this.data.projects, people: this.data.people, config: this.config() };
      this.layout = this.nextLayout(input);
      this.layoutBasis = input;
      this.pruneSelection();
    }
    this.applyTouched();
  }

  /**
   * The layout for `input`: when only tasks changed since the current layout, updated from it at the
   * cost of the changed cards (a remote edit at 10,000 cards); otherwise, or when the update cannot
   * be done incrementally, computed whole.
   */
  private nextLayout(input: LayoutBasis): BoardLayout {
    const basis = this.layoutBasis;
    if (
      this.layout &&
      basis &&
      basis.projects === input.projects &&
      basis.people === input.people &&
      sameLayoutConfig(basis.config, input.config)
    ) {
      const updated = updateLayout(this.layout, { ...input, previousTasks: basis.tasks });
      if (updated) return updated;
    }
    return computeLayout(input);
  }

  /** Notes cards that may look different; the next render gives their cells a new revision. */
  private touch(ids: Iterable<Id> | 'all'): void {
    if (ids === 'all') this.touched = 'all';
    else if (this.touched !== 'all') for (const id of ids) this.touched.add(id);
    this.revision++;
  }

  private applyTouched(): void {
    const touched = this.touched;
    this.touched = new Set();
    if (touched === 'all') {
      this.globalRevision++;
      return;
    }
    const positions = this.layout?.positions;
    if (!positions) return;
    for (const id of touched) {
      const position = positions.get(id);
      if (!position) continue;
      const key = cellKey(position.laneKey, position.columnKey);
      this.cellRevisions.set(key, (this.cellRevisions.get(key) ?? 0) + 1);
    }
  }

  /** A cell's revision: changes when any of its cards may look different. */
  private cellRevision(key: string): number {
    return this.globalRevision * 1_000_000 + (this.cellRevisions.get(key) ?? 0);
  }

  private pruneSelection(): void {
    const positions = this.layout?.positions;
    if (!positions || this.selection.size === 0) return;
    const kept = [...this.selection].filter((id) => positions.has(id));
    if (kept.length !== this.selection.size) this.selection = new Set(kept);
  }

  private movable(id: Id): PermissionResult {
    const task = this.data?.tasks.get(id);
    if (!this.store || !task) return { allowed: false, code: 'no-user', reason: '' };
    return this.store.can('task.move', { task });
  }

  /** Resolves when the board and every cell and card in view have rendered: benchmarks and tests wait for it. */
  get renderComplete(): Promise<boolean> {
    return this.updateComplete.then(async (done) => {
      const cells = [...this.renderRoot.querySelectorAll<CwmBoardCell>('[data-cell]')];
      await Promise.all(cells.map((cell) => cell.updateComplete));
      const cards = cells.flatMap((cell) => [...cell.renderRoot.querySelectorAll<CwmBoardCard>('[data-index]')]);
      await Promise.all(cards.map((card) => card.updateComplete));
      return done;
    });
  }

  // ------------------------------------------------------------------ rendering

  protected override render(): unknown {
    const layout = this.layout;
    if (this.projectIds().length === 0) return html`<div class="board" part="base"><p class="empty">${this.localize.t('board.no-project')}</p></div>`;
    if (!layout || !this.data || this.data.sync.phase !== 'ready') {
      return html`<div class="board" part="base"><p class="empty" role="status">${this.localize.t('board.loading')}</p></div>`;
    }
    const columnTemplate = layout.columns
      .map((column) => (this.collapsedColumns.has(column.key) ? '2.75rem' : 'minmax(var(--cwm-board-column-width, 17rem), 1fr)'))
      .join(' ');
    const single = this.lanesBy === 'none';
    const projectName = this.projectIds()
      .map((id) => this.data?.projects.get(id)?.name ?? id)
      .join(', ');
    return html`<div class="board" part="base" role="region" aria-label=${this.localize.t('board.label', { project: projectName })}>
      ${this.scope === undefined
        ? nothing
        : renderScopeChip({
            text: this.scopeLabel.trim() === '' ? this.localize.t('board.scope.unlabelled') : this.localize.t('board.scope.label', { label: this.scopeLabel }),
            clearText: this.localize.t('board.scope.clear'),
            onClear: () => void this.clearScope(),
          })}
      ${this.noToolbar ? nothing : renderToolbar(this)}
      <div class="selection" part="selection">
        ${this.selection.size > 0 ? renderBulkBar(this) : html`<p class="selection-hint">${this.localize.t('board.bulk.hint')}</p>`}
      </div>
      ${this.lift?.via === 'keyboard' && this.lift.refusal
        ? html`<div class="notice error" part="notice">${this.lift.refusal}</div>`
        : nothing}
      ${this.notice
        ? html`<div class="notice ${this.notice.kind}" part="notice" role="alert">
            <span>${this.notice.text}</span>
            <button type="button" @click=${() => (this.notice = undefined)}>${this.localize.t('board.dismiss')}</button>
          </div>`
        : nothing}
      <div
        class="scroller"
        part="columns"
        aria-describedby="instructions"
        @keydown=${this.onKeyDown}
        @pointerdown=${this.onPointerDown}
        @click=${this.onClick}
        @dblclick=${this.onDoubleClick}
        @focusin=${this.onFocusIn}
      >
        <div class="grid ${single ? 'single' : ''}" style=${styleMap({ '--_columns': columnTemplate })}>
          ${layout.columns.map((column) => this.renderHeader(column.key))}
          ${layout.columns.map((column) => this.renderQuickAdd(column.key))}
          ${layout.lanes.map((lane) => this.renderLane(lane.key))}
        </div>
        ${layout.shown === 0 ? html`<p class="empty">${this.localize.t('board.empty')}</p>` : nothing}
      </div>
      ${this.lift?.via === 'pointer' ? this.renderGhost() : nothing}
      <div class="visually-hidden" role="status" aria-live="assertive" aria-atomic="true">${this.announcement}</div>
      <p id="instructions" class="visually-hidden">${this.localize.t('board.instructions')}</p>
    </div>`;
  }

  /** A column's display name (localized for the built-in empty columns). */
  columnName(key: string): string {
    const column = this.layout?.columns.find((item) => item.key === key);
    if (!column) return key;
    if (column.kind === 'no-status') return this.localize.t('board.no-status');
    if (column.kind === 'no-value') return this.localize.t('board.unassigned');
    if (this.columnsBy === 'priority') return this.localize.t(`board.priority.${column.key as 'none'}`);
    return column.label;
  }

  private laneName(key: string): string {
    const lane = this.layout?.lanes.find((item) => item.key === key);
    if (!lane || lane.kind === 'single') return this.localize.t('board.all-tasks');
    if (lane.kind === 'no-value') return this.localize.t(this.lanesBy === 'parent' ? 'board.no-parent' : 'board.unassigned');
    if (this.lanesBy === 'priority') return this.localize.t(`board.priority.${lane.key as 'none'}`);
    return lane.label;
  }

  private renderHeader(key: string): TemplateResult {
    const column = this.layout!.columns.find((item) => item.key === key)!;
    const name = this.columnName(key);
    const collapsed = this.collapsedColumns.has(key);
    const wip = wipState(this.layout!, key);
    const canAdd = this.canAddTo(key);
    const tally = wip.limit !== undefined
      ? html`<span class="tally ${wip.over ? (wip.policy === 'block' ? 'over blocked' : 'over') : ''}" title=${wip.over ? this.localize.t('board.wip-over', { name, limit: wip.limit }) : ''}
          >${this.localize.t('board.column-wip', { count: wip.count, limit: wip.limit })}</span>`
      : html`<span class="tally">${this.localize.formatNumber(column.count)}</span>`;
    return html`<div class="column-header ${collapsed ? 'collapsed' : ''}" part="header" data-column=${key}>
      <span class="bar ${column.category ?? ''}" aria-hidden="true"></span>
      <span class="name" id=${`column-${key}`}>${name}</span>
      ${tally}
      <span class="tools">
        ${collapsed || !column.droppable
          ? nothing
          : html`<button
              type="button"
              class="icon-button"
              aria-label=${this.localize.t('board.add', { name })}
              title=${canAdd.allowed ? this.localize.t('board.add', { name }) : canAdd.reason}
              ?disabled=${!canAdd.allowed}
              @click=${() => this.openQuickAdd(key)}
            >+</button>`}
        <button
          type="button"
          class="icon-button"
          aria-expanded=${collapsed ? 'false' : 'true'}
          aria-label=${this.localize.t(collapsed ? 'board.expand' : 'board.collapse', { name })}
          @click=${() => this.toggleColumn(key)}
        >${collapsed ? '»' : '«'}</button>
      </span>
    </div>`;
  }

  private renderQuickAdd(key: string): TemplateResult {
    if (this.adding !== key) return html`<div class="quick-add" aria-hidden="true"></div>`;
    const name = this.columnName(key);
    return html`<div class="quick-add">
      <form @submit=${(event: SubmitEvent) => this.submitQuickAdd(event, key)}>
        <input
          type="text"
          name="title"
          autocomplete="off"
          maxlength="500"
          aria-label=${this.localize.t('board.add', { name })}
          placeholder=${this.localize.t('board.add-placeholder')}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              this.adding = undefined;
            }
          }}
        />
      </form>
    </div>`;
  }

  private renderLane(laneKey: string): TemplateResult {
    const layout = this.layout!;
    const lane = layout.lanes.find((item) => item.key === laneKey)!;
    const single = lane.kind === 'single';
    const collapsed = this.collapsedLanes.has(laneKey);
    const name = this.laneName(laneKey);
    const cell = unsafeStatic(tagOf(this, CwmBoardCell));
    const header = single
      ? nothing
      : html`<div class="lane-header" part="lane-header">
          <button
            type="button"
            class="icon-button"
            aria-expanded=${collapsed ? 'false' : 'true'}
            aria-label=${this.localize.t(collapsed ? 'board.expand' : 'board.collapse', { name })}
            @click=${() => this.toggleLane(laneKey)}
          >${collapsed ? '▸' : '▾'}</button>
          <span>${name}</span>
          <span class="tally">${this.localize.t('count.tasks', { count: lane.count })}</span>
        </div>`;
    if (collapsed) return html`${header}`;
    return html`${header}${repeat(
      layout.columns,
      (column) => column.key,
      (column) => {
        if (this.collapsedColumns.has(column.key)) return html`<div class="cell-box collapsed" part="column"></div>`;
        const ids = layout.cells.get(cellKey(laneKey, column.key)) ?? [];
        const target = this.lift?.target;
        const here = target !== undefined && target.laneKey === laneKey && target.columnKey === column.key;
        const wip = wipState(layout, column.key, single ? undefined : laneKey);
        const label = this.localize.t('board.column-count', {
          name: single ? this.columnName(column.key) : `${this.columnName(column.key)}, ${name}`,
          count: ids.length,
        });
        const limitClass = wip.over ? (wip.policy === 'block' ? 'over-limit blocked' : 'over-limit') : '';
        return html`<div class="cell-box ${limitClass}" part="column">
          <${cell}
            data-cell
            data-lane=${laneKey}
            data-column=${column.key}
            .ids=${ids}
            .revision=${this.cellRevision(cellKey(laneKey, column.key))}
            .activeId=${this.activeIdOf(ids)}
            drop-index=${here ? target.index : -1}
            ?drop-refused=${here && this.lift?.refusal !== undefined}
            label=${label}
            fit=${single ? 'fill' : 'content'}
            max-rows=${this.laneRows}
          ></${cell}>
        </div>`;
      },
    )}`;
  }

  private renderGhost(): TemplateResult {
    const lift = this.lift!;
    const card = unsafeStatic(tagOf(this, CwmBoardCard));
    const first = lift.ids[0]!;
    return html`<div class="ghost" aria-hidden="true" style=${styleMap({ '--_card-height': `${this.cardHeight}px` })}>
      <${card} .view=${this.views.get(first)} .state=${{ ...this.cardState(first), lifted: false }}></${card}>
      ${lift.ids.length > 1 ? html`<span class="stack">${lift.ids.length}</span>` : nothing}
      ${lift.refusal ? html`<p class="ghost-reason">${lift.refusal}</p>` : nothing}
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.ghostElement = this.renderRoot.querySelector('.ghost');
    if (changed.has('adding') && this.adding !== undefined) {
      this.renderRoot.querySelector<HTMLInputElement>('.quick-add input')?.focus();
    }
  }

  /** The card of a cell that is in the tab order: the focused one when it is there, else the first. */
  private activeIdOf(ids: readonly Id[]): Id | undefined {
    if (this.focusedId !== undefined && ids.includes(this.focusedId)) return this.focusedId;
    return ids[0];
  }

  // ------------------------------------------------------------------ columns, lanes, quick add

  private toggleColumn(key: string): void {
    const next = new Set(this.collapsedColumns);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.collapsedColumns = next;
  }

  private toggleLane(key: string): void {
    const next = new Set(this.collapsedLanes);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.collapsedLanes = next;
  }

  private canAddTo(columnKey: string): PermissionResult {
    if (!this.store) return { allowed: false, code: 'no-user', reason: '' };
    const project = this.data?.projects.get(this.projectForColumn(columnKey));
    return this.store.can('task.create', project ? { project } : {});
  }

  private projectForColumn(columnKey: string): Id {
    return this.columnsBy === 'project' ? columnKey : (this.projectIds()[0] ?? '');
  }

  private openQuickAdd(key: string): void {
    this.adding = key;
  }

  private submitQuickAdd(event: SubmitEvent, columnKey: string): void {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('title') as HTMLInputElement;
    const title = input.value.trim();
    if (!title || !this.store) return;
    const projectId = this.projectForColumn(columnKey);
    const project = this.data?.projects.get(projectId);
    const status = this.columnsBy === 'status' ? columnKey : undefined;
    const detail = { projectId, title, column: columnKey, ...(status ? { status } : {}) };
    if (!this.dispatch('cwm-task-create', detail, { cancelable: true })) return;
    const topId = this.layout?.cells.get(cellKey(this.layout.lanes[0]?.key ?? SINGLE_LANE, columnKey))?.[0];
    const fields: Partial<Task> =
      this.columnsBy === 'assignee' ? (columnKey === NO_VALUE ? {} : { assigneeIds: [columnKey] }) : this.columnsBy === 'priority' ? { priority: columnKey as Task['priority'] } : {};
    const result = this.store.createTask({
      projectId,
      title,
      ...(status ? { status } : project ? {} : {}),
      ...fields,
      ...(topId !== undefined && this.columnsBy === 'status' ? { beforeId: topId } : {}),
    });
    if (!result.ok) {
      this.showNotice(result.reason, 'error');
      return;
    }
    input.value = '';
    this.focusedId = result.id;
    this.dispatch('cwm-task-created', { ...detail, taskId: result.id, confirmed: result.confirmed });
  }

  // ------------------------------------------------------------------ notices and announcements

  private showNotice(text: string, kind: 'error' | 'info'): void {
    this.notice = { text, kind };
    this.announce(text);
  }

  /** Says something to screen reader users through the board's live region. */
  announce(text: string): void {
    // Clearing first makes a repeated sentence be read again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  // ------------------------------------------------------------------ selection and focus

  private taskIdOf(event: Event): Id | undefined {
    for (const node of event.composedPath()) {
      if (node === this) return undefined;
      const id = (node as HTMLElement).dataset?.['taskId'];
      if (id !== undefined && (node as HTMLElement).getAttribute?.('role') === 'listitem') return id;
    }
    return undefined;
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const id = this.taskIdOf(event);
    if (id !== undefined && id !== this.focusedId) this.focusedId = id;
  };

  /** Whether the event went through a card's title, the control that opens the task (`data-open`). */
  private onOpenControl(event: Event): boolean {
    for (const node of event.composedPath()) {
      if (node === this) return false;
      if ((node as HTMLElement).dataset?.['open'] !== undefined) return true;
    }
    return false;
  }

  private readonly onClick = (event: MouseEvent): void => {
    const id = this.taskIdOf(event);
    if (id === undefined) return;
    const modified = event.shiftKey || event.ctrlKey || event.metaKey;
    // A click on the title opens the task (and selects its card, as a click on the card does). The second
    // click of a double click on it (detail 2) must not open it again.
    if (!modified && this.onOpenControl(event)) {
      this.selection = new Set([id]);
      this.selectionAnchor = id;
      this.focusedId = id;
      if (event.detail <= 1) this.open(id);
      return;
    }
    if (event.shiftKey) this.selectRange(id);
    else if (event.ctrlKey || event.metaKey) this.toggleSelected(id);
    else {
      this.selection = new Set([id]);
      this.selectionAnchor = id;
    }
    this.focusedId = id;
  };

  private readonly onDoubleClick = (event: MouseEvent): void => {
    const id = this.taskIdOf(event);
    // On the title, its first click has opened the task already.
    if (id !== undefined && !this.onOpenControl(event)) this.open(id);
  };

  private open(id: Id): void {
    this.dispatch('cwm-task-open', { taskId: id });
  }

  toggleSelected(id: Id): void {
    const next = new Set(this.selection);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.selection = next;
    this.selectionAnchor = id;
  }

  /** Selects from the last selected card to `id` when both are in the same cell; otherwise adds `id`. */
  private selectRange(id: Id): void {
    const positions = this.layout?.positions;
    const anchor = this.selectionAnchor;
    const from = anchor !== undefined ? positions?.get(anchor) : undefined;
    const to = positions?.get(id);
    if (!from || !to || from.laneKey !== to.laneKey || from.columnKey !== to.columnKey) {
      this.toggleSelected(id);
      return;
    }
    const ids = this.layout!.cells.get(cellKey(to.laneKey, to.columnKey)) ?? [];
    const [start, end] = from.index <= to.index ? [from.index, to.index] : [to.index, from.index];
    this.selection = new Set([...this.selection, ...ids.slice(start, end + 1)]);
  }

  clearSelection(): void {
    this.selection = new Set();
    this.selectionAnchor = undefined;
  }

  /** Focuses a task's card, scrolling its cell to it. Resolves once it has focus (if it is shown). */
  async focusTask(id: Id): Promise<void> {
    await this.updateComplete;
    const position = this.layout?.positions.get(id);
    if (!position) return;
    this.focusedId = id;
    await this.updateComplete;
    const cell = this.cellElement(position.laneKey, position.columnKey);
    if (!cell) return;
    await cell.reveal(position.index);
    const card = cell.cardOf(id);
    card?.focus();
    // Chrome's focus() leaves a partly visible card where it is: a column half off the board's edge
    // would keep the focused card cut off, so bring all of it into view (the least scrolling that does).
    card?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private cellElement(laneKey: string, columnKey: string): CwmBoardCell | undefined {
    return [...this.renderRoot.querySelectorAll<CwmBoardCell>('[data-cell]')].find(
      (cell) => cell.dataset['lane'] === laneKey && cell.dataset['column'] === columnKey,
    );
  }

  private hiddenGroups(): { columns: ReadonlySet<string>; lanes: ReadonlySet<string> } {
    return { columns: this.collapsedColumns, lanes: this.collapsedLanes };
  }

  private isRtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  // ------------------------------------------------------------------ keyboard

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const id = this.taskIdOf(event);
    if (this.lift?.via === 'keyboard') {
      this.keyWhileLifted(event);
      return;
    }
    if (id === undefined) return;
    const position = this.layout?.positions.get(id);
    if (!position) return;
    const direction = directionOf(event.key, this.isRtl());
    if (direction) {
      event.preventDefault();
      const next = nextFocus(this.layout!, position, direction, this.hiddenGroups());
      const nextId = next ? this.layout!.cells.get(cellKey(next.laneKey, next.columnKey))?.[next.index] : undefined;
      if (nextId !== undefined) void this.focusTask(nextId);
      return;
    }
    if (event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      if (event.shiftKey) this.selectRange(id);
      else if (event.ctrlKey || event.metaKey) this.toggleSelected(id);
      else this.liftByKeyboard(id);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      this.open(id);
      return;
    }
    if (event.key === 'Escape' && this.selection.size > 0) {
      event.preventDefault();
      this.clearSelection();
    }
  };

  private liftByKeyboard(id: Id): void {
    const ids = this.beginDrag(id, 'keyboard');
    if (!ids) return;
    const lift = this.lift!;
    const column = this.columnName(lift.from.columnKey);
    const count = this.layout!.cells.get(cellKey(lift.from.laneKey, lift.from.columnKey))?.length ?? 0;
    this.announce(
      this.localize.t('board.announce.lifted', {
        count: ids.length,
        title: this.data?.tasks.get(id)?.title ?? '',
        index: lift.from.index + 1,
        total: count,
        column,
      }),
    );
  }

  private keyWhileLifted(event: KeyboardEvent): void {
    const lift = this.lift!;
    const direction = directionOf(event.key, this.isRtl());
    if (direction && lift.target) {
      event.preventDefault();
      const next = nextDropTarget(this.layout!, lift.target, direction, this.hiddenGroups(), new Set(lift.ids));
      if (next) {
        this.setDropTarget(next);
        this.announceTarget();
        const cell = this.cellElement(next.laneKey, next.columnKey);
        void cell?.reveal(Math.min(next.index, Math.max(0, (this.layout!.cells.get(cellKey(next.laneKey, next.columnKey))?.length ?? 1) - 1)));
      }
      return;
    }
    if (event.key === ' ' || event.key === 'Spacebar' || event.key === 'Enter') {
      event.preventDefault();
      const focusId = lift.ids[0]!;
      // Set before the drop renders, so focus follows the card in that same render, not a second one.
      this.focusedId = focusId;
      this.endDrag(true);
      void this.focusTask(focusId);
      return;
    }
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      const focusId = lift.ids[0]!;
      this.endDrag(false);
      void this.focusTask(focusId);
    }
  }

  private announceTarget(): void {
    const lift = this.lift;
    const target = lift?.target;
    if (!lift || !target) return;
    if (lift.refusal) {
      this.announce(this.localize.t('board.announce.refused', { reason: lift.refusal }));
      return;
    }
    const count = this.layout!.cells.get(cellKey(target.laneKey, target.columnKey))?.length ?? 0;
    this.announce(
      this.localize.t('board.announce.over', {
        column: this.columnName(target.columnKey),
        lane: this.lanesBy === 'none' ? '' : `, ${this.laneName(target.laneKey)}`,
        index: target.index + 1,
        count: count + 1,
      }),
    );
  }

  // ------------------------------------------------------------------ moving (DragHost)

  private readonly onPointerDown = (event: PointerEvent): void => {
    const id = this.taskIdOf(event);
    if (id !== undefined) this.drag.press(event, id);
  };

  /** Lifts a card, or the whole selection when the card is part of it. */
  beginDrag(id: Id, via: 'pointer' | 'keyboard'): readonly Id[] | undefined {
    const layout = this.layout;
    const from = layout?.positions.get(id);
    if (!layout || !from) return undefined;
    const movable = this.movable(id);
    if (!movable.allowed) {
      this.showNotice(movable.reason || this.localize.denial(movable), 'error');
      return undefined;
    }
    const ids = this.selection.has(id) ? this.orderedSelection(id) : [id];
    this.lift = { ids, from, target: from, via, refusal: undefined };
    this.notice = undefined;
    if (via === 'pointer') {
      const card = this.cellElement(from.laneKey, from.columnKey)?.cardOf(id);
      const width = card?.getBoundingClientRect().width;
      if (width) this.style.setProperty('--_ghost-width', `${width}px`);
    }
    return ids;
  }

  /** The selected cards in board order, the grabbed one first among equals. */
  private orderedSelection(grabbed: Id): Id[] {
    const positions = this.layout!.positions;
    const columnOrder = new Map(this.layout!.columns.map((column, index) => [column.key, index]));
    const laneOrder = new Map(this.layout!.lanes.map((lane, index) => [lane.key, index]));
    const ids = [...this.selection].filter((id) => positions.has(id) && this.movable(id).allowed);
    if (!ids.includes(grabbed)) ids.push(grabbed);
    return ids.sort((a, b) => {
      const pa = positions.get(a)!;
      const pb = positions.get(b)!;
      return (
        (laneOrder.get(pa.laneKey)! - laneOrder.get(pb.laneKey)!) ||
        (columnOrder.get(pa.columnKey)! - columnOrder.get(pb.columnKey)!) ||
        pa.index - pb.index
      );
    });
  }

  targetAt(x: number, y: number): CellTarget | undefined {
    for (const cell of this.renderRoot.querySelectorAll<CwmBoardCell>('[data-cell]')) {
      const box = cell.getBoundingClientRect();
      if (x >= box.left && x <= box.right && y >= box.top - 8 && y <= box.bottom + 8) {
        return { laneKey: cell.dataset['lane']!, columnKey: cell.dataset['column']!, index: cell.indexAt(y) };
      }
    }
    return undefined;
  }

  setDropTarget(target: CellTarget | undefined): void {
    const lift = this.lift;
    if (!lift) return;
    const same =
      lift.target?.laneKey === target?.laneKey && lift.target?.columnKey === target?.columnKey && lift.target?.index === target?.index;
    if (same) return;
    const refusal = target ? this.refusalFor(lift.ids, target) : undefined;
    this.lift = { ...lift, target, refusal };
  }

  private refusalFor(ids: readonly Id[], target: CellTarget): string | undefined {
    const plan = this.plan(ids, target);
    return plan.ok ? undefined : plan.reason;
  }

  private plan(ids: readonly Id[], target: CellTarget) {
    return planMove({ layout: this.layout!, tasks: this.data!.tasks, projects: this.data!.projects, config: this.config(), ids, target });
  }

  moveGhost(x: number, y: number): void {
    const ghost = this.ghostElement ?? (this.ghostElement = this.renderRoot.querySelector('.ghost'));
    // A transform on a fixed element moves it without layout; 12px offset keeps the pointer visible.
    if (ghost) ghost.style.transform = `translate(${x + 12}px, ${y + 8}px) rotate(1.5deg)`;
  }

  autoScroll(x: number, y: number): boolean {
    let moved = false;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (scroller) {
      const box = scroller.getBoundingClientRect();
      const before = scroller.scrollLeft;
      if (x < box.left + EDGE) scroller.scrollLeft -= speed(box.left + EDGE - x);
      else if (x > box.right - EDGE) scroller.scrollLeft += speed(x - (box.right - EDGE));
      const beforeTop = scroller.scrollTop;
      if (y < box.top + EDGE) scroller.scrollTop -= speed(box.top + EDGE - y);
      else if (y > box.bottom - EDGE) scroller.scrollTop += speed(y - (box.bottom - EDGE));
      moved = scroller.scrollLeft !== before || scroller.scrollTop !== beforeTop;
    }
    const target = this.targetAt(x, y);
    const cell = target ? this.cellElement(target.laneKey, target.columnKey) : undefined;
    if (cell) {
      const box = cell.getBoundingClientRect();
      if (y < box.top + EDGE) moved = cell.scrollByPixels(-speed(box.top + EDGE - y)) || moved;
      else if (y > box.bottom - EDGE) moved = cell.scrollByPixels(speed(y - (box.bottom - EDGE))) || moved;
    }
    return moved;
  }

  endDrag(drop: boolean): void {
    const lift = this.lift;
    if (!lift) return;
    this.lift = undefined;
    this.style.removeProperty('--_ghost-width');
    const target = lift.target;
    if (!drop || !target) {
      if (lift.via === 'keyboard') this.announce(this.localize.t('board.announce.cancelled', { title: this.data?.tasks.get(lift.ids[0]!)?.title ?? '' }));
      return;
    }
    this.commitMove(lift.ids, lift.from, target, lift.via);
  }

  private cancelLift(): void {
    this.drag.cancel();
    this.lift = undefined;
  }

  /** Moves cards to a place on the board through the store, after a cancelable `cwm-task-move`. */
  private commitMove(ids: readonly Id[], from: CellTarget, target: CellTarget, via: 'pointer' | 'keyboard' | 'bulk'): boolean {
    if (!this.store || !this.layout || !this.data) return false;
    const plan = this.plan(ids, target);
    if (!plan.ok) {
      this.showNotice(plan.reason, 'error');
      return false;
    }
    if (plan.changes.length === 0) return false;
    const place = (cell: CellTarget): BoardPlace => ({ lane: cell.laneKey, column: cell.columnKey, index: cell.index });
    const detail: TaskMoveDetail = {
      taskIds: ids,
      from: place(from),
      to: place(plan.to),
      ...(this.columnsBy === 'status' ? { fromStatus: from.columnKey, toStatus: target.columnKey } : {}),
      via,
    };
    if (!this.dispatch('cwm-task-move', detail, { cancelable: true })) return false;
    const result = this.store.updateTasks(plan.changes, 'task.move');
    if (!result.ok) {
      this.showNotice(result.reason, 'error');
      return false;
    }
    this.dispatch('cwm-task-moved', { ...detail, confirmed: result.confirmed });
    const title = this.data.tasks.get(ids[0]!)?.title ?? '';
    this.announce(
      this.localize.t('board.announce.dropped', {
        count: ids.length,
        title,
        column: this.columnName(plan.to.columnKey),
        lane: this.lanesBy === 'none' ? '' : `, ${this.laneName(plan.to.laneKey)}`,
        index: plan.to.index + 1,
      }),
    );
    return true;
  }

  // ------------------------------------------------------------------ scope

  /**
   * Drops the host-given scope after a cancelable `cwm-scope-clear`, and puts the focus where the
   * Clear button was: the search box, or the first card without a filter bar.
   */
  async clearScope(): Promise<void> {
    const scope = this.scope;
    if (scope === undefined) return;
    if (!this.dispatch('cwm-scope-clear', { scope }, { cancelable: true })) return;
    this.scope = undefined;
    await this.updateComplete;
    const search = this.renderRoot.querySelector<HTMLInputElement>('.toolbar input[type=search]');
    if (search) {
      search.focus();
      return;
    }
    for (const ids of this.layout?.cells.values() ?? []) {
      if (ids.length === 0) continue;
      await this.focusTask(ids[0]!);
      return;
    }
  }

  // ------------------------------------------------------------------ toolbar host

  get boardFilter(): BoardFilter {
    return this.filter;
  }

  setFilter(filter: BoardFilter): void {
    this.filter = filter;
  }

  get selectedIds(): ReadonlySet<Id> {
    return this.selection;
  }

  get currentLayout(): BoardLayout | undefined {
    return this.layout;
  }

  get storeState(): StoreState | undefined {
    return this.data;
  }

  /** Moves the selected cards to the end of a column (the bulk bar). */
  moveSelection(columnKey: string): void {
    const layout = this.layout;
    if (!layout || this.selection.size === 0) return;
    const ids = this.orderedSelection([...this.selection][0]!);
    const first = layout.positions.get(ids[0]!);
    if (!first) return;
    const laneKey = first.laneKey;
    const length = layout.cells.get(cellKey(laneKey, columnKey))?.length ?? 0;
    if (this.commitMove(ids, first, { laneKey, columnKey, index: length }, 'bulk')) this.clearSelection();
  }

  /** Assigns the selected tasks to a person (the bulk bar; "take it" and "join" for the acting person). */
  assignSelection(personId: Id, mode: 'assign' | 'follow'): void {
    if (!this.store || this.selection.size === 0) return;
    const ids = [...this.selection];
    const result =
      mode === 'assign'
        ? this.store.assignTasks(ids, [personId])
        : this.store.updateTasks(
            ids.map((id) => ({ id, patch: { followerIds: [...new Set([...(this.data?.tasks.get(id)?.followerIds ?? []), personId])] } })),
            'task.follow',
          );
    if (!result.ok) this.showNotice(result.reason, 'error');
  }

  permission(action: 'task.assign' | 'task.assign-self' | 'task.follow' | 'task.move'): PermissionResult {
    if (!this.store) return { allowed: false, code: 'no-user', reason: '' };
    const task = this.data?.tasks.get([...this.selection][0] ?? '');
    return this.store.can(action, task ? { task } : {});
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelLift();
  }
}

/** Auto-scroll speed grows with how deep the pointer is in the edge zone. */
function speed(depth: number): number {
  return Math.min(24, Math.max(2, Math.round(depth / 2)));
}

export { NO_STATUS, NO_VALUE, SINGLE_LANE };

/** Ids in exactly one of the two sets. */
function symmetricDifference(a: ReadonlySet<Id>, b: ReadonlySet<Id>): Id[] {
  const result: Id[] = [];
  for (const id of a) if (!b.has(id)) result.push(id);
  for (const id of b) if (!a.has(id)) result.push(id);
  return result;
}
