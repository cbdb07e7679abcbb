import { expect } from '@open-wc/testing';
import { articleOf, articles, atBottom, mountChat, peer, resetOutboxes, root, settle, thread, type, press, textarea, until } from './chat-fixtures.js';

describe('<cwm-task-chat> basics', () => {
  beforeEach(resetOutboxes);

  it('shows the thread oldest first and opens at the bottom without an unread marker', async () => {
    const { chat } = await mountChat({ messages: thread(20) });
    const shown = articles(chat).map((item) => item.dataset['messageId']);
    expect(shown.length).to.be.greaterThan(3);
    expect(shown[shown.length - 1]).to.equal('m-00020');
    expect(atBottom(chat)).to.equal(true);
    expect(articleOf(chat, 'm-00020')!.querySelector('.author')!.textContent).to.equal('Grace Hopper');
  });

  it('separates days and narrates task events from the activity log', async () => {
    const messages = [...thread(2), ...thread(1, Date.parse('2026-11-03T10:00:00.000Z')).map((m) => ({ ...m, id: 'm-late' }))];
    const { chat, store } = await mountChat({ messages });
    expect(root(chat).querySelectorAll('.row.day').length).to.equal(2);
    store.moveTask('t-1', { status: 'doing' });
    await until(() => (root(chat).querySelector('.row.activity')?.textContent ?? '').includes('Doing'), 'a status line');
    expect(root(chat).querySelector('.row.activity')!.textContent).to.contain('Ada Lovelace changed the status to Doing.');
  });

  it('delivers a message posted by another person live', async () => {
    const { chat, adapter } = await mountChat({ messages: thread(3) });
    const grace = await peer(adapter, 'u-2');
    const result = grace.postMessage({ taskId: 't-1', body: 'Hello from **Grace**' });
    expect(result.ok).to.equal(true);
    await until(() => articleOf(chat, result.ok ? result.id : '') !== null, 'the live message shows');
    await settle(chat);
    const article = articleOf(chat, result.ok ? result.id : '')!;
    expect(article.querySelector('strong')?.textContent).to.equal('Grace');
    expect(atBottom(chat)).to.equal(true);
    grace.dispose();
  });

  it('sends with Enter, shows pending, then sent', async () => {
    const { chat, adapter, store } = await mountChat({ messages: thread(3) });
    adapter.pause();
    type(chat, 'First line');
    press(textarea(chat), 'Enter', { shiftKey: true });
    expect(store.state.messages.size).to.equal(3);
    press(textarea(chat), 'Enter');
    const mine = store.state.messages.values().find((message) => message.body === 'First line')!;
    expect(mine).to.not.equal(undefined);
    await settle(chat);
    expect(articleOf(chat, mine.id)!.classList.contains('pending')).to.equal(true);
    expect(articleOf(chat, mine.id)!.querySelector('.sending')).to.not.equal(null);
    expect(textarea(chat).value).to.equal('');
    adapter.resume();
    await until(() => !store.state.pendingIds.has(mine.id), 'confirmed');
    await settle(chat);
    expect(articleOf(chat, mine.id)!.classList.contains('pending')).to.equal(false);
  });
});
