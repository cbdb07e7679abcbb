// <cwm-gantt> on a real store: frappe's CSS applies inside the shadow root (computed colours, light and
// dark, critical in the danger colour), rows come in hierarchy order with hand-computed summaries,
// collapse/expand, milestones, and bad input (unscheduled, refused, missing predecessor) is shown, not fatal.
import { expect } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { token } from '@cwm/ui';
import type { CwmGantt } from '@cwm/gantt';
import {
  after,
  barGroup,
  barIds,
  barRect,
  gridIds,
  gridRow,
  mountGantt,
  settle,
  shadow,
  stored,
  waitFor,
  task,
  textOf,
  type MountedGantt,
} from './gantt-fixtures.js';

/**
 * Design (t-1), then the summary Build (s-1) over Backend (c-1, estimate 4, 50 %) and Frontend (c-2,
 * estimate 12, 25 %), the milestone Launch (m-1), the unscheduled Idea (u-1), Docs (t-2) that depends
 * on a task that does not exist, and a refused task Broken (r-1, due before start) from the backend.
 */
const PLAN = [
  task('t-1', 'Design', '2026-03-02', '2026-03-06', { progress: 40, rank: 'a' }),
  task('s-1', 'Build', undefined, undefined, { rank: 'b' }),
  // Ranked Frontend first: siblings follow rank, not id.
  task('c-1', 'Backend', '2026-03-09', '2026-03-13', { parentId: 's-1', estimate: 4, progress: 50, rank: 'b' }),
  task('c-2', 'Frontend', '2026-03-10', '2026-03-20', { parentId: 's-1', estimate: 12, progress: 25, rank: 'a' }),
  task('m-1', 'Launch', undefined, '2026-03-23', { milestone: true, rank: 'c' }),
  task('u-1', 'Idea', undefined, undefined, { rank: 'd' }),
  task('t-2', 'Docs', '2026-03-09', '2026-03-11', { dependencies: [after('ghost')], rank: 'e' }),
];
const BROKEN = { ...task('r-1', 'Broken', '2026-03-10', '2026-03-05') };

/** The bar colour (the accent mixed 18 % into the surface) as it resolves inside `gantt`'s shadow root. */
function barColour(gantt: CwmGantt): string {
  const probe = document.createElement('span');
  probe.style.color = `color-mix(in srgb, ${token('color-accent').cssText} 18%, ${token('color-surface').cssText})`;
  shadow(gantt).append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

describe('<cwm-gantt> rendering', () => {
  let mounted: MountedGantt;

  afterEach(async () => {
    await resetMouse();
    mounted?.store.dispose();
  });

  describe('CSS inside the shadow root', () => {
    it('fills bars with the surface token, not black, and critical bars get the danger colour', async () => {
      mounted = await mountGantt({
        tasks: [task('a', 'Alpha', '2026-03-02', '2026-03-04'), task('b', 'Beta', '2026-03-05', '2026-03-06', { dependencies: [after('a')] }), task('x', 'Extra', '2026-03-02', '2026-03-02')],
        criticalPath: true,
      });
      const { gantt } = mounted;
      const fill = getComputedStyle(barRect(gantt, 'x')).fill;
      expect(fill).to.not.equal('rgb(0, 0, 0)');
      expect(fill).to.equal(barColour(gantt));
      // a -> b is the longest chain: critical; x has slack.
      expect(barGroup(gantt, 'a')!.classList.contains('cwm-critical')).to.equal(true);
      expect(barGroup(gantt, 'x')!.classList.contains('cwm-critical')).to.equal(false);
      // --cwm-color-danger, light default #b4232c.
      expect(getComputedStyle(barRect(gantt, 'a')).stroke).to.equal('rgb(180, 35, 44)');
      expect(getComputedStyle(barRect(gantt, 'x')).stroke).to.not.equal('rgb(180, 35, 44)');
    });

    it('follows the dark theme of the workspace', async () => {
      mounted = await mountGantt({ tasks: [task('x', 'Extra', '2026-03-02', '2026-03-03')], theme: 'dark' });
      const darkFill = getComputedStyle(barRect(mounted.gantt, 'x')).fill;
      expect(darkFill).to.equal(barColour(mounted.gantt));
      // The bars and the grid text differ from the light theme's.
      const light = await mountGantt({ tasks: [task('x', 'Extra', '2026-03-02', '2026-03-03')] });
      expect(darkFill).to.not.equal(getComputedStyle(barRect(light.gantt, 'x')).fill);
      const darkText = getComputedStyle(gridRow(mounted.gantt, 'x')!).color;
      expect(darkText).to.not.equal(getComputedStyle(gridRow(light.gantt, 'x')!).color);
      light.store.dispose();
    });

    it('follows the theme attribute on the gantt itself', async () => {
      mounted = await mountGantt({ tasks: [task('x', 'Extra', '2026-03-02', '2026-03-03')] });
      const lightFill = getComputedStyle(barRect(mounted.gantt, 'x')).fill;
      mounted.gantt.setAttribute('theme', 'dark');
      await settle(mounted.gantt);
      const darkFill = getComputedStyle(barRect(mounted.gantt, 'x')).fill;
      expect(darkFill).to.not.equal(lightFill);
      expect(darkFill).to.equal(barColour(mounted.gantt));
    });
  });

  describe('rows', () => {
    beforeEach(async () => {
      mounted = await mountGantt({ tasks: PLAN, rawTasks: [BROKEN] });
    });

    it('lists tasks depth first in rank order, subtasks under their summary, refused tasks last', () => {
      const { gantt } = mounted;
      expect(gridIds(gantt)).to.deep.equal(['t-1', 's-1', 'c-2', 'c-1', 'm-1', 'u-1', 't-2', 'r-1']);
      expect(gridRow(gantt, 'c-1')!.getAttribute('aria-level')).to.equal('2');
      expect(gridRow(gantt, 's-1')!.getAttribute('aria-level')).to.equal('1');
      expect(gridRow(gantt, 's-1')!.getAttribute('aria-expanded')).to.equal('true');
      expect(gridRow(gantt, 't-1')!.hasAttribute('aria-expanded')).to.equal(false);
    });

    it('rolls the summary up: earliest start, latest end, estimate-weighted progress', () => {
      const { gantt } = mounted;
      const cells = [...gridRow(gantt, 's-1')!.querySelectorAll('[role=gridcell]')].map(textOf);
      // (4 * 50 + 12 * 25) / 16 = 31.25 %.
      expect(cells[cells.length - 1]).to.equal('31 %');
      const summary = barGroup(gantt, 's-1')!;
      expect(summary.classList.contains('cwm-summary')).to.equal(true);
      // Its bar spans Backend's start to Frontend's end.
      const bar = barRect(gantt, 's-1');
      const backend = barRect(gantt, 'c-1');
      const frontend = barRect(gantt, 'c-2');
      expect(Number(bar.getAttribute('x'))).to.equal(Number(backend.getAttribute('x')));
      expect(Number(bar.getAttribute('x')) + Number(bar.getAttribute('width'))).to.equal(
        Number(frontend.getAttribute('x')) + Number(frontend.getAttribute('width')),
      );
    });

    it('collapses and expands with the toggle button; the collapsed summary keeps its roll-up', async () => {
      const { gantt } = mounted;
      const toggle = gridRow(gantt, 's-1')!.querySelector<HTMLButtonElement>('button.toggle')!;
      expect(toggle.getAttribute('aria-label')).to.equal('Collapse Build');
      toggle.click();
      await settle(gantt);
      expect(gridIds(gantt)).to.deep.equal(['t-1', 's-1', 'm-1', 'u-1', 't-2', 'r-1']);
      expect(barIds(gantt)).to.not.include('c-1');
      expect(gridRow(gantt, 's-1')!.getAttribute('aria-expanded')).to.equal('false');
      const cells = [...gridRow(gantt, 's-1')!.querySelectorAll('[role=gridcell]')].map(textOf);
      expect(cells[cells.length - 1]).to.equal('31 %');
      gridRow(gantt, 's-1')!.querySelector<HTMLButtonElement>('button.toggle')!.click();
      await settle(gantt);
      expect(gridIds(gantt)).to.deep.equal(['t-1', 's-1', 'c-2', 'c-1', 'm-1', 'u-1', 't-2', 'r-1']);
      expect(barIds(gantt)).to.include('c-2');
    });

    it('draws a milestone as a diamond on its day', () => {
      const { gantt } = mounted;
      const diamond = shadow(gantt).querySelector('svg.overlay path.milestone[data-task-id="m-1"]');
      expect(diamond).to.not.equal(null);
      expect(barGroup(gantt, 'm-1')!.classList.contains('cwm-milestone')).to.equal(true);
      // The diamond's centre x is the middle of its one-day bar.
      const bar = barRect(gantt, 'm-1');
      const centre = Number(bar.getAttribute('x')) + Number(bar.getAttribute('width')) / 2;
      const firstX = Number(/^M ([\d.]+)/.exec(diamond!.getAttribute('d')!)![1]);
      expect(firstX).to.be.closeTo(centre, 0.5);
      expect(textOf(gridRow(gantt, 'm-1'))).to.include('Milestone');
    });

    it('flags an unscheduled task in the grid and draws no bar for it', () => {
      const { gantt } = mounted;
      const row = gridRow(gantt, 'u-1')!;
      expect(row.classList.contains('kind-unscheduled')).to.equal(true);
      expect(textOf(row.querySelector('.problem'))).to.equal('Unscheduled');
      expect(barGroup(gantt, 'u-1')).to.equal(null);
    });

    it('shows the refused task (due before start) as an invalid row with its problem and no bar', () => {
      const { gantt, store } = mounted;
      expect(store.state.tasks.has('r-1')).to.equal(false);
      const row = gridRow(gantt, 'r-1')!;
      expect(textOf(row.querySelector('.name'))).to.equal('Broken');
      expect(row.classList.contains('kind-invalid')).to.equal(true);
      expect(textOf(row.querySelector('.problem'))).to.equal('This task ends before it starts.');
      expect(barGroup(gantt, 'r-1')).to.equal(null);
    });

    it('ignores a seeded dependency on a missing task: the store reports it, the bar is drawn, no arrow', () => {
      const { gantt, errors, store } = mounted;
      // The store drops the reference on load and says so (it keeps no per-task record of it).
      expect(errors.some((error) => error.kind === 'invalid-data' && JSON.stringify(error).includes('ghost'))).to.equal(true);
      expect(stored(store, 't-2').dependencies).to.deep.equal([]);
      expect(barGroup(gantt, 't-2')).to.not.equal(null);
      expect(shadow(gantt).querySelectorAll('svg.overlay g.link')).to.have.length(0);
    });

    it('reports on the row a dependency whose predecessor was deleted, and draws no arrow for it', async () => {
      const { gantt, store } = mounted;
      expect(store.updateTask('t-2', { dependencies: [after('t-1')] }, 'dependency.edit').ok).to.equal(true);
      await settle(gantt);
      expect(shadow(gantt).querySelectorAll('svg.overlay g.link[data-from="t-1"][data-to="t-2"]')).to.have.length(1);
      mounted.adapter.remote('u-2').delete('tasks', 't-1');
      await waitFor(() => !store.state.tasks.has('t-1'));
      await settle(gantt);
      const problem = gridRow(gantt, 't-2')!.querySelector('.problem');
      expect(textOf(problem)).to.equal('This task depends on a task that does not exist; that dependency is ignored.');
      expect(barGroup(gantt, 't-2')).to.not.equal(null);
      expect(shadow(gantt).querySelectorAll('svg.overlay g.link')).to.have.length(0);
    });
  });
});
