// Moving cards with the keyboard (sendKeys): lift with Space, move with arrows, drop with Space,
// cancel with Escape, every step announced in the live region; arrow navigation; swimlanes; axe
// while a card is lifted.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TaskMoveDetail } from '@cwm/board';
import { makeTask } from '../fixtures/entities.js';
import { announced, cardOf, column, focusedTaskId, idsIn, mountBoard, noticeText, record, settle, storeOrder } from './board-fixtures.js';

describe('<cwm-board> keyboard', () => {
  it('lifts, moves right and down, and drops, announcing each step', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('todo', 2), ...column('doing', 1)] });
    const moves = record<TaskMoveDetail>(board, 'cwm-task-move');
    await board.focusTask('todo-1');
    expect(focusedTaskId(board)).to.equal('todo-1');

    await sendKeys({ press: 'Space' });
    expect(await announced(board)).to.equal('Lifted todo 1. Position 1 of 2 in To do.');
    expect(cardOf(board, 'todo-1').hasAttribute('lifted')).to.equal(true);

    await sendKeys({ press: 'ArrowRight' });
    expect(await announced(board)).to.equal('Doing, position 1 of 2.');
    await sendKeys({ press: 'ArrowDown' });
    expect(await announced(board)).to.equal('Doing, position 2 of 2.');
    expect(store.state.tasks.get('todo-1')?.status, 'nothing moves before the drop').to.equal('todo');

    await sendKeys({ press: 'Space' });
    expect(await announced(board)).to.equal('Dropped todo 1 in Doing, position 2.');
    expect(store.state.tasks.get('todo-1')?.status).to.equal('doing');
    expect(storeOrder(store, 'doing')).to.deep.equal(['doing-1', 'todo-1']);
    expect(moves).to.have.length(1);
    expect(moves[0]).to.deep.include({ via: 'keyboard', fromStatus: 'todo', toStatus: 'doing' });
    expect(moves[0]!.to.index).to.equal(1);
    await settle(board);
    expect(idsIn(board, 'doing')).to.deep.equal(['doing-1', 'todo-1']);
    expect(idsIn(board, 'todo')).to.deep.equal(['todo-2']);
    expect(cardOf(board, 'todo-1').hasAttribute('lifted')).to.equal(false);
    expect(focusedTaskId(board), 'focus follows the moved card').to.equal('todo-1');
  });

  it('cancels a lift with Escape and changes nothing', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('todo', 2), ...column('doing', 1)] });
    const before = store.state.tasks;
    const moves = record<TaskMoveDetail>(board, 'cwm-task-move');
    await board.focusTask('todo-2');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    expect(await announced(board)).to.equal('Doing, position 2 of 2.');
    await sendKeys({ press: 'Escape' });
    expect(await announced(board)).to.equal('Move cancelled. todo 2 is back where it was.');
    expect(store.state.tasks).to.equal(before);
    expect(moves).to.have.length(0);
    await settle(board);
    expect(idsIn(board, 'todo')).to.deep.equal(['todo-1', 'todo-2']);
    expect(cardOf(board, 'todo-2').hasAttribute('lifted')).to.equal(false);
    expect(focusedTaskId(board)).to.equal('todo-2');
  });

  it('moves focus between cards with the arrow keys', async () => {
    const { board } = await mountBoard({ tasks: [...column('todo', 3), ...column('review', 1)] });
    await board.focusTask('todo-1');
    await sendKeys({ press: 'ArrowDown' });
    await board.updateComplete;
    expect(focusedTaskId(board)).to.equal('todo-2');
    await sendKeys({ press: 'ArrowDown' });
    await board.updateComplete;
    expect(focusedTaskId(board)).to.equal('todo-3');
    // Right skips the empty Doing column and lands on the last card of Review.
    await sendKeys({ press: 'ArrowRight' });
    await board.updateComplete;
    expect(focusedTaskId(board)).to.equal('review-1');
    await sendKeys({ press: 'ArrowLeft' });
    await board.updateComplete;
    expect(focusedTaskId(board)).to.equal('todo-1');
    await sendKeys({ press: 'End' });
    await board.updateComplete;
    expect(focusedTaskId(board)).to.equal('todo-3');
    // Only the focused card of a cell is in the tab order.
    expect(cardOf(board, 'todo-3').tabIndex).to.equal(0);
    expect(cardOf(board, 'todo-1').tabIndex).to.equal(-1);
  });

  it('says why a lifted card cannot land where the workflow forbids it, and refuses the drop', async () => {
    const { board, store } = await mountBoard({ tasks: [...column('todo', 1), ...column('review', 1)] });
    const before = store.state.tasks;
    await board.focusTask('todo-1');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    const reason = 'Tasks cannot move from To do to Review in Project p-1.';
    expect(await announced(board)).to.equal(`Cannot drop here: ${reason}`);
    await sendKeys({ press: 'Space' });
    await settle(board);
    expect(noticeText(board)).to.contain(reason);
    expect(store.state.tasks).to.equal(before);
    expect(idsIn(board, 'todo')).to.deep.equal(['todo-1']);
  });

  it('shows swimlanes by assignee, and a move down across a lane changes the assignee', async () => {
    const { board, store } = await mountBoard({
      lanesBy: 'assignee',
      tasks: [
        makeTask('grace-1', { rank: 'a', assigneeIds: ['u-2'], title: 'Grace first' }),
        makeTask('grace-2', { rank: 'b', assigneeIds: ['u-2'], title: 'Grace second' }),
        makeTask('alan-1', { rank: 'c', assigneeIds: ['u-3'], title: 'Alan only' }),
        makeTask('nobody', { rank: 'd', status: 'doing', title: 'Nobody' }),
      ],
    });
    const lanes = [...board.shadowRoot!.querySelectorAll('[part=lane-header]')].map((header) => header.textContent?.replace(/\s+/g, ' ').trim());
    expect(lanes).to.deep.equal([
      '▾ Ada Lovelace No tasks',
      '▾ Alan Turing 1 task',
      '▾ Grace Hopper 2 tasks',
      '▾ Vera Viewer No tasks',
      '▾ Unassigned 1 task',
    ]);
    expect(idsIn(board, 'todo', 'u-2')).to.deep.equal(['grace-1', 'grace-2']);
    expect(idsIn(board, 'todo', 'u-3')).to.deep.equal(['alan-1']);

    await board.focusTask('alan-1');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    expect(await announced(board)).to.equal('To do, Grace Hopper, position 1 of 3.');
    await sendKeys({ press: 'Space' });
    expect(store.state.tasks.get('alan-1')?.assigneeIds).to.deep.equal(['u-2']);
    expect(store.state.tasks.get('alan-1')?.status).to.equal('todo');
    await settle(board);
    expect(idsIn(board, 'todo', 'u-2')).to.deep.equal(['alan-1', 'grace-1', 'grace-2']);
    expect(idsIn(board, 'todo', 'u-3')).to.deep.equal([]);
  });

  it('has no axe violations while a card is lifted', async () => {
    const { board } = await mountBoard({ tasks: [...column('todo', 2), ...column('doing', 1)] });
    await board.focusTask('todo-1');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await settle(board);
    expect(cardOf(board, 'todo-1').hasAttribute('lifted')).to.equal(true);
    await expect(board).to.be.accessible();
    await sendKeys({ press: 'Escape' });
  });
});
