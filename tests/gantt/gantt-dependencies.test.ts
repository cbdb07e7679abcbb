// Dependencies through the element and the store: drawn with the mouse from a bar's end handle, a loop
// refused with its names, deleted and added (SS, lag 2, keyboard only) from the popup; and the critical
// path of a hand-computed plan marked on exactly its rows, bars and arrows.
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { DependencyDetail } from '@cwm/gantt';
import {
  after,
  barGroup,
  barRect,
  centreOf,
  focusActiveRow,
  gridRow,
  mountGantt,
  noticeText,
  record,
  settle,
  shadow,
  stored,
  task,
  textOf,
  type MountedGantt,
  CHAIN,
} from './gantt-fixtures.js';
import type { CwmGantt } from '@cwm/gantt';


function links(gantt: CwmGantt): string[] {
  return [...shadow(gantt).querySelectorAll('svg.overlay g.link')].map(
    (link) => `${link.getAttribute('data-from')}>${link.getAttribute('data-to')}:${link.getAttribute('data-type')}`,
  );
}

/** Draws a link with the mouse from `fromId`'s handle on `side` to a point inside `toId`'s bar. */
async function drawLink(gantt: CwmGantt, fromId: string, side: 'start' | 'end', toId: string, part: 'left' | 'right'): Promise<void> {
  const handle = shadow(gantt).querySelector(`circle.link-handle[data-task-id="${fromId}"][data-side="${side}"]`);
  if (!handle) throw new Error(`No ${side} handle on ${fromId}`);
  const from = centreOf(handle);
  const target = barRect(gantt, toId).getBoundingClientRect();
  const to: [number, number] = [Math.round(target.left + target.width * (part === 'left' ? 0.25 : 0.75)), Math.round(target.top + target.height / 2)];
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: [Math.round((from[0] + to[0]) / 2), Math.round((from[1] + to[1]) / 2)] });
  await sendMouse({ type: 'move', position: to });
  await sendMouse({ type: 'up' });
  await settle(gantt);
}

function popupOf(gantt: CwmGantt): HTMLElement & { shadowRoot: ShadowRoot } {
  const popup = shadow(gantt).querySelector<HTMLElement>('cwm-gantt-popup');
  if (!popup?.shadowRoot) throw new Error('The popup is not open');
  return popup as HTMLElement & { shadowRoot: ShadowRoot };
}

describe('<cwm-gantt> dependencies', () => {
  let mounted: MountedGantt;

  afterEach(async () => {
    await resetMouse();
    mounted?.store.dispose();
  });

  it('drawing from a bar\'s end handle to another bar creates an FS dependency in the store', async () => {
    mounted = await mountGantt({ tasks: [task('a', 'Alpha', '2026-03-02', '2026-03-04'), task('b', 'Beta', '2026-03-09', '2026-03-11')] });
    const { gantt, store } = mounted;
    const create = record<DependencyDetail>(gantt, 'cwm-dependency-create');
    const created = record<DependencyDetail>(gantt, 'cwm-dependency-created');
    // Alpha is the active row: its link handles are shown.
    await drawLink(gantt, 'a', 'end', 'b', 'left');
    expect(stored(store, 'b').dependencies).to.deep.equal([{ predecessorId: 'a', type: 'FS', lag: 0 }]);
    expect(create.map((event) => event.detail)).to.deep.equal([{ successorId: 'b', predecessorId: 'a', type: 'FS', lag: 0 }]);
    expect(create[0]!.cancelable).to.equal(true);
    expect(created).to.have.length(1);
    expect(links(gantt)).to.deep.equal(['a>b:FS']);
  });

  it('cancelling cwm-dependency-create creates nothing', async () => {
    mounted = await mountGantt({ tasks: [task('a', 'Alpha', '2026-03-02', '2026-03-04'), task('b', 'Beta', '2026-03-09', '2026-03-11')] });
    const { gantt, store } = mounted;
    gantt.addEventListener('cwm-dependency-create', (event) => event.preventDefault());
    await drawLink(gantt, 'a', 'end', 'b', 'left');
    expect(stored(store, 'b').dependencies).to.deep.equal([]);
    expect(links(gantt)).to.deep.equal([]);
  });

  it('refuses a link that would close a loop, naming the loop, and changes nothing', async () => {
    mounted = await mountGantt({ tasks: CHAIN });
    const { gantt, store } = mounted;
    const create = record(gantt, 'cwm-dependency-create');
    // Select Gamma (click its row) so its handles show, then link Gamma's end to Alpha: Alpha after Gamma.
    gridRow(gantt, 'c')!.click();
    await settle(gantt);
    await drawLink(gantt, 'c', 'end', 'a', 'left');
    const notice = noticeText(gantt);
    expect(notice).to.match(/^This would make a loop: /);
    for (const name of ['Alpha', 'Beta', 'Gamma']) expect(notice).to.include(name);
    expect(stored(store, 'a').dependencies).to.deep.equal([]);
    expect(stored(store, 'a').version).to.equal(1);
    expect(create).to.have.length(0);
    expect(links(gantt)).to.have.members(['a>b:FS', 'b>c:FS']);
  });

  it('deletes a dependency from the popup', async () => {
    mounted = await mountGantt({ tasks: CHAIN });
    const { gantt, store } = mounted;
    const deleted = record<DependencyDetail>(gantt, 'cwm-dependency-deleted');
    gridRow(gantt, 'b')!.click();
    await settle(gantt);
    await focusActiveRow(gantt);
    await sendKeys({ press: 'Space' });
    await settle(gantt);
    const popup = popupOf(gantt);
    const remove = popup.shadowRoot.querySelector<HTMLButtonElement>('button[aria-label="Delete the dependency with Alpha"]');
    expect(remove).to.not.equal(null);
    remove!.click();
    await settle(gantt);
    expect(stored(store, 'b').dependencies).to.deep.equal([]);
    expect(deleted.map(({ detail }) => [detail.successorId, detail.predecessorId, detail.type, detail.lag])).to.deep.equal([['b', 'a', 'FS', 0]]);
    expect(links(gantt)).to.deep.equal(['b>c:FS']);
  });

  it('adds an SS dependency with a lag of 2 from the popup with the keyboard only', async () => {
    mounted = await mountGantt({ tasks: [task('a', 'Alpha', '2026-03-02', '2026-03-04'), task('b', 'Beta', '2026-03-09', '2026-03-11')] });
    const { gantt, store } = mounted;
    await focusActiveRow(gantt);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await settle(gantt);
    const popup = popupOf(gantt);
    expect(textOf(popup.shadowRoot.querySelector('[part=title]'))).to.equal('Beta');
    // Into the form: the search field, then pick Alpha with the arrows.
    popup.shadowRoot.querySelector<HTMLInputElement>('#search')!.focus();
    await sendKeys({ type: 'Alp' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Enter' });
    await settle(gantt);
    expect(stored(store, 'b').dependencies).to.deep.equal([{ predecessorId: 'a', type: 'SS', lag: 2 }]);
    expect(links(gantt)).to.deep.equal(['a>b:SS']);
    expect(shadow(gantt).querySelector('g.link')!.getAttribute('data-lag')).to.equal('2');
  });

  describe('critical path', () => {
    /**
     * A (Mar 2-4) -> B (Mar 5-9) -> D (Mar 10-11); A -> C (Mar 5-6) -> D; E (Mar 2-3) alone.
     * The plan ends Mar 11; A, B, D have no slack; C has 3 days, E 8 days.
     */
    const PLAN = [
      task('a', 'Specify', '2026-03-02', '2026-03-04'),
      task('b', 'Implement', '2026-03-05', '2026-03-09', { dependencies: [after('a')] }),
      task('c', 'Order parts', '2026-03-05', '2026-03-06', { dependencies: [after('a')] }),
      task('d', 'Assemble', '2026-03-10', '2026-03-11', { dependencies: [after('b'), after('c')] }),
      task('e', 'Kick-off party', '2026-03-02', '2026-03-03'),
    ];

    const criticalRows = (gantt: CwmGantt): string[] =>
      [...shadow(gantt).querySelectorAll<HTMLElement>('.grid .row.critical')].map((row) => row.dataset['id']!).sort();
    const criticalBars = (gantt: CwmGantt): string[] =>
      [...shadow(gantt).querySelectorAll('.bar-wrapper.cwm-critical')].map((bar) => bar.getAttribute('data-id')!).sort();
    const criticalLinks = (gantt: CwmGantt): string[] =>
      [...shadow(gantt).querySelectorAll('svg.overlay g.link.cwm-critical')].map((link) => `${link.getAttribute('data-from')}>${link.getAttribute('data-to')}`).sort();

    it('marks exactly the tasks and links without slack', async () => {
      mounted = await mountGantt({ tasks: PLAN, criticalPath: true });
      const { gantt } = mounted;
      expect(criticalRows(gantt)).to.deep.equal(['a', 'b', 'd']);
      expect(criticalBars(gantt)).to.deep.equal(['a', 'b', 'd']);
      expect(criticalLinks(gantt)).to.deep.equal(['a>b', 'b>d']);
      expect(textOf(gridRow(gantt, 'b'))).to.include('On the critical path');
      expect(textOf(gridRow(gantt, 'c'))).to.not.include('On the critical path');
    });

    it('is off by default and the toolbar button turns it on', async () => {
      mounted = await mountGantt({ tasks: PLAN });
      const { gantt } = mounted;
      expect(criticalBars(gantt)).to.deep.equal([]);
      const button = shadow(gantt).querySelector<HTMLButtonElement>('.toolbar button.critical')!;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      button.click();
      await settle(gantt);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(criticalBars(gantt)).to.deep.equal(['a', 'b', 'd']);
      expect(criticalRows(gantt)).to.deep.equal(['a', 'b', 'd']);
    });

    it('follows a change: C made longer than B becomes critical instead', async () => {
      mounted = await mountGantt({ tasks: PLAN, criticalPath: true });
      const { gantt, store } = mounted;
      // C to Mar 5-12 would break D's FS; move D too, as the scheduling rules would.
      expect(store.updateTasks([{ id: 'c', patch: { due: '2026-03-10' } }, { id: 'd', patch: { start: '2026-03-11', due: '2026-03-12' } }], 'task.schedule').ok).to.equal(true);
      await settle(gantt);
      expect(criticalBars(gantt)).to.deep.equal(['a', 'c', 'd']);
      expect(barGroup(gantt, 'b')!.classList.contains('cwm-critical')).to.equal(false);
    });
  });
});
