/**
 * Feasibility probe for `<cwm-gantt>` (issue 4): can frappe-gantt meet the 5,000-task targets if it is
 * only ever fed the rows in view? Our `FrappeChart` wrapper in a shadow root (`frappeStyles`) gets a
 * 40-row window of a 5,000-task plan, and the window is re-fed as a scroll would move it. Information
 * only (no targets): the raw 5,000-task baseline is `gantt-frappe-raw`, in the same `npm run bench -- gantt` run.
 */
import Gantt, { type FrappeGanttTask } from 'frappe-gantt';
import { escapeHtml, frappeStyles } from '@cwm/gantt';
import { generateWorkspace } from '@cwm/core/testing';
import type { BenchContext } from '../harness/types.js';
import { countElements, createStageBox, driveFrames, idleFrames, nextPaint, timeToPaint } from './board-support/board-stage.js';

export const description =
  'FrappeChart in a shadow root fed only a 40-row window of 5,000 generated tasks: first render, window re-fed by update() or destroy+create per 10-row scroll step, one task re-dated, horizontal scroll frame, element count (information)';

const TOTAL_TASKS = 5_000;

/** A task as the probe's wrapper took it (the pre-engine `FrappeChart` API). */
interface FrappeChartTask {
  readonly id: string;
  readonly name: string;
  readonly start: string;
  readonly end: string;
  readonly progress?: number;
  readonly dependencies?: readonly string[];
}

/**
 * The lifecycle wrapper this probe measured (the `FrappeChart` of the groundwork, before the windowed
 * engine replaced it), kept here so the probe's numbers stay reproducible: a whole frappe chart per
 * window, `update()` re-rendering everything.
 */
class FrappeChart {
  readonly #container: HTMLElement;
  readonly #gantt: Gantt;

  constructor(container: HTMLElement, tasks: readonly FrappeChartTask[], options: { scrollTo: string }) {
    this.#container = container;
    this.#gantt = new Gantt(container, toFrappeTasks(tasks), {
      popup: false,
      scroll_to: options.scrollTo,
      view_mode: 'Day',
      today_button: false,
      view_mode_select: false,
    });
  }

  get scrollElement(): HTMLElement {
    return this.#gantt.$container;
  }

  update(tasks: readonly FrappeChartTask[]): void {
    const { scrollTop } = this.#gantt.$container;
    this.#gantt.setup_tasks(toFrappeTasks(tasks));
    this.#gantt.change_view_mode(undefined, true);
    this.#gantt.$container.scrollTop = scrollTop;
  }

  destroy(): void {
    this.#gantt.clear();
    this.#container.replaceChildren();
  }
}

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
/** Rows handed to frappe: a viewport of ~20 rows plus overscan either side. */
const WINDOW_ROWS = 40;
/** Rows a scroll step moves the window by. */
const STEP_ROWS = 10;
const STEPS = 30;

/** Every dated task of the plan, in generator order, as the wrapper takes them (all dependencies kept; the window filters). */
function planRows(): FrappeChartTask[] {
  const { tasks } = generateWorkspace({ tasks: TOTAL_TASKS, projects: 1, people: 50 });
  return tasks
    .filter((task) => task.start !== undefined && task.due !== undefined)
    .map((task) => ({
      id: task.id,
      name: task.title,
      start: task.start!,
      end: task.due!,
      progress: task.progress,
      dependencies: task.dependencies.map((dependency) => dependency.predecessorId),
    }));
}

/** Rows `first ... first + WINDOW_ROWS - 1`, with dependencies only to rows inside the window (frappe cannot draw others). */
function windowAt(rows: readonly FrappeChartTask[], first: number): FrappeChartTask[] {
  const slice = rows.slice(first, first + WINDOW_ROWS);
  const ids = new Set(slice.map((row) => row.id));
  return slice.map((row) => ({ ...row, dependencies: (row.dependencies ?? []).filter((id) => ids.has(id)) }));
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days from the earliest start to the latest end of the rows: frappe draws one column per day of it (plus padding). */
function spanDays(rows: readonly FrappeChartTask[]): number {
  const starts = rows.map((row) => Date.parse(row.start));
  const ends = rows.map((row) => Date.parse(row.end));
  return Math.round((Math.max(...ends) - Math.min(...starts)) / 86_400_000) + 1;
}

/**
 * frappe's `date_utils.format` builds two `Intl.DateTimeFormat` per call (TOOLCHAIN.md). Swapping in a
 * constructor that hands back cached instances shows how much of each number that is, without
 * touching frappe. Returns the function that restores the real constructor.
 */
function cacheIntlDateTimeFormat(): () => void {
  const Real = Intl.DateTimeFormat;
  const cache = new Map<string, Intl.DateTimeFormat>();
  const Cached = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const key = JSON.stringify([locales, options]);
    let format = cache.get(key);
    if (format === undefined) {
      format = new Real(locales, options);
      cache.set(key, format);
    }
    return format;
  } as unknown as typeof Intl.DateTimeFormat;
  Object.assign(Cached, { supportedLocalesOf: Real.supportedLocalesOf.bind(Real) });
  Intl.DateTimeFormat = Cached;
  return () => {
    Intl.DateTimeFormat = Real;
  };
}

export async function run(context: BenchContext): Promise<void> {
  const generated = await context.time(() => planRows());
  const rows = generated.value;
  if (rows.length < WINDOW_ROWS + STEPS * STEP_ROWS) throw new Error(`only ${rows.length} dated tasks`);

  const box = createStageBox();
  const host = document.createElement('div');
  host.style.cssText = 'display:block;inline-size:100%;block-size:100%;font:14px system-ui,sans-serif';
  box.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = frappeStyles.styleSheet;
  if (sheet === undefined) throw new Error('frappeStyles has no constructable stylesheet');
  root.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  root.append(container);

  const barCount = (): number => root.querySelectorAll('.bar-wrapper').length;
  const expectBars = (want: number, what: string): void => {
    const bars = barCount();
    if (bars !== want) throw new Error(`${what}: frappe drew ${bars} bars, want ${want}`);
  };
  const first = windowAt(rows, 0);
  // frappe fixes its time axis when a chart is created: update() (setup_dates(refresh = true)) keeps
  // gantt_start/gantt_end. A chart created on one window therefore keeps that window's 2-4 months
  // and later windows' bars fall outside it. A stable axis is the plan's whole range: two anchor rows
  // at the plan's first start and last end, given at creation (and kept in every update).
  const planStart = rows.reduce((min, row) => (row.start < min ? row.start : min), rows[0]!.start);
  const planEnd = rows.reduce((max, row) => (row.end > max ? row.end : max), rows[0]!.end);
  const anchored = (tasks: FrappeChartTask[]): FrappeChartTask[] => [
    { id: 'axis-start', name: '', start: planStart, end: planStart },
    ...tasks,
    { id: 'axis-end', name: '', start: planEnd, end: planEnd },
  ];
  const ANCHORED_BARS = WINDOW_ROWS + 2;

  // (a) first render of a 40-row window to paint (a new chart each run; each leaks frappe's document
  // mouseup listener), with the window's own axis and with the plan's axis.
  const firstRender = async (tasks: FrappeChartTask[]): Promise<number> => {
    context.collectGarbage();
    await idleFrames(3);
    const start = performance.now();
    const chart = new FrappeChart(container, tasks, { scrollTo: 'start' });
    await nextPaint();
    const ms = performance.now() - start;
    expectBars(tasks.length, 'first render');
    chart.destroy();
    return ms;
  };
  const firstRenders = await context.sampleEach(
    { runs: 5, warmup: 1 },
    { own: () => firstRender(first), plan: () => firstRender(anchored(first)) },
  );

  // (d) what exists for one window, on each axis.
  const shape = (): string => {
    const svg = root.querySelector('svg');
    return `${countElements(root)} elements in the shadow root, ${root.querySelectorAll('.lower-text').length} date columns, svg ${svg?.getAttribute('width') ?? '?'} x ${svg?.getAttribute('height') ?? '?'}`;
  };
  let chart = new FrappeChart(container, first, { scrollTo: 'start' });
  await nextPaint();
  const ownShape = shape();
  chart.destroy();
  chart = new FrappeChart(container, anchored(first), { scrollTo: 'start' });
  await nextPaint();
  const planShape = shape();
  const windowSpans = Array.from({ length: STEPS + 1 }, (_, step) => spanDays(windowAt(rows, step * STEP_ROWS)));
  context.record({
    name: `window of ${WINDOW_ROWS} rows, own axis, first render to paint`,
    unit: 'ms',
    samples: firstRenders.own,
    note: `new FrappeChart(40 of ${rows.length} dated tasks) in a shadow root with frappeStyles; windows span ${Math.min(...windowSpans)} to ${Math.max(...windowSpans)} days; ${ownShape}`,
  });
  context.record({
    name: `window of ${WINDOW_ROWS} rows, plan axis, first render to paint`,
    unit: 'ms',
    samples: firstRenders.plan,
    note: `+ 2 anchor rows at ${planStart} and ${planEnd}; ${planShape}`,
  });

  // (b) the window moved by 10 rows per step, re-fed through update() on the plan-axis chart (with
  // frappe's Intl.DateTimeFormat construction as is, and cached), and by destroy + create on the
  // window's own axis (the axis then jumps with every step).
  let step = 0;
  /** The synchronous part of each update() (frappe's JS, DOM building), the rest of to-paint is style, layout, paint, GC. */
  const scripting = { update: [] as number[], cached: [] as number[] };
  const timedUpdate = (tasks: FrappeChartTask[], into: number[]): void => {
    const start = performance.now();
    chart.update(tasks);
    into.push(performance.now() - start);
  };
  const nextWindow = (): FrappeChartTask[] => windowAt(rows, (++step % (STEPS + 1)) * STEP_ROWS);
  const moves = await context.sampleEach(
    { runs: STEPS, warmup: 3 },
    {
      update: async () => {
        const tasks = anchored(nextWindow());
        const ms = await timeToPaint(() => timedUpdate(tasks, scripting.update));
        expectBars(ANCHORED_BARS, 'update()');
        return ms;
      },
      cached: async () => {
        const tasks = anchored(nextWindow());
        const restore = cacheIntlDateTimeFormat();
        try {
          const ms = await timeToPaint(() => timedUpdate(tasks, scripting.cached));
          expectBars(ANCHORED_BARS, 'update(), Intl cached');
          return ms;
        } finally {
          restore();
        }
      },
    },
  );
  const recreate = await context.sample({ runs: STEPS, warmup: 3 }, async () => {
    const tasks = nextWindow();
    const ms = await timeToPaint(() => {
      chart.destroy();
      chart = new FrappeChart(container, tasks, { scrollTo: 'start' });
    });
    expectBars(WINDOW_ROWS, 'destroy+create');
    return ms;
  });
  context.record({ name: 'window moved 10 rows, plan axis, update() to paint', unit: 'ms', samples: moves.update, note: `${STEPS} steps of ${STEP_ROWS} rows` });
  context.record({
    name: 'window moved 10 rows, plan axis, update(), Intl cached',
    unit: 'ms',
    samples: moves.cached,
    note: 'Intl.DateTimeFormat swapped for a caching constructor during the run: what caching it in frappe would save',
  });
  // sampleEach also ran the warm-up steps: keep the measured ones only.
  context.record({ name: 'window moved 10 rows, plan axis, update() call only', unit: 'ms', samples: scripting.update.slice(-STEPS) });
  context.record({ name: 'window moved 10 rows, plan axis, update() call only, Intl cached', unit: 'ms', samples: scripting.cached.slice(-STEPS) });
  context.record({ name: 'window moved 10 rows, own axis, destroy+create to paint', unit: 'ms', samples: recreate });
  chart.destroy();
  chart = new FrappeChart(container, anchored(first), { scrollTo: 'start' });
  await nextPaint();

  // (c) one task of the window re-dated (end +1 day, then back), whole window re-fed through update().
  const barWidth = (id: string, scope: ParentNode = container): string => {
    const bar = scope.querySelector(`.bar-wrapper[data-id="${CSS.escape(id)}"] .bar`);
    if (bar === null) throw new Error(`no bar for ${id}`);
    return bar.getAttribute('width') ?? '';
  };
  const widths = new Set<string>();
  let shifted = false;
  const retimed = 5;
  const oneTaskSamples = await context.sample({ runs: 30, warmup: 3 }, async () => {
    shifted = !shifted;
    const tasks = anchored(first.map((task, index) => (index === retimed && shifted ? { ...task, end: addDays(task.end, 1) } : task)));
    const ms = await timeToPaint(() => chart.update(tasks));
    widths.add(barWidth(first[retimed]!.id));
    return ms;
  });
  if (widths.size !== 2) throw new Error(`update(): the re-dated bar took widths ${[...widths].join(', ')}, want two`);
  context.record({
    name: 'one task re-dated, update() to paint',
    unit: 'ms',
    samples: oneTaskSamples,
    note: 'FrappeChart.update() re-renders the whole 40-row SVG: the wrapper has no per-bar update yet (frappe has update_task)',
  });

  // Raw frappe's per-bar path (the wrapper does not expose it yet): update_task on one bar, same window,
  // same shadow-root styles. It redraws that bar only; its arrows are not redrawn.
  const rawContainer = document.createElement('div');
  root.append(rawContainer);
  container.hidden = true;
  const rawTasks = first.map((task) => ({ id: task.id, name: task.name, start: task.start, end: task.end, progress: task.progress ?? 0, dependencies: (task.dependencies ?? []).join(',') }));
  const raw = new Gantt(rawContainer, rawTasks, { popup: false, scroll_to: 'start', today_button: false, view_mode_select: false });
  await nextPaint();
  const target = first[retimed]!;
  let rawShifted = false;
  const rawWidths = new Set<string>();
  const rawUpdateSamples = await context.sample({ runs: 30, warmup: 3 }, async () => {
    rawShifted = !rawShifted;
    const end = rawShifted ? addDays(target.end, 1) : target.end.slice(0, 10);
    // frappe reads the parsed _end (set by setup_tasks: local midnight after a date-only end), not end.
    const [year, month, day] = end.split('-').map(Number) as [number, number, number];
    const details = { end, _end: new Date(year, month - 1, day + 1) };
    const ms = await timeToPaint(() => (raw as unknown as { update_task(id: string, details: object): void }).update_task(target.id, details));
    rawWidths.add(barWidth(target.id, rawContainer));
    return ms;
  });
  if (rawWidths.size !== 2) throw new Error(`update_task: the re-dated bar took widths ${[...rawWidths].join(', ')}, want two`);
  context.record({
    name: 'one task re-dated, raw frappe update_task to paint',
    unit: 'ms',
    samples: rawUpdateSamples,
    note: 'frappe redraws the one bar (not its arrows); not reachable through FrappeChart today',
  });
  raw.clear();
  rawContainer.remove();
  container.hidden = false;

  // Horizontal scroll of frappe's own container (its scroll handler: getBBox on every bar, header lookups).
  const scroller = chart.scrollElement;
  scroller.scrollLeft = 0;
  await nextPaint();
  let direction = 1;
  // Driven one step per frame: the scroll event (frappe's handler) runs in the next frame's scroll
  // steps, so each frame's work from its begin to its paint includes the previous step's handler.
  const frames = await driveFrames(STEPS + 3, () => {
    if (scroller.scrollLeft + scroller.clientWidth + 120 > scroller.scrollWidth) direction = -1;
    if (scroller.scrollLeft < 120) direction = 1;
    scroller.scrollLeft += 120 * direction;
  });
  const scrollSamples = frames.slice(3).map((frame) => frame.work);
  const intervals = frames.slice(4).map((frame, index) => frame.begin - frames[index + 3]!.begin);
  context.record({ name: 'horizontal scroll, frame interval', unit: 'ms', samples: intervals, note: '16.7 ms = no frame dropped' });
  context.record({
    name: 'horizontal scroll, frame work (begin to paint)',
    unit: 'ms',
    samples: scrollSamples,
    note: `scrollLeft += 120 px on frappe's .gantt-container (${scroller.scrollWidth} px wide, plan axis)`,
  });
  context.log(`own axis: ${ownShape}; plan axis: ${planShape}`);

  chart.destroy();
  box.remove();
}
