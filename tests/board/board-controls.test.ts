// The board's controls: what a viewer may not do (and is told why), filters, quick add, and
// multi-select with bulk move.
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CwmBoard, TaskCreatedDetail, TaskCreateDetail } from '@cwm/board';
import { makeTask } from '../fixtures/entities.js';
import { cardOf, centreOf, column, dragCard, idsIn, mountBoard, noticeText, record, settle, slotPoint, storeOrder } from './board-fixtures.js';

function shadow(board: CwmBoard): ShadowRoot {
  return board.shadowRoot!;
}

function shownText(board: CwmBoard): string {
  return shadow(board).querySelector('.toolbar .count')?.textContent?.trim() ?? '';
}

function bulkButton(board: CwmBoard, label: string): HTMLButtonElement {
  const button = [...shadow(board).querySelectorAll<HTMLButtonElement>('.bulk button')].find((item) => item.textContent?.trim() === label);
  if (!button) throw new Error(`No bulk button "${label}"`);
  return button;
}

function bulkSelect(board: CwmBoard, label: string): HTMLSelectElement {
  const wrapper = [...shadow(board).querySelectorAll('.bulk label')].find((item) => item.textContent?.trim().startsWith(label));
  const select = wrapper?.querySelector('select');
  if (!select) throw new Error(`No bulk select "${label}"`);
  return select;
}

function addButton(board: CwmBoard, columnName: string): HTMLButtonElement {
  const button = shadow(board).querySelector<HTMLButtonElement>(`button[aria-label="Add a task to ${columnName}"]`);
  if (!button) throw new Error(`No quick-add button for ${columnName}`);
  return button;
}

async function clickCard(board: CwmBoard, id: string, modifier?: 'Control' | 'Shift'): Promise<void> {
  if (modifier) await sendKeys({ down: modifier });
  await sendMouse({ type: 'click', position: centreOf(cardOf(board, id)) });
  if (modifier) await sendKeys({ up: modifier });
  await settle(board);
}

function selectedIds(board: CwmBoard, status: string): string[] {
  return idsIn(board, status).filter((id) => cardOf(board, id).hasAttribute('selected'));
}

describe('<cwm-board> permissions', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('does not let a viewer lift a card, and says why', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('todo', 2), ...column('doing', 1)], userId: 'u-4' });
    const before = store.state.tasks;
    expect(cardOf(board, 'todo-1').hasAttribute('immovable')).to.equal(true);
    await board.focusTask('todo-1');
    await sendKeys({ press: 'Space' });
    await settle(board);
    expect(cardOf(board, 'todo-1').hasAttribute('lifted')).to.equal(false);
    expect(noticeText(board)).to.contain('Viewers can only read: they cannot move tasks.');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Space' });
    await dragCard(cardOf(board, 'todo-2'), slotPoint(board, 'doing', 1));
    await settle(board);
    expect(store.state.tasks, 'neither keys nor the mouse moved anything').to.equal(before);
    expect(idsIn(board, 'todo')).to.deep.equal(['todo-1', 'todo-2']);
  });

  it('disables quick add and the bulk actions for a viewer, with the reason as title', async () => {
    const { board } = await mountBoard({ tasks: column('todo', 2), userId: 'u-4' });
    const add = addButton(board, 'To do');
    expect(add.disabled).to.equal(true);
    expect(add.title).to.equal('Viewers can only read: they cannot create tasks.');
    await clickCard(board, 'todo-1');
    const take = bulkButton(board, 'Take it');
    expect(take.disabled).to.equal(true);
    expect(take.title).to.equal('Viewers can only read: they cannot take tasks.');
    expect(bulkSelect(board, 'Move to').disabled).to.equal(true);
    expect(bulkSelect(board, 'Move to').title).to.equal('Viewers can only read: they cannot move tasks.');
  });

  it('enables the same controls for a member', async () => {
    const { board } = await mountBoard({ tasks: column('todo', 2), userId: 'u-2' });
    expect(addButton(board, 'To do').disabled).to.equal(false);
    await clickCard(board, 'todo-1');
    expect(bulkButton(board, 'Take it').disabled).to.equal(false);
    expect(bulkSelect(board, 'Move to').disabled).to.equal(false);
  });
});

describe('<cwm-board> filters', () => {
  const tasks = [
    makeTask('login', { rank: 'a', title: 'Fix login bug', assigneeIds: ['u-1'] }),
    makeTask('docs', { rank: 'b', title: 'Write docs', assigneeIds: ['u-2'] }),
    makeTask('signup', { rank: 'c', title: 'Fix signup', assigneeIds: ['u-2'] }),
    makeTask('watch', { rank: 'd', title: 'Review budget', status: 'doing', followerIds: ['u-1'] }),
  ];

  it('narrows the cards and the count as the user types in the search box', async () => {
    const { board } = await mountBoard({ tasks });
    expect(shownText(board)).to.equal('4 of 4 tasks shown');
    shadow(board).querySelector<HTMLInputElement>('input[type=search]')!.focus();
    await sendKeys({ type: 'fix' });
    await settle(board);
    expect(idsIn(board, 'todo')).to.deep.equal(['login', 'signup']);
    expect(idsIn(board, 'doing')).to.deep.equal([]);
    expect(shownText(board)).to.equal('2 of 4 tasks shown');
    await sendKeys({ type: ' sign' });
    await settle(board);
    expect(idsIn(board, 'todo')).to.deep.equal(['signup']);
    expect(shownText(board)).to.equal('1 of 4 task shown');
  });

  it('shows only my tasks (assigned or followed) with "Only mine"', async () => {
    const { board } = await mountBoard({ tasks });
    const mine = [...shadow(board).querySelectorAll('.toolbar label')].find((label) => label.textContent?.includes('Only mine'))!;
    mine.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await settle(board);
    expect(idsIn(board, 'todo')).to.deep.equal(['login']);
    expect(idsIn(board, 'doing')).to.deep.equal(['watch']);
    expect(shownText(board)).to.equal('2 of 4 tasks shown');
    expect(board.filter.mine).to.equal(true);
  });

  it('filters by the assignee chosen in the select', async () => {
    const { board } = await mountBoard({ tasks });
    const select = [...shadow(board).querySelectorAll('.toolbar label')].find((label) => label.textContent?.trim().startsWith('Assignee'))!.querySelector('select')!;
    const options = [...select.options].map((option) => option.textContent?.trim());
    expect(options).to.deep.equal(['Anyone', 'Unassigned', 'Ada Lovelace', 'Grace Hopper']);
    select.value = 'u-2';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(board);
    expect(idsIn(board, 'todo')).to.deep.equal(['docs', 'signup']);
    expect(shownText(board)).to.equal('2 of 4 tasks shown');
    select.value = 'none';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(board);
    expect(idsIn(board, 'todo')).to.deep.equal([]);
    expect(idsIn(board, 'doing')).to.deep.equal(['watch']);
  });
});

describe('<cwm-board> quick add', () => {
  it('creates a task at the top of the column, after a cancelable cwm-task-create', async () => {
    const { board, store } = await mountBoard({ tasks: column('todo', 2) });
    const creates: Event[] = [];
    board.addEventListener('cwm-task-create', (event) => creates.push(event));
    const created = record<TaskCreatedDetail>(board, 'cwm-task-created');
    addButton(board, 'To do').click();
    await settle(board);
    const input = shadow(board).querySelector<HTMLInputElement>('.quick-add input')!;
    expect(shadow(board).activeElement, 'the title field has focus').to.equal(input);
    await sendKeys({ type: 'Brand new' });
    await sendKeys({ press: 'Enter' });
    expect(creates).to.have.length(1);
    expect(creates[0]!.cancelable).to.equal(true);
    expect((creates[0] as CustomEvent<TaskCreateDetail>).detail).to.deep.equal({ projectId: 'p-1', title: 'Brand new', column: 'todo', status: 'todo' });
    expect(created).to.have.length(1);
    const id = created[0]!.taskId;
    expect(store.state.tasks.get(id)?.title).to.equal('Brand new');
    expect(storeOrder(store, 'todo')).to.deep.equal([id, 'todo-1', 'todo-2']);
    expect(await created[0]!.confirmed).to.deep.equal({ status: 'applied' });
    await settle(board);
    expect(idsIn(board, 'todo')).to.deep.equal([id, 'todo-1', 'todo-2']);
    expect(input.value, 'ready for the next one').to.equal('');
  });

  it('creates nothing when a listener cancels cwm-task-create', async () => {
    const { board, store } = await mountBoard({ tasks: column('todo', 1) });
    board.addEventListener('cwm-task-create', (event) => event.preventDefault());
    const created = record<TaskCreatedDetail>(board, 'cwm-task-created');
    addButton(board, 'To do').click();
    await settle(board);
    await sendKeys({ type: 'Not wanted' });
    await sendKeys({ press: 'Enter' });
    await settle(board);
    expect(created).to.have.length(0);
    expect(store.state.tasks.size).to.equal(1);
    expect(idsIn(board, 'todo')).to.deep.equal(['todo-1']);
  });
});

describe('<cwm-board> multi-select', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('selects with ctrl+click and moves the selection with the bulk "Move to"', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('todo', 4), ...column('review', 1)] });
    await clickCard(board, 'todo-1');
    await clickCard(board, 'todo-3', 'Control');
    expect(selectedIds(board, 'todo')).to.deep.equal(['todo-1', 'todo-3']);
    expect(shadow(board).querySelector('.bulk strong')?.textContent?.trim()).to.equal('2 tasks selected');
    const move = bulkSelect(board, 'Move to');
    expect([...move.options].map((option) => option.value)).to.deep.equal(['', 'todo', 'doing', 'review', 'done']);
    move.value = 'review';
    move.dispatchEvent(new Event('change', { bubbles: true }));
    // To do may only go to Doing: the whole bulk move is refused, nothing moves.
    await settle(board);
    expect(noticeText(board)).to.contain('Tasks cannot move from To do to Review in Project p-1.');
    expect(storeOrder(store, 'todo')).to.deep.equal(['todo-1', 'todo-2', 'todo-3', 'todo-4']);
    move.value = 'doing';
    move.dispatchEvent(new Event('change', { bubbles: true }));
    expect(store.state.tasks.get('todo-1')?.status).to.equal('doing');
    expect(store.state.tasks.get('todo-3')?.status).to.equal('doing');
    expect(storeOrder(store, 'doing')).to.deep.equal(['todo-1', 'todo-3']);
    await settle(board);
    expect(idsIn(board, 'todo')).to.deep.equal(['todo-2', 'todo-4']);
    expect(shadow(board).querySelector('.bulk'), 'the selection is cleared after the move').to.equal(null);
  });

  it('selects a range with shift+click, and ctrl+click toggles a card off', async () => {
    const { board } = await mountBoard({ tasks: column('todo', 5) });
    await clickCard(board, 'todo-2');
    await clickCard(board, 'todo-4', 'Shift');
    expect(selectedIds(board, 'todo')).to.deep.equal(['todo-2', 'todo-3', 'todo-4']);
    await clickCard(board, 'todo-3', 'Control');
    expect(selectedIds(board, 'todo')).to.deep.equal(['todo-2', 'todo-4']);
    expect(cardOf(board, 'todo-2').getAttribute('aria-selected')).to.equal('true');
    expect(cardOf(board, 'todo-3').hasAttribute('aria-selected')).to.equal(false);
  });
});
