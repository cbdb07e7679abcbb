import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { makeProject, makeTask } from '../fixtures/entities.js';
import { XSS_PAYLOADS, normalizeSpace, xssViolations } from '../fixtures/xss-payloads.js';
import { text, typeInto } from './sections-fixtures.js';
import type { CwmTaskDetail } from '../../packages/task-detail/src/task-detail.js';
import { ONBOARDING, announced, makeTemplate, mountSection, rendered, templateTask, tree } from './templates-fixtures.js';

function $<T extends Element = HTMLElement>(host: CwmTaskDetail, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

function $$<T extends Element = HTMLElement>(host: CwmTaskDetail, selector: string): T[] {
  return [...host.shadowRoot!.querySelectorAll<T>(selector)];
}

/** t-1 with a subtask t-2 (a checklist with one ticked item) that has its own subtask t-3. */
function taskTree() {
  return [
    makeTask('t-1', { title: 'Hire a designer', start: '2026-12-07', due: '2026-12-18', checklist: [{ id: 'c-1', text: 'Budget approved', done: true }] }),
    makeTask('t-2', { title: 'Write the ad', parentId: 't-1', start: '2026-12-08', due: '2026-12-09', checklist: [{ id: 'c-2', text: 'Salary band', done: true }] }),
    makeTask('t-3', { title: 'Proofread', parentId: 't-2' }),
    makeTask('t-9', { title: 'Unrelated' }),
  ];
}

describe('<cwm-task-detail> templates section', () => {
  it('lists the templates of the project and the unscoped ones, with size, author and scope', async () => {
    const templates = [ONBOARDING, makeTemplate('tpl-p1', 'Audit', { projectId: 'p-1', createdBy: 'u-1' }), makeTemplate('tpl-p2', 'Elsewhere', { projectId: 'p-2' })];
    const { element } = await mountSection({ templates });
    const rows = $$(element, '.template-list li');
    expect(rows.map((row) => row.dataset['templateId'])).to.deep.equal(['tpl-p1', 'tpl-onb']);
    expect(text($(element, '[data-template-id="tpl-onb"] .template-name'))).to.equal('Onboarding');
    expect(text($(element, '[data-template-id="tpl-onb"] .meta'))).to.equal('4 tasks · by Grace Hopper · all projects');
    expect(text($(element, '[data-template-id="tpl-p1"] .meta'))).to.equal('1 task · by Ada Lovelace · this project only');
    expect(text($(element, '.save-template .muted'))).to.equal('Keeps this task and its checklist.');
  });

  it('saves the task with its subtask tree as a template, lists it, and one undo removes it', async () => {
    const { element, store } = await mountSection({ tasks: taskTree(), templates: [] });
    expect(text($(element, '.save-template .muted'))).to.equal('Keeps this task, its 2 subtasks and their checklists.');
    expect(text($(element, '.templates'))).to.contain('No templates yet.');
    typeInto($<HTMLInputElement>(element, '#templates-name'), '  Hiring  ');
    $<HTMLInputElement>(element, '#templates-scoped').click();
    $<HTMLButtonElement>(element, '.save-template button[type=submit]').click();
    await rendered(element);
    const saved = store.state.templates.values();
    expect(saved.length).to.equal(1);
    const template = saved[0]!;
    expect({ name: template.name, projectId: template.projectId, createdBy: template.createdBy, title: template.title, checklist: template.checklist }).to.deep.equal({
      name: 'Hiring',
      projectId: 'p-1',
      createdBy: 'u-1',
      title: 'Hire a designer',
      checklist: ['Budget approved'],
    });
    expect(template.subtasks.map((subtask) => [subtask.title, subtask.checklist, subtask.subtasks.map((inner) => inner.title)])).to.deep.equal([['Write the ad', ['Salary band'], ['Proofread']]]);
    expect(text($(element, `[data-template-id="${template.id}"]`))).to.contain('3 tasks · by Ada Lovelace · this project only');
    expect(announced(element)).to.equal('Saved “Hiring” as a template.');
    expect($<HTMLInputElement>(element, '#templates-name').value).to.equal('');
    expect($<HTMLInputElement>(element, '#templates-scoped').checked).to.equal(false);
    expect(element.shadowRoot!.activeElement?.id).to.equal('templates-name');
    expect(store.undo()).to.equal(true);
    await rendered(element);
    expect(store.state.templates.values()).to.deep.equal([]);
    expect($$(element, '.template-list li').length).to.equal(0);
  });

  it('asks for a name beside the field and keeps the checkbox', async () => {
    const { element, store } = await mountSection({ templates: [] });
    typeInto($<HTMLInputElement>(element, '#templates-name'), '   ');
    $<HTMLInputElement>(element, '#templates-scoped').click();
    $<HTMLButtonElement>(element, '.save-template button[type=submit]').click();
    await rendered(element);
    expect(store.state.templates.values().length).to.equal(0);
    const input = $<HTMLInputElement>(element, '#templates-name');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('error-template-name');
    expect(text($(element, '#error-template-name'))).to.equal('Give the template a name.');
    expect($<HTMLInputElement>(element, '#templates-scoped').checked).to.equal(true);
    expect(element.shadowRoot!.activeElement?.id).to.equal('templates-name');
    typeInto(input, 'Fixed');
    await rendered(element);
    expect($$(element, '#error-template-name').length).to.equal(0);
  });

  it('names the size limits when the tree is too deep, keeping the name', async () => {
    const chain = [makeTask('t-1', { title: 'Level 1' }), ...[2, 3, 4, 5, 6].map((level) => makeTask(`t-${level}`, { title: `Level ${level}`, parentId: `t-${level - 1}` }))];
    const { element, store } = await mountSection({ tasks: chain, templates: [] });
    typeInto($<HTMLInputElement>(element, '#templates-name'), 'Deep');
    $<HTMLButtonElement>(element, '.save-template button[type=submit]').click();
    await rendered(element);
    expect(store.state.templates.values().length).to.equal(0);
    expect(text($(element, '#error-templates'))).to.equal('A template holds at most 200 tasks on 5 levels; this task has too many subtasks.');
    expect($<HTMLInputElement>(element, '#templates-name').value).to.equal('Deep');
  });

  it('adds a template as a subtask tree starting on the task start, checklists unticked, and one undo removes it all', async () => {
    const { element, store } = await mountSection();
    const before = store.state.tasks.values().length;
    const add = $<HTMLButtonElement>(element, '[data-template-id="tpl-onb"] .add-template');
    expect(add.getAttribute('aria-label')).to.equal('Add as subtask: “Onboarding”');
    add.click();
    await rendered(element);
    expect(store.state.tasks.values().length).to.equal(before + 4);
    expect(tree(store.state.tasks.values(), 't-1')).to.deep.equal([
      {
        title: 'Onboard a new colleague',
        checklist: [
          { text: 'Laptop ordered', done: false },
          { text: 'Badge requested', done: false },
        ],
        start: '2026-12-07',
        due: '2026-12-11',
        children: [
          { title: 'Accounts', checklist: [{ text: 'Mail', done: false }, { text: 'Chat', done: false }], start: '2026-12-07', due: '2026-12-07', children: [] },
          {
            title: 'First week',
            checklist: [],
            start: '2026-12-08',
            due: '2026-12-11',
            children: [{ title: 'Buddy lunch', checklist: [], start: '2026-12-09', due: '2026-12-09', children: [] }],
          },
        ],
      },
    ]);
    expect(announced(element)).to.equal('Added “Onboarding” as a subtask: 4 tasks.');
    expect(text($(element, '.status-line'))).to.contain('Undo');
    expect(store.undo()).to.equal(true);
    expect(store.state.tasks.values().length).to.equal(before);
    expect(tree(store.state.tasks.values(), 't-1')).to.deep.equal([]);
  });

  it('adds an undated tree under a task without a start', async () => {
    const { element, store } = await mountSection({ tasks: [makeTask('t-1', { title: 'No dates' })] });
    $<HTMLButtonElement>(element, '[data-template-id="tpl-onb"] .add-template').click();
    await rendered(element);
    const [root] = tree(store.state.tasks.values(), 't-1');
    expect(root?.title).to.equal('Onboard a new colleague');
    expect(root?.start).to.equal(undefined);
    expect(root?.due).to.equal(undefined);
  });

  it('shows a viewer why nothing can be saved or added, and offers no write controls', async () => {
    const { element } = await mountSection({ userId: 'u-4' });
    expect($$(element, '#templates-name').length).to.equal(0);
    expect(text($(element, '.save-template .note'))).to.equal('You have read-only access.');
    expect($$(element, '.add-template').length).to.equal(0);
    expect(text($(element, '.templates > .note'))).to.equal('Cannot add templates here: You have read-only access.');
    expect($$(element, '.delete-template').length).to.equal(0);
    // The same reason for every row is said once, not once per template.
    expect($$(element, '.templates .note').map(text)).to.deep.equal(['You have read-only access.', 'Cannot add templates here: You have read-only access.']);
  });

  it('lets a member delete only their own templates, with the reason for the others; undo restores', async () => {
    const mine = makeTemplate('tpl-mine', 'Mine', { createdBy: 'u-1' });
    const { element, store } = await mountSection({ templates: [ONBOARDING, mine] });
    expect($$(element, '[data-template-id="tpl-onb"] .delete-template').length).to.equal(0);
    expect(text($(element, '[data-template-id="tpl-onb"] .denied'))).to.equal('Only its author, a manager or an admin can delete it.');
    const remove = $<HTMLButtonElement>(element, '[data-template-id="tpl-mine"] .delete-template');
    expect(remove.getAttribute('aria-label')).to.equal('Delete the template “Mine”');
    remove.click();
    await rendered(element);
    expect(store.state.templates.has('tpl-mine')).to.equal(false);
    expect(announced(element)).to.equal('Deleted the template “Mine”.');
    expect(element.shadowRoot!.activeElement?.id).to.equal('templates-name');
    // The store refuses it too, whatever the UI shows.
    const refused = store.deleteTemplate('tpl-onb');
    expect(refused.ok ? '' : refused.code).to.equal('not-author');
    expect(store.undo()).to.equal(true);
    expect(store.state.templates.has('tpl-mine')).to.equal(true);
  });

  it('says once under the list why no template may be deleted (a host rule), keeping "Add as subtask"', async () => {
    const locked = { rules: [(_user: unknown, action: string) => (action === 'template.delete' ? { allowed: false as const, code: 'rule' as const, reason: 'Templates are curated by the PMO.' } : undefined)] };
    const { element } = await mountSection({ userId: 'u-3', policy: locked, templates: [ONBOARDING, makeTemplate('tpl-b', 'B')] });
    expect($$(element, '.delete-template').length).to.equal(0);
    expect($$(element, '.add-template').length).to.equal(2);
    expect($$(element, '.templates .note').map(text)).to.deep.equal(['Cannot delete templates here: Templates are curated by the PMO.']);
  });

  it('lets a manager delete anyone’s template', async () => {
    const { element, store } = await mountSection({ userId: 'u-3' });
    $<HTMLButtonElement>(element, '[data-template-id="tpl-onb"] .delete-template').click();
    await rendered(element);
    expect(store.state.templates.has('tpl-onb')).to.equal(false);
  });

  it('shows a refusal from the store beside the section (a full column)', async () => {
    const project = makeProject('p-1', { memberIds: ['u-1', 'u-2', 'u-3', 'u-4'] });
    const strict = { ...project, workflow: { ...project.workflow, wipPolicy: 'block' as const, statuses: project.workflow.statuses.map((status) => (status.id === 'todo' ? { ...status, wipLimit: 2 } : status)) } };
    const { element, store } = await mountSection({ projects: [strict] });
    $<HTMLButtonElement>(element, '[data-template-id="tpl-onb"] .add-template').click();
    await rendered(element);
    expect(store.state.tasks.values().length).to.equal(1);
    expect(text($(element, '#error-templates'))).to.match(/^Not saved: /);
  });

  it('shows hostile template names as text (XSS battery)', async () => {
    const templates = XSS_PAYLOADS.map((payload, index) => makeTemplate(`x-${index}`, payload.text, { title: payload.text }));
    const { element } = await mountSection({ templates });
    expect(xssViolations($(element, '.template-list'))).to.deep.equal([]);
    expect(window.__xss).to.equal(undefined);
    XSS_PAYLOADS.forEach((payload, index) => {
      const name = $(element, `[data-template-id="x-${index}"] .template-name`);
      expect(normalizeSpace(name.textContent ?? ''), payload.name).to.equal(normalizeSpace(payload.text));
      const add = $(element, `[data-template-id="x-${index}"] .add-template`);
      expect(add.getAttribute('aria-label'), payload.name).to.contain(payload.text.slice(0, 20));
    });
  });

  it('saves with the keyboard only', async () => {
    const { element, store } = await mountSection({ templates: [] });
    $<HTMLInputElement>(element, '#templates-name').focus();
    await sendKeys({ type: 'Keyboard plan' });
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement?.id).to.equal('templates-scoped');
    await sendKeys({ press: 'Space' });
    $<HTMLInputElement>(element, '#templates-name').focus();
    await sendKeys({ press: 'Enter' });
    await rendered(element);
    const [template] = store.state.templates.values();
    expect(template?.name).to.equal('Keyboard plan');
    expect(template?.projectId).to.equal('p-1');
    // Tab reaches "Add as subtask" and Enter presses it.
    $<HTMLButtonElement>(element, '.save-template button[type=submit]').focus();
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement?.classList.contains('add-template')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await rendered(element);
    expect(tree(store.state.tasks.values(), 't-1').map((node) => node.title)).to.deep.equal(['Hire a designer']);
  });

  it('speaks German', async () => {
    const { element } = await mountSection({ lang: 'de' });
    expect(text($(element, '#templates-heading'))).to.equal('Vorlagen');
    expect(text($(element, '[data-template-id="tpl-onb"] .meta'))).to.equal('4 Aufgaben · von Grace Hopper · alle Projekte');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe in ${theme} with a refusal shown, at 320 px`, async () => {
      const { element } = await mountSection({ theme, width: 320, templates: [ONBOARDING, makeTemplate('tpl-mine', 'Mine', { createdBy: 'u-1', projectId: 'p-1', subtasks: [templateTask('A')] })] });
      $<HTMLButtonElement>(element, '.save-template button[type=submit]').click();
      await rendered(element);
      expect($$(element, '#error-template-name').length).to.equal(1);
      expect(element.scrollWidth).to.be.at.most(element.clientWidth + 1);
      await expect(element).to.be.accessible();
    });
  }
});
