// Moving cards with the real mouse (sendMouse at coordinates read from the shadow roots): drops land
// exactly where released, can be cancelled by the host, are refused by the workflow with a visible
// reason, and are rolled back when the backend refuses them.
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { SINGLE_LANE, type TaskMovedDetail, type TaskMoveDetail } from '@cwm/board';
import { cardOf, cellOf, centreOf, column, dragCard, idsIn, mountBoard, noticeText, record, settle, slotPoint, storeOrder } from './board-fixtures.js';

describe('<cwm-board> mouse drag', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('moves a card to another column at the dropped position, in the store and on screen', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('todo', 2), ...column('doing', 2), ...column('review', 3)] });
    const moves = record<TaskMoveDetail>(board, 'cwm-task-move');
    const moved = record<TaskMovedDetail>(board, 'cwm-task-moved');
    await dragCard(cardOf(board, 'doing-1'), slotPoint(board, 'review', 2));
    expect(store.state.tasks.get('doing-1')?.status).to.equal('review');
    expect(storeOrder(store, 'review')).to.deep.equal(['review-1', 'review-2', 'doing-1', 'review-3']);
    expect(storeOrder(store, 'doing')).to.deep.equal(['doing-2']);
    expect(moves).to.have.length(1);
    expect(moves[0]).to.deep.include({ taskIds: ['doing-1'], fromStatus: 'doing', toStatus: 'review', via: 'pointer' });
    expect(moves[0]!.from).to.deep.equal({ lane: SINGLE_LANE, column: 'doing', index: 0 });
    expect(moves[0]!.to).to.deep.equal({ lane: SINGLE_LANE, column: 'review', index: 2 });
    expect(moved).to.have.length(1);
    expect(moved[0]!.to).to.deep.equal(moves[0]!.to);
    expect(await moved[0]!.confirmed).to.deep.include({ status: 'applied' });
    await settle(board);
    expect(idsIn(board, 'review')).to.deep.equal(['review-1', 'review-2', 'doing-1', 'review-3']);
    expect(idsIn(board, 'doing')).to.deep.equal(['doing-2']);
  });

  it('drops at the top of a column and shows a drop line while dragging', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('todo', 3), ...column('doing', 1)] });
    await dragCard(cardOf(board, 'doing-1'), slotPoint(board, 'todo', 0), 'hold');
    const indicator = cellOf(board, 'todo').shadowRoot!.querySelector('[part=drop-indicator]');
    expect(indicator, 'drop line in the target cell').to.not.equal(null);
    expect(indicator!.classList.contains('refused')).to.equal(false);
    expect(cardOf(board, 'doing-1').hasAttribute('lifted')).to.equal(true);
    await sendMouse({ type: 'up' });
    expect(storeOrder(store, 'todo')).to.deep.equal(['doing-1', 'todo-1', 'todo-2', 'todo-3']);
    await settle(board);
    expect(idsIn(board, 'todo')).to.deep.equal(['doing-1', 'todo-1', 'todo-2', 'todo-3']);
    expect(cellOf(board, 'todo').shadowRoot!.querySelector('[part=drop-indicator]')).to.equal(null);
  });

  it('has no axe violations while a card is dragged', async () => {
    const { board } = await mountBoard({ tasks: [...column('todo', 2), ...column('doing', 1)] });
    await dragCard(cardOf(board, 'todo-1'), slotPoint(board, 'doing', 1), 'hold');
    await settle(board);
    expect(board.shadowRoot!.querySelector('.ghost'), 'the drag ghost shows').to.not.equal(null);
    await expect(board).to.be.accessible();
    await sendMouse({ type: 'up' });
  });

  it('keeps the card where it was when a listener cancels cwm-task-move', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('doing', 2), ...column('review', 1)] });
    const before = store.state.tasks;
    board.addEventListener('cwm-task-move', (event) => event.preventDefault());
    const moved = record<TaskMovedDetail>(board, 'cwm-task-moved');
    await dragCard(cardOf(board, 'doing-1'), slotPoint(board, 'review', 0));
    await settle(board);
    expect(store.state.tasks, 'the store is untouched').to.equal(before);
    expect(store.state.tasks.get('doing-1')?.status).to.equal('doing');
    expect(moved).to.have.length(0);
    expect(idsIn(board, 'doing')).to.deep.equal(['doing-1', 'doing-2']);
    expect(idsIn(board, 'review')).to.deep.equal(['review-1']);
  });

  it('refuses a drop the workflow forbids, with the reason, and the drop line turns red', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('todo', 2), ...column('review', 1)] });
    const before = store.state.tasks;
    const moves = record<TaskMoveDetail>(board, 'cwm-task-move');
    await dragCard(cardOf(board, 'todo-1'), slotPoint(board, 'review', 1), 'hold');
    const indicator = cellOf(board, 'review').shadowRoot!.querySelector('[part=drop-indicator]');
    expect(indicator?.classList.contains('refused'), 'red drop line').to.equal(true);
    await sendMouse({ type: 'up' });
    await settle(board);
    expect(noticeText(board)).to.contain('Tasks cannot move from To do to Review in Project p-1.');
    expect(store.state.tasks).to.equal(before);
    expect(moves, 'a refused drop is not announced as a move').to.have.length(0);
    expect(idsIn(board, 'todo')).to.deep.equal(['todo-1', 'todo-2']);
  });

  it('refuses a drop into a column at its blocking WIP limit, with the reason', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('todo', 1), ...column('doing', 2)] });
    const before = store.state.tasks;
    await dragCard(cardOf(board, 'todo-1'), slotPoint(board, 'doing', 2));
    await settle(board);
    expect(noticeText(board)).to.contain('Doing is at its limit of 2 tasks.');
    expect(store.state.tasks).to.equal(before);
    expect(idsIn(board, 'doing')).to.deep.equal(['doing-1', 'doing-2']);
    expect(idsIn(board, 'todo')).to.deep.equal(['todo-1']);
  });

  it('shows a move at once and rolls it back with the reason when the backend refuses it', async () => {
    const { board, store, adapter } = await mountBoard({ tasks: [...column('doing', 2), ...column('review', 1)] });
    const moved = record<TaskMovedDetail>(board, 'cwm-task-moved');
    adapter.pause();
    adapter.failNext('forbidden');
    await dragCard(cardOf(board, 'doing-1'), slotPoint(board, 'review', 1));
    await settle(board);
    // Optimistic: in the new column before the backend has answered.
    expect(store.state.tasks.get('doing-1')?.status).to.equal('review');
    expect(idsIn(board, 'review')).to.deep.equal(['review-1', 'doing-1']);
    expect(idsIn(board, 'doing')).to.deep.equal(['doing-2']);
    expect(cardOf(board, 'doing-1').hasAttribute('pending'), 'marked as saving').to.equal(true);
    expect(noticeText(board)).to.equal('');
    adapter.resume();
    expect(await moved[0]!.confirmed).to.deep.include({ status: 'rejected', code: 'forbidden' });
    await waitUntil(() => idsIn(board, 'doing').includes('doing-1'), 'the card goes back');
    await settle(board);
    expect(store.state.tasks.get('doing-1')?.status).to.equal('doing');
    expect(idsIn(board, 'doing')).to.deep.equal(['doing-1', 'doing-2']);
    expect(idsIn(board, 'review')).to.deep.equal(['review-1']);
    expect(noticeText(board)).to.contain('Your change was undone: you are not allowed to do this');
  });

  it('moves a card by touch after a press and hold, and treats a quick swipe as a scroll', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('todo', 2), ...column('doing', 1)] });
    const touch = (type: string, target: EventTarget, [x, y]: [number, number]): void => {
      target.dispatchEvent(
        new PointerEvent(type, { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true }),
      );
    };
    const frames = async (count: number): Promise<void> => {
      for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    };
    // A swipe that moves before the hold time is a scroll: nothing is lifted.
    const swiped = cardOf(board, 'todo-1');
    const start = centreOf(swiped);
    touch('pointerdown', swiped, start);
    touch('pointermove', window, [start[0], start[1] + 40]);
    await new Promise((resolve) => setTimeout(resolve, 320));
    touch('pointerup', window, [start[0], start[1] + 40]);
    expect(swiped.hasAttribute('lifted')).to.equal(false);
    expect(store.state.tasks.get('todo-1')?.status).to.equal('todo');

    // Press and hold lifts the card; moving the finger then drags it.
    const card = cardOf(board, 'todo-2');
    const from = centreOf(card);
    touch('pointerdown', card, from);
    await new Promise((resolve) => setTimeout(resolve, 320));
    expect(card.hasAttribute('lifted') || board.shadowRoot!.querySelector('.ghost') !== null, 'lifted after the hold').to.equal(true);
    const to = slotPoint(board, 'doing', 0);
    for (let step = 1; step <= 5; step++) {
      touch('pointermove', window, [Math.round(from[0] + ((to[0] - from[0]) * step) / 5), Math.round(from[1] + ((to[1] - from[1]) * step) / 5)]);
      await frames(1);
    }
    await frames(2);
    touch('pointerup', window, to);
    expect(store.state.tasks.get('todo-2')?.status).to.equal('doing');
    expect(storeOrder(store, 'doing')).to.deep.equal(['todo-2', 'doing-1']);
  });
});
