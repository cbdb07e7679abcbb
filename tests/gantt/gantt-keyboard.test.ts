// The task grid by keyboard: Tab into the treegrid, move the active row, expand/collapse, reschedule by
// keys through the store, open the task, the popup with Space/Escape (focus comes back), zoom keys, and
// the announcements; plus the regressions a pointer user would meet (selection never opens the popup).
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  announced,
  barRect,
  centreOf,
  dragBar,
  focusActiveRow,
  focusedRowId,
  gridRow,
  mountGantt,
  noticeText,
  pixelsPerDay,
  record,
  settle,
  shadow,
  stored,
  task,
  type MountedGantt,
} from './gantt-fixtures.js';

const PLAN = [
  task('a', 'Alpha', '2026-03-02', '2026-03-04', { rank: 'a' }),
  task('s', 'Phase', undefined, undefined, { rank: 'b' }),
  task('s1', 'Part one', '2026-03-05', '2026-03-06', { parentId: 's', rank: 'a' }),
  task('s2', 'Part two', '2026-03-09', '2026-03-10', { parentId: 's', rank: 'b' }),
  task('z', 'Omega', '2026-03-11', '2026-03-12', { rank: 'c' }),
];

/** Presses `key` while holding the modifiers. */
async function withKeys(modifiers: readonly string[], key: string): Promise<void> {
  for (const modifier of modifiers) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of [...modifiers].reverse()) await sendKeys({ up: modifier });
}

describe('<cwm-gantt> keyboard', () => {
  let mounted: MountedGantt;

  beforeEach(async () => {
    mounted = await mountGantt({ tasks: PLAN, zoom: 'week' });
  });

  afterEach(async () => {
    await resetMouse();
    mounted?.store.dispose();
  });

  it('Tab from the toolbar lands on the active row of the treegrid (one tab stop)', async () => {
    const { gantt } = mounted;
    [...shadow(gantt).querySelectorAll<HTMLButtonElement>('.toolbar button')].at(-1)!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedRowId(gantt)).to.equal('a');
    expect(shadow(gantt).querySelectorAll('.grid .row[tabindex="0"]')).to.have.length(1);
  });

  it('ArrowDown / ArrowUp / End / Home move the active row', async () => {
    const { gantt } = mounted;
    await focusActiveRow(gantt);
    await sendKeys({ press: 'ArrowDown' });
    await settle(gantt);
    expect(focusedRowId(gantt)).to.equal('s');
    expect(gridRow(gantt, 's')!.getAttribute('aria-selected')).to.equal('true');
    expect(gridRow(gantt, 'a')!.getAttribute('aria-selected')).to.equal('false');
    await sendKeys({ press: 'End' });
    await settle(gantt);
    expect(focusedRowId(gantt)).to.equal('z');
    await sendKeys({ press: 'ArrowUp' });
    await settle(gantt);
    expect(focusedRowId(gantt)).to.equal('s2');
    await sendKeys({ press: 'Home' });
    await settle(gantt);
    expect(focusedRowId(gantt)).to.equal('a');
  });

  it('ArrowLeft collapses a summary, ArrowRight expands it again, announced', async () => {
    const { gantt } = mounted;
    await focusActiveRow(gantt);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowLeft' });
    await settle(gantt);
    expect(gridRow(gantt, 's1')).to.equal(null);
    expect(gridRow(gantt, 's')!.getAttribute('aria-expanded')).to.equal('false');
    expect(await announced(gantt)).to.equal('Phase collapsed.');
    await sendKeys({ press: 'ArrowRight' });
    await settle(gantt);
    expect(gridRow(gantt, 's1')).to.not.equal(null);
    expect(await announced(gantt)).to.equal('Phase expanded.');
    // On an expanded summary ArrowRight goes to its first child; ArrowLeft on a child to its parent.
    await sendKeys({ press: 'ArrowRight' });
    await settle(gantt);
    expect(focusedRowId(gantt)).to.equal('s1');
    await sendKeys({ press: 'ArrowLeft' });
    await settle(gantt);
    expect(focusedRowId(gantt)).to.equal('s');
  });

  it('Alt+ArrowRight moves the task a day later, Alt+Shift+ArrowRight makes it end a day later', async () => {
    const { gantt, store } = mounted;
    const before = record(gantt, 'cwm-task-schedule');
    await focusActiveRow(gantt);
    await withKeys(['Alt'], 'ArrowRight');
    await settle(gantt);
    expect(stored(store, 'a')).to.deep.include({ start: '2026-03-03', due: '2026-03-05' });
    expect(before).to.have.length(1);
    expect((before[0]!.detail as { via: string }).via).to.equal('keyboard');
    expect(await announced(gantt)).to.match(/^Moved Alpha to Mar 3, 2026 – Mar 5, 2026\.$/);
    await withKeys(['Alt', 'Shift'], 'ArrowRight');
    await settle(gantt);
    expect(stored(store, 'a')).to.deep.include({ start: '2026-03-03', due: '2026-03-06' });
    await withKeys(['Alt'], 'ArrowLeft');
    await settle(gantt);
    expect(stored(store, 'a')).to.deep.include({ start: '2026-03-02', due: '2026-03-05' });
    expect(focusedRowId(gantt), 'focus stays on the row').to.equal('a');
  });

  it('a summary cannot be moved by keys: the notice says why and the store is unchanged', async () => {
    const { gantt, store } = mounted;
    await focusActiveRow(gantt);
    await sendKeys({ press: 'ArrowDown' });
    await withKeys(['Alt'], 'ArrowRight');
    await settle(gantt);
    expect(noticeText(gantt)).to.equal('Phase cannot be moved here: it has no dates of its own.');
    expect(stored(store, 's1').start).to.equal('2026-03-05');
  });

  it('Enter fires cwm-task-open for the active row', async () => {
    const { gantt } = mounted;
    const opened = record<{ taskId: string }>(gantt, 'cwm-task-open');
    await focusActiveRow(gantt);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(opened.map((event) => event.detail.taskId)).to.deep.equal(['s']);
  });

  it('Space opens the popup, Escape closes it and focus returns to the row', async () => {
    const { gantt } = mounted;
    await focusActiveRow(gantt);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Space' });
    await settle(gantt);
    const popup = shadow(gantt).querySelector('cwm-gantt-popup');
    expect(popup).to.not.equal(null);
    expect(shadow(gantt).activeElement?.localName, 'focus moved into the popup').to.equal('cwm-gantt-popup');
    expect(gantt.scrollTop, 'the gantt itself never scrolls').to.equal(0);
    await sendKeys({ press: 'Escape' });
    await settle(gantt);
    expect(shadow(gantt).querySelector('cwm-gantt-popup')).to.equal(null);
    expect(focusedRowId(gantt)).to.equal('z');
  });

  it('+ and - zoom in and out, announced', async () => {
    const { gantt } = mounted;
    await focusActiveRow(gantt);
    await sendKeys({ press: '+' });
    await settle(gantt);
    expect(gantt.zoom).to.equal('day');
    expect(gantt.getAttribute('zoom')).to.equal('day');
    expect(await announced(gantt)).to.equal('Zoom: Day.');
    await sendKeys({ press: '-' });
    await sendKeys({ press: '-' });
    await settle(gantt);
    expect(gantt.zoom).to.equal('month');
    expect(shadow(gantt).querySelector('.toolbar button[data-zoom="month"]')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('selecting a row or dropping a drag never opens the popup; a real click on a bar does', async () => {
    const { gantt } = mounted;
    gantt.zoom = 'day';
    await settle(gantt);
    gridRow(gantt, 'z')!.click();
    await settle(gantt);
    expect(shadow(gantt).querySelector('cwm-gantt-popup'), 'after selecting a row').to.equal(null);
    await dragBar(gantt, 'z', pixelsPerDay(gantt, 'z', 2));
    expect(mounted.store.state.tasks.get('z')!.start).to.equal('2026-03-12');
    expect(shadow(gantt).querySelector('cwm-gantt-popup'), 'after a drag').to.equal(null);
    // frappe ignores clicks for a second after a drag.
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await sendMouse({ type: 'click', position: centreOf(barRect(gantt, 'a')) });
    await settle(gantt);
    expect(shadow(gantt).querySelector('cwm-gantt-popup')).to.not.equal(null);
  });
});
