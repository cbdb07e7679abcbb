/**
 * Peer baseline for `<cwm-gantt>` (issue 4): raw frappe-gantt 1.2.2 as a page would use it (a plain div,
 * its stylesheet as a page <style>, default options except a fixed `scroll_to`), from `new Gantt` to the
 * first paint, on tasks of `generateWorkspace` with their dependencies. No target: the Gantt's targets
 * will be set against these rows, measured in the same run.
 */
import Gantt, { type FrappeGanttTask } from 'frappe-gantt';
import { FRAPPE_GANTT_CSS } from '@cwm/gantt';
import { generateWorkspace } from '@cwm/core/testing';
import type { BenchContext } from '../harness/types.js';
import { createStageBox, idleFrames, nextPaint } from './board-support/board-stage.js';
import { frappeTasksOf } from './gantt-support/gantt-stage.js';

export const description =
  'raw frappe-gantt 1.2.2 in a plain div (page CSS), new Gantt to first paint, at 100 and 1,000 generated tasks with their dependencies (5,000 once when 1,000 is fast enough)';

/** 5,000 tasks are measured once, and only when 1,000 took less than this (so the scenario stays near 15 s). */
const LARGE_RUN_BUDGET_MS = 3_000;

/** Tasks with dates, as frappe takes them, from a generated one-project plan. */
function frappeTasks(count: number): FrappeGanttTask[] {
  return frappeTasksOf(generateWorkspace({ tasks: count, projects: 1, people: 50 }).tasks);
}

function linkCount(tasks: readonly FrappeGanttTask[]): number {
  return tasks.reduce((sum, task) => sum + (task.dependencies ? task.dependencies.split(',').length : 0), 0);
}

export async function run(context: BenchContext): Promise<void> {
  const style = document.createElement('style');
  style.textContent = FRAPPE_GANTT_CSS;
  document.head.append(style);
  const box = createStageBox();

  // frappe mutates its task objects, so every run gets fresh copies.
  const renderToPaint = async (tasks: readonly FrappeGanttTask[]): Promise<number> => {
    const copies = tasks.map((task) => ({ ...task }));
    const wrapper = document.createElement('div');
    box.append(wrapper);
    context.collectGarbage();
    await idleFrames(3);
    const start = performance.now();
    new Gantt(wrapper, copies, { scroll_to: 'start' });
    await nextPaint();
    const ms = performance.now() - start;
    const bars = wrapper.querySelectorAll('.bar-wrapper').length;
    if (bars !== tasks.length) throw new Error(`frappe drew ${bars} bars for ${tasks.length} tasks`);
    // Its document mouseup listener leaks (one per instance); removing the DOM is all we can do.
    wrapper.remove();
    return ms;
  };

  const record = (label: string, tasks: readonly FrappeGanttTask[], samples: number[]): void => {
    context.record({
      name: `raw frappe-gantt, ${label} tasks, render to paint`,
      unit: 'ms',
      samples,
      isBaseline: true,
      note: `${tasks.length} dated tasks, ${linkCount(tasks)} dependency arrows`,
    });
  };

  const small = frappeTasks(100);
  const medium = frappeTasks(1_000);
  record('100', small, await context.sample({ runs: 5, warmup: 1 }, () => renderToPaint(small)));
  const mediumSamples = await context.sample({ runs: 3, warmup: 0 }, () => renderToPaint(medium));
  record('1,000', medium, mediumSamples);

  const slowest = Math.max(...mediumSamples);
  if (slowest < LARGE_RUN_BUDGET_MS) {
    const large = frappeTasks(5_000);
    record('5,000', large, await context.sample({ runs: 1, warmup: 0 }, () => renderToPaint(large)));
  } else {
    context.log(`5,000 tasks skipped: 1,000 took up to ${Math.round(slowest)} ms`);
  }
  style.remove();
  box.remove();
}
