// <cwm-task-chat> on the local adapter, as the demo runs it: two LocalAdapters on one workspace
// (one IndexedDB database, one BroadcastChannel) for two people, the way two tabs of the same browser
// would be. Live delivery, typing, unread counts through the real adapter, and the outbox across a
// reload (a new adapter, store and element on the same IndexedDB).
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { AdapterError, CwmStore, type Workspace } from '@cwm/core';
import { LocalAdapter, workspaceName, type AuthorizeHook, type WorkspaceData } from '@cwm/adapters';
import type { CwmWorkspace } from '@cwm/ui';
import { Outbox, type CwmTaskChat } from '@cwm/chat';
import { makeProject } from '../fixtures/entities.js';
import { PEOPLE, TASK, articleOf, articles, press, resetOutboxes, root, settle, textarea, type, until } from './chat-fixtures.js';

/** Ada (u-1) and Grace (u-2) both open this workspace; every test gets its own database. */
function seedFor(workspaceId: string): WorkspaceData {
  const workspace: Workspace = { id: workspaceId, name: 'Local chat', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
  return {
    workspace,
    people: PEOPLE,
    projects: [makeProject('p-1', { memberIds: PEOPLE.map((person) => person.id) })],
    tasks: [TASK],
    messages: [],
  };
}

interface Tab {
  readonly adapter: LocalAdapter;
  readonly store: CwmStore;
}

const opened: Tab[] = [];
const databases = new Set<string>();

/** Opens the workspace as `userId` in a new "tab": its own LocalAdapter and store. */
async function openTab(workspaceId: string, userId: string, authorize?: AuthorizeHook): Promise<Tab> {
  databases.add(workspaceName(workspaceId));
  const adapter = new LocalAdapter({ seed: seedFor, ...(authorize ? { authorize } : {}) });
  const store = new CwmStore({ adapter, workspaceId, userId });
  await store.connect();
  const tab = { adapter, store };
  opened.push(tab);
  return tab;
}

/** Mounts a chat of t-1 on a tab's store and waits until its thread has loaded. */
async function mountChatOn(tab: Tab): Promise<CwmTaskChat> {
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${tab.store} theme="light">
      <cwm-task-chat task="t-1" style="height:360px"></cwm-task-chat>
    </cwm-workspace>
  `);
  const chat = workspace.firstElementChild as CwmTaskChat;
  await until(() => root(chat).querySelector('.composer textarea') !== null, 'the chat is ready');
  await settle(chat);
  return chat;
}

function unreadOf(store: CwmStore, taskId: string): Promise<number> {
  return firstValueFrom(store.unreadCounts$()).then((counts) => counts.get(taskId) ?? 0);
}

function waitForUnread(store: CwmStore, taskId: string, count: number): Promise<unknown> {
  return firstValueFrom(store.unreadCounts$().pipe(filter((counts) => (counts.get(taskId) ?? 0) === count), timeout(3000)));
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

const unique = (label: string): string => `chat-local-${label}-${crypto.randomUUID().slice(0, 8)}`;

describe('<cwm-task-chat> on the local adapter (two tabs, two people)', () => {
  beforeEach(resetOutboxes);
  afterEach(async () => {
    // Elements first (they leave their presence rooms), then stores, then the databases.
    document.querySelectorAll('cwm-workspace').forEach((element) => element.remove());
    for (const tab of opened.splice(0)) {
      tab.store.dispose();
      tab.adapter.close();
    }
    for (const name of databases) await deleteDatabase(name);
    databases.clear();
  });

  it('delivers a message and the typing indicator from one chat to the other', async () => {
    const workspaceId = unique('live');
    const ada = await openTab(workspaceId, 'u-1');
    const grace = await openTab(workspaceId, 'u-2');
    const adaChat = await mountChatOn(ada);
    const graceChat = await mountChatOn(grace);
    expect(articles(graceChat)).to.deep.equal([]);

    type(adaChat, 'Is the **token** endpoint ready?');
    await until(() => (root(graceChat).querySelector('.typing')?.textContent ?? '').includes('Ada Lovelace'), 'Grace sees Ada typing');
    expect(root(graceChat).querySelector('.typing')!.textContent).to.match(/Ada Lovelace is typing/);
    // Nobody is told about their own typing.
    expect(root(adaChat).querySelector('.typing')!.textContent!.trim()).to.equal('');

    press(textarea(adaChat), 'Enter');
    const sent = ada.store.state.messages.values().find((message) => message.body === 'Is the **token** endpoint ready?');
    expect(sent, 'the message is in Ada\'s store at once').to.not.equal(undefined);
    await until(() => articleOf(graceChat, sent!.id) !== null, 'the message reaches Grace\'s chat');
    await settle(graceChat);
    const article = articleOf(graceChat, sent!.id)!;
    expect(article.querySelector('.author')!.textContent).to.equal('Ada Lovelace');
    expect(article.querySelector('strong')!.textContent).to.equal('token');
    expect(article.classList.contains('pending')).to.equal(false);
    // Sending ends the typing signal.
    await until(() => (root(graceChat).querySelector('.typing')?.textContent ?? '').trim() === '', 'the typing line clears');

    // And back: Grace answers, Ada sees it.
    type(graceChat, 'Yes, since this morning');
    press(textarea(graceChat), 'Enter');
    await until(() => articles(adaChat).some((item) => item.textContent!.includes('Yes, since this morning')), 'the answer reaches Ada');
  });

  it('counts a message unread in the receiver\'s store until the receiver reads it in the chat', async () => {
    const workspaceId = unique('unread');
    const ada = await openTab(workspaceId, 'u-1');
    const grace = await openTab(workspaceId, 'u-2');
    expect(await unreadOf(grace.store, 't-1')).to.equal(0);
    const adaChat = await mountChatOn(ada);

    for (const body of ['First question', 'Second question']) {
      type(adaChat, body);
      press(textarea(adaChat), 'Enter');
    }
    await waitForUnread(grace.store, 't-1', 2);
    // The writer's own messages are never unread for her.
    expect(await unreadOf(ada.store, 't-1')).to.equal(0);

    // Grace opens the task's chat: the newest message is on screen, so it is read.
    const graceChat = await mountChatOn(grace);
    expect(articles(graceChat).length).to.equal(2);
    await waitForUnread(grace.store, 't-1', 0);
    // The marker is stored: a fresh tab of Grace's starts at 0 too (the adapter's own count).
    const counts = await grace.adapter.unreadCounts('u-2');
    expect(counts.tasks.has('t-1')).to.equal(false);
    expect((await ada.adapter.unreadCounts('u-1')).tasks.has('t-1')).to.equal(false);
  });

  it('keeps a refused message across a reload and sends it on retry, to the other tab too', async () => {
    const workspaceId = unique('reload');
    // The first page's "server" refuses messages (a permission it lost meanwhile, say).
    const refuse: AuthorizeHook = (mutation) =>
      mutation.collection === 'messages' && mutation.kind === 'create' ? new AdapterError('forbidden', 'Posting is paused') : undefined;
    const before = await openTab(workspaceId, 'u-1', refuse);
    const grace = await openTab(workspaceId, 'u-2');
    const firstChat = await mountChatOn(before);
    type(firstChat, 'Do not lose me');
    press(textarea(firstChat), 'Enter');
    await until(() => root(firstChat).querySelectorAll('article.failed').length === 1, 'the message shows as not sent');
    expect(before.store.state.messages.size).to.equal(0);

    // The reload: the page's objects go away; IndexedDB (data and outbox) stays.
    firstChat.closest('cwm-workspace')!.remove();
    before.store.dispose();
    before.adapter.close();
    // Let queued outbox writes reach IndexedDB (its queue runs in order), then forget the page's
    // outbox objects without touching IndexedDB: what a reload does to memory.
    await Outbox.for(workspaceId, 'u-1').remove([]);
    Outbox.forgetInstances();

    const after = await openTab(workspaceId, 'u-1');
    const chat = await mountChatOn(after);
    await until(() => root(chat).querySelectorAll('article.failed').length === 1, 'the unsent message is back after the reload');
    const row = root(chat).querySelector<HTMLElement>('article.failed')!;
    expect(row.textContent).to.contain('Do not lose me');
    expect(row.querySelector('.not-sent')!.textContent).to.match(/^Not sent/);

    row.querySelector<HTMLButtonElement>('[data-action=retry]')!.click();
    await until(() => root(chat).querySelectorAll('article.failed').length === 0, 'the retried message is no longer failed');
    const sent = await firstValueFrom(
      grace.store.messages$('t-1').pipe(
        filter((messages) => messages.some((message) => message.body === 'Do not lose me')),
        timeout(3000),
      ),
    );
    expect(sent.filter((message) => message.body === 'Do not lose me').length, 'sent exactly once').to.equal(1);
    expect(sent[0]!.authorId).to.equal('u-1');
    await until(() => articles(chat).some((item) => item.textContent!.includes('Do not lose me') && !item.classList.contains('failed')), 'shown as sent');
  });
});

