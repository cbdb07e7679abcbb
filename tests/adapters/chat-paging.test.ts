import { expect } from '@open-wc/testing';
import type { CwmAdapter, Message, Notification, ReadMarker, Task, Workspace } from '@cwm/core';
import { decide, LocalAdapter, MemoryAdapter, workspaceName, type WorkspaceData } from '@cwm/adapters';
import { AT, makeMessage, makePerson, makeProject, makeTask } from '../fixtures/entities.js';
import { create, update } from './mutations.js';

const THREAD = 1_000;

function workspace(id: string): Workspace {
  return { id, name: id, calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
}

/** A thread on t-1 (one message a second, ids not in time order on purpose) plus noise on t-2. */
function data(id: string): WorkspaceData {
  const messages: Message[] = [];
  for (let index = 0; index < THREAD; index++) {
    const at = new Date(Date.parse('2026-01-01T00:00:00.000Z') + index * 1000).toISOString();
    // Ids run backwards so id order and time order differ: paging must follow time.
    messages.push(makeMessage(`m-${String(THREAD - index).padStart(5, '0')}`, { taskId: 't-1', createdAt: at, updatedAt: at }));
  }
  for (let index = 0; index < 30; index++) messages.push(makeMessage(`other-${index}`, { taskId: 't-2' }));
  return {
    workspace: workspace(id),
    people: [makePerson('u-1'), makePerson('u-2')],
    projects: [makeProject('p-1')],
    tasks: [makeTask('t-1'), makeTask('t-2')],
    messages,
  };
}

/** Reads t-1 newest first in pages of `limit`, while `during` may write between pages. */
async function newestFirst(adapter: CwmAdapter, limit: number, during?: (page: number) => Promise<void>): Promise<{ ids: string[]; pages: number; total?: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let total: number | undefined;
  do {
    const page = await adapter.list('messages', { taskId: 't-1', order: 'newest', limit, ...(cursor ? { cursor } : {}) });
    if (pages === 0) total = page.total;
    ids.push(...(page.items as Message[]).map((message) => message.id));
    cursor = page.nextCursor;
    pages++;
    await during?.(pages);
  } while (cursor !== undefined);
  return { ids, pages, ...(total === undefined ? {} : { total }) };
}

function expectNewestOrder(ids: readonly string[]): void {
  // m-00001 is the newest (ids run backwards in time).
  expect(ids).to.deep.equal(Array.from({ length: THREAD }, (_, index) => `m-${String(index + 1).padStart(5, '0')}`));
}

function postOn(taskId: string, id: string, at: string) {
  return create('messages', makeMessage(id, { taskId, createdAt: at, updatedAt: at }));
}

describe('adapters: a thread newest first', () => {
  it('MemoryAdapter pages a task\'s messages newest first; new messages never shift a page', async () => {
    const adapter = new MemoryAdapter({ seed: data('mem-chat') });
    await adapter.open({ workspaceId: 'mem-chat', userId: 'u-1' });
    const read = await newestFirst(adapter, 50, async (page) => {
      if (page === 2) await adapter.push([postOn('t-1', 'live-1', new Date().toISOString())]);
    });
    expect(read.pages).to.equal(THREAD / 50);
    expect(read.total).to.equal(THREAD);
    expectNewestOrder(read.ids);
    // A cursor of the other kind is refused, not misread.
    const plain = await adapter.list('messages', { taskId: 't-1', limit: 5 });
    let error: unknown;
    try {
      await adapter.list('messages', { taskId: 't-1', order: 'newest', ...(plain.nextCursor ? { cursor: plain.nextCursor } : {}) });
    } catch (caught) {
      error = caught;
    }
    expect((error as { code?: string }).code).to.equal('validation');
    adapter.close();
  });

  it('LocalAdapter pages it backwards over an index, and keeps read markers', async () => {
    const id = `test-chat-${crypto.randomUUID().slice(0, 8)}`;
    const adapter = new LocalAdapter({ seed: () => data(id) });
    try {
      await adapter.open({ workspaceId: id, userId: 'u-1' });
      const read = await newestFirst(adapter, 64, async (page) => {
        if (page === 3) await adapter.push([postOn('t-1', 'live-1', new Date().toISOString())]);
      });
      expect(read.total).to.equal(THREAD);
      expectNewestOrder(read.ids);
      const fresh = await adapter.list('messages', { taskId: 't-1', order: 'newest', limit: 2 });
      expect((fresh.items as Message[]).map((message) => message.id)).to.deep.equal(['live-1', 'm-00001']);

      const marker: ReadMarker = { id: 'u-1:t-1', personId: 'u-1', taskId: 't-1', lastReadMessageId: 'm-00001', lastReadAt: AT, version: 0, createdAt: AT, updatedAt: AT };
      const [written, foreign] = await adapter.push([create('reads', marker), update('reads', 'u-1:t-1', { lastReadMessageId: 'x' }, { actorId: 'u-2' })]);
      expect(written?.status).to.equal('applied');
      expect(foreign?.status === 'rejected' && foreign.error.code).to.equal('forbidden');
      const mine = await adapter.list('reads', { personId: 'u-1' });
      expect(mine.items).to.have.length(1);
      expect(mine.items[0]).to.include({ id: 'u-1:t-1', version: 1, lastReadMessageId: 'm-00001' });
      expect((await adapter.list('reads', { personId: 'u-2' })).items).to.have.length(0);
    } finally {
      adapter.close();
      await deleteDatabase(workspaceName(id));
    }
  });

  it('LocalAdapter upgrades a database of schema 1 (no read markers, no newest index) in place', async () => {
    const id = `test-upgrade-${crypto.randomUUID().slice(0, 8)}`;
    const name = workspaceName(id);
    const seeded = data(id);
    // Schema 1 as it was: a store per old collection with [field, id] indexes, meta and mutations.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        const indexes: Record<string, string[]> = { people: [], projects: [], tasks: ['projectId'], messages: ['taskId'], notifications: ['personId'], activity: ['projectId', 'taskId'] };
        for (const [collection, fields] of Object.entries(indexes)) {
          const store = db.createObjectStore(collection, { keyPath: 'id' });
          for (const field of fields) store.createIndex(field, [field, 'id']);
        }
        db.createObjectStore('meta');
        db.createObjectStore('mutations', { keyPath: 'id' });
        const transaction = request.transaction as IDBTransaction;
        for (const collection of ['people', 'projects', 'tasks', 'messages'] as const) {
          for (const entity of seeded[collection] ?? []) transaction.objectStore(collection).put(entity);
        }
        transaction.objectStore('meta').put(seeded.workspace, 'workspace');
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const adapter = new LocalAdapter();
    try {
      await adapter.open({ workspaceId: id, userId: 'u-1' });
      expectNewestOrder((await newestFirst(adapter, 200)).ids);
      expect((await adapter.list('reads')).items).to.deep.equal([]);
    } finally {
      adapter.close();
      await deleteDatabase(name);
    }
  });
});

describe('reference backend: status changes', () => {
  it('notifies followers and assignees of a status change, not the actor, with ids apart from assignment ones', () => {
    const before = makeTask('t-1', { followerIds: ['u-3', 'u-1'], assigneeIds: ['u-2'], version: 4 });
    const move = update('tasks', 't-1', { status: 'doing', assigneeIds: ['u-2', 'u-4'] }, { actorId: 'u-1', id: 'mv' });
    const decision = decide(before, move, false);
    const notices = decision.sideEffects.filter((write) => write.collection === 'notifications').map((write) => write.entity as Notification);
    const byKind = (kind: string) => notices.filter((notice) => notice.kind === kind).map((notice) => notice.personId).sort();
    expect(byKind('status-change')).to.deep.equal(['u-2', 'u-3', 'u-4']);
    expect(byKind('assignment')).to.deep.equal(['u-4']);
    expect(new Set(notices.map((notice) => notice.id)).size).to.equal(notices.length);
    // No status change, no status notice.
    const retitle = decide(before, update('tasks', 't-1', { title: 'New' }), false);
    expect(retitle.sideEffects.filter((write) => write.collection === 'notifications')).to.deep.equal([]);
    const created = decide(undefined, create('tasks', makeTask('t-9', { followerIds: ['u-3'] }) as Task), false);
    expect(created.sideEffects.filter((write) => (write.entity as Notification | undefined)?.kind === 'status-change')).to.deep.equal([]);
  });
});

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
