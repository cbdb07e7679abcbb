// Opening a task from the board with the mouse: a click on a card's title opens it, a double click
// anywhere on the card still does, and selecting a card never moves the cards (the selection bar's
// place is kept), so the second click of a double click lands on the card it started on.
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CwmBoard } from '@cwm/board';
import { cardOf, centreOf, column, focusedTaskId, mountBoard, record, settle, type MountedBoard } from './board-fixtures.js';

/** The innermost element under a viewport point, looking through open shadow roots. */
function deepElementAt(x: number, y: number): Element | null {
  let root: Document | ShadowRoot = document;
  let found: Element | null = null;
  for (;;) {
    const next: Element | null = root.elementFromPoint(x, y);
    if (next === null || next === found) return found;
    found = next;
    if (!next.shadowRoot) return found;
    root = next.shadowRoot;
  }
}

/**
 * A double click as the browser delivers it: a real first click (sendMouse, which cannot send a click
 * count of 2), the board's reaction to it, then the second click and the dblclick on whatever is under
 * the same point NOW: if the first click moved the cards, that is something else.
 */
async function doubleClickAt(board: CwmBoard, point: [number, number]): Promise<Element> {
  await sendMouse({ type: 'click', position: point });
  await settle(board);
  const target = deepElementAt(...point);
  if (!target) throw new Error('Nothing under the pointer');
  const init = { bubbles: true, composed: true, cancelable: true, clientX: point[0], clientY: point[1], detail: 2, view: window };
  for (const type of ['mousedown', 'mouseup', 'click', 'dblclick']) target.dispatchEvent(new MouseEvent(type, init));
  await settle(board);
  return target;
}

/** A point on the card's body away from its title: its top row (key and tags), towards the end. */
function bodyPoint(card: Element): [number, number] {
  const box = card.getBoundingClientRect();
  return [Math.round(box.left + box.width * 0.7), Math.round(box.top + 10)];
}

function titleOf(card: HTMLElement): HTMLElement {
  const title = card.shadowRoot!.querySelector<HTMLElement>('.title');
  if (!title) throw new Error('The card has no title');
  return title;
}

function boxes(board: CwmBoard, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const box = cardOf(board, id).getBoundingClientRect();
    return `${id}@${Math.round(box.left)},${Math.round(box.top)}`;
  });
}

describe('<cwm-board> opening a task with the mouse', () => {
  let mounted: MountedBoard;
  const tasks = [...column('todo', 3, 'a'), ...column('doing', 2, 'b')];

  afterEach(async () => {
    await resetMouse();
    mounted?.store.dispose();
  });

  it('selecting a card (and clearing the selection) leaves every card where it was', async () => {
    mounted = await mountBoard({ tasks });
    const { board } = mounted;
    const ids = ['a-1', 'a-2', 'a-3', 'b-1', 'b-2'];
    const before = boxes(board, ids);
    await sendMouse({ type: 'click', position: bodyPoint(cardOf(board, 'a-1')) });
    await settle(board);
    expect(cardOf(board, 'a-1').hasAttribute('selected'), 'selected').to.equal(true);
    expect(board.shadowRoot!.querySelector('.bulk'), 'the selection bar shows').to.not.equal(null);
    expect(boxes(board, ids)).to.deep.equal(before);
    await sendKeys({ down: 'Control' });
    await sendMouse({ type: 'click', position: bodyPoint(cardOf(board, 'b-2')) });
    await sendKeys({ up: 'Control' });
    await settle(board);
    expect(boxes(board, ids)).to.deep.equal(before);
    board.clearSelection();
    await settle(board);
    expect(board.shadowRoot!.querySelector('.bulk'), 'the selection bar is gone').to.equal(null);
    expect(board.shadowRoot!.querySelector('.selection-hint')?.textContent?.trim()).to.match(/^Click a card to select it/);
    expect(boxes(board, ids)).to.deep.equal(before);
  });

  it('a double click on the body of a first-row card opens it, once', async () => {
    mounted = await mountBoard({ tasks });
    const { board } = mounted;
    const opened = record<{ taskId: string }>(board, 'cwm-task-open');
    const target = await doubleClickAt(board, bodyPoint(cardOf(board, 'a-1')));
    expect(cardOf(board, 'a-1').shadowRoot!.contains(target), 'the second click is on the same card').to.equal(true);
    expect(opened).to.deep.equal([{ taskId: 'a-1' }]);
    expect(cardOf(board, 'a-1').hasAttribute('selected')).to.equal(true);
  });

  it('a click on the title opens the task and selects and focuses its card', async () => {
    mounted = await mountBoard({ tasks });
    const { board } = mounted;
    const opened = record<{ taskId: string }>(board, 'cwm-task-open');
    const card = cardOf(board, 'b-1');
    expect(titleOf(card).textContent?.trim()).to.equal('b 1');
    expect(titleOf(card).getAttribute('aria-label')).to.equal('Open b 1');
    await sendMouse({ type: 'click', position: centreOf(titleOf(card)) });
    await settle(board);
    expect(opened).to.deep.equal([{ taskId: 'b-1' }]);
    expect(card.hasAttribute('selected')).to.equal(true);
    // The card keeps the focus (its Enter opens it), not the title button.
    expect(focusedTaskId(board)).to.equal('b-1');
    expect(card.shadowRoot!.activeElement).to.equal(null);
  });

  it('a click on the card body only selects; a double click on the title opens once', async () => {
    mounted = await mountBoard({ tasks });
    const { board } = mounted;
    const opened = record<{ taskId: string }>(board, 'cwm-task-open');
    await sendMouse({ type: 'click', position: bodyPoint(cardOf(board, 'a-2')) });
    await settle(board);
    expect(opened, 'a body click does not open').to.deep.equal([]);
    expect(cardOf(board, 'a-2').hasAttribute('selected')).to.equal(true);
    await doubleClickAt(board, centreOf(titleOf(cardOf(board, 'a-3'))));
    expect(opened).to.deep.equal([{ taskId: 'a-3' }]);
  });

  it('Ctrl+click on a title adds the card to the selection without opening it', async () => {
    mounted = await mountBoard({ tasks });
    const { board } = mounted;
    const opened = record<{ taskId: string }>(board, 'cwm-task-open');
    await sendMouse({ type: 'click', position: bodyPoint(cardOf(board, 'a-1')) });
    await sendKeys({ down: 'Control' });
    await sendMouse({ type: 'click', position: centreOf(titleOf(cardOf(board, 'a-2'))) });
    await sendKeys({ up: 'Control' });
    await settle(board);
    expect(opened).to.deep.equal([]);
    expect(['a-1', 'a-2', 'a-3'].filter((id) => cardOf(board, id).hasAttribute('selected'))).to.deep.equal(['a-1', 'a-2']);
  });
});
