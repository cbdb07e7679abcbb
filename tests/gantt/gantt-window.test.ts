// Only the rows in view exist: 2,000 tasks render about as many elements as 1,000, scrolling moves the
// window with grid rows and bars aligned; zooming keeps the centre date; and a change from another person
// moves the bar without resetting scroll, zoom or collapsed state.
import { expect } from '@open-wc/testing';
import type { CwmGantt } from '@cwm/gantt';
import {
  ROW_HEIGHT,
  barGroup,
  barIds,
  barRect,
  gridIds,
  gridRow,
  manyTasks,
  mountGantt,
  scrollTo,
  settle,
  shadow,
  stored,
  task,
  viewportOf,
  waitFor,
  type MountedGantt,
} from './gantt-fixtures.js';

/** The chart engine, read for measurements only (its scale's column width). */
function columnWidth(gantt: CwmGantt): number {
  return (gantt as unknown as { chart: { scale: { columnWidth: number } } }).chart.scale.columnWidth;
}

/** Horizontal middle of the visible timeline (right of the sticky grid), in viewport coordinates. */
function visibleCentre(gantt: CwmGantt): number {
  const viewport = viewportOf(gantt).getBoundingClientRect();
  const grid = shadow(gantt).querySelector('.grid')!.getBoundingClientRect();
  return (grid.right + viewport.right) / 2;
}

function barCentre(gantt: CwmGantt, id: string): number {
  const box = barRect(gantt, id).getBoundingClientRect();
  return box.left + box.width / 2;
}

describe('<cwm-gantt> windowing and live updates', () => {
  const mounts: MountedGantt[] = [];
  const mount = async (...args: Parameters<typeof mountGantt>): Promise<MountedGantt> => {
    const mounted = await mountGantt(...args);
    mounts.push(mounted);
    return mounted;
  };

  afterEach(() => {
    for (const mounted of mounts.splice(0)) mounted.store.dispose();
  });

  it('with 2,000 tasks only the rows in view (plus overscan) exist, in the grid and in frappe\'s svg', async () => {
    const { gantt } = await mount({ tasks: manyTasks(2000), zoom: 'week' });
    const rows = gridIds(gantt);
    expect(rows.length).to.be.within(10, 60);
    expect(rows[0]).to.equal('n-00000');
    expect(barIds(gantt).length).to.be.within(10, 60);
    expect(shadow(gantt).querySelectorAll('.frappe-host .grid-row').length).to.be.below(61);
    // The scroll height is that of every row.
    expect(viewportOf(gantt).scrollHeight).to.be.greaterThan(2000 * ROW_HEIGHT);
  });

  it('scrolling moves the window: the new rows and their bars exist, on the same line', async () => {
    const { gantt } = await mount({ tasks: manyTasks(2000), zoom: 'week' });
    await scrollTo(gantt, 1000 * ROW_HEIGHT);
    const ids = gridIds(gantt);
    expect(ids).to.include('n-01000');
    // The active row (the first) stays rendered so focus is never lost; its neighbours are gone.
    expect(ids).to.not.include('n-00001');
    expect(barIds(gantt)).to.include('n-01000');
    expect(barIds(gantt)).to.not.include('n-00000');
    for (const id of ['n-01000', 'n-01005']) {
      const row = gridRow(gantt, id)!.getBoundingClientRect();
      const bar = barRect(gantt, id).getBoundingClientRect();
      // The bar is centred in its row: same middle within 1 px.
      expect(bar.top + bar.height / 2).to.be.closeTo(row.top + row.height / 2, 1);
    }
    // Back to the top: the first rows come back, aligned too.
    await scrollTo(gantt, 0);
    expect(gridIds(gantt)[0]).to.equal('n-00000');
    const row = gridRow(gantt, 'n-00003')!.getBoundingClientRect();
    const bar = barRect(gantt, 'n-00003').getBoundingClientRect();
    expect(bar.top + bar.height / 2).to.be.closeTo(row.top + row.height / 2, 1);
  });

  it('the element count does not grow with the task count (1,000 vs 2,000)', async () => {
    const small = await mount({ tasks: manyTasks(1000), zoom: 'week' });
    const smallCount = shadow(small.gantt).querySelectorAll('*').length;
    small.workspace.remove();
    const large = await mount({ tasks: manyTasks(2000), zoom: 'week' });
    const largeCount = shadow(large.gantt).querySelectorAll('*').length;
    expect(largeCount).to.equal(smallCount);
  });

  it('zooming week -> month -> day keeps the centre date (within one column)', async () => {
    const tasks = [task('start', 'Start', '2026-01-05', '2026-01-06'), task('mark', 'Marker', '2026-06-15', '2026-06-15'), task('end', 'End', '2026-12-14', '2026-12-15')];
    const { gantt } = await mount({ tasks, zoom: 'week' });
    gantt.revealTask('mark');
    await settle(gantt);
    expect(Math.abs(barCentre(gantt, 'mark') - visibleCentre(gantt))).to.be.at.most(columnWidth(gantt));
    for (const zoom of ['month', 'day'] as const) {
      gantt.zoom = zoom;
      await settle(gantt);
      const distance = Math.abs(barCentre(gantt, 'mark') - visibleCentre(gantt));
      expect(distance, `at ${zoom} zoom`).to.be.at.most(columnWidth(gantt));
    }
  });

  it('a change by another person moves the bar and keeps scroll, zoom and collapsed state', async () => {
    const tasks = [
      task('p', 'Phase', undefined, undefined, { rank: 'a' }),
      task('p1', 'Part', '2026-03-02', '2026-03-03', { parentId: 'p', rank: 'a' }),
      ...manyTasks(40).map((item, index) => ({ ...item, rank: `b${String(index).padStart(3, '0')}` })),
    ];
    const { gantt, store, adapter } = await mount({ tasks, zoom: 'day' });
    gridRow(gantt, 'p')!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await settle(gantt);
    gantt.zoom = 'week';
    await settle(gantt);
    gantt.zoom = 'day';
    await settle(gantt);
    await scrollTo(gantt, 10 * ROW_HEIGHT, viewportOf(gantt).scrollLeft + 90);
    const target = gridIds(gantt).find((id) => id.startsWith('n-') && barGroup(gantt, id) !== null)!;
    const before = { top: viewportOf(gantt).scrollTop, left: viewportOf(gantt).scrollLeft, x: Number(barRect(gantt, target).getAttribute('x')) };
    const old = stored(store, target);
    const start = new Date(`${old.start}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() + 2);
    const due = new Date(`${old.due}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 2);
    adapter.remote('u-2').update('tasks', target, { start: start.toISOString().slice(0, 10), due: due.toISOString().slice(0, 10) });
    await waitFor(() => stored(store, target).version > old.version, 3000, 'the remote change');
    await settle(gantt);
    expect(Number(barRect(gantt, target).getAttribute('x'))).to.equal(before.x + 2 * columnWidth(gantt));
    expect(viewportOf(gantt).scrollTop).to.equal(before.top);
    expect(viewportOf(gantt).scrollLeft).to.equal(before.left);
    expect(gantt.zoom).to.equal('day');
    expect(gridRow(gantt, 'p1')).to.equal(null);
    expect(gridRow(gantt, 'p')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('a second store on the same backend (another person) sees a drag-free update too', async () => {
    const first = await mount({ tasks: [task('x', 'Shared', '2026-03-02', '2026-03-04')], zoom: 'day' });
    const second = await mount({ tasks: [], adapter: first.adapter, zoom: 'day' });
    const x = Number(barRect(second.gantt, 'x').getAttribute('x'));
    expect(first.store.updateTask('x', { start: '2026-03-05', due: '2026-03-07' }, 'task.schedule').ok).to.equal(true);
    await waitFor(() => stored(second.store, 'x').start === '2026-03-05', 3000, 'the change in the other store');
    await settle(second.gantt);
    expect(Number(barRect(second.gantt, 'x').getAttribute('x'))).to.equal(x + 3 * columnWidth(second.gantt));
  });
});
