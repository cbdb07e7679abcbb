import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CwmDateField } from '@cwm/ui';
import type { TemplateCreateDetail } from '../../packages/task-detail/src/template-picker-events.js';
import type { CwmTemplatePicker } from '../../packages/task-detail/src/template-picker.js';
import { makeProject } from '../fixtures/entities.js';
import { XSS_PAYLOADS, normalizeSpace, xssViolations } from '../fixtures/xss-payloads.js';
import { choose, text } from './sections-fixtures.js';
import { ONBOARDING, makeTemplate, mountPicker, rendered, tree } from './templates-fixtures.js';

function $<T extends Element = HTMLElement>(picker: CwmTemplatePicker, selector: string): T {
  const found = picker.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

const ELSEWHERE = makeTemplate('tpl-p2', 'Elsewhere', { projectId: 'p-2' });
const AUDIT = makeTemplate('tpl-audit', 'Audit', { projectId: 'p-1' });

/** Records every cwm-template-create and cwm-task-open the picker fires. */
function record(picker: CwmTemplatePicker): { creates: TemplateCreateDetail[]; opens: string[] } {
  const seen = { creates: [] as TemplateCreateDetail[], opens: [] as string[] };
  picker.addEventListener('cwm-template-create', (event) => seen.creates.push(event.detail));
  picker.addEventListener('cwm-task-open', (event) => seen.opens.push(event.detail.taskId));
  return seen;
}

describe('<cwm-template-picker>', () => {
  it('offers the project’s templates and the unscoped ones, with their size', async () => {
    const { element } = await mountPicker({ templates: [ONBOARDING, AUDIT, ELSEWHERE] });
    const options = [...$<HTMLSelectElement>(element, '#template').options].map((option) => [option.value, option.textContent?.trim()]);
    expect(options).to.deep.equal([
      ['', 'Choose a template…'],
      ['tpl-audit', 'Audit (1 task)'],
      ['tpl-onb', 'Onboarding (4 tasks)'],
    ]);
    expect($(element, 'form').getAttribute('aria-label')).to.equal('New task from a template');
  });

  it('creates the tree from the start day, emits create then task-open with the new root, and one undo removes it', async () => {
    const { element, store } = await mountPicker();
    const seen = record(element);
    choose($<HTMLSelectElement>(element, '#template'), 'tpl-onb');
    $<CwmDateField>(element, '[data-start]').value = '2026-12-14';
    const opened = oneEvent(element, 'cwm-task-open');
    $<HTMLButtonElement>(element, 'button[type=submit]').click();
    const rootId = (await opened).detail.taskId;
    expect(seen.creates).to.deep.equal([{ templateId: 'tpl-onb', projectId: 'p-1', start: '2026-12-14' }]);
    expect(seen.opens).to.deep.equal([rootId]);
    const root = store.state.tasks.get(rootId)!;
    expect({ title: root.title, parentId: root.parentId, projectId: root.projectId, status: root.status, start: root.start, due: root.due }).to.deep.equal({
      title: 'Onboard a new colleague',
      parentId: undefined,
      projectId: 'p-1',
      status: 'todo',
      start: '2026-12-14',
      due: '2026-12-18',
    });
    expect(root.checklist.map(({ text: item, done }) => [item, done])).to.deep.equal([
      ['Laptop ordered', false],
      ['Badge requested', false],
    ]);
    expect(tree(store.state.tasks.values(), rootId).map((node) => [node.title, node.children.length])).to.deep.equal([
      ['Accounts', 0],
      ['First week', 1],
    ]);
    await rendered(element);
    const message = $(element, '#message');
    expect(message.getAttribute('role')).to.equal('status');
    expect(text(message)).to.equal('Created “Onboard a new colleague” with 4 tasks.');
    expect($<HTMLSelectElement>(element, '#template').value).to.equal('');
    expect(store.undo()).to.equal(true);
    expect(store.state.tasks.has(rootId)).to.equal(false);
    expect(store.state.tasks.values().length).to.equal(1);
  });

  it('creates undated tasks when no start is given', async () => {
    const { element, store } = await mountPicker();
    const seen = record(element);
    choose($<HTMLSelectElement>(element, '#template'), 'tpl-onb');
    $<HTMLButtonElement>(element, 'button[type=submit]').click();
    expect(seen.creates).to.deep.equal([{ templateId: 'tpl-onb', projectId: 'p-1', start: undefined }]);
    const root = store.state.tasks.get(seen.opens[0]!)!;
    expect(root.start).to.equal(undefined);
    expect(root.due).to.equal(undefined);
  });

  it('creates nothing when the host cancels cwm-template-create', async () => {
    const { element, store } = await mountPicker();
    const seen = record(element);
    element.addEventListener('cwm-template-create', (event) => event.preventDefault());
    choose($<HTMLSelectElement>(element, '#template'), 'tpl-onb');
    $<HTMLButtonElement>(element, 'button[type=submit]').click();
    await rendered(element);
    expect(seen.creates.length).to.equal(1);
    expect(seen.opens).to.deep.equal([]);
    expect(store.state.tasks.values().length).to.equal(1);
    expect(element.shadowRoot!.querySelector('#message')).to.equal(null);
  });

  it('asks for a template first, beside the select, and focuses it', async () => {
    const { element, store } = await mountPicker();
    const seen = record(element);
    $<HTMLButtonElement>(element, 'button[type=submit]').click();
    await rendered(element);
    expect(seen.creates).to.deep.equal([]);
    expect(store.state.tasks.values().length).to.equal(1);
    const select = $<HTMLSelectElement>(element, '#template');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(select.getAttribute('aria-describedby')).to.equal('message');
    expect($(element, '#message').getAttribute('role')).to.equal('alert');
    expect(text($(element, '#message'))).to.equal('Choose a template first.');
    expect(element.shadowRoot!.activeElement).to.equal(select);
    choose(select, 'tpl-onb');
    await rendered(element);
    expect(element.shadowRoot!.querySelector('#message')).to.equal(null);
  });

  it('refuses a start that is not a date, keeping what was typed', async () => {
    const { element, store } = await mountPicker();
    choose($<HTMLSelectElement>(element, '#template'), 'tpl-onb');
    const field = $<CwmDateField>(element, '[data-start]');
    field.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'next tuesday' });
    $<HTMLButtonElement>(element, 'button[type=submit]').click();
    await rendered(element);
    expect(store.state.tasks.values().length).to.equal(1);
    expect(text($(element, '#message'))).to.equal('Enter a valid start date, or leave it empty.');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.inputText).to.equal('next tuesday');
  });

  it('shows a refusal from the store with the reason (a full column)', async () => {
    const project = makeProject('p-1', { memberIds: ['u-1', 'u-2', 'u-3', 'u-4'] });
    const strict = { ...project, workflow: { ...project.workflow, wipPolicy: 'block' as const, statuses: project.workflow.statuses.map((status) => (status.id === 'todo' ? { ...status, wipLimit: 3 } : status)) } };
    const { element, store } = await mountPicker({ projects: [strict] });
    const seen = record(element);
    choose($<HTMLSelectElement>(element, '#template'), 'tpl-onb');
    $<HTMLButtonElement>(element, 'button[type=submit]').click();
    await rendered(element);
    expect(store.state.tasks.values().length).to.equal(1);
    expect(seen.opens).to.deep.equal([]);
    expect($(element, '#message').getAttribute('role')).to.equal('alert');
    expect(text($(element, '#message'))).to.match(/^Not created: ./);
  });

  it('tells a viewer why they cannot create tasks', async () => {
    const { element } = await mountPicker({ userId: 'u-4' });
    expect(element.shadowRoot!.querySelector('form')).to.equal(null);
    expect(text($(element, '.note'))).to.equal('You cannot create tasks here: You have read-only access.');
  });

  it('says so when there are no templates', async () => {
    const { element } = await mountPicker({ templates: [ELSEWHERE] });
    expect(text($(element, '.note'))).to.equal('No templates yet: save a task as a template in its detail panel.');
  });

  it('follows the store: a new template appears, a deleted chosen one is dropped', async () => {
    const { element, store } = await mountPicker({ userId: 'u-3' });
    choose($<HTMLSelectElement>(element, '#template'), 'tpl-onb');
    expect(store.saveTaskAsTemplate('t-1', 'Hiring').ok).to.equal(true);
    await rendered(element);
    expect([...$<HTMLSelectElement>(element, '#template').options].map((option) => option.textContent?.trim())).to.deep.equal(['Choose a template…', 'Hiring (1 task)', 'Onboarding (4 tasks)']);
    expect(store.deleteTemplate('tpl-onb').ok).to.equal(true);
    await rendered(element);
    expect($<HTMLSelectElement>(element, '#template').value).to.equal('');
  });

  it('shows hostile template names as text (XSS battery)', async () => {
    const templates = XSS_PAYLOADS.map((payload, index) => makeTemplate(`x-${index}`, payload.text));
    const { element } = await mountPicker({ templates });
    expect(xssViolations($(element, '#template'))).to.deep.equal([]);
    expect(window.__xss).to.equal(undefined);
    const texts = [...$<HTMLSelectElement>(element, '#template').options].map((option) => normalizeSpace(option.textContent ?? ''));
    for (const payload of XSS_PAYLOADS) expect(texts.some((option) => option.startsWith(normalizeSpace(payload.text).slice(0, 40))), payload.name).to.equal(true);
  });

  it('works with the keyboard only', async () => {
    const { element, store } = await mountPicker();
    const select = $<HTMLSelectElement>(element, '#template');
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(select.value).to.equal('tpl-onb');
    const field = $<CwmDateField>(element, '[data-start]');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '2026-12-14' });
    // Enter in the date field commits it and submits the form.
    const opened = oneEvent(element, 'cwm-task-open');
    await sendKeys({ press: 'Enter' });
    const rootId = (await opened).detail.taskId;
    expect(field.value).to.equal('2026-12-14');
    expect(store.state.tasks.get(rootId)?.start).to.equal('2026-12-14');
  });

  it('speaks German', async () => {
    const { element } = await mountPicker({ lang: 'de' });
    expect([...$<HTMLSelectElement>(element, '#template').options].map((option) => option.textContent?.trim())).to.deep.equal(['Vorlage wählen …', 'Onboarding (4 Aufgaben)']);
    expect(text($(element, 'button[type=submit]'))).to.equal('Anlegen');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe in ${theme} with an error shown, at 320 px`, async () => {
      const { element } = await mountPicker({ theme, width: 320 });
      $<HTMLButtonElement>(element, 'button[type=submit]').click();
      await rendered(element);
      expect(element.scrollWidth).to.be.at.most(element.clientWidth + 1);
      await expect(element).to.be.accessible();
    });
  }
});
