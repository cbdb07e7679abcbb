import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import type { ReadMarker } from '@cwm/core';
import { AT } from '../fixtures/entities.js';
import { articleOf, articles, atBottom, firstVisible, mountChat, peer, resetOutboxes, root, scroller, settle, thread, until } from './chat-fixtures.js';

function marker(messageId: string, at: string): ReadMarker {
  return { id: 'u-1:t-1', version: 1, createdAt: AT, updatedAt: AT, personId: 'u-1', taskId: 't-1', lastReadMessageId: messageId, lastReadAt: at };
}

async function scrollBy(view: HTMLElement, top: number): Promise<void> {
  view.scrollTop = top;
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

describe('<cwm-task-chat> scrolling', () => {
  beforeEach(resetOutboxes);

  it('opens at the unread divider, placed before the first unread message of someone else', async () => {
    const messages = thread(60);
    const { chat, store } = await mountChat({ messages, reads: [marker('m-00030', messages[29]!.createdAt)] });
    const divider = root(chat).querySelector<HTMLElement>('.row.unread');
    expect(divider, 'divider').to.not.equal(null);
    // m-00031 is Ada's own; Grace's m-00032 is the first unread.
    expect((divider!.nextElementSibling as HTMLElement).dataset['key']).to.equal('m:m-00032');
    const view = scroller(chat).getBoundingClientRect();
    const box = divider!.getBoundingClientRect();
    expect(box.top).to.be.within(view.top, view.top + 120);
    expect(atBottom(chat)).to.equal(false);
    // Not read yet: the newest message is not on screen.
    expect((await firstValueFrom(store.readMarker$('t-1')))?.lastReadMessageId).to.equal('m-00030');

    await scrollBy(scroller(chat), scroller(chat).scrollHeight);
    await settle(chat);
    await until(() => store.state.reads?.get('u-1:t-1')?.lastReadMessageId === 'm-00060', 'marked read at the bottom');
  });

  it('loads older pages near the top without moving the first visible message', async () => {
    const { chat, store, adapter } = await mountChat({ messages: thread(300) });
    expect(store.state.messages.size).to.equal(50);
    adapter.latencyMs = 80;
    await scrollBy(scroller(chat), 150);
    await settle(chat, 1);
    const before = firstVisible(chat);
    await until(() => store.state.messages.size === 100, 'the next page arrives');
    await settle(chat);
    const element = root(chat).querySelector<HTMLElement>(`[data-key="${before.key}"]`)!;
    const top = element.getBoundingClientRect().top - scroller(chat).getBoundingClientRect().top;
    expect(Math.abs(top - before.top)).to.be.at.most(1);
    expect(articles(chat).length).to.be.greaterThan(0);
  });

  it('sticks to the bottom only when the reader is there; else offers the new messages', async () => {
    const { chat, adapter } = await mountChat({ messages: thread(40) });
    const grace = await peer(adapter, 'u-2');
    await scrollBy(scroller(chat), 200);
    await settle(chat);
    const before = firstVisible(chat);
    const result = grace.postMessage({ taskId: 't-1', body: 'While you were reading' });
    await until(() => root(chat).querySelector('.new-messages') !== null, 'the new messages button');
    await settle(chat);
    expect(root(chat).querySelector('.new-messages')!.textContent!.trim()).to.equal('1 new message');
    expect(firstVisible(chat).key).to.equal(before.key);
    expect(atBottom(chat)).to.equal(false);
    root(chat).querySelector<HTMLButtonElement>('.new-messages')!.click();
    await settle(chat);
    expect(atBottom(chat)).to.equal(true);
    expect(articleOf(chat, result.ok ? result.id : '')).to.not.equal(null);
    expect(root(chat).querySelector('.new-messages')).to.equal(null);
    grace.dispose();
  });

  it('keeps the DOM bounded with 10,000 loaded messages and shows the right ones anywhere', async () => {
    const { chat, store } = await mountChat({ messages: thread(10_000) });
    await store.loadOlderMessages('t-1', 20_000);
    await settle(chat);
    expect(store.state.messages.size).to.equal(10_000);
    expect(articles(chat).length).to.be.below(60);
    expect(atBottom(chat)).to.equal(true);
    const view = scroller(chat);
    await scrollBy(view, view.scrollHeight / 2);
    await settle(chat);
    const shown = articles(chat);
    expect(shown.length).to.be.within(3, 60);
    const visible = firstVisible(chat).key;
    const number = Number(visible.replace(/\D/g, ''));
    expect(number).to.be.within(3000, 7000);
    await scrollBy(view, 0);
    await settle(chat);
    expect(root(chat).querySelectorAll('[data-key]').length).to.be.below(60);
  });
});
