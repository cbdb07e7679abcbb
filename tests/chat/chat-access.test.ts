import { expect } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import { articleOf, mountChat, peer, press, resetOutboxes, root, settle, textarea, thread, type, until } from './chat-fixtures.js';

void a11ySnapshot;

describe('<cwm-task-chat> keyboard, permissions and accessibility', () => {
  beforeEach(resetOutboxes);

  it('autocompletes mentions by keyboard, showing people beyond a boundary disabled with the reason', async () => {
    const { chat, store } = await mountChat({ messages: thread(1), policy: { boundaries: [{ from: 'front', to: 'back' }] } });
    type(chat, 'Ping @');
    await settle(chat, 1);
    const options = [...root(chat).querySelectorAll<HTMLElement>('.mentions [role=option]')];
    const names = options.map((option) => option.querySelector('.name')!.textContent);
    // Resources and the user are never offered; allowed people come first.
    expect(names).to.not.include('Rita Room');
    expect(names).to.not.include('Ada Lovelace');
    const alan = options.find((option) => option.dataset['personId'] === 'u-3')!;
    expect(alan.getAttribute('aria-disabled')).to.equal('true');
    expect(alan.querySelector('.why')!.textContent!.length).to.be.greaterThan(0);
    expect(options[0]!.getAttribute('aria-disabled')).to.equal('false');

    type(chat, 'Ping @gr');
    await settle(chat, 1);
    const field = textarea(chat);
    const active = field.getAttribute('aria-activedescendant')!;
    expect(root(chat).getElementById(active)!.dataset['personId']).to.equal('u-2');
    press(field, 'Enter');
    await settle(chat, 1);
    expect(field.value).to.equal('Ping @Grace Hopper ');
    expect(root(chat).querySelector<HTMLElement>('.mentions')!.hidden).to.equal(true);
    press(field, 'Enter');
    const sent = store.state.messages.values().find((message) => message.body === 'Ping @Grace Hopper ')!;
    expect(sent.mentions).to.deep.equal(['u-2']);
  });

  it('shows a viewer the conversation read-only with the reason', async () => {
    const { chat } = await mountChat({ messages: thread(3), userId: 'u-4' });
    expect(root(chat).querySelector('.composer')).to.equal(null);
    expect(root(chat).querySelector('.read-only')!.textContent).to.match(/^You can read this conversation but not write in it: .+/);
    expect(articleOf(chat, 'm-00003')!.querySelector('[data-action=reply]')).to.equal(null);
  });

  it('lets a guest post', async () => {
    const { chat, store } = await mountChat({ messages: thread(1), userId: 'u-5' });
    type(chat, 'Guest comment');
    press(textarea(chat), 'Enter');
    expect(store.state.messages.values().some((message) => message.body === 'Guest comment' && message.authorId === 'u-5')).to.equal(true);
  });

  it('shows who is typing', async () => {
    const { chat, adapter } = await mountChat({ messages: thread(1) });
    const grace = await peer(adapter, 'u-2');
    grace.setPresence('t-1', { typing: true });
    await until(() => root(chat).querySelector('.typing')!.textContent === 'Grace Hopper is typing…', 'the typing line');
    grace.setPresence('t-1', { typing: false });
    await until(() => root(chat).querySelector('.typing')!.textContent === '', 'the typing line clears');
    grace.dispose();
  });

  it('speaks German', async () => {
    const { chat } = await mountChat({ messages: thread(1) });
    chat.closest('cwm-workspace')!.setAttribute('lang', 'de');
    await until(() => root(chat).querySelector('.composer .send')?.textContent?.trim() === 'Senden', 'German labels');
  });

  it('passes axe', async () => {
    const { chat } = await mountChat({ messages: thread(12) });
    type(chat, '@');
    await settle(chat);
    await expect(chat).to.be.accessible();
  });
});
