// frappe-gantt 1.2.2 ships no types. Only what our code (frappe-chart.ts, windowed-gantt.ts, the
// benchmarks) uses is declared, and only internally: no public export of @cwm/gantt names these types,
// so consumers of our dist/ never need this file. Members marked "internal" are frappe's own methods
// and fields (not documented API) that the windowed engine overrides or drives; re-check them on every
// frappe-gantt upgrade (the tests in tests/gantt/frappe-chart.test.ts exercise each of them).
declare module 'frappe-gantt' {
  /** A task as frappe reads it; frappe adds `_start`, `_end`, `_index` to the object it is given. */
  export interface FrappeGanttTask {
    id: string;
    name: string;
    start: string;
    end: string;
    progress?: number;
    dependencies?: string;
    custom_class?: string;
  }

  /** A task after frappe's `setup_tasks` (or as our engine prepares it directly). Internal. */
  export interface FrappeRenderedTask {
    id: string;
    /** Markup: frappe writes it with `innerHTML` (we always pass escaped text). */
    name: string;
    start: string;
    end: string;
    progress: number;
    dependencies: string[];
    /** Local midnight of the first day. */
    _start: Date;
    /** Local midnight after the last day. */
    _end: Date;
    /** Row of the bar inside the SVG: `y = header + padding / 2 + _index * (bar_height + padding)`. */
    _index: number;
  }

  /** A label function of a view mode: the column's date, the previous column's, the language. */
  export type FrappeLabel = (date: Date, previous: Date | null, language: string) => string;

  /** A view mode object (frappe's `view_modes` entries). */
  export interface FrappeViewModeDefinition {
    name: string;
    padding: string | [string, string];
    /** Column step: `1d`, `7d`, `1m`, `3m`, `1y`. */
    step: string;
    column_width?: number;
    date_format?: string;
    lower_text?: string | FrappeLabel;
    upper_text?: string | FrappeLabel;
    thick_line?: (date: Date) => boolean;
    snap_at?: string;
  }

  /** The subset of frappe's options we set. */
  export interface FrappeGanttOptions {
    popup?: false;
    popup_on?: 'click' | 'hover';
    scroll_to?: string | null;
    view_mode?: string | FrappeViewModeDefinition;
    infinite_padding?: boolean;
    readonly?: boolean;
    today_button?: boolean;
    view_mode_select?: boolean;
    container_height?: number | 'auto';
    language?: string;
    bar_height?: number;
    padding?: number;
    upper_header_height?: number;
    lower_header_height?: number;
    move_dependencies?: boolean;
    /** Colour -> `'weekend'` (or dates); `null` draws no highlight. */
    holidays?: Record<string, string> | null;
    on_click?: (task: FrappeRenderedTask) => void;
    on_double_click?: (task: FrappeRenderedTask) => void;
    on_progress_change?: (task: FrappeRenderedTask, progress: number) => void;
  }

  /** One bar (frappe's internal `Bar` class). Internal. */
  export interface FrappeBar {
    task: FrappeRenderedTask;
    /** The `.bar-wrapper` group (`data-id` = task id). */
    group: SVGGElement;
    bar_group: SVGGElement;
    handle_group: SVGGElement;
    $bar: SVGRectElement;
    $bar_progress?: SVGRectElement;
    /** A div frappe puts into the lower header for each bar (hover highlight). */
    $date_highlight?: HTMLElement;
    /** True for a second after a drag or progress change ended (frappe ignores the click then). */
    action_completed: boolean;
    prepare_values(): void;
    draw(): void;
    /** Called by frappe after drawing (in a rAF, with getBBox) and on every drag step. */
    update_label_position(): void;
  }

  /** frappe's chart. Fields and methods below the constructor are internal unless noted. */
  export default class Gantt {
    constructor(wrapper: HTMLElement, tasks: FrappeGanttTask[], options?: FrappeGanttOptions);
    /** frappe's container (`.gantt-container`). */
    readonly $container: HTMLElement;
    readonly $svg: SVGSVGElement;
    /** The header (`.grid-header`), present once rendered. */
    $header?: HTMLElement;
    options: FrappeGanttOptions & Record<string, unknown>;
    config: {
      column_width: number;
      step: number;
      unit: string;
      header_height: number;
      date_format: string;
      view_mode: FrappeViewModeDefinition;
    };
    tasks: FrappeRenderedTask[];
    bars: FrappeBar[];
    layers: { grid: SVGGElement; arrow: SVGGElement; progress: SVGGElement; bar: SVGGElement };
    dependency_map: Record<string, string[]>;
    gantt_start: Date;
    gantt_end: Date;
    grid_height: number;
    dates: Date[];
    /** Replaces the task list and re-renders; used with `change_view_mode(undefined, true)`. */
    setup_tasks(tasks: FrappeGanttTask[]): void;
    /** Re-renders in a view mode; `maintain_pos` keeps the horizontal scroll. */
    change_view_mode(mode?: string | FrappeViewModeDefinition, maintain_pos?: boolean): void;
    refresh(tasks: FrappeGanttTask[]): void;
    clear(): void;
    render(): void;
    setup_gantt_dates(refresh: boolean): void;
    make_grid_background(): void;
    make_bars(): void;
    highlight_current(): void;
    set_dimensions(): void;
    set_scroll_position(date?: string | Date | null): void;
  }
}
