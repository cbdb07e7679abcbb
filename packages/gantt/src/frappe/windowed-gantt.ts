import Gantt from 'frappe-gantt';
import { HEADER_HEIGHT, ROW_HEIGHT } from '../geometry.js';
import { localDateOf } from '../timeline/calendar-days.js';
import type { TimeScale } from '../timeline/time-scale.js';

/**
 * What the windowed engine decides instead of frappe. The object is shared: frappe copies its options
 * shallowly, so `options.cwm_engine` stays this very object and `FrappeChart` changes it between renders.
 */
export interface EngineState {
  /** The axis to draw (frappe would derive one from the tasks it holds: only the window's). */
  scale: TimeScale;
  /** Rows the grid (stripes, lines, ticks, weekend columns) is drawn for: the window's slot count. */
  capacity: number;
  /** False until the first window arrives: the constructor's render would draw an empty axis for nothing. */
  ready: boolean;
}

/** `options.cwm_engine`, set by `FrappeChart`. */
function engineOf(gantt: Gantt): EngineState {
  const engine = gantt.options['cwm_engine'] as EngineState | undefined;
  if (engine === undefined) throw new Error('WindowedGantt: options.cwm_engine is missing');
  return engine;
}

/**
 * frappe-gantt with the handful of its steps the windowed engine must own, overridden in a subclass so
 * they apply from the constructor on (instance patches would come after its first render):
 *
 * - the time axis comes from our `TimeScale` (the plan's range), not from the tasks it was given;
 * - the grid is as tall as the window's slots, not as its non-empty tasks, so empty rows keep their place;
 * - no scrolling: frappe's `set_scroll_position` looks up header texts by content and throws when none
 *   matches; the element's viewport owns scrolling;
 * - no today highlight (the overlay draws ours) and no layout read in `set_dimensions`.
 */
export class WindowedGantt extends Gantt {
  override render(): void {
    if (!engineOf(this).ready) return;
    super.render();
  }

  override setup_gantt_dates(): void {
    const { scale } = engineOf(this);
    this.gantt_start = localDateOf(scale.start);
    // frappe's columns run from gantt_start while a column start is before gantt_end, plus that one.
    this.gantt_end = localDateOf(scale.lastColumnStart);
    this.config.date_format = this.config.view_mode.date_format ?? 'YYYY-MM-DD';
  }

  override make_grid_background(): void {
    super.make_grid_background();
    const { scale, capacity } = engineOf(this);
    const height = HEADER_HEIGHT + capacity * ROW_HEIGHT;
    // Read by make_grid_rows, make_grid_ticks and the weekend highlight, which all run after this.
    this.grid_height = height;
    this.$svg.setAttribute('height', String(height));
    this.$svg.setAttribute('width', String(scale.width));
  }

  /** Width is set in make_grid_background; frappe's version forces a layout to read the SVG's box. */
  override set_dimensions(): void {}

  /** The element owns scrolling (see the class comment). */
  override set_scroll_position(): void {}

  /** Today is drawn by the overlay, above every row rather than only the window. */
  override highlight_current(): void {}
}
