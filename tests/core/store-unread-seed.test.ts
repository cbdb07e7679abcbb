import { expect } from '@open-wc/testing';
import { firstValueFrom, filter, type Observable } from 'rxjs';
import { CwmStore, type Message, type Workspace } from '@cwm/core';
import { MemoryAdapter, MemoryBackend, type WorkspaceData } from '@cwm/adapters';
import { makeMessage, makePerson, makeProject, makeTask } from '../fixtures/entities.js';

const WORKSPACE: Workspace = { id: 'seed', name: 'Seed', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };

function threadMessage(taskId: string, index: number, overrides: Partial<Message> = {}): Message {
  const at = new Date(Date.parse('2026-01-01T00:00:00.000Z') + index * 1000).toISOString();
  return makeMessage(`${taskId}-m${index}`, { taskId, authorId: 'u-2', createdAt: at, updatedAt: at, ...overrides });
}

function seed(): WorkspaceData {
  return {
    workspace: WORKSPACE,
    people: [makePerson('u-1'), makePerson('u-2')],
    projects: [makeProject('p-1')],
    tasks: [makeTask('t-1'), makeTask('t-2')],
    messages: [threadMessage('t-1', 1), threadMessage('t-1', 2), threadMessage('t-1', 3), threadMessage('t-2', 1)],
  };
}

const opened: CwmStore[] = [];
async function storeOf(backend: MemoryBackend, userId: string, messagePageSize = 50): Promise<CwmStore> {
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: 'seed', userId, messagePageSize });
  opened.push(store);
  await store.connect();
  return store;
}
function when<T>(source: Observable<T>, test: (value: T) => boolean): Promise<T> {
  return firstValueFrom(source.pipe(filter(test)));
}
afterEach(() => {
  for (const store of opened.splice(0)) store.dispose();
});

describe('CwmStore: unread counts seeded by the adapter', () => {
  it('shows every thread\'s unread count after connecting, without opening a thread', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const store = await storeOf(backend, 'u-1');
    const counts = await firstValueFrom(store.unreadCounts$());
    expect(Object.fromEntries(counts)).to.deep.equal({ 't-1': 3, 't-2': 1 });
    expect(store.state.messages.size, 'no thread was loaded').to.equal(0);
  });

  it('adds live messages, never counts a message twice, and drops with deletions and markRead', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const me = await storeOf(backend, 'u-1', 2);
    const colleague = await storeOf(backend, 'u-2');
    const counts = me.unreadCounts$();
    await when(counts, (map) => map.get('t-1') === 3);

    // Only the newest page (2 of 3) loads: those are in the seed already.
    await when(me.messages$('t-1'), (messages) => messages.length === 2);
    expect((await firstValueFrom(counts)).get('t-1')).to.equal(3);

    const posted = colleague.postMessage({ taskId: 't-1', body: 'new' });
    if (!posted.ok) throw new Error(posted.reason);
    await when(counts, (map) => map.get('t-1') === 4);
    // The live message also comes with the older page: still counted once.
    await me.loadOlderMessages('t-1');
    await when(me.messages$('t-1'), (messages) => messages.length === 4);
    expect((await firstValueFrom(counts)).get('t-1')).to.equal(4);

    // A seed-counted message deleted elsewhere stops counting, loaded or not.
    await when(colleague.messages$('t-2'), (messages) => messages.length === 1);
    expect(colleague.deleteMessage('t-2-m1').ok).to.equal(true);
    await when(counts, (map) => !map.has('t-2'));

    // My own message never counts.
    me.postMessage({ taskId: 't-1', body: 'mine' });
    const thread = await when(me.messages$('t-1'), (messages) => messages.length === 5);
    expect((await firstValueFrom(counts)).get('t-1')).to.equal(4);
    me.markRead('t-1', thread[thread.length - 1]!.id);
    await when(counts, (map) => !map.has('t-1'));
  });

  it('a marker moved by the same person in another store clears the count here', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const here = await storeOf(backend, 'u-1');
    const counts = here.unreadCounts$();
    await when(counts, (map) => map.get('t-1') === 3);
    const there = await storeOf(backend, 'u-1');
    await when(there.messages$('t-1'), (messages) => messages.length === 3);
    expect(there.markRead('t-1', 't-1-m3').ok).to.equal(true);
    const after = await when(counts, (map) => !map.has('t-1'));
    expect(after.get('t-2')).to.equal(1);
    // A reload (new store) starts from the backend's count, which knows the marker too.
    const third = await storeOf(backend, 'u-1');
    await when(third.unreadCounts$(), (map) => !map.has('t-1'));
  });

  it('recounts with the backend when the marker moves inside what the seed counted', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const here = await storeOf(backend, 'u-1');
    const counts = here.unreadCounts$();
    await when(counts, (map) => map.get('t-1') === 3);
    const there = await storeOf(backend, 'u-1');
    await when(there.messages$('t-1'), (messages) => messages.length === 3);
    there.markRead('t-1', 't-1-m1');
    const after = await when(counts, (map) => map.get('t-1') === 2);
    expect(after.get('t-2')).to.equal(1);
  });
});
