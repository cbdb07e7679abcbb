import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { makeTask } from '../fixtures/entities.js';
import { $, $$, choose, focused, mountDetail, settle, text, typeInto } from './sections-fixtures.js';

/** Design <- Build <- Test (Build waits for Design, Test waits for Build), and Docs alone. */
const TASKS = [
  makeTask('t-1', { title: 'Build', dependencies: [{ predecessorId: 't-0', type: 'FS', lag: 0 }] }),
  makeTask('t-0', { title: 'Design' }),
  makeTask('t-2', { title: 'Test', dependencies: [{ predecessorId: 't-1', type: 'SS', lag: 2 }] }),
  makeTask('t-3', { title: 'Docs' }),
];

describe('<cwm-task-detail> dependencies section', () => {
  it('lists what the task waits for and what waits for it, with type and lag', async () => {
    const { detail } = await mountDetail({ tasks: TASKS });
    const lists = $$(detail, '.deps .links');
    expect(lists.length).to.equal(2);
    expect(text(lists[0]!.querySelector('li')!)).to.contain('Design').and.contain('Finish to start').and.contain('no lag');
    expect(text(lists[1]!.querySelector('li')!)).to.contain('Test').and.contain('Start to start').and.contain('2 days lag');
  });

  it('adds a predecessor with the keyboard: search, pick, type, lag, submit', async () => {
    const { detail, store } = await mountDetail({ tasks: TASKS });
    const search = $<HTMLInputElement>(detail, '#deps-search');
    search.focus();
    await sendKeys({ type: 'doc' });
    await settle(detail);
    expect(search.getAttribute('aria-expanded')).to.equal('true');
    const options = $$(detail, '#deps-candidates [role=option]');
    expect(options.map(text)).to.deep.equal(['Docs']);
    await sendKeys({ press: 'ArrowDown' });
    await settle(detail);
    expect(search.getAttribute('aria-activedescendant')).to.equal('deps-candidate-0');
    await sendKeys({ press: 'Enter' });
    await settle(detail);
    expect(search.value).to.equal('Docs');
    choose($<HTMLSelectElement>(detail, '#deps-type'), 'FF');
    typeInto($<HTMLInputElement>(detail, '#deps-lag'), '-1');
    search.focus();
    await sendKeys({ press: 'Enter' });
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.dependencies).to.deep.equal([
      { predecessorId: 't-0', type: 'FS', lag: 0 },
      { predecessorId: 't-3', type: 'FF', lag: -1 },
    ]);
    // The form starts afresh and the new row is listed.
    expect($<HTMLInputElement>(detail, '#deps-search').value).to.equal('');
    expect(text($$(detail, '.deps .links')[0]!)).to.contain('Docs');
  });

  it('adds a successor: the dependency is written on the other task', async () => {
    const { detail, store } = await mountDetail({ tasks: TASKS });
    typeInto($<HTMLInputElement>(detail, '#deps-search'), 'Docs');
    choose($<HTMLSelectElement>(detail, '#deps-direction'), 'successor');
    await settle(detail);
    $<HTMLButtonElement>(detail, '.deps form button[type=submit]').click();
    await settle(detail);
    expect(store.state.tasks.get('t-3')!.dependencies).to.deep.equal([{ predecessorId: 't-1', type: 'FS', lag: 0 }]);
  });

  it('refuses a loop, naming its tasks, and keeps what was typed', async () => {
    const { detail, store } = await mountDetail({ tasks: TASKS });
    // Build waiting for Test closes Build -> Test -> Build.
    typeInto($<HTMLInputElement>(detail, '#deps-search'), 'Test');
    typeInto($<HTMLInputElement>(detail, '#deps-lag'), '3');
    await settle(detail);
    $<HTMLButtonElement>(detail, '.deps form button[type=submit]').click();
    await settle(detail);
    const alert = $(detail, '#error-deps');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('loop').and.contain('"Test" → "Build" → "Test"');
    expect($<HTMLInputElement>(detail, '#deps-search').value).to.equal('Test');
    expect($<HTMLInputElement>(detail, '#deps-lag').value).to.equal('3');
    expect($<HTMLInputElement>(detail, '#deps-search').getAttribute('aria-invalid')).to.equal('true');
    expect(store.state.tasks.get('t-1')!.dependencies.length).to.equal(1);
  });

  it('refuses a bad lag and an unpicked task with a message beside the form', async () => {
    const { detail } = await mountDetail({ tasks: TASKS });
    typeInto($<HTMLInputElement>(detail, '#deps-search'), 'nothing like this');
    await settle(detail);
    $<HTMLButtonElement>(detail, '.deps form button[type=submit]').click();
    await settle(detail);
    expect(text($(detail, '#error-deps'))).to.contain('Choose a task');
    typeInto($<HTMLInputElement>(detail, '#deps-search'), 'Docs');
    typeInto($<HTMLInputElement>(detail, '#deps-lag'), '1.5');
    $<HTMLButtonElement>(detail, '.deps form button[type=submit]').click();
    await settle(detail);
    expect(text($(detail, '#error-deps'))).to.contain('whole number of days');
    expect(focused(detail)?.id).to.equal('deps-lag');
  });

  it('removes a dependency through the store and keeps focus in the section', async () => {
    const { detail, store } = await mountDetail({ tasks: TASKS });
    const remove = $<HTMLButtonElement>(detail, '.deps .links li[data-task-id="t-0"] button.icon');
    expect(remove.getAttribute('aria-label')).to.equal('Remove: this task waits for Design');
    remove.focus();
    remove.click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.dependencies).to.deep.equal([]);
    expect(focused(detail)?.id).to.equal('deps-search');
    // One undo brings it back.
    expect(store.undo()).to.equal(true);
    expect(store.state.tasks.get('t-1')!.dependencies.length).to.equal(1);
  });

  it('shows the store\'s refusal beside the form and keeps the draft', async () => {
    // A host rule: nobody changes what Docs waits for. The panel of Build may edit its own links.
    const rules = [(_user: unknown, action: string, target: { task?: { id: string } }) =>
      action === 'dependency.edit' && target.task?.id === 't-3' ? { allowed: false as const, code: 'rule' as const, reason: 'Docs is frozen.' } : undefined];
    const { detail, store } = await mountDetail({ tasks: TASKS, policy: { rules } });
    typeInto($<HTMLInputElement>(detail, '#deps-search'), 'Docs');
    choose($<HTMLSelectElement>(detail, '#deps-direction'), 'successor');
    await settle(detail);
    $<HTMLButtonElement>(detail, '.deps form button[type=submit]').click();
    await settle(detail);
    expect(store.state.tasks.get('t-3')!.dependencies).to.deep.equal([]);
    // A host rule's reason is the host's own words for its users: shown as given.
    expect(text($(detail, '#error-deps'))).to.equal('Not saved: Docs is frozen.');
    expect($<HTMLInputElement>(detail, '#deps-search').value).to.equal('Docs');
    expect($<HTMLSelectElement>(detail, '#deps-direction').value).to.equal('successor');
  });

  it('opens a linked task', async () => {
    const { detail } = await mountDetail({ tasks: TASKS });
    let opened = '';
    detail.addEventListener('cwm-task-open', (event) => (opened = event.detail.taskId));
    $<HTMLButtonElement>(detail, '.deps .links li[data-task-id="t-2"] button.link').click();
    expect(opened).to.equal('t-2');
  });

  it('shows the reason and no editing controls to someone who may not change dependencies', async () => {
    const { detail } = await mountDetail({ tasks: TASKS, userId: 'u-4' });
    expect($$(detail, '#deps-search').length).to.equal(0);
    expect($$(detail, '.deps .links button.icon').length).to.equal(0);
    expect(text($(detail, '.deps .note'))).to.not.equal('');
  });

  it('shows hostile titles as text', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    const { detail } = await mountDetail({ tasks: [makeTask('t-1', { title: 'Build', dependencies: [{ predecessorId: 't-9', type: 'FS', lag: 0 }] }), makeTask('t-9', { title: payload })] });
    const row = $(detail, '.deps .links li[data-task-id="t-9"]');
    expect(row.querySelector('img')).to.equal(null);
    expect(text(row)).to.contain(payload);
    expect(window.__xss).to.equal(undefined);
  });

  it('passes axe with the list open', async () => {
    const { detail } = await mountDetail({ tasks: TASKS });
    typeInto($<HTMLInputElement>(detail, '#deps-search'), 'e');
    await settle(detail);
    expect($$(detail, '#deps-candidates [role=option]').length).to.be.greaterThan(0);
    await expect(detail).to.be.accessible();
  });
});
