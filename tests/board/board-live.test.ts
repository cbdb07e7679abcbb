// Other people's changes arrive live (MemoryAdapter.remote plays another user on the same backend):
// they move cards without moving what the user is reading, and never interrupt a move in progress.
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { announced, cardOf, cellOf, column, dragCard, idsIn, mountBoard, openProject, ROW, settle, slotPoint, storeOrder } from './board-fixtures.js';

describe('<cwm-board> live changes', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('keeps the first visible card in place when someone moves a card above it out of the column', async () => {
    const { board, adapter } = await mountBoard({ tasks: [...column('todo', 40), ...column('doing', 1)], projects: [openProject()] });
    const cell = cellOf(board, 'todo');
    cell.scrollOffset = 10 * ROW + 30;
    await settle(board);
    const anchor = cardOf(board, 'todo-11');
    const topBefore = anchor.getBoundingClientRect().top;
    expect(topBefore, 'todo-11 is the first card in view').to.be.lessThan(cell.getBoundingClientRect().top);

    const result = adapter.remote('u-2').update('tasks', 'todo-3', { status: 'doing' });
    expect(result.status).to.equal('applied');
    await waitUntil(() => idsIn(board, 'doing').includes('todo-3'), 'the remote move shows');
    await settle(board);

    expect(cell.scrollOffset).to.equal(9 * ROW + 30);
    const topAfter = cardOf(board, 'todo-11').getBoundingClientRect().top;
    expect(Math.abs(topAfter - topBefore), `moved from ${topBefore} to ${topAfter}`).to.be.at.most(1);
  });

  it('re-renders only the cell of a card that changed elsewhere', async () => {
    const { board, adapter } = await mountBoard({ tasks: [...column('todo', 5), ...column('doing', 2), ...column('review', 2)] });
    const revisions = () => ['todo', 'doing', 'review'].map((key) => cellOf(board, key).revision);
    const before = revisions();
    adapter.remote('u-2').update('tasks', 'doing-1', { title: 'Renamed elsewhere' });
    await waitUntil(() => cardOf(board, 'doing-1').shadowRoot?.textContent?.includes('Renamed elsewhere'), 'the new title shows');
    const after = revisions();
    expect(after[0], 'todo untouched').to.equal(before[0]);
    expect(after[1], 'doing re-rendered').to.not.equal(before[1]);
    expect(after[2], 'review untouched').to.equal(before[2]);
  });

  it('keeps a keyboard lift going through a remote change, and drops where the user chose', async () => {
    const { board, store, adapter } = await mountBoard({ tasks: [...column('todo', 2), ...column('doing', 1), ...column('review', 1)] });
    await board.focusTask('todo-1');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    expect(await announced(board)).to.equal('Doing, position 1 of 2.');

    const sam = adapter.remote('u-3');
    sam.update('tasks', 'review-1', { status: 'done' });
    sam.update('tasks', 'todo-2', { title: 'Renamed by Sam' });
    await waitUntil(() => idsIn(board, 'done').includes('review-1'), 'the remote move shows');
    await settle(board);
    expect(cardOf(board, 'todo-2').shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('Renamed by Sam');
    expect(cardOf(board, 'todo-1').hasAttribute('lifted'), 'still lifted').to.equal(true);
    expect(await announced(board)).to.equal('Doing, position 1 of 2.');

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    expect(store.state.tasks.get('todo-1')?.status).to.equal('doing');
    expect(storeOrder(store, 'doing')).to.deep.equal(['doing-1', 'todo-1']);
    expect(store.state.tasks.get('review-1')?.status).to.equal('done');
  });

  it('keeps a mouse drag going through a remote change', async () => {
    const { board, store, adapter } = await mountBoard({ tasks: [...column('todo', 2), ...column('doing', 1), ...column('review', 2)] });
    await dragCard(cardOf(board, 'doing-1'), slotPoint(board, 'review', 1), 'hold');
    adapter.remote('u-3').update('tasks', 'todo-2', { status: 'doing' });
    await waitUntil(() => idsIn(board, 'doing').includes('todo-2'), 'the remote move shows');
    expect(cardOf(board, 'doing-1').hasAttribute('lifted'), 'still dragging').to.equal(true);
    await sendMouse({ type: 'up' });
    expect(storeOrder(store, 'review')).to.deep.equal(['review-1', 'doing-1', 'review-2']);
    expect(storeOrder(store, 'doing')).to.deep.equal(['todo-2']);
  });
});
