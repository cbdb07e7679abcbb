// <cwm-workload>, the grid: hours per cell and over-allocation on a hand-made set, subtasks once, done
// work out, team total (short form in narrow cells), unplanned count, project and group filters, the day
// view, keyboard (one tab stop, arrows, Home/End, Page Up/Down, Ctrl+Home/End), focus kept while the
// focused row is scrolled away, live update from another store, bounded DOM with 200 people, hostile
// names, axe; and the pure grid arithmetic (visible rows, key moves, scroll to a row).
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Person, Task } from '@cwm/core';
import { moveCell, scrollTopToShow, visibleRows, type CwmWorkload } from '@cwm/dashboard';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';
import { normalizeSpace, XSS_PAYLOADS, xssViolations } from '../fixtures/xss-payloads.js';
import { cell, choose, focusedCell, hours, mountWorkload, norm, root, rowNames, settle, unmountWorkload, W1, W2 } from './workload-fixtures.js';

const mount = mountWorkload;

afterEach(() => unmountWorkload());

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
    expect(over.querySelector('svg.icon') !== null).to.equal(true);
    expect(norm(over.textContent)).to.equal('50 / 40 h , over capacity');
    const danger = getComputedStyle(over).color;
    expect(danger).to.not.equal(getComputedStyle(cell(element, 'u-2', 1)).color);
    const fine = [cell(element, 'u-1', 1), cell(element, 'u-2', 1), cell(element, 'u-3', 1)];
    for (const button of fine) {
      expect(button.hasAttribute('data-over')).to.equal(false);
      expect(button.querySelector('svg') === null).to.equal(true);
    }
    expect(root(element).querySelectorAll('button.cell[data-over]').length).to.equal(1);
  });

  it('sums the team per week and counts the unplanned tasks', async () => {
    const { element } = await mount();
    const totals = [...root(element).querySelectorAll('.team .total')].map((total) => hours(total));
    expect(totals).to.deep.equal(['50 / 100 h', '25 / 100 h', '5 / 100 h']);
    const first = root(element).querySelector('.team .total[data-week="2026-W48"]')!;
    expect(first.hasAttribute('data-over')).to.equal(true);
    // Short on screen (the icon and the count), in full for screen readers and as the title.
    expect(norm(first.querySelector('.over-count')?.textContent)).to.equal('1');
    expect(first.querySelector('.over-count svg.icon') !== null).to.equal(true);
    expect(norm(first.querySelector('.visually-hidden')?.textContent)).to.equal('50 / 100 h, 1 person over');
    expect(first.getAttribute('title')).to.equal('50 / 100 h, 1 person over');
    expect(root(element).querySelector('.team .total[data-week="2026-W49"] .over-count') === null).to.equal(true);
    expect(root(element).querySelector('.team .total[data-week="2026-W49"]')!.getAttribute('title')).to.equal('25 / 100 h');
    expect(norm(root(element).querySelector('.unplanned')?.textContent)).to.equal('Unplanned: 2 tasks without dates or estimate');
  });

  it('moves between cells with the arrow keys, Home and End, one cell in the tab order', async () => {
    const { element } = await mount();
    expect(root(element).querySelectorAll('button.cell[tabindex="0"]').length).to.equal(1);
    expect(cell(element, 'u-1', 0).tabIndex).to.equal(0);
    cell(element, 'u-1', 0).focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(element);
    expect(focusedCell(element)).to.equal('u-1/1');
    await sendKeys({ press: 'ArrowDown' });
    await settle(element);
    expect(focusedCell(element)).to.equal('u-3/1');
    await sendKeys({ press: 'End' });
    await settle(element);
    expect(focusedCell(element)).to.equal('u-3/2');
    await sendKeys({ press: 'ArrowRight' });
    await settle(element);
    expect(focusedCell(element), 'stops at the edge').to.equal('u-3/2');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await settle(element);
    expect(focusedCell(element)).to.equal('u-1/0');
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
    expect(root(element).querySelector('[role="grid"]') === null).to.equal(true);
    expect(norm(root(element).querySelector('.empty')?.textContent)).to.equal('Nobody to show: no people in these projects.');
    expect(norm(root(element).querySelector('.unplanned')?.textContent)).to.equal('Unplanned: none');
  });

  it('counts a parent through its subtasks only, once, and leaves done work out', async () => {
    const people = [makePerson('u-1', { name: 'Ada Lovelace', capacity: 40 })];
    const tasks: Task[] = [
      // The parent's own 100 h are not work on top of its subtasks: only 10 + 5 count.
      makeTask('p', { title: 'Epic', assigneeIds: ['u-1'], estimate: 100, start: W1, due: '2026-12-04' }),
      makeTask('c-1', { parentId: 'p', assigneeIds: ['u-1'], estimate: 10, start: W1, due: '2026-11-27' }),
      makeTask('c-2', { parentId: 'p', assigneeIds: ['u-1'], estimate: 5, start: W2, due: '2026-12-04' }),
      makeTask('c-3', { parentId: 'p', assigneeIds: ['u-1'], estimate: 40, start: W1, due: '2026-11-27', status: 'done' }),
    ];
    const { element } = await mount({ people, tasks });
    expect([0, 1, 2].map((col) => hours(cell(element, 'u-1', col)))).to.deep.equal(['10 / 40 h', '5 / 40 h', '0 / 40 h']);
    expect(root(element).querySelectorAll('button.cell[data-over]').length).to.equal(0);
  });

  describe('filters', () => {
    const people: Person[] = [
      makePerson('u-1', { name: 'Ada Lovelace', group: 'Platform' }),
      makePerson('u-2', { name: 'Grace Hopper', group: 'Apps' }),
      makePerson('u-3', { name: 'Alan Turing', group: 'Platform' }),
    ];
    const projects = [makeProject('p-1', { name: 'Portal', memberIds: ['u-1', 'u-2'] }), makeProject('p-2', { name: 'Billing', memberIds: ['u-3'] })];
    const tasks: Task[] = [
      makeTask('a', { projectId: 'p-1', assigneeIds: ['u-1'], estimate: 10, start: W1, due: '2026-11-27' }),
      makeTask('b', { projectId: 'p-2', assigneeIds: ['u-1'], estimate: 6, start: W1, due: '2026-11-27' }),
      makeTask('c', { projectId: 'p-2', assigneeIds: ['u-3'], estimate: 8, start: W1, due: '2026-11-27' }),
      makeTask('d', { projectId: 'p-1', assigneeIds: ['u-2'], estimate: 4, start: W1, due: '2026-11-27' }),
    ];
    const firstWeek = (element: CwmWorkload): Record<string, string> =>
      Object.fromEntries([...root(element).querySelectorAll<HTMLElement>('.body [data-person-id]')].map((row) => [row.dataset['personId'], hours(row.querySelector('button.cell[data-col="0"]')!)]));
    const team = (element: CwmWorkload): string => hours(root(element).querySelector('.team .total')!);

    it('offers every project when several are available, and narrows people and hours to the one chosen', async () => {
      const { element } = await mount({ people, projects, tasks, projectsAttribute: '' });
      const select = root(element).querySelector<HTMLSelectElement>('select.filter-project')!;
      expect([...select.options].map((option) => `${option.value}:${option.textContent!.trim()}`)).to.deep.equal([':All projects', 'p-2:Billing', 'p-1:Portal']);
      expect(firstWeek(element)).to.deep.equal({ 'u-1': '16 / 40 h', 'u-3': '8 / 40 h', 'u-2': '4 / 40 h' });
      choose(select, 'p-2');
      await settle(element);
      // Ada is no member of Billing but has a task there: she stays, with that task's hours only.
      expect(rowNames(element)).to.deep.equal(['Ada Lovelace', 'Alan Turing']);
      expect(firstWeek(element)).to.deep.equal({ 'u-1': '6 / 40 h', 'u-3': '8 / 40 h' });
      expect(team(element)).to.equal('14 / 80 h');
      expect(root(element).querySelector<HTMLSelectElement>('select.filter-project')!.value).to.equal('p-2');
      choose(root(element).querySelector<HTMLSelectElement>('select.filter-project')!, '');
      await settle(element);
      expect(rowNames(element)).to.deep.equal(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    });

    it('shows no project filter for a single project, and only the listed projects for several', async () => {
      const one = await mount({ people, projects, tasks, projectsAttribute: 'p-1' });
      expect(root(one.element).querySelector('select.filter-project') === null).to.equal(true);
      expect(firstWeek(one.element)).to.deep.equal({ 'u-1': '10 / 40 h', 'u-2': '4 / 40 h' });
      unmountWorkload();
      const two = await mount({ people, projects, tasks, projectsAttribute: 'p-1, p-2' });
      const select = root(two.element).querySelector<HTMLSelectElement>('select.filter-project')!;
      expect([...select.options].map((option) => option.value)).to.deep.equal(['', 'p-1', 'p-2']);
    });

    it('filters by group from the attribute and the toolbar, which reflect each other', async () => {
      const { element } = await mount({ people, projects, tasks, projectsAttribute: '', group: 'Apps' });
      expect(rowNames(element)).to.deep.equal(['Grace Hopper']);
      expect(team(element)).to.equal('4 / 40 h');
      const select = root(element).querySelector<HTMLSelectElement>('select.filter-group')!;
      expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal(['All groups', 'Apps', 'Platform']);
      expect(select.value).to.equal('Apps');
      choose(select, 'Platform');
      await settle(element);
      expect(element.group).to.equal('Platform');
      expect(element.getAttribute('group')).to.equal('Platform');
      expect(rowNames(element)).to.deep.equal(['Ada Lovelace', 'Alan Turing']);
      expect(team(element)).to.equal('24 / 80 h');
      element.group = '';
      await settle(element);
      expect(rowNames(element).length).to.equal(3);
      expect(root(element).querySelector<HTMLSelectElement>('select.filter-group')!.value).to.equal('');
    });

    it('says so when a group has nobody, and keeps the filters reachable', async () => {
      const { element } = await mount({ people, projects, tasks, projectsAttribute: '', group: 'Nobody' });
      expect(root(element).querySelector('[role="grid"]') === null).to.equal(true);
      expect(norm(root(element).querySelector('.empty')?.textContent)).to.equal('Nobody to show in the group Nobody.');
      const select = root(element).querySelector<HTMLSelectElement>('select.filter-group')!;
      expect(select.value).to.equal('Nobody');
      choose(select, '');
      await settle(element);
      expect(rowNames(element).length).to.equal(3);
    });

    it('reaches every filter with Tab, labelled', async () => {
      const { element } = await mount({ people, projects, tasks, projectsAttribute: '' });
      const selects = [...root(element).querySelectorAll<HTMLSelectElement>('.toolbar select')];
      expect(selects.map((select) => norm(select.closest('label')?.textContent?.split('\n')[0]))).to.deep.equal(['Project', 'Group', 'Columns']);
      for (const select of selects) expect(select.tabIndex).to.equal(0);
      expect(root(element).querySelector('.toolbar')!.getAttribute('aria-label')).to.equal('Workload filters');
    });
  });

  describe('day view', () => {
    it('shows people x days, days off marked, the hours spread over working days', async () => {
      const { element } = await mount({ unit: 'day', days: 14 });
      const days = [...root(element).querySelectorAll<HTMLElement>('.head .day')].map((header) => header.dataset['day']);
      expect(days.length).to.equal(14);
      expect(days[0]).to.equal('2026-11-23');
      expect(days[13]).to.equal('2026-12-06');
      expect([...root(element).querySelectorAll('.head .day')[0]!.children].map((span) => span.textContent)).to.deep.equal(['Mon', 'Nov 23']);
      expect(root(element).querySelector('.head .day[data-day="2026-11-28"]')!.hasAttribute('data-off')).to.equal(true);
      // Ada, Monday of week 1: Spec 30 / 5 + Review 20 / 5 = 10 of 8 h.
      expect(hours(cell(element, 'u-1', 0))).to.equal('10 / 8 h');
      expect(cell(element, 'u-1', 0).hasAttribute('data-over')).to.equal(true);
      // Saturday: a day off, no capacity, nothing planned.
      expect(cell(element, 'u-1', 5).hasAttribute('data-off')).to.equal(true);
      expect(hours(cell(element, 'u-1', 5))).to.equal('–');
      expect(norm(cell(element, 'u-1', 5).querySelector('.visually-hidden')?.textContent)).to.equal('day off');
      // Grace, Monday of week 2: Pairing 20 / 5 / 2 + Docs 10 / 10 = 3 of 4 h.
      expect(hours(cell(element, 'u-2', 7))).to.equal('3 / 4 h');
      expect(hours(root(element).querySelectorAll('.team .total')[7]!)).to.equal('5 / 20 h');
    });

    it('has days that add up to the weeks of the week view', async () => {
      const { element } = await mount({ unit: 'day', days: 21 });
      const daily = element.view!;
      expect(daily.unit).to.equal('day');
      element.unit = 'week';
      await settle(element);
      const weekly = element.view!;
      expect(weekly.columns.map((column) => column.key)).to.deep.equal(['2026-W48', '2026-W49', '2026-W50']);
      for (const [row, person] of weekly.rows.entries()) {
        person.cells.forEach((week, index) => {
          const days = daily.rows[row]!.cells.slice(index * 7, index * 7 + 7);
          expect(days.reduce((sum, day) => sum + day.allocated, 0), `${person.personId} ${index}`).to.be.closeTo(week.allocated, 1e-9);
          expect(days.reduce((sum, day) => sum + day.capacity, 0)).to.be.closeTo(week.capacity, 1e-9);
        });
      }
    });

    it('switches between weeks and days from the toolbar', async () => {
      const { element } = await mount();
      const select = root(element).querySelector<HTMLSelectElement>('select.filter-unit')!;
      expect(select.value).to.equal('week');
      choose(select, 'day');
      await settle(element);
      expect(element.unit).to.equal('day');
      expect(element.getAttribute('unit')).to.equal('day');
      expect(root(element).querySelectorAll('.head .day').length).to.equal(14);
      expect(element.report === undefined).to.equal(true);
      choose(root(element).querySelector<HTMLSelectElement>('select.filter-unit')!, 'week');
      await settle(element);
      expect(root(element).querySelectorAll('.head .week[data-week]').length).to.equal(3);
    });
  });

  it('shows hostile person and group names as text', async () => {
    const people = XSS_PAYLOADS.map((payload, index) => makePerson(`x-${String(index).padStart(2, '0')}`, { name: payload.text, group: payload.text }));
    const { element } = await mount({ people, tasks: [] });
    const headers = [...root(element).querySelectorAll('.body [role="rowheader"]')];
    expect(headers.length).to.be.greaterThan(5);
    const names = new Set(XSS_PAYLOADS.map((payload) => normalizeSpace(payload.text)));
    for (const header of headers) {
      expect(names.has(normalizeSpace(header.textContent ?? '')), header.getAttribute('title') ?? '').to.equal(true);
      expect(header.children.length).to.equal(0);
    }
    const options = [...root(element).querySelectorAll<HTMLOptionElement>('select.filter-group option')].slice(1);
    expect(options.length).to.equal(new Set(XSS_PAYLOADS.map((payload) => payload.text)).size);
    for (const option of options) {
      expect(names.has(normalizeSpace(option.textContent ?? ''))).to.equal(true);
      expect(option.children.length).to.equal(0);
    }
    choose(root(element).querySelector<HTMLSelectElement>('select.filter-group')!, XSS_PAYLOADS[2]!.text);
    await settle(element);
    expect(rowNames(element).map(normalizeSpace)).to.deep.equal([normalizeSpace(XSS_PAYLOADS[2]!.text)]);
    expect(xssViolations(root(element))).to.deep.equal([]);
    expect(window.__xss).to.equal(undefined);
  });

  it('abbreviates big team totals in narrow cells, with the full figure as title and text', async () => {
    const many = Array.from({ length: 30 }, (_, index) => makePerson(`p${String(index).padStart(3, '0')}`, { capacity: 40 }));
    const work = many.map((person, index) => makeTask(`w-${index}`, { assigneeIds: [person.id], estimate: 60, start: W1, due: '2026-11-27' }));
    for (const width of [360, 800, 1400]) {
      const { element } = await mount({ people: many, tasks: work, width });
      const total = root(element).querySelector<HTMLElement>('.team .total')!;
      expect(hours(total), `${width}`).to.equal('1.8K / 1.2K h');
      expect(total.getAttribute('title')).to.equal('1,800 / 1,200 h, 30 people over');
      for (const part of [total.querySelector<HTMLElement>('.hours')!, total.querySelector<HTMLElement>('.over-count')!]) {
        expect(part.scrollWidth, `${width}: ${part.className} is not clipped`).to.be.at.most(part.clientWidth + 1);
      }
      const name = root(element).querySelector<HTMLElement>('.team .name')!;
      expect(name.scrollWidth, `${width}: team label`).to.be.at.most(name.clientWidth + 1);
      unmountWorkload();
    }
  });

  it('keeps the team row readable in German', async () => {
    const { element } = await mount({ lang: 'de', width: 360 });
    const total = root(element).querySelector<HTMLElement>('.team .total')!;
    expect(hours(total)).to.equal('50 / 100 h');
    expect(total.getAttribute('title')).to.equal('50 / 100 h, 1 Person überlastet');
    expect(norm(root(element).querySelector('.team .name')?.textContent)).to.equal('Team gesamt');
    const part = total.querySelector<HTMLElement>('.hours')!;
    expect(part.scrollWidth).to.be.at.most(part.clientWidth + 1);
    expect([...root(element).querySelector('.head .week')!.children].map((span) => span.textContent)).to.deep.equal(['KW 48', '23. Nov.']);
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
      expect(root(element).querySelector('[data-person-id="p199"]') === null).to.equal(true);
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
      // p000 holds the grid's tab stop, so its row stays; the rows between are gone.
      expect(root(element).querySelector('[data-person-id="p000"]') !== null).to.equal(true);
      expect(root(element).querySelector('[data-person-id="p001"]') === null).to.equal(true);
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
      expect(focusedCell(element)).to.equal('p199/51');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Home' });
      await sendKeys({ up: 'Control' });
      await settle(element);
      expect(focusedCell(element)).to.equal('p000/0');
      await sendKeys({ press: 'PageDown' });
      await settle(element);
      const [person, col] = focusedCell(element).split('/');
      const page = Number(person!.slice(1));
      expect(page).to.be.greaterThan(3);
      expect(col).to.equal('0');
      await sendKeys({ press: 'End' });
      await settle(element);
      expect(focusedCell(element)).to.equal(`${person}/51`);
      await sendKeys({ press: 'PageUp' });
      await settle(element);
      expect(focusedCell(element)).to.equal('p000/51');
      await sendKeys({ press: 'Home' });
      await settle(element);
      expect(focusedCell(element)).to.equal('p000/0');
    });

    it('keeps focus on a cell whose row is scrolled out of view and back, with one tab stop', async () => {
      const { element } = await mount({ people: many, tasks: work, weeks: 52 });
      const grid = root(element).querySelector<HTMLElement>('[role="grid"]')!;
      cell(element, 'p002', 3).focus();
      await settle(element);
      expect(focusedCell(element)).to.equal('p002/3');
      grid.scrollTop = 4000;
      await waitUntil(() => root(element).querySelector('[data-person-id="p100"]') !== null, 'middle rows rendered', { timeout: 2000 });
      await settle(element);
      expect(root(element).querySelector('[data-person-id="p010"]') === null, 'rows between are gone').to.equal(true);
      expect(focusedCell(element), 'focus stays on the scrolled-away cell').to.equal('p002/3');
      expect(root(element).querySelectorAll('button.cell[tabindex="0"]').length).to.equal(1);
      expect(cell(element, 'p002', 3).tabIndex).to.equal(0);
      grid.scrollTop = 0;
      await waitUntil(() => root(element).querySelector('[data-person-id="p005"]') !== null, 'top rows rendered again', { timeout: 2000 });
      await settle(element);
      expect(focusedCell(element)).to.equal('p002/3');
      await sendKeys({ press: 'ArrowDown' });
      await settle(element);
      expect(focusedCell(element)).to.equal('p003/3');
      // The keys work from a scrolled-away row too: the grid scrolls back to where focus goes.
      grid.scrollTop = 6000;
      await waitUntil(() => root(element).querySelector('[data-person-id="p150"]') !== null, 'lower rows rendered', { timeout: 2000 });
      await sendKeys({ press: 'ArrowDown' });
      await settle(element);
      expect(focusedCell(element)).to.equal('p004/3');
      expect(grid.scrollTop).to.be.lessThan(400);
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
