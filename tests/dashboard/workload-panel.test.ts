// <cwm-workload>, the drill-down: the event (cancelable), the panel's tasks and hours (weeks and days),
// Open, Reassign through the store and its policy (manager, member, viewer, a host rule, a backend
// refusal rolled back), live updates while open, Escape back to the cell, the keyboard-only path,
// hostile titles and names, German, axe with the panel open.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PermissionResult, Task } from '@cwm/core';
import type { CwmWorkload, WorkloadDrillDownDetail } from '@cwm/dashboard';
import { makePerson, makeTask } from '../fixtures/entities.js';
import { normalizeSpace, XSS_PAYLOADS, xssViolations } from '../fixtures/xss-payloads.js';
import { cell, choose, focusedCell, hours, mountWorkload, norm, PEOPLE, panelLines, root, settle, unmountWorkload, W1 } from './workload-fixtures.js';

afterEach(() => unmountWorkload());

const panel = (element: CwmWorkload): HTMLElement | null => root(element).querySelector<HTMLElement>('.panel');
const panelTitle = (element: CwmWorkload): string => norm(panel(element)?.querySelector('.panel-title')?.textContent);
const taskItem = (element: CwmWorkload, taskId: string): HTMLElement => {
  const item = panel(element)?.querySelector<HTMLElement>(`.panel-task[data-task-id="${taskId}"]`);
  if (!item) throw new Error(`no panel line for ${taskId}`);
  return item;
};
const reassignSelect = (element: CwmWorkload, taskId: string): HTMLSelectElement | null => taskItem(element, taskId).querySelector('select.panel-reassign');
const notice = (element: CwmWorkload): string => norm(panel(element)?.querySelector('.panel-notice')?.textContent);

async function openCell(element: CwmWorkload, personId: string, col: number): Promise<void> {
  cell(element, personId, col).click();
  await settle(element);
}

describe('<cwm-workload> drill-down', () => {
  it('emits the tasks behind a cell on click and Enter, and lists them with their hours', async () => {
    const { element } = await mountWorkload();
    const details: WorkloadDrillDownDetail[] = [];
    element.addEventListener('cwm-workload-drill-down', (event) => details.push(event.detail));
    await openCell(element, 'u-1', 0);
    expect(details).to.deep.equal([{ personId: 'u-1', week: '2026-W48', taskIds: ['t-1', 't-2'] }]);
    expect(panelTitle(element)).to.equal('Ada Lovelace, Week 48');
    expect(panelLines(element)).to.deep.equal(['Spec: 30 h', 'Review: 20 h']);
    expect(focusedCell(element), 'the heading takes focus').to.equal('panel-title');
    expect(panel(element)!.getAttribute('aria-labelledby')).to.equal('workload-panel-title');

    cell(element, 'u-2', 1).focus();
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(details[1]).to.deep.equal({ personId: 'u-2', week: '2026-W49', taskIds: ['t-3', 't-4'] });
    // Pairing's 20 h are shared with Alan; Docs' 10 h run over two weeks.
    expect(panelLines(element)).to.deep.equal(['Pairing: 10 h', 'Docs: 5 h']);

    await openCell(element, 'u-3', 0);
    expect(details[2]).to.deep.equal({ personId: 'u-3', week: '2026-W48', taskIds: [] });
    expect(panelLines(element)).to.deep.equal([]);
    expect(norm(panel(element)!.querySelector('.panel-none')?.textContent)).to.equal('No open work is planned here.');
  });

  it('gives a day cell its day and the hours of that day', async () => {
    const { element } = await mountWorkload({ unit: 'day' });
    const details: WorkloadDrillDownDetail[] = [];
    element.addEventListener('cwm-workload-drill-down', (event) => details.push(event.detail));
    await openCell(element, 'u-2', 7);
    expect(details).to.deep.equal([{ personId: 'u-2', week: '2026-W49', day: '2026-11-30', taskIds: ['t-3', 't-4'] }]);
    expect(panelTitle(element)).to.equal('Grace Hopper, Monday, November 30');
    expect(panelLines(element)).to.deep.equal(['Pairing: 2 h', 'Docs: 1 h']);
  });

  it('leaves the panel closed when the host cancels the event', async () => {
    const { element } = await mountWorkload();
    element.addEventListener('cwm-workload-drill-down', (event) => event.preventDefault());
    await openCell(element, 'u-1', 0);
    expect(panel(element) === null).to.equal(true);
  });

  it('closes on Escape and on Close, focus back on the cell', async () => {
    const { element } = await mountWorkload();
    await openCell(element, 'u-2', 1);
    (panel(element)!.querySelector('.panel-open') as HTMLElement).focus();
    await sendKeys({ press: 'Escape' });
    await settle(element);
    expect(panel(element) === null).to.equal(true);
    expect(focusedCell(element)).to.equal('u-2/1');
    await openCell(element, 'u-1', 2);
    (panel(element)!.querySelector('.panel-close') as HTMLElement).click();
    await settle(element);
    expect(panel(element) === null).to.equal(true);
    expect(focusedCell(element)).to.equal('u-1/2');
    // Escape from the grid closes an open panel too.
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(panel(element) !== null).to.equal(true);
    cell(element, 'u-1', 1).focus();
    await sendKeys({ press: 'Escape' });
    await settle(element);
    expect(panel(element) === null).to.equal(true);
    expect(focusedCell(element)).to.equal('u-1/2');
  });

  it('opens a task with cwm-task-open', async () => {
    const { element } = await mountWorkload();
    const opened: string[] = [];
    element.addEventListener('cwm-task-open', (event) => opened.push(event.detail.taskId));
    await openCell(element, 'u-1', 0);
    const open = taskItem(element, 't-2').querySelector<HTMLButtonElement>('.panel-open')!;
    expect(open.getAttribute('aria-label')).to.equal('Open Review');
    open.click();
    expect(opened).to.deep.equal(['t-2']);
  });

  it('reassigns through the store: the task changes, the grid and the panel follow, another store sees it', async () => {
    const { element, store, other } = await mountWorkload();
    await openCell(element, 'u-1', 0);
    const select = reassignSelect(element, 't-2')!;
    expect(select.getAttribute('aria-label')).to.equal('Reassign Review from Ada Lovelace to');
    expect([...select.options].map((option) => `${option.textContent!.trim()}${option.disabled ? ' (disabled)' : ''}`)).to.deep.equal([
      'Reassign to…',
      'Alan Turing',
      'Grace Hopper',
    ]);
    select.focus();
    choose(select, 'u-3');
    await settle(element);
    expect(store.state.tasks.get('t-2')!.assigneeIds).to.deep.equal(['u-3']);
    expect(hours(cell(element, 'u-1', 0))).to.equal('30 / 40 h');
    expect(cell(element, 'u-1', 0).hasAttribute('data-over')).to.equal(false);
    expect(hours(cell(element, 'u-3', 0))).to.equal('20 / 40 h');
    expect(panelLines(element)).to.deep.equal(['Spec: 30 h']);
    expect(notice(element)).to.equal('Reassigned Review to Alan Turing.');
    expect(panel(element)!.querySelector('.panel-notice')!.getAttribute('role')).to.equal('status');
    expect(focusedCell(element), 'focus stays in the panel').to.equal('panel-title');
    await waitUntil(() => other.state.tasks.get('t-2')?.assigneeIds[0] === 'u-3', 'the backend has it', { timeout: 3000 });
  });

  it('keeps a shared task with the other assignee when one of them is replaced', async () => {
    const { element, store } = await mountWorkload();
    await openCell(element, 'u-2', 1);
    choose(reassignSelect(element, 't-3')!, 'u-1');
    await settle(element);
    expect(store.state.tasks.get('t-3')!.assigneeIds).to.deep.equal(['u-1', 'u-3']);
    expect(hours(cell(element, 'u-2', 1))).to.equal('5 / 20 h');
    expect(hours(cell(element, 'u-1', 1))).to.equal('10 / 40 h');
  });

  it('shows the reason instead of a control when the policy allows no reassignment (a member)', async () => {
    const { element, store } = await mountWorkload({ userId: 'u-2' });
    await openCell(element, 'u-1', 0);
    expect(reassignSelect(element, 't-1') === null).to.equal(true);
    expect(norm(taskItem(element, 't-1').querySelector('.panel-denied')?.textContent)).to.equal('Only managers can assign other people.');
    // The store refuses the same change for the same reason.
    const result = store.updateTask('t-1', { assigneeIds: ['u-2'] }, 'task.assign');
    expect(result.ok ? 'allowed' : result.code).to.equal('managers-assign');
  });

  it('shows a viewer the reason, not a broken control, and still lets them open tasks', async () => {
    const people = [...PEOPLE, makePerson('u-4', { name: 'Vera Viewer', role: 'viewer' })];
    const { element } = await mountWorkload({ people, userId: 'u-4' });
    await openCell(element, 'u-1', 0);
    expect(panel(element)!.querySelectorAll('select').length).to.equal(0);
    expect(norm(taskItem(element, 't-2').querySelector('.panel-denied')?.textContent)).to.equal('You have read-only access.');
    expect(taskItem(element, 't-2').querySelector('.panel-open') !== null).to.equal(true);
  });

  it("disables the people a host rule refuses, with the rule's reason", async () => {
    const onLeave = (_user: unknown, action: string, target: { person?: { id: string } }): PermissionResult | undefined =>
      action === 'task.assign' && target.person?.id === 'u-2' ? { allowed: false, code: 'rule', reason: 'Grace is on leave.' } : undefined;
    const { element } = await mountWorkload({ policy: { rules: [onLeave] } });
    await openCell(element, 'u-1', 0);
    const select = reassignSelect(element, 't-1')!;
    expect([...select.options].map((option) => `${option.value}:${option.disabled}`)).to.deep.equal([':false', 'u-3:false', 'u-2:true']);
    expect(norm(taskItem(element, 't-1').querySelector('.panel-denied')?.textContent)).to.equal('Greyed-out people: Grace is on leave.');
  });

  it('says so when the backend refuses and the reassignment is rolled back', async () => {
    const { element, store, adapter } = await mountWorkload();
    await openCell(element, 'u-1', 0);
    adapter.pause();
    adapter.failNext('forbidden');
    choose(reassignSelect(element, 't-2')!, 'u-3');
    await settle(element);
    expect(store.state.tasks.get('t-2')!.assigneeIds, 'optimistic').to.deep.equal(['u-3']);
    expect(hours(cell(element, 'u-1', 0)), 'optimistic').to.equal('30 / 40 h');
    adapter.resume();
    await waitUntil(() => notice(element).startsWith('The reassignment'), 'the refusal is shown', { timeout: 3000 });
    expect(notice(element)).to.equal('The reassignment of Review was undone: you are not allowed to do this');
    expect(panel(element)!.querySelector('.panel-notice')!.hasAttribute('data-error')).to.equal(true);
    expect(store.state.tasks.get('t-2')!.assigneeIds).to.deep.equal(['u-1']);
    await settle(element);
    expect(hours(cell(element, 'u-1', 0))).to.equal('50 / 40 h');
    expect(panelLines(element)).to.deep.equal(['Spec: 30 h', 'Review: 20 h']);
  });

  it('follows changes from another store while open', async () => {
    const { element, other } = await mountWorkload();
    await openCell(element, 'u-1', 0);
    other.updateTask('t-2', { estimate: 10 });
    await waitUntil(() => panelLines(element).includes('Review: 10 h'), 'the panel follows', { timeout: 3000 });
    expect(hours(cell(element, 'u-1', 0))).to.equal('40 / 40 h');
  });

  it('works with the keyboard only: Tab in, Enter, Tab to Open, Escape back', async () => {
    const { element } = await mountWorkload();
    const opened: string[] = [];
    element.addEventListener('cwm-task-open', (event) => opened.push(event.detail.taskId));
    root(element).querySelector<HTMLSelectElement>('select.filter-unit')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedCell(element), 'the grid has one tab stop after the filters').to.equal('u-1/0');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await settle(element);
    expect(focusedCell(element)).to.equal('u-2/1');
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(focusedCell(element)).to.equal('panel-title');
    await sendKeys({ press: 'Tab' });
    expect(focusedCell(element)).to.equal('panel-close');
    await sendKeys({ press: 'Tab' });
    expect(focusedCell(element)).to.equal('panel-open');
    await sendKeys({ press: 'Enter' });
    expect(opened).to.deep.equal(['t-3']);
    await sendKeys({ press: 'Tab' });
    expect(focusedCell(element)).to.equal('panel-reassign');
    await sendKeys({ press: 'Escape' });
    await settle(element);
    expect(panel(element) === null).to.equal(true);
    expect(focusedCell(element)).to.equal('u-2/1');
  });

  it('shows hostile task titles and person names as text', async () => {
    const people = [makePerson('u-1', { name: XSS_PAYLOADS[0]!.text, role: 'manager' }), makePerson('u-2', { name: XSS_PAYLOADS[2]!.text })];
    const tasks: Task[] = XSS_PAYLOADS.map((payload, index) => makeTask(`x-${index}`, { title: payload.text, assigneeIds: ['u-1'], estimate: 0.5, start: W1, due: '2026-11-27' }));
    const { element } = await mountWorkload({ people, tasks });
    await openCell(element, 'u-1', 0);
    expect(normalizeSpace(panelTitle(element))).to.equal(normalizeSpace(`${XSS_PAYLOADS[0]!.text}, Week 48`));
    const titles = [...panel(element)!.querySelectorAll('.panel-task-title')];
    expect(titles.length).to.equal(XSS_PAYLOADS.length);
    titles.forEach((title, index) => {
      expect(normalizeSpace(title.textContent ?? ''), XSS_PAYLOADS[index]!.name).to.equal(normalizeSpace(XSS_PAYLOADS[index]!.text));
      expect(title.children.length).to.equal(0);
    });
    const option = reassignSelect(element, 'x-0')!.options[1]!;
    expect(normalizeSpace(option.textContent ?? '')).to.equal(normalizeSpace(XSS_PAYLOADS[2]!.text));
    expect(xssViolations(panel(element)!)).to.deep.equal([]);
    expect(window.__xss).to.equal(undefined);
  });

  it('speaks German', async () => {
    const { element } = await mountWorkload({ lang: 'de' });
    await openCell(element, 'u-1', 0);
    expect(panelTitle(element)).to.equal('Ada Lovelace, KW 48');
    expect(panelLines(element)).to.deep.equal(['Spec: 30 h', 'Review: 20 h']);
    expect(norm(taskItem(element, 't-1').querySelector('.panel-open')?.textContent)).to.equal('Öffnen');
    expect(reassignSelect(element, 't-1')!.options[0]!.textContent!.trim()).to.equal('Neu zuweisen an …');
    expect(norm(panel(element)!.querySelector('.panel-close')?.textContent)).to.equal('Schließen');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations with the panel open (${theme})`, async () => {
      const { element } = await mountWorkload({ theme });
      await openCell(element, 'u-1', 0);
      choose(reassignSelect(element, 't-2')!, 'u-3');
      await settle(element);
      await expect(element).to.be.accessible();
    });
  }
});
