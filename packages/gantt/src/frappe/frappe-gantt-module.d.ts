// frappe-gantt 1.2.2 ships no types. Only what frappe-chart.ts uses is declared, and only internally:
// no public export of @cwm/gantt names these types, so consumers of our dist/ never need this file.
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

  /** The subset of frappe's options we set. */
  export interface FrappeGanttOptions {
    popup?: false;
    popup_on?: 'click' | 'hover';
    scroll_to?: string | null;
    view_mode?: string;
    infinite_padding?: boolean;
    readonly?: boolean;
    today_button?: boolean;
    view_mode_select?: boolean;
    container_height?: number | 'auto';
    language?: string;
  }

  export default class Gantt {
    constructor(wrapper: HTMLElement, tasks: FrappeGanttTask[], options?: FrappeGanttOptions);
    readonly $container: HTMLElement;
    readonly $svg: SVGSVGElement;
    /** Replaces the task list and re-renders; used with `change_view_mode(undefined, true)`. */
    setup_tasks(tasks: FrappeGanttTask[]): void;
    /** Re-renders in a view mode; `maintain_pos` keeps the horizontal scroll. */
    change_view_mode(mode?: string, maintain_pos?: boolean): void;
    refresh(tasks: FrappeGanttTask[]): void;
    clear(): void;
  }
}
