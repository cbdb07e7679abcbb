// <cwm-task-detail>: subtasks (roll-up, complete, add, reorder, promote/demote, open) and the checklist
// (tick, edit, delete, reorder, add, counts and roll-up), all through the store.
import { expect } from '@open-wc/testing';
import { $, $$, change, errorOf, focused, mountDetail, press, settle, type } from './detail-fixtures.js';

function subtaskTitles(detail: HTMLElement & { shadowRoot: ShadowRoot | null }): string[] {
  return [...detail.shadowRoot!.querySelectorAll('.subtasks .row-title')].map((row) => row.textContent!.replace(/Open .*/, '').trim());
}

describe('<cwm-task-detail> subtasks', () => {
  it('lists subtasks in order with their done count and the progress roll-up', async () => {
    const { detail } = await mountDetail();
    expect(subtaskTitles(detail)).to.deep.equal(['Design', 'Build']);
    expect($(detail, '#subtasks-heading .count').textContent).to.equal('1 of 2 done');
    // Design (3 h, done) and Build (1 h, 0 %): (3 * 100 + 1 * 0) / 4 = 75 %.
    expect($(detail, '#subtasks-progress').textContent).to.equal('Progress from subtasks: 75%');
    expect($<HTMLProgressElement>(detail, '.rollup progress').value).to.equal(75);
  });

  it('completes and reopens a subtask with its checkbox (a done / to-do status of the workflow)', async () => {
    const { detail, store } = await mountDetail();
    const build = $<HTMLInputElement>(detail, '[data-focus="subtask-check-t-3"]');
    build.checked = true;
    change(build);
    await settle(detail);
    expect(store.state.tasks.get('t-3')!.status).to.equal('done');
    expect($(detail, '#subtasks-progress').textContent).to.equal('Progress from subtasks: 100%');
    const design = $<HTMLInputElement>(detail, '[data-focus="subtask-check-t-2"]');
    design.checked = false;
    change(design);
    await settle(detail);
    expect(store.state.tasks.get('t-2')!.status).to.equal('todo');
    expect($(detail, '#subtasks-heading .count').textContent).to.equal('1 of 2 done');
  });

  it('adds a subtask under the task; an empty title is refused beside the field', async () => {
    const { detail, store } = await mountDetail();
    $(detail, '.subtasks form button[type="submit"]').click();
    await settle(detail);
    expect(errorOf(detail, 'subtask-new')).to.equal('A subtask needs a title.');
    type($<HTMLInputElement>(detail, '#subtask-new'), 'Test it');
    $(detail, '.subtasks form button[type="submit"]').click();
    await settle(detail);
    const created = store.state.tasks.filter((task) => task.title === 'Test it');
    expect(created).to.have.length(1);
    expect(created[0]!.parentId).to.equal('t-1');
    expect(created[0]!.status).to.equal('todo');
    expect(subtaskTitles(detail)).to.include('Test it');
    expect($<HTMLInputElement>(detail, '#subtask-new').value).to.equal('');
    expect(focused(detail)).to.equal($(detail, '#subtask-new'));
  });

  it('reorders with Alt+Arrow keys (focus stays on the moved row) and with the buttons; undo restores', async () => {
    const { detail, store } = await mountDetail();
    const check = $(detail, '[data-focus="subtask-check-t-2"]');
    check.focus();
    press(check, 'ArrowDown', { altKey: true });
    await settle(detail);
    expect(subtaskTitles(detail)).to.deep.equal(['Build', 'Design']);
    expect(focused(detail)).to.equal($(detail, '[data-focus="subtask-check-t-2"]'));
    $(detail, '[data-focus="subtask-down-t-3"]').click();
    await settle(detail);
    expect(subtaskTitles(detail)).to.deep.equal(['Design', 'Build']);
    // The first row's "up" does nothing (aria-disabled, still focusable).
    const up = $(detail, '[data-focus="subtask-up-t-2"]');
    expect(up.getAttribute('aria-disabled')).to.equal('true');
    up.click();
    await settle(detail);
    expect(subtaskTitles(detail)).to.deep.equal(['Design', 'Build']);
    expect(store.undo()).to.equal(true);
    await settle(detail);
    expect(subtaskTitles(detail)).to.deep.equal(['Build', 'Design']);
  });

  it('demotes a subtask under the one above and promotes it out of the task', async () => {
    const { detail, store } = await mountDetail();
    $(detail, '[data-focus="subtask-demote-t-3"]').click();
    await settle(detail);
    expect(store.state.tasks.get('t-3')!.parentId).to.equal('t-2');
    expect(subtaskTitles(detail)).to.deep.equal(['Design']);
    $(detail, '[data-focus="subtask-promote-t-2"]').click();
    await settle(detail);
    expect(store.state.tasks.get('t-2')!.parentId).to.equal(undefined);
    expect(subtaskTitles(detail)).to.deep.equal([]);
    expect(focused(detail)).to.equal($(detail, '#subtask-new'));
  });

  it('opens a subtask (cwm-task-open) and shows the parent link on a subtask', async () => {
    const { detail } = await mountDetail();
    const opened: string[] = [];
    detail.addEventListener('cwm-task-open', (event) => opened.push(event.detail.taskId));
    $(detail, '[data-focus="subtask-open-t-3"]').click();
    expect(opened).to.deep.equal(['t-3']);
    detail.task = 't-3';
    await settle(detail);
    expect($(detail, '#title-heading').textContent).to.equal('Build');
    expect($(detail, '.parent-link').textContent).to.contain('Launch the site');
    $(detail, '[data-focus="parent-open"]').click();
    expect(opened).to.deep.equal(['t-3', 't-1']);
  });
});

describe('<cwm-task-detail> checklist', () => {
  function items(detail: HTMLElement & { shadowRoot: ShadowRoot | null }): string[] {
    return [...detail.shadowRoot!.querySelectorAll('.checklist .row')].map((row) => {
      const check = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
      return `${check?.checked ? '[x]' : '[ ]'} ${row.querySelector('label')?.textContent?.trim()}`;
    });
  }

  it('shows the items with counts and the roll-up including subtasks', async () => {
    const { detail } = await mountDetail();
    expect(items(detail)).to.deep.equal(['[x] Write copy', '[ ] Pick images', '[ ] Proofread']);
    expect($(detail, '#checklist-heading .count').textContent).to.equal('1 of 3 items');
    expect($(detail, '.checklist .rollup-line').textContent).to.equal('With subtasks: 2 of 4 items done');
  });

  it('ticks, edits, deletes and adds items through the store', async () => {
    const { detail, store } = await mountDetail();
    const tick = $<HTMLInputElement>(detail, '#checklist-check-c-2');
    tick.checked = true;
    change(tick);
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.checklist.map((item) => item.done)).to.deep.equal([true, true, false]);
    expect($(detail, '#checklist-heading .count').textContent).to.equal('2 of 3 items');

    $(detail, '[data-focus="checklist-edit-c-3"]').click();
    await settle(detail);
    const input = $<HTMLInputElement>(detail, '#checklist-edit-input');
    expect(focused(detail)).to.equal(input);
    type(input, '  ');
    press(input, 'Enter');
    await settle(detail);
    expect(errorOf(detail, 'checklist-edit')).to.equal('An item needs text.');
    expect($<HTMLInputElement>(detail, '#checklist-edit-input').value).to.equal('  ');
    type($<HTMLInputElement>(detail, '#checklist-edit-input'), 'Proofread twice');
    press($(detail, '#checklist-edit-input'), 'Enter');
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.checklist[2]!.text).to.equal('Proofread twice');
    expect(focused(detail)).to.equal($(detail, '[data-focus="checklist-edit-c-3"]'));

    $(detail, '[data-focus="checklist-delete-c-1"]').click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.checklist.map((item) => item.id)).to.deep.equal(['c-2', 'c-3']);

    $(detail, '.checklist form button[type="submit"]').click();
    await settle(detail);
    expect(errorOf(detail, 'checklist-new')).to.equal('An item needs text.');
    type($<HTMLInputElement>(detail, '#checklist-new'), 'Deploy');
    $(detail, '.checklist form button[type="submit"]').click();
    await settle(detail);
    expect(items(detail)).to.deep.equal(['[x] Pick images', '[ ] Proofread twice', '[ ] Deploy']);
    expect(errorOf(detail, 'checklist-new')).to.equal('');
  });

  it('reorders with Alt+Arrow keys and buttons, keeping focus on the moved item', async () => {
    const { detail, store } = await mountDetail();
    const check = $(detail, '#checklist-check-c-2');
    check.focus();
    press(check, 'ArrowUp', { altKey: true });
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.checklist.map((item) => item.id)).to.deep.equal(['c-2', 'c-1', 'c-3']);
    expect(focused(detail)).to.equal($(detail, '#checklist-check-c-2'));
    $(detail, '[data-focus="checklist-down-c-1"]').click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.checklist.map((item) => item.id)).to.deep.equal(['c-2', 'c-3', 'c-1']);
    expect(focused(detail)).to.equal($(detail, '[data-focus="checklist-down-c-1"]'));
    // Escape while editing an item cancels the edit only.
    $(detail, '[data-focus="checklist-edit-c-3"]').click();
    await settle(detail);
    let closed = false;
    detail.addEventListener('cwm-task-detail-close', () => (closed = true));
    press($(detail, '#checklist-edit-input'), 'Escape');
    await settle(detail);
    expect(closed).to.equal(false);
    expect($$(detail, '#checklist-edit-input')).to.have.length(0);
  });
});
