// The card's messages field shows the viewer's unread count as a badge, live.
import { expect, waitUntil } from '@open-wc/testing';
import { CwmStore } from '@cwm/core';
import { MemoryAdapter } from '@cwm/adapters';
import { firstValueFrom, filter } from 'rxjs';
import { cardOf, column, mountBoard } from './board-fixtures.js';

function unreadBadge(card: HTMLElement): HTMLElement | null {
  return card.shadowRoot!.querySelector<HTMLElement>('[part=unread]');
}

describe('<cwm-board> unread messages', () => {
  it('shows "3 unread messages" on a card, and drops it after the same person reads elsewhere', async () => {
    const { board, adapter } = await mountBoard({ tasks: column('todo', 3) });
    const colleague = adapter.remote('u-2');
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    for (let index = 1; index <= 3; index++) {
      const at = new Date(base + index * 1000).toISOString();
      colleague.create('messages', { id: `m-${index}`, version: 1, createdAt: at, updatedAt: at, taskId: 'todo-2', authorId: 'u-2', kind: 'user', body: `hi ${index}`, mentions: [], reactions: {}, attachments: [] });
    }
    await waitUntil(() => unreadBadge(cardOf(board, 'todo-2'))?.getAttribute('aria-label') === '3 unread messages', 'the unread badge shows');
    const badge = unreadBadge(cardOf(board, 'todo-2'))!;
    expect(badge.textContent?.trim()).to.equal('3');
    expect(badge.getAttribute('role')).to.equal('img');
    expect(unreadBadge(cardOf(board, 'todo-1')), 'no badge without unread messages').to.equal(null);

    // The same person (u-1) reads the thread in another store (another tab).
    const other = new CwmStore({ adapter: new MemoryAdapter({ backend: adapter.backend }), workspaceId: adapter.backend.workspace!.id, userId: 'u-1' });
    try {
      await other.connect();
      await firstValueFrom(other.messages$('todo-2').pipe(filter((messages) => messages.length === 3)));
      expect(other.markRead('todo-2', 'm-3').ok).to.equal(true);
      await waitUntil(() => unreadBadge(cardOf(board, 'todo-2')) === null, 'the badge goes');
    } finally {
      other.dispose();
    }
  });

  it('shows a thread\'s unread count from the first paint after a reload (a new store)', async () => {
    const { adapter } = await mountBoard({ tasks: column('todo', 2) });
    const at = new Date().toISOString();
    adapter.remote('u-2').create('messages', { id: 'm-1', version: 1, createdAt: at, updatedAt: at, taskId: 'todo-1', authorId: 'u-2', kind: 'user', body: 'hi', mentions: [], reactions: {}, attachments: [] });
    const { board } = await mountBoardOn(adapter);
    expect(unreadBadge(cardOf(board, 'todo-1'))?.getAttribute('aria-label')).to.equal('1 unread message');
  });
});

/** A second board on a new store over the same backend: what a reload of the page shows. */
async function mountBoardOn(adapter: MemoryAdapter) {
  const { fixture, html } = await import('@open-wc/testing');
  const { settle } = await import('./board-fixtures.js');
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend: adapter.backend }), workspaceId: adapter.backend.workspace!.id, userId: 'u-1' });
  const workspace = await fixture<HTMLElement>(html`<cwm-workspace .store=${store}><cwm-board project="p-1"></cwm-board></cwm-workspace>`);
  await store.connect();
  const board = workspace.firstElementChild as Parameters<typeof settle>[0];
  await settle(board);
  return { board };
}
