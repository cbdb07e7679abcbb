/**
 * The windowed timeline engine of `<cwm-gantt>` (issue 4): `FrappeChart` in a shadow root with
 * `frappeStyles`, inside a 1600 x 900 scrolling viewport, on a 5,000-task plan at Day zoom, showing a
 * 60-slot window (23 rows in view + overscan). The axis is the whole plan's. Raw frappe-gantt on the same
 * data is `gantt-frappe-raw`, in the same `npm run bench -- gantt` run.
 */
import { FrappeChart, frappeStyles, type ChartBar } from '@cwm/gantt';
import { addDays } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import type { BenchContext } from '../harness/types.js';
import { countElements, createStageBox, idleFrames, nextPaint, timeToPaint } from './board-support/board-stage.js';

export const description =
  'FrappeChart (windowed engine) on 5,000 generated tasks, Day zoom, 60-slot window in a 1600 x 900 viewport: first render to paint, window moved 10 rows (fast path), one bar updated, zoom changed';

const TOTAL_TASKS = 5_000;
const SLOTS = 60;
const STEP_ROWS = 10;
const STEPS = 40;

/** One row per task, in generator order; tasks without both dates are rows without a bar. */
function planRows(): (ChartBar | undefined)[] {
  const { tasks } = generateWorkspace({ tasks: TOTAL_TASKS, projects: 1, people: 50 });
  return tasks.map((task) =>
    task.start !== undefined && task.due !== undefined
      ? { id: task.id, name: task.title, start: task.start, due: task.due < task.start ? task.start : task.due, progress: task.progress }
      : undefined,
  );
}


export async function run(context: BenchContext): Promise<void> {
  const rows = (await context.time(() => planRows())).value;
  const dated = rows.filter((row): row is ChartBar => row !== undefined);
  const range = {
    start: dated.reduce((min, row) => (row.start < min ? row.start : min), dated[0]!.start),
    due: dated.reduce((max, row) => (row.due > max ? row.due : max), dated[0]!.due),
  };

  const box = createStageBox();
  const host = document.createElement('div');
  host.style.cssText = 'display:block;inline-size:100%;block-size:100%;font:14px system-ui,sans-serif';
  box.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = frappeStyles.styleSheet;
  if (sheet === undefined) throw new Error('frappeStyles has no constructable stylesheet');
  root.adoptedStyleSheets = [sheet];
  const viewport = document.createElement('div');
  viewport.style.cssText = 'inline-size:100%;block-size:100%;overflow:auto';
  const wrapper = document.createElement('div');
  wrapper.style.cssText = 'inline-size:max-content';
  viewport.append(wrapper);
  root.append(viewport);

  const callbacks = { onDateChange() {}, onProgressChange() {} };
  const windowAt = (first: number): (ChartBar | undefined)[] => rows.slice(first, first + SLOTS);
  const barsIn = (first: number): number => windowAt(first).filter(Boolean).length;
  const expectBars = (want: number, what: string): void => {
    const bars = root.querySelectorAll('.bar-wrapper').length;
    if (bars !== want) throw new Error(`${what}: ${bars} bars drawn, want ${want}`);
  };

  // First render: new chart, row count, first window, to paint.
  const firstRender = await context.sample({ runs: 5, warmup: 1 }, async () => {
    context.collectGarbage();
    await idleFrames(3);
    const start = performance.now();
    const chart = new FrappeChart(wrapper, { zoom: 'day', range, callbacks });
    chart.setRowCount(rows.length);
    chart.setWindow(0, windowAt(0));
    await nextPaint();
    const ms = performance.now() - start;
    expectBars(barsIn(0), 'first render');
    chart.destroy();
    return ms;
  });

  const chart = new FrappeChart(wrapper, { zoom: 'day', range, callbacks });
  chart.setRowCount(rows.length);
  chart.setWindow(0, windowAt(0));
  await nextPaint();
  const elements = countElements(root);
  const columns = root.querySelectorAll('.lower-text').length;
  context.record({
    name: '5,000 tasks, 60-slot window, first render to paint',
    unit: 'ms',
    samples: firstRender,
    target: { stat: 'median', max: 150 },
    note: `compare: gantt-frappe-raw 5,000 tasks in the same run; ${rows.length} rows (${dated.length} with dates), axis ${range.start} to ${range.due}: ${columns} day columns, ${chart.scale.width} px; ${elements} elements in the shadow root (bounded by the window, not the plan)`,
  });

  // The window moved by 10 rows per step (down, then back up), as a vertical scroll does.
  let first = 0;
  let direction = 1;
  const callOnly: number[] = [];
  const moves = await context.sample({ runs: STEPS, warmup: 4 }, async () => {
    if (first + STEP_ROWS * direction < 0 || first + STEP_ROWS * direction + SLOTS > rows.length || (direction === 1 && first >= 400)) direction = -direction;
    first += STEP_ROWS * direction;
    const slots = windowAt(first);
    const header = chart.header;
    const ms = await timeToPaint(() => {
      const start = performance.now();
      chart.setWindow(first, slots);
      callOnly.push(performance.now() - start);
    });
    if (chart.header !== header) throw new Error('setWindow rebuilt the header: not the fast path');
    expectBars(barsIn(first), 'setWindow');
    return ms;
  });
  context.record({
    name: 'window moved 10 rows (fast path), setWindow to paint',
    unit: 'ms',
    samples: moves,
    target: { stat: 'p95', max: 8 },
    note: `${STEPS} steps of ${STEP_ROWS} rows over rows 0 to 460: bars only (50 kept and moved, 10 drawn by frappe), axis and header untouched`,
  });
  context.record({ name: 'window moved 10 rows (fast path), setWindow call only', unit: 'ms', samples: callOnly.slice(-STEPS) });

  // One bar in the window re-dated (due +1 day, then back).
  chart.setWindow(0, windowAt(0));
  await nextPaint();
  const target = windowAt(0).find((row): row is ChartBar => row !== undefined)!;
  const widths = new Set<string>();
  let shifted = false;
  const updateCalls: number[] = [];
  const updates = await context.sample({ runs: 40, warmup: 4 }, async () => {
    shifted = !shifted;
    const next = shifted ? { ...target, due: addDays(target.due, 1) } : target;
    const ms = await timeToPaint(() => {
      const start = performance.now();
      chart.updateBar(next);
      updateCalls.push(performance.now() - start);
    });
    widths.add(chart.barElement(target.id)!.querySelector('.bar')!.getAttribute('width') ?? '');
    return ms;
  });
  if (widths.size !== 2) throw new Error(`updateBar: widths ${[...widths].join(', ')}, want two`);
  context.record({ name: 'one bar re-dated, updateBar to paint', unit: 'ms', samples: updates, target: { stat: 'p95', max: 4 } });
  context.record({ name: 'one bar re-dated, updateBar call only', unit: 'ms', samples: updateCalls.slice(-40) });

  // Zoom changes: a full re-render of the axis and the same window.
  const zooms = ['week', 'month', 'quarter', 'year', 'day'] as const;
  let zoomIndex = 0;
  const zoomSamples = await context.sample({ runs: 10, warmup: 2 }, async () => {
    const zoom = zooms[zoomIndex++ % zooms.length]!;
    const ms = await timeToPaint(() => chart.setZoom(zoom));
    if (chart.scale.zoom !== zoom) throw new Error(`setZoom(${zoom}) did not apply`);
    return ms;
  });
  context.record({ name: 'zoom changed (setZoom) to paint', unit: 'ms', samples: zoomSamples, note: 'cycling week, month, quarter, year, day; each a full re-render of axis, header, grid and window' });

  chart.destroy();
  box.remove();
}
