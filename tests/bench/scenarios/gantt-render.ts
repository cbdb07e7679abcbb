/**
 * Issue 4 targets for `<cwm-gantt>` render: 5,000 tasks with their links render to paint in <= 300 ms;
 * 100 tasks in at most a third of raw frappe-gantt's time; the DOM stays bounded whatever the task count
 * (1,000 vs 5,000). Peer baseline in the same run: raw frappe-gantt 1.2.2 on the same plans (a plain div,
 * page CSS, `scroll_to: 'start'`), new Gantt to first paint.
 */
import Gantt from 'frappe-gantt';
import { FRAPPE_GANTT_CSS } from '@cwm/gantt';
import type { BenchContext } from '../harness/types.js';
import { bringToFront, countElements, createStageBox, idleFrames, nextPaint } from './board-support/board-stage.js';
import { GanttStage, check, frappeTasksOf, ganttPlan, settled, type GanttPlan } from './gantt-support/gantt-stage.js';

export const description =
  '<cwm-gantt> on a connected store, from appending it to the first paint with its rows and bars, at 5,000 / 1,000 / 100 generated tasks (week zoom, 1600 x 900); peer: raw frappe-gantt on the same plans in the same run';

const RUNS = { runs: 10, warmup: 2 } as const;
const RAW_SMALL_RUNS = { runs: 8, warmup: 1 } as const;


export async function run(context: BenchContext): Promise<void> {
  const plans = { large: ganttPlan(5_000), medium: ganttPlan(1_000), small: ganttPlan(100) };
  const stages = {
    large: await GanttStage.open(plans.large),
    medium: await GanttStage.open(plans.medium),
    small: await GanttStage.open(plans.small),
  };
  const elements = { large: new Set<number>(), medium: new Set<number>() };

  const renderGantt = async (stage: GanttStage, counts?: Set<number>): Promise<number> => {
    bringToFront(stage.box);
    context.collectGarbage();
    await idleFrames(4);
    const element = stage.createGantt();
    const start = performance.now();
    stage.workspace.append(element);
    await settled(element);
    await nextPaint();
    const ms = performance.now() - start;
    check(element);
    counts?.add(countElements(element.shadowRoot!));
    element.remove();
    return ms;
  };

  const style = document.createElement('style');
  style.textContent = FRAPPE_GANTT_CSS;
  document.head.append(style);
  const rawBox = createStageBox();
  const renderRaw = async (plan: GanttPlan): Promise<number> => {
    bringToFront(rawBox);
    const tasks = frappeTasksOf(plan.data.tasks);
    const wrapper = document.createElement('div');
    rawBox.append(wrapper);
    context.collectGarbage();
    await idleFrames(4);
    const start = performance.now();
    new Gantt(wrapper, tasks, { scroll_to: 'start' });
    await nextPaint();
    const ms = performance.now() - start;
    if (wrapper.querySelectorAll('.bar-wrapper').length !== tasks.length) throw new Error('raw frappe did not draw every bar');
    wrapper.remove();
    return ms;
  };

  try {
    const ours = await context.sampleEach(RUNS, {
      large: () => renderGantt(stages.large, elements.large),
      medium: () => renderGantt(stages.medium, elements.medium),
      small: () => renderGantt(stages.small),
    });
    const rawSmall = await context.sample(RAW_SMALL_RUNS, () => renderRaw(plans.small));
    const rawLarge = await context.sample({ runs: 1, warmup: 0 }, () => renderRaw(plans.large));

    context.record({
      name: 'raw frappe-gantt, 5,000 tasks, render to paint',
      unit: 'ms',
      samples: rawLarge,
      isBaseline: true,
      note: `${frappeTasksOf(plans.large.data.tasks).length} dated tasks with ${plans.large.links} links; raw frappe draws every bar (one run: it takes seconds)`,
    });
    context.record({
      name: '<cwm-gantt> 5,000 tasks, render to paint',
      unit: 'ms',
      samples: ours.large,
      target: { stat: 'median', max: 300 },
      baseline: 'raw frappe-gantt, 5,000 tasks, render to paint',
      note: `${plans.large.links} dependency links; ${[...elements.large].join('/')} elements in the shadow tree at 5,000 tasks vs ${[...elements.medium].join('/')} at 1,000 (bounded: only rows in view exist)`,
    });
    context.record({ name: '<cwm-gantt> 1,000 tasks, render to paint', unit: 'ms', samples: ours.medium });
    context.record({
      name: 'raw frappe-gantt, 100 tasks, render to paint',
      unit: 'ms',
      samples: rawSmall,
      isBaseline: true,
    });
    context.record({
      name: '<cwm-gantt> 100 tasks, render to paint',
      unit: 'ms',
      samples: ours.small,
      target: { stat: 'median', ofBaseline: 1 / 3 },
      baseline: 'raw frappe-gantt, 100 tasks, render to paint',
    });
  } finally {
    style.remove();
    rawBox.remove();
    for (const stage of Object.values(stages)) stage.close();
  }
}
