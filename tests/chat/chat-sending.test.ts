import { expect } from '@open-wc/testing';
import { MAX_MESSAGE_LENGTH } from '@cwm/core';
import { Outbox, outboxKey, type MentionDetail, type MessageSendDetail, type MessageSentDetail } from '@cwm/chat';
import { get } from 'idb-keyval';
import { WORKSPACE, articleOf, mountChat, press, resetOutboxes, root, settle, textarea, thread, type, until } from './chat-fixtures.js';

function record<T>(target: EventTarget, name: string, cancel = false): T[] {
  const details: T[] = [];
  target.addEventListener(name, (event) => {
    details.push((event as CustomEvent<T>).detail);
    if (cancel) event.preventDefault();
  });
  return details;
}

function failedRows(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('article.failed')];
}

describe('<cwm-task-chat> sending', () => {
  beforeEach(resetOutboxes);

  it('keeps a rejected message as "not sent" in the outbox, and a retry sends it', async () => {
    const { chat, adapter, store } = await mountChat({ messages: thread(2) });
    adapter.failNext('forbidden');
    type(chat, 'Please review the PR');
    press(textarea(chat), 'Enter');
    await until(() => failedRows(root(chat)).length === 1, 'the failed message shows');
    const row = failedRows(root(chat))[0]!;
    expect(row.textContent).to.contain('Please review the PR');
    expect(row.querySelector('.not-sent')!.textContent).to.match(/^Not sent: .+/);
    expect(store.state.messages.values().some((message) => message.body === 'Please review the PR')).to.equal(false);
    const stored = (await get(outboxKey(WORKSPACE.id, 'u-1'))) as { body: string; failure?: string }[];
    expect(stored.length).to.equal(1);
    expect(stored[0]!.body).to.equal('Please review the PR');
    expect(stored[0]!.failure).to.be.a('string');

    row.querySelector<HTMLButtonElement>('[data-action=retry]')!.click();
    await until(() => store.state.messages.values().some((message) => message.body === 'Please review the PR' && !store.state.pendingIds.has(message.id)), 'the retry is confirmed');
    await until(() => failedRows(root(chat)).length === 0, 'the failed row goes away');
    await Outbox.for(WORKSPACE.id, 'u-1').remove([]);
    expect(await get(outboxKey(WORKSPACE.id, 'u-1'))).to.deep.equal([]);
    const sent = store.state.messages.values().find((message) => message.body === 'Please review the PR')!;
    expect(adapter.backend.get('messages', sent.id)).to.not.equal(undefined);
  });

  it('keeps an unsent message across a reload, and discards it on request', async () => {
    const first = await mountChat({ messages: thread(2) });
    first.adapter.failNext('validation');
    type(first.chat, 'Survives a reload');
    press(textarea(first.chat), 'Enter');
    await until(() => failedRows(root(first.chat)).length === 1, 'the failed message shows');
    await Outbox.for(WORKSPACE.id, 'u-1').remove([]);
    first.chat.remove();
    first.store.dispose();

    // A reload: new page objects, same IndexedDB, same server.
    Outbox.forgetInstances();
    const second = await mountChat({ adapter: first.adapter });
    await until(() => failedRows(root(second.chat)).length === 1, 'the unsent message is back');
    const row = failedRows(root(second.chat))[0]!;
    expect(row.textContent).to.contain('Survives a reload');
    row.querySelector<HTMLButtonElement>('[data-action=discard]')!.click();
    await until(() => failedRows(root(second.chat)).length === 0, 'discarded');
    await Outbox.for(WORKSPACE.id, 'u-1').remove([]);
    expect(await get(outboxKey(WORKSPACE.id, 'u-1'))).to.deep.equal([]);
  });

  it('refuses an oversized message with a clear message and keeps the text', async () => {
    const { chat, store } = await mountChat({ messages: thread(1) });
    const long = 'x'.repeat(MAX_MESSAGE_LENGTH + 1);
    type(chat, long);
    press(textarea(chat), 'Enter');
    await settle(chat, 1);
    expect(textarea(chat).value).to.equal(long);
    expect(root(chat).querySelector('.composer .error')!.textContent).to.contain('10,001');
    expect(store.state.messages.size).to.equal(1);
  });

  it('fires a cancelable cwm-message-send, then cwm-message-sent and cwm-mention', async () => {
    const { chat, store } = await mountChat({ messages: thread(1) });
    const cancelled = record<MessageSendDetail>(chat, 'cwm-message-send', true);
    type(chat, 'Vetoed');
    press(textarea(chat), 'Enter');
    expect(cancelled.length).to.equal(1);
    expect(cancelled[0]!.body).to.equal('Vetoed');
    expect(textarea(chat).value).to.equal('Vetoed');
    expect(store.state.messages.size).to.equal(1);
    chat.remove();
  });

  it('reports what was sent, with mentions of addressable people only', async () => {
    const { chat, store } = await mountChat({ messages: thread(1), policy: { boundaries: [{ from: 'front', to: 'back' }] } });
    const send = record<MessageSendDetail>(chat, 'cwm-message-send');
    const sent = record<MessageSentDetail>(chat, 'cwm-message-sent');
    const mentions = record<MentionDetail>(chat, 'cwm-mention');
    type(chat, 'Hey @Grace Hopper and @Alan Turing, look');
    press(textarea(chat), 'Enter');
    expect(send.length).to.equal(1);
    expect(send[0]!.mentions).to.deep.equal(['u-2']);
    expect(sent.length).to.equal(1);
    const outcome = await sent[0]!.confirmed;
    expect(outcome.status).to.equal('applied');
    expect(mentions).to.deep.equal([{ taskId: 't-1', messageId: sent[0]!.messageId, personIds: ['u-2'] }]);
    expect(store.state.messages.get(sent[0]!.messageId)!.mentions).to.deep.equal(['u-2']);
    await settle(chat);
    const chip = articleOf(chat, sent[0]!.messageId)!.querySelector('[data-person-id]');
    expect(chip?.getAttribute('data-person-id')).to.equal('u-2');
    expect(chip?.textContent).to.equal('@Grace Hopper');
  });
});
