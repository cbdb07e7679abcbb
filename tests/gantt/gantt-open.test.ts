// Opening a task from its bar with the real mouse: a double click on the centre of any bar fires
// cwm-task-open, whatever arrows, handles or headers the chart draws around it.
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import {
  after,
  barGroup,
  barRect,
  centreOf,
  describeNode,
  mountGantt,
  record,
  settle,
  shadow,
  task,
  waitFor,
  type MountedGantt,
} from './gantt-fixtures.js';
import { placePopup, type CwmGantt } from '@cwm/gantt';

/** The innermost element under a viewport point, looking through open shadow roots. */
function deepElementAt(x: number, y: number): Element | null {
  let root: Document | ShadowRoot = document;
  let found: Element | null = null;
  for (;;) {
    const next: Element | null = root.elementFromPoint(x, y);
    if (next === null || next === found) return found;
    found = next;
    if (!next.shadowRoot) return found;
    root = next.shadowRoot;
  }
}

/** Whether the pointer at `point` would land on `id`'s bar (its rect, label or handles). */
function landsOnBar(gantt: CwmGantt, id: string, point: [number, number]): string {
  const hit = deepElementAt(...point);
  const group = barGroup(gantt, id);
  return hit !== null && group !== null && group.contains(hit) ? 'bar' : describeNode(hit);
}

/**
 * A double click as the browser delivers it: a real click (sendMouse, which also moves the pointer and
 * lets the chart react to the first click), then the second click and the dblclick on whatever is under
 * the same point now. sendMouse cannot send a click count of 2 itself.
 */
async function doubleClickAt(gantt: CwmGantt, point: [number, number]): Promise<void> {
  await sendMouse({ type: 'click', position: point });
  await settle(gantt);
  const target = deepElementAt(...point);
  if (!target) throw new Error('Nothing under the pointer');
  const init = { bubbles: true, composed: true, cancelable: true, clientX: point[0], clientY: point[1], detail: 2, view: window };
  target.dispatchEvent(new MouseEvent('mousedown', init));
  target.dispatchEvent(new MouseEvent('mouseup', init));
  target.dispatchEvent(new MouseEvent('click', init));
  target.dispatchEvent(new MouseEvent('dblclick', init));
  await settle(gantt);
}

/**
 * Arrows of every type, through the rows between their bars: FS a->d runs down past b and c, SS e->f
 * and FF g->h route on the left and right of bars, and b sits right under the header.
 */
const PLAN = [
  task('a', 'Alpha', '2026-03-02', '2026-03-04'),
  task('b', 'Beta', '2026-03-03', '2026-03-09'),
  task('c', 'Gamma', '2026-03-02', '2026-03-12'),
  task('d', 'Delta', '2026-03-10', '2026-03-12', { dependencies: [after('a'), after('b'), after('c', 'SS')] }),
  task('e', 'Epsilon', '2026-03-04', '2026-03-06'),
  task('f', 'Zeta', '2026-03-02', '2026-03-05', { dependencies: [after('e', 'SS'), after('a', 'FF')] }),
  task('g', 'Eta', '2026-03-09', '2026-03-11', { dependencies: [after('d', 'SF'), after('c', 'FF')] }),
];

describe('<cwm-gantt> opening a task from its bar', () => {
  let mounted: MountedGantt;

  afterEach(async () => {
    await resetMouse();
    mounted?.store.dispose();
  });

  it('nothing covers the centre of any bar, with arrows of every type drawn', async () => {
    mounted = await mountGantt({ tasks: PLAN });
    const { gantt } = mounted;
    expect(shadow(gantt).querySelectorAll('g.link').length).to.be.greaterThan(4);
    const hits = PLAN.map((item) => `${item.id}:${landsOnBar(gantt, item.id, centreOf(barRect(gantt, item.id)))}`);
    expect(hits).to.deep.equal(PLAN.map((item) => `${item.id}:bar`));
  });

  it('an arrow running through other bars does not take the pointer from them', async () => {
    mounted = await mountGantt({ tasks: PLAN });
    const { gantt } = mounted;
    // a -> d (FS) leaves a's end, turns down 12 px later (ARROW_STUB) and runs through b and c on its way.
    const x = Math.round(barRect(gantt, 'a').getBoundingClientRect().right + 12);
    for (const id of ['b', 'c']) {
      const bar = barRect(gantt, id).getBoundingClientRect();
      expect(bar.left < x - 4 && x + 4 < bar.right, `the arrow crosses ${id}`).to.equal(true);
      const y = Math.round(bar.top + bar.height / 2);
      // Across the arrow's 10 px hit stroke: every point is the bar's.
      const hits = [-4, -2, 0, 2, 4].map((dx) => landsOnBar(gantt, id, [x + dx, y]));
      expect(hits, `on ${id}`).to.deep.equal(['bar', 'bar', 'bar', 'bar', 'bar']);
    }
    // Off the bars, the arrow is still easy to hit (a few pixels beside its line).
    const gap = barRect(gantt, 'b').getBoundingClientRect().top - 3;
    expect(describeNode(deepElementAt(x + 3, Math.round(gap)))).to.equal('path.hit');
    expect(describeNode(deepElementAt(x - 3, Math.round(gap)))).to.equal('path.hit');
  });

  it('a double click on the centre of a bar fires cwm-task-open once with its id', async () => {
    mounted = await mountGantt({ tasks: PLAN });
    const { gantt } = mounted;
    for (const id of ['a', 'c', 'g']) {
      const opened = record<{ taskId: string }>(gantt, 'cwm-task-open');
      await doubleClickAt(gantt, centreOf(barRect(gantt, id)));
      expect(opened.map((event) => event.detail.taskId), `double click on ${id}`).to.deep.equal([id]);
    }
  });

  it('a double click closes the popup its first click opened, so it covers no other bar', async () => {
    mounted = await mountGantt({ tasks: PLAN });
    const { gantt } = mounted;
    await doubleClickAt(gantt, centreOf(barRect(gantt, 'a')));
    expect(shadow(gantt).querySelector('cwm-gantt-popup'), 'popup closed').to.equal(null);
  });

  it('a popup without room below opens above its bar, not over it', async () => {
    const tasks = Array.from({ length: 20 }, (_, index) => task(`r${String(index).padStart(2, '0')}`, `Row ${index}`, '2026-03-03', '2026-03-06'));
    mounted = await mountGantt({ tasks, height: '880px' });
    const { gantt } = mounted;
    const id = 'r18';
    const point = centreOf(barRect(gantt, id));
    expect(point[1], 'the bar is low in the viewport').to.be.greaterThan(380);
    await sendMouse({ type: 'click', position: point });
    await settle(gantt);
    const popup = shadow(gantt).querySelector('cwm-gantt-popup');
    expect(popup, 'popup open').to.not.equal(null);
    const bar = barRect(gantt, id).getBoundingClientRect();
    await waitFor(() => {
      const box = popup!.shadowRoot?.firstElementChild?.getBoundingClientRect();
      return box !== undefined && box.height > 0;
    });
    const box = popup!.shadowRoot!.firstElementChild!.getBoundingClientRect();
    expect(box.bottom, 'the popup ends above the bar').to.be.at.most(bar.top);
    expect(landsOnBar(gantt, id, point)).to.equal('bar');
    const opened = record<{ taskId: string }>(gantt, 'cwm-task-open');
    await doubleClickAt(gantt, point);
    expect(opened.map((event) => event.detail.taskId)).to.deep.equal([id]);
  });

  it('placePopup never puts a popup over the bar it belongs to when it knows the bar top', () => {
    const viewport = { width: 1000, height: 600 };
    const size = { width: 300, height: 400 };
    // Room above the bar (top 500): it ends 8 px above the bar, not above the anchor's bottom (522).
    expect(placePopup({ x: 100, y: 522, top: 500 }, size, viewport)).to.deep.equal({ left: 100, top: 92 });
    // No room on either side: the roomier side, shortened to fit (it scrolls inside).
    expect(placePopup({ x: 100, y: 322, top: 300 }, size, viewport)).to.deep.equal({ left: 100, top: 8, maxHeight: 284 });
    expect(placePopup({ x: 100, y: 222, top: 200 }, size, viewport)).to.deep.equal({ left: 100, top: 230, maxHeight: 362 });
    // Without a bar top, as before: pushed up from the bottom.
    expect(placePopup({ x: 100, y: 322 }, size, viewport)).to.deep.equal({ left: 100, top: 192 });
  });
});
