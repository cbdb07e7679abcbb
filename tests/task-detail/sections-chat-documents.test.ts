// The task's documents are listed in its chat too (issue 7): a strip above the conversation.
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmTaskChat } from '@cwm/chat';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';
import { XSS_PAYLOADS, xssViolations } from '../fixtures/xss-payloads.js';
import { until } from './sections-fixtures.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-task-chat', CwmTaskChat);

async function mountChat(documents: { id: string; name: string; url: string; type: string }[], theme = 'light') {
  const adapter = new MemoryAdapter({
    seed: {
      workspace: { id: 'w', name: 'W', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } },
      people: [makePerson('u-1', { name: 'Ada' })],
      projects: [makeProject('p-1', { memberIds: ['u-1'] })],
      tasks: [makeTask('t-1', { documents })],
    },
  });
  const store = new CwmStore({ adapter, workspaceId: 'w', userId: 'u-1' });
  const workspace = await fixture<CwmWorkspace>(html`<cwm-workspace .store=${store} theme=${theme} lang="en"><cwm-task-chat task="t-1" style="height:400px"></cwm-task-chat></cwm-workspace>`);
  await store.connect();
  const chat = workspace.firstElementChild as CwmTaskChat;
  return { chat, store };
}

describe('<cwm-task-chat> documents strip', () => {
  it('lists the task\'s documents as links above the conversation, and follows edits', async () => {
    const { chat, store } = await mountChat([
      { id: 'd-1', name: 'Spec', url: 'https://example.com/spec', type: 'pdf' },
      { id: 'd-2', name: 'Sheet', url: 'https://example.com/sheet', type: 'sheet' },
    ]);
    await until(() => chat.shadowRoot!.querySelector('.documents') !== null, 'the strip shows');
    const strip = chat.shadowRoot!.querySelector('.documents')!;
    expect(strip.querySelector('#documents-label')!.textContent).to.equal('Documents (2)');
    const links = [...strip.querySelectorAll('a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.target, link.rel.includes('noopener')])).to.deep.equal([
      ['Spec', 'https://example.com/spec', '_blank', true],
      ['Sheet', 'https://example.com/sheet', '_blank', true],
    ]);
    store.updateTask('t-1', { documents: [] });
    await until(() => chat.shadowRoot!.querySelector('.documents') === null, 'the strip goes with the last document');
  });

  it('shows nothing for a task without documents', async () => {
    const { chat } = await mountChat([]);
    await until(() => chat.shadowRoot!.querySelector('.frame') !== null, 'the chat shows');
    expect(chat.shadowRoot!.querySelector('.documents')).to.equal(null);
  });

  it('never links unsafe addresses and shows hostile names as text', async () => {
    const documents = XSS_PAYLOADS.map((payload, index) => ({ id: `x-${index}`, name: payload.text, url: payload.text, type: 'link' }));
    const { chat } = await mountChat(documents);
    await until(() => chat.shadowRoot!.querySelector('.documents') !== null, 'the strip shows');
    expect(xssViolations(chat.shadowRoot!.querySelector('.documents')!)).to.deep.equal([]);
  });

  it('passes axe in dark', async () => {
    const { chat } = await mountChat([{ id: 'd-1', name: 'Spec', url: 'https://example.com/spec', type: 'pdf' }], 'dark');
    await until(() => chat.shadowRoot!.querySelector('.documents') !== null, 'the strip shows');
    await expect(chat).to.be.accessible();
  });
});
