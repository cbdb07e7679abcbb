import { expect } from '@open-wc/testing';
import type { CwmAdapter, Message, ReadMarker, Workspace } from '@cwm/core';
import { LocalAdapter, MemoryAdapter, workspaceName, type WorkspaceData } from '@cwm/adapters';
import { makeMessage, makePerson, makeProject, makeTask } from '../fixtures/entities.js';

function at(index: number): string {
  return new Date(Date.parse('2026-01-01T00:00:00.000Z') + index * 1000).toISOString();
}

function message(id: string, index: number, overrides: Partial<Message> = {}): Message {
  return makeMessage(id, { taskId: 't-1', authorId: 'u-2', createdAt: at(index), updatedAt: at(index), ...overrides });
}

function marker(taskId: string, messageId: string, index: number, personId = 'u-1'): ReadMarker {
  return { id: `${personId}:${taskId}`, personId, taskId, lastReadMessageId: messageId, lastReadAt: at(index), version: 1, createdAt: at(index), updatedAt: at(index) };
}

/** t-1: read up to m-2, then m-3 (unread), m-4 mine, m-5 system, m-6 deleted, m-7 unread. t-2: two unread, no marker. t-3: all read. */
function data(id: string, extra: Message[] = []): WorkspaceData {
  const workspace: Workspace = { id, name: id, calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
  return {
    workspace,
    people: [makePerson('u-1'), makePerson('u-2')],
    projects: [makeProject('p-1')],
    tasks: [makeTask('t-1'), makeTask('t-2'), makeTask('t-3')],
    messages: [
      message('m-1', 1), message('m-2', 2), message('m-3', 3), message('m-4', 4, { authorId: 'u-1' }),
      message('m-5', 5, { kind: 'system' }), message('m-6', 6, { deleted: true }), message('m-7', 7),
      message('n-1', 1, { taskId: 't-2' }), message('n-2', 2, { taskId: 't-2' }),
      message('r-1', 1, { taskId: 't-3' }),
      ...extra,
    ],
    reads: [marker('t-1', 'm-2', 2), marker('t-3', 'r-1', 1), marker('t-2', 'n-2', 2, 'u-2')],
  };
}

async function expectCounts(adapter: CwmAdapter): Promise<void> {
  expect(adapter.capabilities.unreadCounts).to.equal(true);
  const summary = await adapter.unreadCounts!('u-1');
  expect(Object.fromEntries(summary.tasks)).to.deep.equal({
    't-1': { count: 2, newestAt: at(7), newestId: 'm-7' },
    't-2': { count: 2, newestAt: at(2), newestId: 'n-2' },
  });
  expect(Date.parse(summary.countedAt)).to.be.greaterThan(0);
  // Another reader's markers are theirs: u-2 has read t-2 and wrote m-4's neighbours.
  const theirs = await adapter.unreadCounts!('u-2');
  expect(theirs.tasks.get('t-1')?.count, 'm-4 is the only message by someone else for u-2').to.equal(1);
  expect(theirs.tasks.has('t-2')).to.equal(false);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

describe('CwmAdapter.unreadCounts', () => {
  it('MemoryAdapter counts others\' user messages after each marker, skipping own, system and deleted ones', async () => {
    const adapter = new MemoryAdapter({ seed: data('mem-unread') });
    await adapter.open({ workspaceId: 'mem-unread', userId: 'u-1' });
    await expectCounts(adapter);
    adapter.close();
  });

  it('LocalAdapter counts the same in IndexedDB, and 10,000 messages stay fast', async () => {
    const id = `unread-${Date.now()}`;
    const thread: Message[] = [];
    for (let index = 0; index < 10_000; index++) thread.push(message(`big-${String(index).padStart(5, '0')}`, 100 + index, { taskId: `t-big-${index % 50}`, body: 'x'.repeat(80) }));
    const adapter = new LocalAdapter({ seed: () => ({ ...data(id, thread) }) });
    try {
      await adapter.open({ workspaceId: id, userId: 'u-1' });
      const summary = await adapter.unreadCounts('u-1');
      expect(summary.tasks.get('t-big-0')?.count).to.equal(200);
      const times: number[] = [];
      for (let run = 0; run < 5; run++) {
        const start = performance.now();
        await adapter.unreadCounts('u-1');
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      console.log(`[unread] LocalAdapter.unreadCounts over 10,010 messages: median ${times[2]!.toFixed(1)} ms, max ${times[4]!.toFixed(1)} ms`);
      expect(times[2]).to.be.lessThan(500);
      adapter.close();
    } finally {
      adapter.close();
      await deleteDatabase(workspaceName(id));
    }
    const small = `unread-small-${Date.now()}`;
    const local = new LocalAdapter({ seed: () => data(small) });
    try {
      await local.open({ workspaceId: small, userId: 'u-1' });
      await expectCounts(local);
    } finally {
      local.close();
      await deleteDatabase(workspaceName(small));
    }
  });
});
