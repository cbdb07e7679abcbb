// <cwm-workload>: hours per cell and over-allocation on a hand-made set, team total, unplanned count,
// drill-down, keyboard, live update from another store, bounded DOM with 200 people, axe; and the pure
// grid arithmetic (visible rows, key moves, scroll to a row).
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { MemoryAdapter, MemoryBackend } from '@cwm/adapters';
import { CwmStore, type Person, type Task, type Workspace } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmWorkload, moveCell, scrollTopToShow, visibleRows, type WorkloadDrillDownDetail } from '@cwm/dashboard';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-workload', CwmWorkload);

const WORKSPACE: Workspace = { id: 't-workload', name: 'Workload tests', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };

// Mondays of the first two of the three weeks shown (2026-W48, W49, W50).
const W1 = '2026-11-23';
const W2 = '2026-11-30';

const PEOPLE: readonly Person[] = [
  makePerson('u-1', { name: 'Ada Lovelace', capacity: 40 }),
  makePerson('u-2', { name: 'Grace Hopper', capacity: 20 }),
  makePerson('u-3', { name: 'Alan Turing', capacity: 40 }),
];

/**
 * Week 1: Ada 30 + 20 = 50 of 40 (over). Week 2: t-3's 20 h split Grace 10 / Alan 10, and t-4's 10 h over
 * ten working days gives Grace 5 in week 2 and 5 in week 3. Alan's done task counts nothing; t-6 (no
 * estimate) and t-7 (no dates) are unplanned.
 */
const TASKS: readonly Task[] = [
  makeTask('t-1', { title: 'Spec', assigneeIds: ['u-1'], estimate: 30, start: W1, due: '2026-11-27' }),
  makeTask('t-2', { title: 'Review', assigneeIds: ['u-1'], estimate: 20, start: W1, due: '2026-11-27' }),
  makeTask('t-3', { title: 'Pairing', assigneeIds: ['u-2', 'u-3'], estimate: 20, start: W2, due: '2026-12-04' }),
  makeTask('t-4', { title: 'Docs', assigneeIds: ['u-2'], estimate: 10, start: W2, due: '2026-12-11' }),
  makeTask('t-5', { title: 'Shipped', assigneeIds: ['u-3'], estimate: 40, start: W1, due: '2026-11-27', status: 'done' }),
  makeTask('t-6', { title: 'Unsized', assigneeIds: ['u-3'], start: W1, due: '2026-11-27' }),
  makeTask('t-7', { title: 'Undated', assigneeIds: ['u-2'], estimate: 5 }),
];

interface Mounted {
  readonly element: CwmWorkload;
  readonly store: CwmStore;
  readonly other: CwmStore;
}

let mounted: Mounted | undefined;

async function mount(options: { people?: readonly Person[]; tasks?: readonly Task[]; weeks?: number; theme?: 'light' | 'dark' } = {}): Promise<Mounted> {
  const people = options.people ?? PEOPLE;
  const backend = new MemoryBackend({
    seed: {
      workspace: WORKSPACE,
      people,
      projects: [makeProject('p-1', { memberIds: people.map((person) => person.id) })],
      tasks: options.tasks ?? TASKS,
      notifications: [],
      messages: [],
    },
  });
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
  const other = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} theme=${options.theme ?? 'light'} lang="en">
      <cwm-workload projects="p-1" weeks=${options.weeks ?? 3} today="2026-11-25"></cwm-workload>
    </cwm-workspace>
  `);
  await store.connect();
  await other.connect();
  const element = workspace.querySelector('cwm-workload') as CwmWorkload;
  await settle(element);
  mounted = { element, store, other };
  return mounted;
}

async function settle(element: CwmWorkload): Promise<void> {
  await element.updateComplete;
  await nextFrame();
  await element.updateComplete;
}

const root = (element: CwmWorkload): ShadowRoot => element.shadowRoot!;
const norm = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

function cell(element: CwmWorkload, personId: string, col: number): HTMLButtonElement {
  const button = root(element).querySelector<HTMLButtonElement>(`[data-person-id="${personId}"] button.cell[data-col="${col}"]`);
  if (!button) throw new Error(`no cell ${personId} / ${col}`);
  return button;
}

const hours = (button: Element): string => norm(button.querySelector('.hours')?.textContent);

function focused(element: CwmWorkload): HTMLElement | null {
  return root(element).activeElement as HTMLElement | null;
}

afterEach(() => {
  mounted?.store.dispose();
  mounted?.other.dispose();
  mounted = undefined;
});

describe('<cwm-workload>', () => {
  it('shows allocated against capacity per person and week, people by name', async () => {
    const { element } = await mount();
    const names = [...root(element).querySelectorAll('.body [role="rowheader"]')].map((header) => norm(header.textContent));
    expect(names).to.deep.equal(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    const weeks = [...root(element).querySelectorAll('.head .week')].map((header) => (header as HTMLElement).dataset['week']);
    expect(weeks).to.deep.equal(['2026-W48', '2026-W49', '2026-W50']);
    const grid = (id: string): string[] => [0, 1, 2].map((col) => hours(cell(element, id, col)));
    expect(grid('u-1')).to.deep.equal(['50 / 40 h', '0 / 40 h', '0 / 40 h']);
    expect(grid('u-3')).to.deep.equal(['0 / 40 h', '10 / 40 h', '0 / 40 h']);
    expect(grid('u-2')).to.deep.equal(['0 / 20 h', '15 / 20 h', '5 / 20 h']);
  });

  it('marks over-allocation with colour, an icon and text', async () => {
    const { element } = await mount();
    const over = cell(element, 'u-1', 0);
    expect(over.hasAttribute('data-over')).to.equal(true);
    expect(over.querySelector('svg.icon')).to.not.equal(null);
    expect(norm(over.textContent)).to.equal('50 / 40 h , over capacity');
    const danger = getComputedStyle(over).color;
    expect(danger).to.not.equal(getComputedStyle(cell(element, 'u-2', 1)).color);
    const fine = [cell(element, 'u-1', 1), cell(element, 'u-2', 1), cell(element, 'u-3', 1)];
    for (const button of fine) {
      expect(button.hasAttribute('data-over')).to.equal(false);
      expect(button.querySelector('svg')).to.equal(null);
    }
    expect(root(element).querySelectorAll('button.cell[data-over]').length).to.equal(1);
  });

  it('sums the team per week and counts the unplanned tasks', async () => {
    const { element } = await mount();
    const totals = [...root(element).querySelectorAll('.team .total')].map((total) => hours(total));
    expect(totals).to.deep.equal(['50 / 100 h', '25 / 100 h', '5 / 100 h']);
    const first = root(element).querySelector('.team .total[data-week="2026-W48"]')!;
    expect(first.hasAttribute('data-over')).to.equal(true);
    expect(norm(first.querySelector('.over-count')?.textContent)).to.equal('1 person over');
    expect(root(element).querySelector('.team .total[data-week="2026-W49"] .over-count')).to.equal(null);
    expect(norm(root(element).querySelector('.unplanned')?.textContent)).to.equal('Unplanned: 2 tasks without dates or estimate');
  });

  it('emits the tasks behind a cell on click and Enter', async () => {
    const { element } = await mount();
    const details: WorkloadDrillDownDetail[] = [];
    element.addEventListener('cwm-workload-drill-down', (event) => details.push(event.detail));
    cell(element, 'u-1', 0).click();
    expect(details).to.deep.equal([{ personId: 'u-1', week: '2026-W48', taskIds: ['t-1', 't-2'] }]);
    cell(element, 'u-2', 1).focus();
    await sendKeys({ press: 'Enter' });
    expect(details[1]).to.deep.equal({ personId: 'u-2', week: '2026-W49', taskIds: ['t-3', 't-4'] });
    cell(element, 'u-3', 0).click();
    expect(details[2]).to.deep.equal({ personId: 'u-3', week: '2026-W48', taskIds: [] });
  });

  it('moves between cells with the arrow keys, Home and End, one cell in the tab order', async () => {
    const { element } = await mount();
    expect(root(element).querySelectorAll('button.cell[tabindex="0"]').length).to.equal(1);
    expect(cell(element, 'u-1', 0).tabIndex).to.equal(0);
    cell(element, 'u-1', 0).focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(element);
    expect(focused(element)).to.equal(cell(element, 'u-1', 1));
    await sendKeys({ press: 'ArrowDown' });
    await settle(element);
    expect(focused(element)).to.equal(cell(element, 'u-3', 1));
    await sendKeys({ press: 'End' });
    await settle(element);
    expect(focused(element)).to.equal(cell(element, 'u-3', 2));
    await sendKeys({ press: 'ArrowRight' });
    await settle(element);
    expect(focused(element), 'stops at the edge').to.equal(cell(element, 'u-3', 2));
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await settle(element);
    expect(focused(element)).to.equal(cell(element, 'u-1', 0));
    expect(cell(element, 'u-1', 0).tabIndex).to.equal(0);
    expect(root(element).querySelectorAll('button.cell[tabindex="0"]').length).to.equal(1);
  });

  it('updates live when another store changes a task', async () => {
    const { element, other } = await mount();
    other.updateTask('t-2', { estimate: 4 });
    await waitUntil(() => hours(cell(element, 'u-1', 0)) === '34 / 40 h', 'the cell follows the other store', { timeout: 3000 });
    expect(cell(element, 'u-1', 0).hasAttribute('data-over')).to.equal(false);
    expect(hours(root(element).querySelector('.team .total')!)).to.equal('34 / 100 h');
  });

  it('shows an empty state, not a grid, when nobody is in the projects', async () => {
    const { element } = await mount({ people: [], tasks: [] });
    expect(root(element).querySelector('[role="grid"]')).to.equal(null);
    expect(norm(root(element).querySelector('.empty')?.textContent)).to.equal('Nobody to show: no people in these projects.');
    expect(norm(root(element).querySelector('.unplanned')?.textContent)).to.equal('Unplanned: none');
  });

  describe('200 people x 52 weeks', () => {
    const many = Array.from({ length: 200 }, (_, index) => makePerson(`p${String(index).padStart(3, '0')}`, { name: `Person ${String(index).padStart(3, '0')}` }));
    const work = many.map((person, index) => makeTask(`w-${index}`, { assigneeIds: [person.id], estimate: 80, start: W1, due: '2027-03-05' }));

    it('keeps only the visible rows in the DOM, and renders the ones scrolled to', async () => {
      const started = performance.now();
      const { element } = await mount({ people: many, tasks: work, weeks: 52 });
      const elapsed = performance.now() - started;
      const grid = root(element).querySelector<HTMLElement>('[role="grid"]')!;
      expect(grid.getAttribute('aria-rowcount')).to.equal('202');
      const rows = (): number => root(element).querySelectorAll('.body [role="row"]').length;
      expect(rows()).to.be.greaterThan(5);
      expect(rows()).to.be.lessThan(60);
      expect(root(element).querySelectorAll('.head .week').length).to.equal(52);
      expect(root(element).querySelector('[data-person-id="p199"]')).to.equal(null);
      // Columns line up with their headers, and a row sits where the arithmetic puts it.
      const header = root(element).querySelector('.head .week[data-week="2026-W50"]')!.getBoundingClientRect();
      const third = cell(element, 'p003', 2).getBoundingClientRect();
      expect(Math.round(third.left)).to.equal(Math.round(header.left));
      expect(Math.round(third.width)).to.equal(Math.round(header.width));
      const gridTop = grid.getBoundingClientRect().top + grid.clientTop;
      const rowTop = root(element).querySelector('[data-person-id="p003"]')!.getBoundingClientRect().top;
      expect(Math.round(rowTop - gridTop)).to.equal(48 + 3 * 40);
      grid.scrollTop = grid.scrollHeight;
      await waitUntil(() => root(element).querySelector('[data-person-id="p199"]') !== null, 'last row rendered after scrolling', { timeout: 2000 });
      expect(rows()).to.be.lessThan(60);
      expect(root(element).querySelector('[data-person-id="p000"]')).to.equal(null);
      const lastTop = root(element).querySelector('[data-person-id="p199"]')!.getBoundingClientRect().top;
      expect(Math.round(lastTop - gridTop + grid.scrollTop)).to.equal(48 + 199 * 40);
      // Not the bench (which measures render to paint); a loose guard against a quadratic render.
      expect(elapsed).to.be.lessThan(3000);
    });

    it('Ctrl+End and Ctrl+Home reach rows that were not rendered', async () => {
      const { element } = await mount({ people: many, tasks: work, weeks: 52 });
      cell(element, 'p000', 0).focus();
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'End' });
      await sendKeys({ up: 'Control' });
      await settle(element);
      expect(focused(element)).to.equal(cell(element, 'p199', 51));
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Home' });
      await sendKeys({ up: 'Control' });
      await settle(element);
      expect(focused(element)).to.equal(cell(element, 'p000', 0));
      await sendKeys({ press: 'PageDown' });
      await settle(element);
      const row = Number(focused(element)?.dataset['row']);
      expect(row).to.be.greaterThan(3);
      expect(focused(element)?.dataset['col']).to.equal('0');
    });
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations (${theme})`, async () => {
      const { element } = await mount({ theme });
      await expect(element).to.be.accessible();
    });
  }
});

describe('workload grid arithmetic', () => {
  it('visibleRows covers the viewport plus overscan, clamped to the rows', () => {
    expect(visibleRows(0, 400, 40, 200, 4)).to.deep.equal({ first: 0, end: 14 });
    expect(visibleRows(400, 400, 40, 200, 4)).to.deep.equal({ first: 6, end: 24 });
    expect(visibleRows(10_000, 400, 40, 200, 4)).to.deep.equal({ first: 200, end: 200 });
    expect(visibleRows(7800, 400, 40, 200, 4)).to.deep.equal({ first: 191, end: 200 });
    expect(visibleRows(0, 400, 40, 0, 4)).to.deep.equal({ first: 0, end: 0 });
  });

  it('moveCell follows the grid keys and stops at the edges', () => {
    const bounds = { rows: 10, cols: 5, pageRows: 4 };
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', false, bounds)).to.deep.equal({ row: 0, col: 0 });
    expect(moveCell({ row: 2, col: 2 }, 'ArrowLeft', false, bounds)).to.deep.equal({ row: 2, col: 1 });
    expect(moveCell({ row: 2, col: 2 }, 'End', false, bounds)).to.deep.equal({ row: 2, col: 4 });
    expect(moveCell({ row: 2, col: 2 }, 'End', true, bounds)).to.deep.equal({ row: 9, col: 4 });
    expect(moveCell({ row: 8, col: 2 }, 'PageDown', false, bounds)).to.deep.equal({ row: 9, col: 2 });
    expect(moveCell({ row: 5, col: 2 }, 'PageUp', false, bounds)).to.deep.equal({ row: 1, col: 2 });
    expect(moveCell({ row: 5, col: 2 }, 'a', false, bounds)).to.equal(undefined);
  });

  it('scrollTopToShow scrolls only as far as needed', () => {
    // Viewport 400 with a 48 px header and 40 px footer leaves a 312 px band.
    expect(scrollTopToShow(3, 40, 0, 400, 48, 40)).to.equal(0);
    expect(scrollTopToShow(10, 40, 0, 400, 48, 40)).to.equal(440 - 312);
    expect(scrollTopToShow(2, 40, 200, 400, 48, 40)).to.equal(80);
  });
});
