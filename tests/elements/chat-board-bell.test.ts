// The widgets together, as a host page uses them: one <cwm-workspace> (one store) with the bell, the
// board and a task chat, registered by `defineAll` from @cwm/elements. A colleague's store on the same
// backend mentions the user; the bell and the card's unread badge show it; opening the notification
// tells the host which task to open (the host points the chat at it); reading there clears the
// card's badge and the bell.
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import {
  CwmStore,
  MemoryAdapter,
  MemoryBackend,
  defineAll,
  readMarkerId,
  type CwmBoard,
  type CwmBoardCell,
  type CwmNotifications,
  type CwmTaskChat,
  type CwmWorkspace,
  type NotificationOpenDetail,
  type ReadMarker,
  type Workspace,
} from '@cwm/elements';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineAll();

const WORKSPACE: Workspace = { id: 't-together', name: 'Together', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
const PEOPLE = [makePerson('u-1', { name: 'Ada Lovelace', role: 'manager' }), makePerson('u-2', { name: 'Grace Hopper' })];

interface Page {
  readonly workspace: CwmWorkspace;
  readonly bell: CwmNotifications;
  readonly board: CwmBoard;
  readonly chat: CwmTaskChat;
  /** Ada's store: the page's. */
  readonly store: CwmStore;
  /** Grace's store on the same backend: another person elsewhere. */
  readonly grace: CwmStore;
  readonly backend: MemoryBackend;
  /** Every `cwm-task-open` detail the host heard. */
  readonly opened: { taskId: string }[];
}

async function mountPage(): Promise<Page> {
  await setViewport({ width: 1400, height: 1000 });
  const backend = new MemoryBackend({
    seed: {
      workspace: WORKSPACE,
      people: PEOPLE,
      projects: [makeProject('p-1', { memberIds: PEOPLE.map((person) => person.id) })],
      tasks: [makeTask('t-1', { title: 'Fix login', rank: 'a' }), makeTask('t-2', { title: 'Token refresh', rank: 'b' })],
    },
  });
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
  const opened: { taskId: string }[] = [];
  // The host's job: open the task it is told about, here by pointing the chat at it.
  const onTaskOpen = (event: CustomEvent<{ taskId: string }>) => {
    opened.push(event.detail);
    (event.currentTarget as HTMLElement).querySelector<CwmTaskChat>('cwm-task-chat')!.task = event.detail.taskId;
  };
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} theme="light" @cwm-task-open=${onTaskOpen}>
      <cwm-notifications></cwm-notifications>
      <cwm-board project="p-1" style="height:420px"></cwm-board>
      <cwm-task-chat style="height:320px"></cwm-task-chat>
    </cwm-workspace>
  `);
  await store.connect();
  const grace = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-2' });
  await grace.connect();
  const board = workspace.querySelector<CwmBoard>('cwm-board')!;
  await board.renderComplete;
  await nextFrame();
  return {
    workspace,
    bell: workspace.querySelector<CwmNotifications>('cwm-notifications')!,
    board,
    chat: workspace.querySelector<CwmTaskChat>('cwm-task-chat')!,
    store,
    grace,
    backend,
    opened,
  };
}

/** The card of a task on the board (cards live in the cells' shadow roots). */
function cardOf(board: CwmBoard, taskId: string): HTMLElement | undefined {
  for (const cell of board.shadowRoot!.querySelectorAll<CwmBoardCell>('[data-cell]')) {
    const card = cell.cardOf(taskId);
    if (card) return card;
  }
  return undefined;
}

/** The card's unread badge label, '' when it has none. */
function cardUnread(board: CwmBoard, taskId: string): string {
  return cardOf(board, taskId)?.shadowRoot?.querySelector('[part=unread]')?.getAttribute('aria-label') ?? '';
}

function bellBadge(bell: CwmNotifications): string {
  return bell.shadowRoot!.querySelector('[part=badge]')?.textContent?.trim() ?? '';
}

function bellItems(bell: CwmNotifications): HTMLButtonElement[] {
  return [...bell.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.item')];
}

describe('board, chat and bell in one workspace', () => {
  let page: Page | undefined;

  afterEach(() => {
    page?.grace.dispose();
    page?.store.dispose();
    page = undefined;
  });

  it('a colleague\'s mention shows on the bell and the card; opening it from the bell and reading clears both', async () => {
    page = await mountPage();
    const { bell, board, chat, store, grace, workspace, opened } = page;
    expect(cardOf(board, 't-2'), 'the board shows the task').to.not.equal(undefined);
    expect(bellBadge(bell)).to.equal('');
    expect(cardUnread(board, 't-2')).to.equal('');

    const posted = grace.postMessage({ taskId: 't-2', body: '@Ada Lovelace could you check the **refresh** flow?', mentions: ['u-1'] });
    expect(posted.ok).to.equal(true);
    await waitUntil(() => bellBadge(bell) === '1', 'the bell counts the mention');
    await waitUntil(() => cardUnread(board, 't-2') === '1 unread message', 'the card counts the unread message');
    expect(cardUnread(board, 't-1'), 'the other card has nothing unread').to.equal('');

    // Open the bell and the mention: the host hears which task to open.
    const notificationOpens: NotificationOpenDetail[] = [];
    workspace.addEventListener('cwm-notification-open', (event) => notificationOpens.push((event as CustomEvent<NotificationOpenDetail>).detail));
    bell.shadowRoot!.querySelector<HTMLButtonElement>('.bell')!.click();
    await bell.updateComplete;
    expect(bellItems(bell).map((item) => item.querySelector('.text')?.textContent?.trim())).to.deep.equal(['Grace Hopper mentioned you in Token refresh']);
    bellItems(bell)[0]!.click();
    expect(opened).to.deep.equal([{ taskId: 't-2' }]);
    expect(notificationOpens.map((detail) => [detail.kind, detail.taskId, detail.messageId])).to.deep.equal([['mention', 't-2', posted.ok ? posted.id : '']]);
    expect(chat.task).to.equal('t-2');

    // The chat shows the thread; the newest message is on screen, so it is read.
    await waitUntil(() => chat.shadowRoot!.querySelector(`article[data-message-id="${posted.ok ? posted.id : ''}"]`) !== null, 'the chat shows the mention');
    await waitUntil(() => cardUnread(board, 't-2') === '', 'reading in the chat clears the card badge');
    await waitUntil(() => bellBadge(bell) === '', 'the opened notification is read');
    expect(store.state.notifications.values().every((item) => item.readAt !== undefined)).to.equal(true);
    // The read reached the backend: Ada's marker there points at the mention.
    await waitUntil(() => {
      const marker = page!.backend.get('reads', readMarkerId('u-1', 't-2')) as ReadMarker | undefined;
      return posted.ok && marker?.lastReadMessageId === posted.id;
    }, 'the read marker is stored');
  });

  it('a card\'s unread count grows with each message and ignores the user\'s own', async () => {
    page = await mountPage();
    const { board, store, grace } = page;
    for (const body of ['one', 'two', 'three']) expect(grace.postMessage({ taskId: 't-1', body }).ok).to.equal(true);
    await waitUntil(() => cardUnread(board, 't-1') === '3 unread messages', 'three unread');
    const mine = store.postMessage({ taskId: 't-1', body: 'mine' });
    if (mine.ok) await mine.confirmed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cardUnread(board, 't-1')).to.equal('3 unread messages');
    // No mention, no bell.
    expect(bellBadge(page.bell)).to.equal('');
  });
});
