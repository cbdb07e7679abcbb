// The board and the task detail together, as the demo's side panel uses them: one <cwm-workspace>
// (one store), every element registered by `defineAll` from @cwm/elements. The host's only job is a
// listener: `cwm-task-open` from a card (double click or Enter) points <cwm-task-detail> at the task,
// a subtask opened inside the detail does the same, and `cwm-task-detail-close` hides it.
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { CwmStore, MemoryAdapter, MemoryBackend, defineAll, type CwmBoard, type CwmBoardCell, type CwmTaskDetail, type CwmWorkspace, type Workspace } from '@cwm/elements';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineAll();

const WORKSPACE: Workspace = { id: 't-board-detail', name: 'Board and detail', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
const PEOPLE = [makePerson('u-1', { name: 'Ada Lovelace', role: 'manager' })];

interface Page {
  readonly workspace: CwmWorkspace;
  readonly board: CwmBoard;
  readonly detail: CwmTaskDetail;
  readonly store: CwmStore;
  /** Every task id the host was asked to open, in order. */
  readonly opened: string[];
}

async function mountPage(): Promise<Page> {
  await setViewport({ width: 1400, height: 1000 });
  const backend = new MemoryBackend({
    seed: {
      workspace: WORKSPACE,
      people: PEOPLE,
      projects: [makeProject('p-1', { memberIds: ['u-1'] })],
      tasks: [
        makeTask('t-1', { title: 'Fix login', rank: 'a' }),
        makeTask('t-2', { title: 'Token refresh', rank: 'b' }),
        makeTask('t-3', { title: 'Write the refresh test', parentId: 't-2', rank: 'c' }),
      ],
    },
  });
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
  const opened: string[] = [];
  // The host: open what it is told about in its (here always visible) detail; hide it on close.
  const onTaskOpen = (event: CustomEvent<{ taskId: string }>) => {
    opened.push(event.detail.taskId);
    const detail = (event.currentTarget as HTMLElement).querySelector<CwmTaskDetail>('cwm-task-detail')!;
    detail.task = event.detail.taskId;
    detail.hidden = false;
  };
  const onClose = (event: Event) => ((event.target as HTMLElement).hidden = true);
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} lang="en" theme="light" @cwm-task-open=${onTaskOpen}>
      <cwm-board project="p-1" style="height:420px"></cwm-board>
      <cwm-task-detail hidden @cwm-task-detail-close=${onClose}></cwm-task-detail>
    </cwm-workspace>
  `);
  await store.connect();
  const board = workspace.querySelector<CwmBoard>('cwm-board')!;
  await board.renderComplete;
  await nextFrame();
  return { workspace, board, detail: workspace.querySelector<CwmTaskDetail>('cwm-task-detail')!, store, opened };
}

/** The card of a task on the board (cards live in the cells' shadow roots). */
function cardOf(board: CwmBoard, taskId: string): HTMLElement | undefined {
  for (const cell of board.shadowRoot!.querySelectorAll<CwmBoardCell>('[data-cell]')) {
    const card = cell.cardOf(taskId);
    if (card) return card;
  }
  return undefined;
}

/** The title the detail shows in its heading ('' before it renders one). */
function detailTitle(detail: CwmTaskDetail): string {
  return detail.shadowRoot?.querySelector('#title-heading')?.textContent?.trim() ?? '';
}

describe('a board card opens <cwm-task-detail>', () => {
  let page: Page | undefined;

  afterEach(() => {
    page?.store.dispose();
    page = undefined;
  });

  it('shows the double-clicked card\'s task, then the next card\'s', async () => {
    page = await mountPage();
    const { board, detail, opened } = page;
    expect(detail.hidden, 'nothing is open yet').to.equal(true);
    expect(detailTitle(detail)).to.equal('');

    cardOf(board, 't-2')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    expect(opened).to.deep.equal(['t-2']);
    expect(detail.hidden).to.equal(false);
    await waitUntil(() => detailTitle(detail) === 'Token refresh', 'the detail shows the opened task');

    cardOf(board, 't-1')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await waitUntil(() => detailTitle(detail) === 'Fix login', 'the detail follows the next card');
    expect(opened).to.deep.equal(['t-2', 't-1']);
  });

  it('opens by keyboard: Enter on a focused card', async () => {
    page = await mountPage();
    const { board, detail, opened } = page;
    cardOf(board, 't-1')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(opened).to.deep.equal(['t-1']);
    await waitUntil(() => detailTitle(detail) === 'Fix login', 'the detail shows the task opened by Enter');
  });

  it('a subtask opened inside the detail replaces it, and its close button hides it', async () => {
    page = await mountPage();
    const { board, detail, opened } = page;
    cardOf(board, 't-2')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await waitUntil(() => detail.shadowRoot?.querySelector('[data-focus="subtask-open-t-3"]') !== null, 'the detail lists the subtask');

    detail.shadowRoot!.querySelector<HTMLButtonElement>('[data-focus="subtask-open-t-3"]')!.click();
    expect(opened).to.deep.equal(['t-2', 't-3']);
    await waitUntil(() => detailTitle(detail) === 'Write the refresh test', 'the detail shows the subtask');
    expect(detail.shadowRoot!.querySelector('.parent-link')?.textContent, 'and links back to its parent').to.contain('Token refresh');

    detail.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(detail.hidden, 'the host hid it on cwm-task-detail-close').to.equal(true);
  });
});
