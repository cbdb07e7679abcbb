import type { FrappeBar, FrappeRenderedTask } from 'frappe-gantt';
import type { IsoDate } from '@cwm/core';
import { BAR_HEIGHT, HEADER_HEIGHT, LOWER_HEADER_HEIGHT, ROW_HEIGHT, ROW_PADDING, UPPER_HEADER_HEIGHT } from '../geometry.js';
import type { Zoom } from '../zoom.js';
import { addDays } from '@cwm/core';
import { localDateOf } from '../timeline/calendar-days.js';
import { TimeScale, type DateRange } from '../timeline/time-scale.js';
import { withCachedDateTimeFormat } from './cached-intl.js';
import { recordDocumentListeners, removeDocumentListeners, type DocumentListener } from './document-listeners.js';
import { escapeHtml } from './escape-html.js';
import { textWidth } from './text-width.js';
import { viewModeFor } from './view-modes.js';
import { WindowedGantt, type EngineState } from './windowed-gantt.js';

/** One bar of the timeline, as the element hands it over: plain text and ISO dates, never markup. */
export interface ChartBar {
  readonly id: string;
  /** Plain text; escaped before frappe sees it (frappe writes it with `innerHTML`). */
  readonly name: string;
  /** First day. */
  readonly start: IsoDate;
  /** Last day, inclusive: a one-day task has `due === start`. */
  readonly due: IsoDate;
  /** 0 to 100. */
  readonly progress: number;
  /**
   * Classes on the bar's `.bar-wrapper` (styled by `frappeStyles`): `cwm-summary`, `cwm-milestone`,
   * `cwm-critical`, `cwm-selected`, `cwm-pending`, or the element's own. One class per entry, no spaces.
   */
  readonly classes?: readonly string[];
}

/** What the chart reports. Dates are ISO days; `due` is inclusive. */
export interface ChartCallbacks {
  /**
   * A drag or resize was dropped with new dates. The bar stays where it was dropped until the element
   * answers with `updateBar` (accepted) or `revertBar` (refused).
   */
  onDateChange(id: string, start: IsoDate, due: IsoDate): void;
  /** The progress handle was dropped at `progress` (an integer 0 to 100). Answer as for dates. */
  onProgressChange(id: string, progress: number): void;
  /** A bar was clicked (not at the end of a drag). */
  onBarClick?(id: string): void;
  onBarDoubleClick?(id: string): void;
  /** During a drag or resize, whenever the bar's box changed (about once a frame), so arrows can follow. */
  onBarDrag?(id: string, x: number, width: number): void;
}

/** How the chart is created. */
export interface FrappeChartOptions {
  readonly zoom: Zoom;
  /** First and last day of the plan: the axis covers it (plus padding), whatever rows are in view. */
  readonly range: DateRange;
  /** Language of the header labels (`'en'`, `'de'`, ...); default `'en'`. */
  readonly language?: string;
  /** No dragging, resizing or progress handles. */
  readonly readonly?: boolean;
  readonly callbacks: ChartCallbacks;
}

/** A bar in the window and what was last drawn for it. */
interface SlotBar {
  data: ChartBar;
  readonly bar: FrappeBar;
  /** Slot (row in the window) the bar belongs to. */
  slot: number;
  /** Slot its SVG was drawn for; moved by a transform when it differs (cheaper than a redraw). */
  drawnSlot: number;
  /** Drawn somewhere else than `data` says (dropped, waiting for the element's answer). */
  dirty: boolean;
}

interface DragState {
  readonly id: string;
  readonly x: number;
  readonly width: number;
  lastX: number;
  lastWidth: number;
}

/** Zooms fine enough for one-day weekend columns to mean something (at month zoom a day is 4 px). */
const WEEKEND_ZOOMS: ReadonlySet<Zoom> = new Set(['day', 'week']);
const WEEKENDS = { 'var(--g-weekend-highlight-color)': 'weekend' } as const;
/** Gap between a bar and a label placed after it (frappe's). */
const LABEL_GAP = 5;
/** frappe ids end up in class names split at spaces; an id with white space gets a stand-in. */
const UNSAFE_ID = /\s/;

/**
 * The timeline engine of `<cwm-gantt>`: frappe-gantt drawing only a window of rows on a fixed time axis.
 *
 * Layout (the element's shadow root): `wrapper` (given) > `.gantt-container` (`container`) > header +
 * `<svg>`. The container does not scroll (`overflow: clip` in `frappeStyles`): it is as wide as the axis
 * and as tall as the header plus every row (`setRowCount`), so the element's own viewport scrolls it
 * and frappe's sticky header sticks to that viewport. The SVG holds only the window's rows and is moved
 * down with `translateY(firstRow * ROW_HEIGHT)`; window slot `i` is global row `firstRow + i`.
 *
 * Nothing is drawn until the first `setWindow`. A window move with the same (or a smaller) slot count
 * re-uses the axis, header, ticks and grid and touches only bars: kept bars are moved by a transform,
 * changed ones are redrawn in place, new ones are drawn by frappe. `updateBar` redraws one bar.
 *
 * Safety, as before: names are escaped (frappe uses `innerHTML`), frappe's popup is off, its task objects
 * are ours (it mutates them), `destroy()` empties the container. frappe's hover handlers are stopped
 * (they look bars up by a CSS selector built from the id and throw once the bar left the window).
 *
 * frappe-gantt 1.2.2's constructor adds an anonymous `mouseup` listener to `document` and keeps no
 * reference to it; we record it while the constructor runs and `destroy()` removes it, so a destroyed
 * chart leaves nothing behind on the document (pinned in tests).
 */
export class FrappeChart {
  readonly #wrapper: HTMLElement;
  readonly #callbacks: ChartCallbacks;
  readonly #engine: EngineState;
  #gantt: WindowedGantt | undefined;
  #zoom: Zoom;
  #range: DateRange;
  #readonly: boolean;
  #rowCount = 0;
  #firstRow = 0;
  #slotCount = 0;
  /** Bars in the window by the element's id. */
  #bars = new Map<string, SlotBar>();
  /** The element's id of each frappe id (they differ only for ids with white space). */
  readonly #idOfFrappeId = new Map<string, string>();
  readonly #frappeIdOfId = new Map<string, string>();
  #labelFont = '';
  #drag: DragState | undefined;
  /** Inside `#drawing` (frappe's artificial clicks are ignored then). */
  #isDrawing = false;
  readonly #listeners: [EventTarget, string, EventListener, boolean][] = [];
  /** What frappe's constructor added to `document` (its drag-end `mouseup`), removed by `destroy()`. */
  #documentListeners: readonly DocumentListener[] = [];

  constructor(wrapper: HTMLElement, options: FrappeChartOptions) {
    this.#wrapper = wrapper;
    this.#callbacks = options.callbacks;
    this.#zoom = options.zoom;
    this.#range = options.range;
    this.#readonly = options.readonly ?? false;
    this.#engine = { scale: TimeScale.forRange(options.zoom, options.range), capacity: 0, ready: false };
    const created = recordDocumentListeners(() =>
      withCachedDateTimeFormat(
      () =>
        new WindowedGantt(wrapper, [], {
          popup: false,
          view_mode: viewModeFor(options.zoom),
          language: options.language ?? 'en',
          readonly: this.#readonly,
          bar_height: BAR_HEIGHT,
          padding: ROW_PADDING,
          upper_header_height: UPPER_HEADER_HEIGHT,
          lower_header_height: LOWER_HEADER_HEIGHT,
          // Arrows are the overlay's (frappe knows only finish-to-start without lag): no dependencies
          // are ever given, and a drag never moves other bars.
          move_dependencies: false,
          // Otherwise every mouse wheel re-renders the whole chart to extend the axis.
          infinite_padding: false,
          today_button: false,
          view_mode_select: false,
          holidays: WEEKEND_ZOOMS.has(options.zoom) ? { ...WEEKENDS } : null,
          on_click: (task) => this.#clicked(task, false),
          on_double_click: (task) => this.#clicked(task, true),
          on_progress_change: (task, progress) => this.#progressDropped(task, progress),
          cwm_engine: this.#engine,
        } as ConstructorParameters<typeof WindowedGantt>[2]),
      ),
    );
    this.#gantt = created.result;
    this.#documentListeners = created.listeners;
    const svg = this.#gantt.$svg;
    // Capture on the SVG runs before frappe's own listeners on the bar groups (see the class comment).
    this.#listen(svg, 'mouseenter', this.#stopBarHover, true);
    this.#listen(svg, 'mouseleave', this.#stopBarHover, true);
    // Bubble listeners added after frappe's run after them: frappe has moved the bar when we read it.
    this.#listen(svg, 'mousedown', this.#pressed, false);
    this.#listen(svg, 'mousemove', this.#moved, false);
    this.#applyGeometry();
  }

  /** Whether `destroy()` has run. */
  get destroyed(): boolean {
    return this.#gantt === undefined;
  }

  /** frappe's `.gantt-container`: as wide as the axis, as tall as the header plus every row. */
  get container(): HTMLElement {
    return this.#live().$container;
  }

  /** frappe's SVG: the window's rows (translated to their place), axis grid and bars. */
  get svg(): SVGSVGElement {
    return this.#live().$svg;
  }

  /** frappe's sticky header (`.grid-header`); undefined until the first `setWindow`. */
  get header(): HTMLElement | undefined {
    return this.#live().$header;
  }

  /** The time axis currently drawn. */
  get scale(): TimeScale {
    return this.#engine.scale;
  }

  /** The zoom level currently drawn. */
  get zoom(): Zoom {
    return this.#zoom;
  }

  /** First global row of the window. */
  get firstRow(): number {
    return this.#firstRow;
  }

  /** The `.bar-wrapper` of a bar in the window, if it is there. */
  barElement(id: string): SVGGElement | undefined {
    return this.#bars.get(id)?.bar.group;
  }

  /** Total rows of the plan: sets the container's height (the element's scroll height). */
  setRowCount(count: number): void {
    this.#live();
    this.#rowCount = Math.max(0, Math.floor(count));
    this.#applyGeometry();
  }

  /**
   * Shows the bars of rows `firstRow ... firstRow + slots.length - 1` (`undefined`: a row without a
   * bar). Only bars change when the slot count is at most the last full render's; more slots than
   * that re-render the axis once. The same id twice in one window keeps the first.
   */
  setWindow(firstRow: number, slots: readonly (ChartBar | undefined)[]): void {
    const gantt = this.#live();
    this.#firstRow = Math.max(0, Math.floor(firstRow));
    this.#slotCount = slots.length;
    if (!this.#engine.ready || slots.length > this.#engine.capacity) {
      this.#renderAll(slots);
    } else {
      this.#swapBars(gantt, slots);
    }
    this.#applyGeometry();
  }

  /**
   * Redraws one bar from new data (dates, name, progress, classes) without touching anything else.
   * Returns false when the bar is not in the window (nothing to draw; the next window brings it).
   */
  updateBar(bar: ChartBar): boolean {
    this.#live();
    const entry = this.#bars.get(bar.id);
    if (entry === undefined) return false;
    entry.data = bar;
    this.#redraw(entry);
    return true;
  }

  /** Puts a dragged (or progress-dragged) bar back where its last data says. False when not in the window. */
  revertBar(id: string): boolean {
    this.#live();
    const entry = this.#bars.get(id);
    if (entry === undefined) return false;
    this.#redraw(entry);
    return true;
  }

  /** Changes zoom and axis range: a full re-render of the same window. */
  setZoom(zoom: Zoom, range: DateRange = this.#range): void {
    const gantt = this.#live();
    this.#zoom = zoom;
    this.#range = range;
    this.#engine.scale = TimeScale.forRange(zoom, range);
    gantt.options.holidays = WEEKEND_ZOOMS.has(zoom) ? { ...WEEKENDS } : null;
    gantt.options.view_mode = viewModeFor(zoom);
    if (this.#engine.ready) this.#renderAll(this.#currentSlots());
    this.#applyGeometry();
  }

  /** Changes the axis range (the plan's first and last day): a full re-render of the same window. */
  setRange(range: DateRange): void {
    this.setZoom(this.#zoom, range);
  }

  /** Turns dragging, resizing and the progress handle off or on; redraws the window's bars. */
  setReadonly(flag: boolean): void {
    const gantt = this.#live();
    if (flag === this.#readonly) return;
    this.#readonly = flag;
    gantt.options.readonly = flag;
    for (const entry of this.#bars.values()) this.#redraw(entry);
  }

  /** Removes everything frappe rendered into the wrapper. Safe to call twice. */
  destroy(): void {
    const gantt = this.#gantt;
    if (gantt === undefined) return;
    this.#endDrag();
    for (const [target, type, listener, capture] of this.#listeners.splice(0)) target.removeEventListener(type, listener, capture);
    removeDocumentListeners(this.#documentListeners);
    this.#documentListeners = [];
    gantt.clear();
    gantt.bars = [];
    gantt.tasks = [];
    this.#bars.clear();
    this.#gantt = undefined;
    this.#wrapper.replaceChildren();
  }

  // --- rendering ---------------------------------------------------------------------------------

  /** Everything: axis, header, grid for `slots.length` rows, and the bars. */
  #renderAll(slots: readonly (ChartBar | undefined)[]): void {
    const gantt = this.#live();
    this.#engine.capacity = slots.length;
    this.#engine.ready = true;
    this.#endDrag();
    const entries = this.#entriesFor(slots);
    gantt.options.readonly = this.#readonly;
    gantt.tasks = entries.map(({ data, slot }) => this.#taskFor(data, slot));
    gantt.dependency_map = {};
    this.#drawing(() => gantt.change_view_mode(viewModeFor(this.#zoom)));
    this.#labelFont = '';
    this.#bars = new Map();
    gantt.bars.forEach((bar, index) => {
      const { data, slot } = entries[index]!;
      this.#adopt(bar, data, slot);
    });
  }

  /** The fast path: same axis and grid, bars kept, moved, redrawn or drawn as needed. */
  #swapBars(gantt: WindowedGantt, slots: readonly (ChartBar | undefined)[]): void {
    const entries = this.#entriesFor(slots);
    const kept = new Map<string, SlotBar>();
    const fresh: { data: ChartBar; slot: number }[] = [];
    for (const { data, slot } of entries) {
      const entry = this.#bars.get(data.id);
      if (entry === undefined) {
        fresh.push({ data, slot });
        continue;
      }
      kept.set(data.id, entry);
      const changed = entry.dirty || !sameBar(entry.data, data);
      entry.data = data;
      entry.slot = slot;
      if (changed) this.#redraw(entry);
      else this.#moveToSlot(entry);
    }
    for (const [id, entry] of this.#bars) {
      if (kept.get(id) === entry) continue;
      if (this.#drag?.id === id) this.#endDrag();
      entry.bar.group.remove();
    }
    this.#bars = kept;
    if (fresh.length > 0) {
      // frappe's make_bars draws one Bar per task in `tasks` and appends it to the bar layer.
      gantt.tasks = fresh.map(({ data, slot }) => this.#taskFor(data, slot));
      this.#drawing(() => gantt.make_bars());
      gantt.bars.forEach((bar, index) => {
        const { data, slot } = fresh[index]!;
        this.#adopt(bar, data, slot);
      });
    }
    // frappe looks bars up in these two (get_bar on mousedown, the task list for its own bookkeeping).
    gantt.bars = [...this.#bars.values()].map((entry) => entry.bar);
    gantt.tasks = gantt.bars.map((bar) => bar.task);
  }

  /** The non-empty slots, first occurrence of each id only. */
  #entriesFor(slots: readonly (ChartBar | undefined)[]): { data: ChartBar; slot: number }[] {
    const seen = new Set<string>();
    const entries: { data: ChartBar; slot: number }[] = [];
    slots.forEach((data, slot) => {
      if (data === undefined || seen.has(data.id)) return;
      seen.add(data.id);
      entries.push({ data, slot });
    });
    return entries;
  }

  #currentSlots(): (ChartBar | undefined)[] {
    const slots: (ChartBar | undefined)[] = Array.from({ length: this.#slotCount }, () => undefined);
    for (const entry of this.#bars.values()) slots[entry.slot] = entry.data;
    return slots;
  }

  /** Registers a bar frappe just drew and finishes it our way. */
  #adopt(bar: FrappeBar, data: ChartBar, slot: number): void {
    const entry: SlotBar = { data, bar, slot, drawnSlot: slot, dirty: false };
    // frappe calls this in a rAF after drawing (getBBox: a forced layout per bar) and on every drag step.
    bar.update_label_position = () => this.#placeLabel(entry);
    this.#bars.set(data.id, entry);
    this.#finish(entry);
  }

  /** Redraws a bar in place from its data (keeps its group and frappe's listeners on it). */
  #redraw(entry: SlotBar): void {
    const { bar } = entry;
    Object.assign(bar.task, this.#taskFor(entry.data, entry.slot));
    bar.bar_group.replaceChildren();
    bar.handle_group.replaceChildren();
    this.#drawing(() => {
      bar.prepare_values();
      bar.draw();
    });
    entry.drawnSlot = entry.slot;
    entry.dirty = false;
    bar.group.removeAttribute('transform');
    this.#finish(entry);
  }

  #moveToSlot(entry: SlotBar): void {
    const offset = (entry.slot - entry.drawnSlot) * ROW_HEIGHT;
    if (offset === 0) entry.bar.group.removeAttribute('transform');
    else entry.bar.group.setAttribute('transform', `translate(0 ${offset})`);
  }

  /** What every drawn bar needs after frappe: no grow animation, no header highlight, classes, label. */
  #finish(entry: SlotBar): void {
    const { bar, data } = entry;
    // frappe animates each new bar's width from 0 (SMIL): every scroll step would replay it.
    bar.$bar.replaceChildren();
    bar.$bar_progress?.replaceChildren();
    // frappe adds one hover highlight per bar to the header; the header must not change with the window.
    bar.$date_highlight?.remove();
    bar.group.setAttribute('class', ['bar-wrapper', ...(data.classes ?? [])].join(' '));
    this.#placeLabel(entry);
  }

  /** Centres the label on its bar, or puts it after the bar when it does not fit (frappe's rule). */
  #placeLabel(entry: SlotBar): void {
    const { bar, data } = entry;
    const label = bar.bar_group.querySelector<SVGTextElement>('.bar-label');
    if (label === null) return;
    const x = Number(bar.$bar.getAttribute('x'));
    const width = Number(bar.$bar.getAttribute('width'));
    const textLength = textWidth(data.name, this.#fontOf(label));
    const classes = data.classes ?? [];
    const outside = textLength > width || classes.includes('cwm-milestone') || classes.includes('cwm-summary');
    label.classList.toggle('big', outside);
    label.setAttribute('x', String(outside ? x + width + LABEL_GAP : x + width / 2 - textLength / 2));
  }

  /** The labels' font, read once per full render (one style recalculation, no layout). */
  #fontOf(label: SVGTextElement): string {
    if (this.#labelFont === '') {
      const style = getComputedStyle(label);
      this.#labelFont = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    }
    return this.#labelFont;
  }

  /** A fresh frappe task (frappe mutates it) for a bar in slot `slot`. */
  #taskFor(data: ChartBar, slot: number): FrappeRenderedTask {
    const due = data.due < data.start ? data.start : data.due;
    return {
      id: this.#frappeId(data.id),
      name: escapeHtml(data.name),
      start: data.start,
      end: due,
      progress: Math.min(100, Math.max(0, data.progress)),
      dependencies: [],
      _start: localDateOf(data.start),
      // frappe's end is the local midnight after the last day.
      _end: localDateOf(addDays(due, 1)),
      _index: slot,
    };
  }

  #frappeId(id: string): string {
    let frappeId = this.#frappeIdOfId.get(id);
    if (frappeId === undefined) {
      frappeId = UNSAFE_ID.test(id) ? `cwm-id-${this.#frappeIdOfId.size}` : id;
      this.#frappeIdOfId.set(id, frappeId);
      this.#idOfFrappeId.set(frappeId, id);
    }
    return frappeId;
  }

  #idOf(task: FrappeRenderedTask): string {
    return this.#idOfFrappeId.get(task.id) ?? task.id;
  }

  /** Container size from the axis and the row count; SVG height and offset from the window. */
  #applyGeometry(): void {
    const gantt = this.#live();
    const { scale, capacity } = this.#engine;
    gantt.$container.style.width = `${scale.width}px`;
    gantt.$container.style.height = `${HEADER_HEIGHT + this.#rowCount * ROW_HEIGHT}px`;
    if (!this.#engine.ready) return;
    // Rows past the last one would stretch the element's scroll height: cut the SVG there.
    const rows = Math.max(0, Math.min(capacity, this.#slotCount, this.#rowCount - this.#firstRow));
    gantt.$svg.setAttribute('height', String(HEADER_HEIGHT + rows * ROW_HEIGHT));
    gantt.$svg.style.transform = `translateY(${this.#firstRow * ROW_HEIGHT}px)`;
  }

  // --- interaction -------------------------------------------------------------------------------

  #listen(target: EventTarget, type: string, listener: EventListener, capture: boolean): void {
    target.addEventListener(type, listener, capture);
    this.#listeners.push([target, type, listener, capture]);
  }

  readonly #stopBarHover = (event: Event): void => {
    if (event.target instanceof Element && event.target.classList.contains('bar-wrapper')) event.stopPropagation();
  };

  readonly #pressed = (event: Event): void => {
    if (this.#readonly || !(event.target instanceof Element)) return;
    const wrapper = event.target.closest('.bar-wrapper');
    const frappeId = wrapper?.getAttribute('data-id');
    if (frappeId === null || frappeId === undefined) return;
    const id = this.#idOfFrappeId.get(frappeId) ?? frappeId;
    const entry = this.#bars.get(id);
    if (entry === undefined) return;
    this.#endDrag();
    const { x, width } = boxOf(entry.bar);
    this.#drag = { id, x, width, lastX: x, lastWidth: width };
    // Added per drag and removed at its end, so no listener outlives a drag.
    window.addEventListener('mouseup', this.#released);
  };

  readonly #moved = (): void => {
    const drag = this.#drag;
    if (drag === undefined) return;
    const entry = this.#bars.get(drag.id);
    if (entry === undefined) return;
    const { x, width } = boxOf(entry.bar);
    if (x === drag.lastX && width === drag.lastWidth) return;
    drag.lastX = x;
    drag.lastWidth = width;
    this.#callbacks.onBarDrag?.(drag.id, x, width);
  };

  /** The end of a drag, wherever the mouse was released (window listener, after frappe's). */
  readonly #released = (event: Event): void => {
    const drag = this.#drag;
    this.#endDrag();
    const gantt = this.#gantt;
    if (drag === undefined || gantt === undefined) return;
    // Released outside the SVG: frappe's SVG mouseup (which ends its drag and its progress drag) did
    // not run, and its progress handle would keep following the mouse. Give it its drop.
    if (!event.composedPath().includes(gantt.$svg)) {
      withCachedDateTimeFormat(() => gantt.$svg.dispatchEvent(new MouseEvent('mouseup')));
    }
    const entry = this.#bars.get(drag.id);
    if (entry === undefined) return;
    const { x, width } = boxOf(entry.bar);
    if (Math.abs(x - drag.x) < 0.5 && Math.abs(width - drag.width) < 0.5) return;
    // Days from pixels with frappe's nominal day width: drags snap to whole days (day, week zooms) or
    // weeks (month, quarter) of it, so the rounding is exact. frappe's own on_date_change cannot be
    // used: it fires during the drag, and truncates to whole months at month zoom.
    const perDay = this.#engine.scale.pixelsPerDay;
    const startShift = Math.round((x - drag.x) / perDay);
    const endShift = Math.round((x + width - (drag.x + drag.width)) / perDay);
    const start = addDays(entry.data.start, startShift);
    let due = addDays(entry.data.due < entry.data.start ? entry.data.start : entry.data.due, endShift);
    if (due < start) due = start;
    if (start === entry.data.start && due === entry.data.due) {
      this.#redraw(entry);
      return;
    }
    entry.dirty = true;
    this.#callbacks.onDateChange(drag.id, start, due);
  };

  #endDrag(): void {
    if (this.#drag === undefined) return;
    this.#drag = undefined;
    window.removeEventListener('mouseup', this.#released);
  }

  #progressDropped(task: FrappeRenderedTask, progress: number): void {
    const id = this.#idOf(task);
    const entry = this.#bars.get(id);
    if (entry !== undefined) entry.dirty = true;
    this.#callbacks.onProgressChange(id, Math.min(100, Math.max(0, Math.round(progress))));
  }

  /**
   * Runs frappe drawing code. frappe starts a redrawn bar's entrance animation with an artificial `click`
   * on the bar (`animateSVG` in its svg_utils), which would reach `on_click` as if the user had clicked:
   * clicks while drawing are not the user's.
   */
  #drawing(work: () => void): void {
    const outer = this.#isDrawing;
    this.#isDrawing = true;
    try {
      withCachedDateTimeFormat(work);
    } finally {
      this.#isDrawing = outer;
    }
  }

  #clicked(task: FrappeRenderedTask, double: boolean): void {
    if (this.#isDrawing) return;
    const id = this.#idOf(task);
    const entry = this.#bars.get(id);
    if (entry === undefined) return;
    if (double) {
      this.#callbacks.onBarDoubleClick?.(id);
    } else if (!entry.bar.action_completed) {
      // frappe marks a bar for a second after a drag or progress change: that click ends the drag.
      this.#callbacks.onBarClick?.(id);
    }
  }

  #live(): WindowedGantt {
    if (this.#gantt === undefined) throw new Error('FrappeChart: used after destroy()');
    return this.#gantt;
  }
}

function boxOf(bar: FrappeBar): { x: number; width: number } {
  return { x: Number(bar.$bar.getAttribute('x')), width: Number(bar.$bar.getAttribute('width')) };
}

function sameBar(a: ChartBar, b: ChartBar): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.name !== b.name || a.start !== b.start || a.due !== b.due || a.progress !== b.progress) return false;
  const left = a.classes ?? [];
  const right = b.classes ?? [];
  return left.length === right.length && left.every((value, index) => value === right[index]);
}
