// <cwm-task-detail>: editing each field through the store, validation beside the field, undo.
import { expect } from '@open-wc/testing';
import { AdapterError } from '@cwm/core';
import { makeProject } from '../fixtures/entities.js';
import { $, $$, change, errorOf, focused, mountDetail, PEOPLE, press, settle, STRICT_WORKFLOW, type, until } from './detail-fixtures.js';

describe('<cwm-task-detail> fields', () => {
  it('shows the task: title, rendered description, field values', async () => {
    const { detail } = await mountDetail();
    expect($(detail, '#title-heading').textContent).to.equal('Launch the site');
    expect($(detail, '.description .markdown strong').textContent).to.equal('it');
    expect($<HTMLInputElement>(detail, '#field-start').value).to.equal('2026-11-02');
    expect($<HTMLInputElement>(detail, '#field-due').value).to.equal('2026-11-20');
    expect($<HTMLInputElement>(detail, '#field-estimate').value).to.equal('8');
    expect($<HTMLInputElement>(detail, '#field-progress').value).to.equal('10');
    expect($<HTMLInputElement>(detail, '#field-tags').value).to.equal('web');
    expect($<HTMLSelectElement>(detail, '#field-status').value).to.equal('todo');
  });

  it('edits the title in place: Enter saves through the store, focus returns to the edit button', async () => {
    const { detail, store } = await mountDetail();
    $(detail, '[data-focus="title-edit"]').click();
    await settle(detail);
    const input = $<HTMLInputElement>(detail, '#title-input');
    expect(focused(detail)).to.equal(input);
    expect(input.value).to.equal('Launch the site');
    type(input, '  Launch the new site ');
    press(input, 'Enter');
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.title).to.equal('Launch the new site');
    expect($(detail, '#title-heading').textContent).to.equal('Launch the new site');
    expect(focused(detail)).to.equal($(detail, '[data-focus="title-edit"]'));
    expect($(detail, '.status-line').textContent).to.contain('Title changed.');
  });

  it('refuses an empty title beside the field and keeps what was typed; Escape cancels', async () => {
    const { detail, store } = await mountDetail();
    $(detail, '[data-focus="title-edit"]').click();
    await settle(detail);
    const input = $<HTMLInputElement>(detail, '#title-input');
    type(input, '   ');
    press(input, 'Enter');
    await settle(detail);
    expect(errorOf(detail, 'title')).to.contain('A task needs a title');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('error-title');
    expect($<HTMLInputElement>(detail, '#title-input').value).to.equal('   ');
    expect(store.state.tasks.get('t-1')!.title).to.equal('Launch the site');
    press($(detail, '#title-input'), 'Escape');
    await settle(detail);
    expect($$(detail, '#title-input')).to.have.length(0);
    expect(errorOf(detail, 'title')).to.equal('');
    expect(focused(detail)).to.equal($(detail, '[data-focus="title-edit"]'));
  });

  it('Escape inside an editor does not close the panel; outside it emits cwm-task-detail-close', async () => {
    const { detail } = await mountDetail();
    const closes: string[] = [];
    detail.addEventListener('cwm-task-detail-close', (event) => closes.push(event.detail.taskId));
    $(detail, '[data-focus="title-edit"]').click();
    await settle(detail);
    press($(detail, '#title-input'), 'Escape');
    await settle(detail);
    expect(closes).to.deep.equal([]);
    press($(detail, '[data-focus="title-edit"]'), 'Escape');
    expect(closes).to.deep.equal(['t-1']);
    $(detail, '.close').click();
    expect(closes).to.deep.equal(['t-1', 't-1']);
  });

  it('edits the description in a textarea with a safe preview and saves on Save', async () => {
    const { detail, store } = await mountDetail();
    $(detail, '[data-focus="description-edit"]').click();
    await settle(detail);
    const area = $<HTMLTextAreaElement>(detail, '#description-input');
    expect(area.value).to.equal('Ship **it**.');
    type(area, 'New _plan_ <img src=x onerror=alert(1)>');
    $$(detail, '.description button').find((button) => button.textContent!.includes('Preview'))!.click();
    await settle(detail);
    expect($(detail, '.preview em').textContent).to.equal('plan');
    expect($$(detail, '.preview img')).to.have.length(0);
    $$(detail, '.description button').find((button) => button.textContent!.trim() === 'Save')!.click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.description).to.equal('New _plan_ <img src=x onerror=alert(1)>');
    expect($$(detail, '.description img')).to.have.length(0);
    expect($(detail, '.description .markdown').textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('saves priority, milestone, tags, estimate and progress through the store', async () => {
    const { detail, store } = await mountDetail();
    const priority = $<HTMLSelectElement>(detail, '#field-priority');
    priority.value = 'high';
    change(priority);
    const milestone = $<HTMLInputElement>(detail, '#field-milestone');
    milestone.checked = true;
    change(milestone);
    type($<HTMLInputElement>(detail, '#field-tags'), 'web, launch , ,ops');
    change($(detail, '#field-tags'));
    type($<HTMLInputElement>(detail, '#field-estimate'), '12,5');
    press($(detail, '#field-estimate'), 'Enter');
    type($<HTMLInputElement>(detail, '#field-progress'), '40');
    change($(detail, '#field-progress'));
    await settle(detail);
    const task = store.state.tasks.get('t-1')!;
    expect(task.priority).to.equal('high');
    expect(task.milestone).to.equal(true);
    expect(task.tags).to.deep.equal(['web', 'launch', 'ops']);
    expect(task.estimate).to.equal(12.5);
    expect(task.progress).to.equal(40);
    // Clearing the estimate removes it.
    type($<HTMLInputElement>(detail, '#field-estimate'), '');
    change($(detail, '#field-estimate'));
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.estimate).to.equal(undefined);
  });

  it('refuses a negative estimate and progress over 100 beside each field, keeping the text', async () => {
    const { detail, store } = await mountDetail();
    type($<HTMLInputElement>(detail, '#field-estimate'), '-3');
    change($(detail, '#field-estimate'));
    type($<HTMLInputElement>(detail, '#field-progress'), '101');
    change($(detail, '#field-progress'));
    await settle(detail);
    expect(errorOf(detail, 'estimate')).to.contain('0 or more');
    expect(errorOf(detail, 'progress')).to.contain('0 to 100');
    expect($<HTMLInputElement>(detail, '#field-estimate').value).to.equal('-3');
    expect($<HTMLInputElement>(detail, '#field-progress').value).to.equal('101');
    const task = store.state.tasks.get('t-1')!;
    expect([task.estimate, task.progress]).to.deep.equal([8, 10]);
    // Fixing the text clears the message and saves.
    type($<HTMLInputElement>(detail, '#field-progress'), '100');
    await settle(detail);
    expect(errorOf(detail, 'progress')).to.equal('');
    change($(detail, '#field-progress'));
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.progress).to.equal(100);
  });

  it('refuses a due date before the start (and a start after the due date) with the other date named', async () => {
    const { detail, store } = await mountDetail();
    type($<HTMLInputElement>(detail, '#field-due'), '2026-11-01');
    change($(detail, '#field-due'));
    type($<HTMLInputElement>(detail, '#field-start'), '2026-12-01');
    change($(detail, '#field-start'));
    await settle(detail);
    expect(errorOf(detail, 'due')).to.contain('2026-11-02');
    expect(errorOf(detail, 'start')).to.contain('2026-11-20');
    expect($<HTMLInputElement>(detail, '#field-due').value).to.equal('2026-11-01');
    expect(store.state.tasks.get('t-1')!.due).to.equal('2026-11-20');
    type($<HTMLInputElement>(detail, '#field-due'), '2026-11-25');
    change($(detail, '#field-due'));
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.due).to.equal('2026-11-25');
    type($<HTMLInputElement>(detail, '#field-start'), '2026-11-03');
    change($(detail, '#field-start'));
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.start).to.equal('2026-11-03');
    expect(errorOf(detail, 'start')).to.equal('');
  });

  it('offers only the transitions the workflow allows; the others are disabled with the reason', async () => {
    const { detail, store } = await mountDetail({ project: makeProject('p-1', { memberIds: PEOPLE.map((p) => p.id), workflow: STRICT_WORKFLOW }) });
    const select = $<HTMLSelectElement>(detail, '#field-status');
    const options = [...select.options].map((option) => [option.value, option.disabled, option.textContent!.trim()]);
    expect(options).to.deep.equal([
      ['todo', false, 'To do'],
      ['doing', false, 'Doing'],
      ['review', true, 'Review (not allowed from To do)'],
      ['done', true, 'Done (not allowed from To do)'],
    ]);
    expect($(detail, '#status-rules').textContent).to.contain('workflow');
    select.value = 'doing';
    change(select);
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.status).to.equal('doing');
  });

  it('shows a store refusal beside the field (status the workflow forbids) and the select keeps the store value', async () => {
    const { detail, store } = await mountDetail({ project: makeProject('p-1', { memberIds: PEOPLE.map((p) => p.id), workflow: STRICT_WORKFLOW }) });
    const select = $<HTMLSelectElement>(detail, '#field-status');
    // A disabled option cannot be picked by a person; a script can still try.
    select.options[3]!.disabled = false;
    select.value = 'done';
    change(select);
    await settle(detail);
    expect(errorOf(detail, 'status')).to.contain('Not saved');
    expect(store.state.tasks.get('t-1')!.status).to.equal('todo');
    expect($<HTMLSelectElement>(detail, '#field-status').value).to.equal('todo');
  });

  it('undoes the last edit with the Undo button of the status line', async () => {
    const { detail, store } = await mountDetail();
    type($<HTMLInputElement>(detail, '#field-progress'), '55');
    change($(detail, '#field-progress'));
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.progress).to.equal(55);
    $(detail, '[data-focus="undo"]').click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.progress).to.equal(10);
    expect($<HTMLInputElement>(detail, '#field-progress').value).to.equal('10');
    expect($(detail, '.status-line').textContent).to.contain('Undone.');
    expect(focused(detail)).to.equal($(detail, '.close'));
  });

  it('a viewer sees the fields read-only with the reason', async () => {
    const { detail } = await mountDetail({ userId: 'u-4' });
    expect($(detail, '.read-only').textContent).to.contain('not change it');
    expect($<HTMLInputElement>(detail, '#field-progress').disabled).to.equal(true);
    expect($<HTMLSelectElement>(detail, '#field-status').disabled).to.equal(true);
    expect($$(detail, '[data-focus="title-edit"]')).to.have.length(0);
  });

  it('shows the server refusal beside the field when a write is rolled back later', async () => {
    const { detail, store, backend } = await mountDetail();
    backend.authorize = () => new AdapterError('forbidden', 'Progress is locked on the server.');
    type($<HTMLInputElement>(detail, '#field-progress'), '70');
    change($(detail, '#field-progress'));
    await settle(detail);
    await until(() => errorOf(detail, 'progress') !== '', 'the rollback message');
    expect(errorOf(detail, 'progress')).to.contain('refused');
    expect(store.state.tasks.get('t-1')!.progress).to.equal(10);
    expect($<HTMLInputElement>(detail, '#field-progress').value).to.equal('10');
  });
});
