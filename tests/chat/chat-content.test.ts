import { expect } from '@open-wc/testing';
import type { Message } from '@cwm/core';
import { XSS_PAYLOADS, normalizeSpace, xssViolations } from '../fixtures/xss-payloads.js';
import { makeMessage, makePerson, AT } from '../fixtures/entities.js';
import { PEOPLE, articleOf, articles, mountChat, press, type, resetOutboxes, root, settle, textarea, thread, until } from './chat-fixtures.js';

function button(scope: Element, action: string): HTMLButtonElement {
  const found = scope.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  if (!found) throw new Error(`No ${action} button`);
  return found;
}

describe('<cwm-task-chat> content', () => {
  beforeEach(resetOutboxes);

  it('renders markdown, mentions, replies and attachments', async () => {
    const parent = makeMessage('m-parent', { authorId: 'u-2', body: 'Can you check *the form*?', createdAt: '2026-11-01T09:00:00.000Z' });
    const reply = makeMessage('m-reply', {
      body: 'Sure @Grace Hopper, see [the spec](https://example.com/spec) and `code`',
      mentions: ['u-2'],
      replyToId: 'm-parent',
      attachments: [
        { id: 'a-1', name: 'Spec.pdf', url: 'https://example.com/spec.pdf', type: 'pdf' },
        { id: 'a-2', name: 'Evil', url: 'javascript:alert(1)', type: 'link' },
      ],
      createdAt: '2026-11-01T09:01:00.000Z',
    });
    const { chat } = await mountChat({ messages: [parent, reply] });
    const article = articleOf(chat, 'm-reply')!;
    expect(articleOf(chat, 'm-parent')!.querySelector('em')!.textContent).to.equal('the form');
    expect(article.querySelector('.quote')!.textContent).to.contain('Grace Hopper');
    expect(article.querySelector('.quote')!.textContent).to.contain('Can you check the form?');
    expect(article.querySelector('[data-person-id="u-2"]')!.textContent).to.equal('@Grace Hopper');
    expect(article.querySelector('.body a')!.getAttribute('href')).to.equal('https://example.com/spec');
    expect(article.querySelector('code')!.textContent).to.equal('code');
    const links = [...article.querySelectorAll<HTMLAnchorElement>('a.attachment')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['https://example.com/spec.pdf']);
    expect(links[0]!.rel).to.equal('noopener noreferrer nofollow');
    expect(article.querySelector('.attachment.blocked')!.textContent).to.contain('Evil');
  });

  it('runs no payload of the XSS battery in messages, names and attachment names', async () => {
    const people = [...PEOPLE.filter((person) => person.id !== 'u-2'), makePerson('u-2', { name: '<img src=x onerror="window.__xss=1">Grace' })];
    const messages: Message[] = XSS_PAYLOADS.map((payload, index) =>
      makeMessage(`x-${String(index).padStart(3, '0')}`, {
        authorId: 'u-2',
        body: payload.text,
        attachments: [{ id: `a-${index}`, name: payload.text.slice(0, 200), url: index % 2 === 0 ? 'https://ok.example/file' : `javascript:window.__xss=1`, type: '<svg onload=1>' }],
        createdAt: new Date(Date.parse(AT) + index * 60_000).toISOString(),
      }),
    );
    const { chat } = await mountChat({ messages, people, height: 4000 });
    const view = root(chat).querySelector<HTMLElement>('.scroller')!;
    for (let top = 0; top <= view.scrollHeight; top += 1500) {
      view.scrollTop = top;
      await settle(chat, 2);
      // The composer's own textarea is ours; everything user-written lives in the list.
      expect(xssViolations(root(chat).querySelector('.rows')!), `at ${top}`).to.deep.equal([]);
      for (const article of articles(chat)) {
        const message = messages.find((item) => item.id === article.dataset['messageId'])!;
        // Line breaks render as <br>: compare without whitespace.
        const bare = (text: string) => normalizeSpace(text).replace(/\s+/g, '');
        expect(bare(article.querySelector('.body')!.textContent!)).to.contain(bare(message.body).slice(0, 60));
        expect(article.querySelector('.author')!.textContent).to.equal(people.find((person) => person.id === 'u-2')!.name);
      }
    }
    // The hostile name in the mention autocomplete is text too.
    type(chat, '@');
    await settle(chat, 1);
    const list = root(chat).querySelector('.mentions')!;
    expect(list.textContent).to.contain('<img src=x onerror="window.__xss=1">Grace');
    expect(xssViolations(list)).to.deep.equal([]);
    expect(window.__xss).to.equal(undefined);
  });

  it('edits and deletes own messages, with a confirmation', async () => {
    const { chat, store } = await mountChat({ messages: thread(3) });
    const own = articleOf(chat, 'm-00003')!;
    expect(own.querySelector('[data-action=edit]')).to.not.equal(null);
    expect(articleOf(chat, 'm-00002')!.querySelector('[data-action=edit]'), 'no edit on others').to.equal(null);
    button(own, 'edit').click();
    await settle(chat, 1);
    const editor = articleOf(chat, 'm-00003')!.querySelector<HTMLTextAreaElement>('.edit textarea')!;
    expect(root(chat).activeElement).to.equal(editor);
    editor.value = 'Corrected **text**';
    press(editor, 'Enter');
    await settle(chat);
    expect(store.state.messages.get('m-00003')!.body).to.equal('Corrected **text**');
    expect(articleOf(chat, 'm-00003')!.querySelector('.edited')!.textContent).to.equal('(edited)');

    button(articleOf(chat, 'm-00003')!, 'delete').click();
    await settle(chat, 1);
    expect(articleOf(chat, 'm-00003')!.querySelector('.confirm')!.textContent).to.contain('Delete this message for everyone?');
    button(articleOf(chat, 'm-00003')!, 'cancel-delete').click();
    await settle(chat, 1);
    expect(store.state.messages.get('m-00003')!.deleted).to.not.equal(true);
    button(articleOf(chat, 'm-00003')!, 'delete').click();
    await settle(chat, 1);
    button(articleOf(chat, 'm-00003')!, 'confirm-delete').click();
    await settle(chat);
    expect(store.state.messages.get('m-00003')!.deleted).to.equal(true);
    expect(articleOf(chat, 'm-00003')!.querySelector('.deleted')!.textContent).to.equal('This message was deleted.');
  });

  it('toggles reactions', async () => {
    const { chat, store } = await mountChat({ messages: thread(2) });
    button(articleOf(chat, 'm-00002')!, 'react').click();
    await settle(chat, 1);
    const pick = articleOf(chat, 'm-00002')!.querySelectorAll<HTMLButtonElement>('.pick')[0]!;
    pick.click();
    await settle(chat);
    expect(store.state.messages.get('m-00002')!.reactions['👍']).to.deep.equal(['u-1']);
    const chip = articleOf(chat, 'm-00002')!.querySelector<HTMLButtonElement>('.reaction')!;
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
    expect(chip.getAttribute('aria-label')).to.equal('👍 by 1 person');
    chip.click();
    await settle(chat);
    expect(store.state.messages.get('m-00002')!.reactions['👍']).to.equal(undefined);
  });

  it('replies with a quote of the parent', async () => {
    const { chat, store } = await mountChat({ messages: thread(2) });
    button(articleOf(chat, 'm-00002')!, 'reply').click();
    await settle(chat, 1);
    expect(root(chat).querySelector('.replying')!.textContent).to.contain('Replying to Grace Hopper');
    expect(root(chat).activeElement).to.equal(textarea(chat));
    textarea(chat).value = 'Answer';
    textarea(chat).dispatchEvent(new Event('input'));
    press(textarea(chat), 'Enter');
    const sent = store.state.messages.values().find((message) => message.body === 'Answer')!;
    expect(sent.replyToId).to.equal('m-00002');
    await until(() => articleOf(chat, sent.id)?.querySelector('.quote') != null, 'the quote shows');
    expect(root(chat).querySelector('.replying')).to.equal(null);
  });
});
