// Zero axe violations for the whole <cwm-gantt> (toolbar, treegrid, timeline, live regions) in light and
// dark, with a summary, a milestone, an unscheduled task and the critical path, and with the popup open.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { after, focusActiveRow, mountGantt, settle, shadow, task, type MountedGantt } from './gantt-fixtures.js';

const PLAN = [
  task('a', 'Specify', '2026-03-02', '2026-03-04', { rank: 'a', assigneeIds: ['u-1'] }),
  task('s', 'Build', undefined, undefined, { rank: 'b' }),
  task('s1', 'Backend', '2026-03-05', '2026-03-09', { parentId: 's', rank: 'a', dependencies: [after('a')] }),
  task('m', 'Release', undefined, '2026-03-10', { rank: 'c', milestone: true, dependencies: [after('s1')] }),
  task('u', 'Later idea', undefined, undefined, { rank: 'd' }),
];

describe('<cwm-gantt> accessibility', () => {
  let mounted: MountedGantt;

  afterEach(() => mounted?.store.dispose());

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme`, async () => {
      mounted = await mountGantt({ tasks: PLAN, theme, criticalPath: true });
      await expect(mounted.gantt).to.be.accessible();
    });
  }

  it('has no axe violations with the popup open', async () => {
    mounted = await mountGantt({ tasks: PLAN });
    const { gantt } = mounted;
    await focusActiveRow(gantt);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await settle(gantt);
    expect(shadow(gantt).querySelector('cwm-gantt-popup')).to.not.equal(null);
    await expect(gantt).to.be.accessible();
  });

  it('the treegrid describes the rows: level, expanded state, row index and count', async () => {
    mounted = await mountGantt({ tasks: PLAN });
    const grid = shadow(mounted.gantt).querySelector('[role=treegrid]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal('6');
    const child = grid.querySelector('[data-id="s1"]')!;
    expect([child.getAttribute('aria-level'), child.getAttribute('aria-rowindex')]).to.deep.equal(['2', '4']);
  });
});
