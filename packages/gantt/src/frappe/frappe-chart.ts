import Gantt, { type FrappeGanttTask } from 'frappe-gantt';
import { escapeHtml } from './escape-html.js';

/** One bar as the chart wrapper takes it: plain text and ISO dates, never markup. */
export interface FrappeChartTask {
  readonly id: string;
  /** Plain text; escaped before frappe sees it (frappe writes it with `innerHTML`). */
  readonly name: string;
  /** `YYYY-MM-DD` (or a full ISO date-time). */
  readonly start: string;
  /** `YYYY-MM-DD`; frappe treats a date without a time as the end of that day. */
  readonly end: string;
  /** 0 to 100. */
  readonly progress?: number;
  /** Ids of the tasks this one depends on (frappe draws finish-to-start arrows only). */
  readonly dependencies?: readonly string[];
}

/** frappe-gantt's view modes, by its names. */
export type FrappeViewMode = 'Hour' | 'Quarter Day' | 'Half Day' | 'Day' | 'Week' | 'Month' | 'Year';

/** How the chart is created. */
export interface FrappeChartOptions {
  /**
   * Where the chart scrolls on first render: `'start'`, `'end'`, `'today'` or a `YYYY-MM-DD` date.
   * Required because frappe's default (`'today'`) makes tests and screenshots depend on the clock.
   */
  readonly scrollTo: string;
  readonly viewMode?: FrappeViewMode;
  /** No dragging or resizing. */
  readonly readonly?: boolean;
}

/**
 * A frappe-gantt chart inside a container we own (usually a div in a shadow root), made safe:
 *
 * - created on the element, never a selector (frappe would `document.querySelector` it, which cannot
 *   see into shadow roots);
 * - frappe's popup is off (its popup writes name and description with `innerHTML`; ours will be lit);
 * - each task is handed over as a fresh copy with its name HTML-escaped, because frappe mutates the
 *   objects it gets (`_start`, `_index`, ...) and writes `name` into the SVG with `innerHTML`;
 * - `update()` keeps the scroll position (frappe's own `refresh()` resets it);
 * - `destroy()` removes every node frappe created.
 *
 * Known leak in frappe-gantt 1.2.2, measured in tests/gantt/frappe-chart.test.ts: each `new Gantt`
 * adds one anonymous `mouseup` listener to `document` and nothing can remove it, so the listener (and
 * the frappe instance it closes over) outlives `destroy()`. `destroy()` empties frappe's DOM so the
 * leaked instance holds almost nothing; the element should still create few charts (re-use its chart
 * across disconnect/re-connect rather than creating one per connect).
 */
export class FrappeChart {
  readonly #container: HTMLElement;
  #gantt: Gantt | undefined;

  constructor(container: HTMLElement, tasks: readonly FrappeChartTask[], options: FrappeChartOptions) {
    this.#container = container;
    this.#gantt = new Gantt(container, toFrappeTasks(tasks), {
      popup: false,
      scroll_to: options.scrollTo,
      view_mode: options.viewMode ?? 'Day',
      readonly: options.readonly ?? false,
      // Our toolbar will own these controls; frappe's are plain DOM outside our templates.
      today_button: false,
      view_mode_select: false,
    });
  }

  /** Whether `destroy()` has run. */
  get destroyed(): boolean {
    return this.#gantt === undefined;
  }

  /** frappe's scrolling box (`.gantt-container`), e.g. to read or set the scroll position. */
  get scrollElement(): HTMLElement {
    return this.#live().$container;
  }

  /**
   * Replaces every task and re-renders, keeping the horizontal and vertical scroll position.
   * (frappe re-renders the whole SVG either way: per-bar updates come later.)
   */
  update(tasks: readonly FrappeChartTask[]): void {
    const gantt = this.#live();
    const { scrollTop } = gantt.$container;
    gantt.setup_tasks(toFrappeTasks(tasks));
    // `maintain_pos` keeps scrollLeft; frappe leaves scrollTop alone only if the height allows it.
    gantt.change_view_mode(undefined, true);
    gantt.$container.scrollTop = scrollTop;
  }

  /** Removes everything frappe rendered into the container. Safe to call twice. */
  destroy(): void {
    if (this.#gantt === undefined) return;
    // Emptying frappe's own nodes first keeps the instance its leaked document listener retains small.
    this.#gantt.clear();
    this.#gantt = undefined;
    this.#container.replaceChildren();
  }

  #live(): Gantt {
    if (this.#gantt === undefined) throw new Error('FrappeChart: used after destroy()');
    return this.#gantt;
  }
}

/** Fresh objects for frappe (it mutates what it gets) with names escaped for its `innerHTML`. */
function toFrappeTasks(tasks: readonly FrappeChartTask[]): FrappeGanttTask[] {
  return tasks.map((task) => ({
    id: task.id,
    name: escapeHtml(task.name),
    start: task.start,
    end: task.end,
    progress: task.progress ?? 0,
    dependencies: (task.dependencies ?? []).join(','),
  }));
}
