/**
 * Issue 6 target for `<cwm-workload>`: 200 people x 52 weeks (10,000 tasks, 20 projects) render to paint
 * in <= 200 ms with a bounded DOM (only the rows in view exist). Peer baseline in the same run: a
 * plain-DOM table of the same 200 x 52 cells (createElement + textContent, one append), to paint.
 */
import type { WorkloadReport } from '@cwm/core';
import type { CwmWorkload } from '@cwm/dashboard';
import type { BenchContext } from '../harness/types.js';
import { countElements, createStageBox, idleFrames, nextPaint } from './board-support/board-stage.js';
import { DashboardStage, bringToFront, dashboardData, settled } from './dashboard-support/dashboard-stage.js';

export const description =
  '<cwm-workload weeks="52"> of 200 people (10,000 tasks, 20 projects) from appending it to paint, elements counted; peer: a plain-DOM table of the same 200 x 52 cells';

const WEEKS = 52;
const RUNS = { runs: 10, warmup: 2 } as const;

/** Throws unless the grid shows 52 week columns and some rows, each with 52 cells. */
function check(element: CwmWorkload): number {
  const root = element.shadowRoot;
  const weeks = root?.querySelectorAll('.head .week').length ?? 0;
  const rows = [...(root?.querySelectorAll('.body .row[data-person-id]') ?? [])];
  if (weeks !== WEEKS || rows.length === 0) throw new Error(`the workload shows ${weeks} weeks and ${rows.length} rows`);
  for (const row of rows) if (row.querySelectorAll('.cell').length !== WEEKS) throw new Error('a workload row lacks cells');
  return rows.length;
}

/** The plain table: a header row, a row per person with a name and 52 cells, text only. */
function buildPlainTable(report: WorkloadReport, names: ReadonlyMap<string, string>): HTMLTableElement {
  const table = document.createElement('table');
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (const week of report.weeks) {
    const th = document.createElement('th');
    th.textContent = week.key;
    head.append(th);
  }
  table.append(head);
  for (const row of report.rows) {
    const tr = document.createElement('tr');
    const name = document.createElement('th');
    name.textContent = names.get(row.personId) ?? row.personId;
    tr.append(name);
    for (const cell of row.cells) {
      const td = document.createElement('td');
      td.textContent = `${cell.allocated} / ${cell.capacity} h`;
      tr.append(td);
    }
    table.append(tr);
  }
  return table;
}

export async function run(context: BenchContext): Promise<void> {
  const dashboard = dashboardData();
  const stage = await DashboardStage.open(dashboard);
  const plainBox = createStageBox();
  plainBox.style.overflow = 'auto';
  const counts = { elements: new Set<number>(), rows: new Set<number>(), plain: new Set<number>() };

  try {
    // The report the plain table shows: the same numbers, computed outside the timed part.
    const probe = stage.createWorkload(WEEKS);
    stage.workspace.append(probe);
    await settled(probe);
    const report = probe.report;
    probe.remove();
    if (!report || report.rows.length !== 200 || report.weeks.length !== WEEKS) {
      throw new Error(`the workload report has ${report?.rows.length} people and ${report?.weeks.length} weeks, want 200 x ${WEEKS}`);
    }
    const names = new Map(dashboard.data.people.map((person) => [person.id, person.name]));

    const renderWorkload = async (): Promise<number> => {
      bringToFront(stage.box);
      context.collectGarbage();
      await idleFrames(4);
      const element = stage.createWorkload(WEEKS);
      const start = performance.now();
      stage.workspace.append(element);
      await settled(element);
      await nextPaint();
      const ms = performance.now() - start;
      counts.rows.add(check(element));
      counts.elements.add(countElements(element.shadowRoot!));
      element.remove();
      return ms;
    };
    const renderPlain = async (): Promise<number> => {
      bringToFront(plainBox);
      context.collectGarbage();
      await idleFrames(4);
      const start = performance.now();
      const table = buildPlainTable(report, names);
      plainBox.append(table);
      await nextPaint();
      const ms = performance.now() - start;
      if (table.rows.length !== 201) throw new Error(`the plain table has ${table.rows.length} rows`);
      counts.plain.add(countElements(table));
      table.remove();
      return ms;
    };
    const samples = await context.sampleEach(RUNS, { ours: renderWorkload, plain: renderPlain });

    const list = (set: Set<number>): string => [...set].join('/');
    const over = report.rows.reduce((sum, row) => sum + row.cells.filter((cell) => cell.overAllocated).length, 0);
    context.record({
      name: '<cwm-workload> 200 people x 52 weeks, render to paint',
      unit: 'ms',
      samples: samples.ours,
      target: { stat: 'median', max: 200 },
      baseline: 'plain-DOM table 200 x 52, render to paint',
      note: `${list(counts.rows)} person rows in the DOM of 200, ${list(counts.elements)} elements in the shadow tree (bounded); ${over} over-allocated cells, ${report.unplanned.length} unplanned tasks; computeWorkload included`,
    });
    context.record({
      name: 'plain-DOM table 200 x 52, render to paint',
      unit: 'ms',
      samples: samples.plain,
      isBaseline: true,
      note: `${list(counts.plain)} elements: every cell in the DOM; numbers precomputed (DOM only)`,
    });
  } finally {
    plainBox.remove();
    stage.close();
  }
}
