import { expect } from '@open-wc/testing';
import { firstValueFrom, filter } from 'rxjs';
import {
  CwmStore,
  createPolicy,
  dueNotifications,
  readMarkerId,
  type Message,
  type PresenceState,
  type Task,
  type Workspace,
} from '@cwm/core';
import { MemoryAdapter, MemoryBackend, type WorkspaceData } from '@cwm/adapters';
import { AT, makeMessage, makePerson, makeProject, makeTask } from '../fixtures/entities.js';

const WORKSPACE: Workspace = { id: 'chat', name: 'Chat', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };

/** Message `index` of a thread, one second after the previous one. */
function threadMessage(taskId: string, index: number, overrides: Partial<Message> = {}): Message {
  const at = new Date(Date.parse('2026-01-01T00:00:00.000Z') + index * 1000).toISOString();
  return makeMessage(`${taskId}-m${String(index).padStart(5, '0')}`, { taskId, authorId: 'u-2', createdAt: at, updatedAt: at, ...overrides });
}

function seed(messages: Message[] = []): WorkspaceData {
  return {
    workspace: WORKSPACE,
    people: [makePerson('u-1'), makePerson('u-2'), makePerson('u-3')],
    projects: [makeProject('p-1')],
    tasks: [makeTask('t-1', { assigneeIds: ['u-2'], followerIds: ['u-1'] }), makeTask('t-2'), makeTask('t-3')],
    messages,
  };
}

const opened: CwmStore[] = [];

async function storeOf(backend: MemoryBackend, userId: string, options: { latencyMs?: number } = {}): Promise<{ store: CwmStore; adapter: MemoryAdapter }> {
  const adapter = new MemoryAdapter({ backend, latencyMs: options.latencyMs ?? 0 });
  const store = new CwmStore({ adapter, workspaceId: 'chat', userId });
  opened.push(store);
  await store.connect();
  return { store, adapter };
}

/** The first value of `source` that satisfies `test`. */
function when<T>(source: import('rxjs').Observable<T>, test: (value: T) => boolean): Promise<T> {
  return firstValueFrom(source.pipe(filter(test)));
}

afterEach(() => {
  for (const store of opened.splice(0)) store.dispose();
});

describe('CwmStore: read markers', () => {
  it('writes the acting person\'s marker, only forward', async () => {
    const backend = new MemoryBackend({ seed: seed([threadMessage('t-1', 1), threadMessage('t-1', 2), threadMessage('t-1', 3)]) });
    const { store } = await storeOf(backend, 'u-1');
    await when(store.messages$('t-1'), (messages) => messages.length === 3);

    const first = store.markRead('t-1', 't-1-m00002');
    expect(first.ok).to.equal(true);
    if (!first.ok) return;
    expect(await first.confirmed).to.deep.equal({ status: 'applied' });
    const marker = await when(store.readMarker$('t-1'), (value) => value !== undefined);
    expect(marker).to.include({ id: 'u-1:t-1', personId: 'u-1', taskId: 't-1', lastReadMessageId: 't-1-m00002', lastReadAt: threadMessage('t-1', 2).createdAt });
    expect(backend.get('reads', 'u-1:t-1')).to.include({ version: 1, lastReadMessageId: 't-1-m00002' });

    // Not newer: nothing is written.
    const back = store.markRead('t-1', 't-1-m00001');
    expect(back.ok).to.equal(true);
    expect(backend.get('reads', 'u-1:t-1')?.version).to.equal(1);
    expect(store.state.reads.get('u-1:t-1')?.lastReadMessageId).to.equal('t-1-m00002');

    const forward = store.markRead('t-1', 't-1-m00003');
    if (!forward.ok) throw new Error(forward.reason);
    await forward.confirmed;
    expect(backend.get('reads', 'u-1:t-1')).to.include({ version: 2, lastReadMessageId: 't-1-m00003' });

    // Unknown message, or a message of another task: refused.
    expect(store.markRead('t-2', 't-1-m00003')).to.include({ ok: false, code: 'not-found' });
  });

  it('refuses to move someone else\'s marker: in the policy and on the server', async () => {
    const marker = { id: 'u-1:t-1', personId: 'u-1', taskId: 't-1', lastReadMessageId: 'm', lastReadAt: AT, version: 1, createdAt: AT, updatedAt: AT };
    const policy = createPolicy();
    expect(policy.can(makePerson('u-1'), 'message.read', { readMarker: marker }).allowed).to.equal(true);
    const other = policy.can(makePerson('u-2', { role: 'admin' }), 'message.read', { readMarker: marker });
    expect(other).to.include({ allowed: false, code: 'not-author' });

    const backend = new MemoryBackend({ seed: { ...seed(), reads: [marker] } });
    const base = { collection: 'reads' as const, entityId: 'u-1:t-1', actorId: 'u-2', at: AT, intent: 'message.read' };
    const [update, create] = backend.push([
      { ...base, id: 'mut-a', kind: 'update', patch: { lastReadMessageId: 'x' } },
      { ...base, id: 'mut-b', kind: 'create', entityId: 'u-1:t-2', value: { ...marker, id: 'u-1:t-2', taskId: 't-2' } },
    ]).results;
    expect(update?.status === 'rejected' && update.error.code).to.equal('forbidden');
    expect(create?.status === 'rejected' && create.error.code).to.equal('forbidden');
    expect(backend.get('reads', 'u-1:t-1')).to.include({ version: 1, lastReadMessageId: 'm' });

    // A marker whose id is not person:task is invalid.
    const [bad] = backend.push([{ ...base, id: 'mut-c', actorId: 'u-1', kind: 'create', entityId: 'weird', value: { ...marker, id: 'weird' } }]).results;
    expect(bad?.status === 'rejected' && bad.error.code).to.equal('validation');
  });

  it('treats a second create of one marker (two tabs) as a move', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const marker = { id: 'u-1:t-1', personId: 'u-1', taskId: 't-1', lastReadMessageId: 'a', lastReadAt: AT, version: 0, createdAt: AT, updatedAt: AT };
    const base = { collection: 'reads' as const, entityId: 'u-1:t-1', actorId: 'u-1', at: AT, intent: 'message.read', kind: 'create' as const };
    const results = backend.push([
      { ...base, id: 'tab-1', value: marker },
      { ...base, id: 'tab-2', value: { ...marker, lastReadMessageId: 'b' } },
    ]).results;
    expect(results.map((result) => result.status)).to.deep.equal(['applied', 'applied']);
    expect(backend.get('reads', 'u-1:t-1')).to.include({ version: 2, lastReadMessageId: 'b' });
  });

  it('counts unread messages live: others\' user messages after my marker, not deleted, not system ones', async () => {
    const backend = new MemoryBackend({ seed: seed([threadMessage('t-1', 1), threadMessage('t-1', 2, { authorId: 'u-1' })]) });
    const { store: me } = await storeOf(backend, 'u-1');
    const { store: colleague, adapter: colleagueAdapter } = await storeOf(backend, 'u-2');
    await when(me.messages$('t-1'), (messages) => messages.length === 2);
    const counts = me.unreadCounts$();
    // Without a marker every message by others counts; my own never does.
    expect((await when(counts, (map) => map.get('t-1') === 1)).get('t-1')).to.equal(1);

    const posted = colleague.postMessage({ taskId: 't-1', body: 'one' });
    colleague.postMessage({ taskId: 't-2', body: 'elsewhere' });
    colleague.postMessage({ taskId: 't-1', body: 'two' });
    let map = await when(counts, (value) => value.get('t-1') === 3 && value.get('t-2') === 1);
    expect([...map.keys()].sort()).to.deep.equal(['t-1', 't-2']);

    // System messages narrate; they are never unread.
    colleagueAdapter.applyRemote({
      id: 'mut-system', kind: 'create', collection: 'messages', entityId: 'sys-1', actorId: 'u-2', at: new Date().toISOString(), intent: 'message.post',
      value: threadMessage('t-1', 99, { id: 'sys-1', kind: 'system', createdAt: new Date().toISOString() }),
    });
    await when(me.messages$('t-1'), (messages) => messages.some((message) => message.id === 'sys-1'));
    expect((await firstValueFrom(counts)).get('t-1')).to.equal(3);

    // A deleted message stops counting.
    if (!posted.ok) throw new Error(posted.reason);
    await posted.confirmed;
    colleague.deleteMessage(posted.id);
    map = await when(counts, (value) => value.get('t-1') === 2);

    // Reading up to the newest clears the task.
    const thread = await when(me.messages$('t-1'), (messages) => messages.length === 5);
    const newest = thread[thread.length - 1]!;
    me.markRead('t-1', newest.id);
    map = await when(counts, (value) => !value.has('t-1'));
    expect(map.get('t-2')).to.equal(1);
  });
});

describe('CwmStore: message history in pages', () => {
  const THREAD = 10_000;
  const big = (): Message[] => Array.from({ length: THREAD }, (_, index) => threadMessage('t-1', index));

  it('opens a 10,000 message thread with the 50 newest, then adds older pages in order', async () => {
    const backend = new MemoryBackend({ seed: seed(big()) });
    const { store } = await storeOf(backend, 'u-1');
    const first = await when(store.messages$('t-1'), (messages) => messages.length > 0);
    expect(first.length).to.equal(50);
    expect(first[0]!.id).to.equal(threadMessage('t-1', THREAD - 50).id);
    expect(first[49]!.id).to.equal(threadMessage('t-1', THREAD - 1).id);
    expect(await firstValueFrom(store.messageHistory$('t-1'))).to.deep.equal({ loading: false, hasMore: true });

    const older = await store.loadOlderMessages('t-1');
    expect(older).to.deep.equal({ loaded: 50, hasMore: true });
    const two = await firstValueFrom(store.messages$('t-1'));
    expect(two.length).to.equal(100);
    expect(two.map((message) => message.id)).to.deep.equal(Array.from({ length: 100 }, (_, index) => threadMessage('t-1', THREAD - 100 + index).id));
    expect(store.state.messages.size).to.equal(100);
  });

  it('says hasMore false at the start of the thread, and shares a read asked for twice', async () => {
    const backend = new MemoryBackend({ seed: seed(Array.from({ length: 120 }, (_, index) => threadMessage('t-2', index))) });
    const { store } = await storeOf(backend, 'u-1');
    const states: { loading: boolean; hasMore: boolean }[] = [];
    const watching = store.messageHistory$('t-2').subscribe((state) => states.push(state));
    await when(store.messages$('t-2'), (messages) => messages.length === 50);
    const [a, b] = await Promise.all([store.loadOlderMessages('t-2'), store.loadOlderMessages('t-2')]);
    expect(a).to.deep.equal({ loaded: 50, hasMore: true });
    expect(b).to.equal(a);
    expect(await store.loadOlderMessages('t-2')).to.deep.equal({ loaded: 20, hasMore: false });
    expect(await store.loadOlderMessages('t-2')).to.deep.equal({ loaded: 0, hasMore: false });
    const all = await firstValueFrom(store.messages$('t-2'));
    expect(all.map((message) => message.id)).to.deep.equal(Array.from({ length: 120 }, (_, index) => threadMessage('t-2', index).id));
    expect(states[states.length - 1]).to.deep.equal({ loading: false, hasMore: false });
    expect(states.some((state) => state.loading)).to.equal(true);
    watching.unsubscribe();
  });

  it('takes a live message arriving while an older page loads, without duplicates or gaps', async () => {
    const backend = new MemoryBackend({ seed: seed(big()) });
    const { store, adapter } = await storeOf(backend, 'u-1');
    const { store: colleague } = await storeOf(backend, 'u-2');
    await when(store.messages$('t-1'), (messages) => messages.length === 50);
    adapter.latencyMs = 30;
    const loading = store.loadOlderMessages('t-1');
    const posted = colleague.postMessage({ taskId: 't-1', body: 'live while paging' });
    if (!posted.ok) throw new Error(posted.reason);
    await posted.confirmed;
    expect(await loading).to.deep.equal({ loaded: 50, hasMore: true });
    await store.loadOlderMessages('t-1');
    const thread = await when(store.messages$('t-1'), (messages) => messages.length === 151);
    const ids = thread.map((message) => message.id);
    expect(new Set(ids).size).to.equal(151);
    expect(ids[ids.length - 1]).to.equal(posted.id);
    expect(ids.slice(0, 150)).to.deep.equal(Array.from({ length: 150 }, (_, index) => threadMessage('t-1', THREAD - 150 + index).id));
  });
});

describe('CwmStore: presence and typing', () => {
  it('shows who else is in a task\'s room and whether they type, never oneself', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const { store: me } = await storeOf(backend, 'u-1');
    const { store: colleague } = await storeOf(backend, 'u-2');
    const mine: (readonly PresenceState[])[] = [];
    const watching = me.presence$('t-1').subscribe((states) => mine.push(states));

    colleague.setPresence('t-1', {});
    me.setPresence('t-1', { typing: true });
    const seen = await when(colleague.presence$('t-1'), (states) => states.length === 1 && states[0]!.typing === true);
    expect(seen[0]).to.include({ personId: 'u-1', taskId: 't-1', typing: true });
    expect(mine[mine.length - 1]!.map((state) => state.personId)).to.deep.equal(['u-2']);
    expect(mine.every((states) => states.every((state) => state.personId !== 'u-1'))).to.equal(true);

    me.setPresence('t-1', { typing: false });
    await when(colleague.presence$('t-1'), (states) => states.length === 1 && states[0]!.typing !== true);
    me.setPresence('t-1', null);
    await when(colleague.presence$('t-1'), (states) => states.length === 0);
    // Another room is another room.
    expect(await firstValueFrom(colleague.presence$('t-2'))).to.deep.equal([]);
    watching.unsubscribe();
  });

  it('leaves every room on dispose', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const { store: me } = await storeOf(backend, 'u-1');
    const { store: colleague } = await storeOf(backend, 'u-2');
    me.setPresence('t-3', {});
    await when(colleague.presence$('t-3'), (states) => states.length === 1);
    me.dispose();
    await when(colleague.presence$('t-3'), (states) => states.length === 0);
  });
});

describe('dueNotifications', () => {
  const task = (id: string, due: string | undefined, overrides: Partial<Task> = {}): Task =>
    makeTask(id, { assigneeIds: ['u-1'], ...(due === undefined ? {} : { due }), ...overrides });
  const done = (t: Task): boolean => t.status === 'done';

  it('finds overdue and due-soon tasks of the person, most urgent first', () => {
    const tasks = [
      task('t-soon-2', '2026-03-12'),
      task('t-late', '2026-03-11', { assigneeIds: ['u-2'] }),
      task('t-far', '2026-03-13'),
      task('t-today', '2026-03-10'),
      task('t-over', '2026-03-09'),
      task('t-over-done', '2026-03-01', { status: 'done' }),
      task('t-none', undefined),
      task('t-over-b', '2026-02-01'),
    ];
    expect(dueNotifications(tasks, 'u-1', '2026-03-10', done)).to.deep.equal([
      { kind: 'overdue', taskId: 't-over-b', due: '2026-02-01' },
      { kind: 'overdue', taskId: 't-over', due: '2026-03-09' },
      { kind: 'due-soon', taskId: 't-today', due: '2026-03-10' },
      { kind: 'due-soon', taskId: 't-soon-2', due: '2026-03-12' },
    ]);
    // The window is configurable; 0 means today only. Across a month end too.
    expect(dueNotifications(tasks, 'u-1', '2026-03-10', done, 0).map((notice) => notice.taskId)).to.deep.equal(['t-over-b', 't-over', 't-today']);
    expect(dueNotifications([task('t-a', '2026-04-01')], 'u-1', '2026-03-30', done).map((notice) => notice.kind)).to.deep.equal(['due-soon']);
    expect(dueNotifications([], 'u-1', '2026-03-10', done)).to.deep.equal([]);
  });
});

describe('CwmStore: status-change notifications', () => {
  it('tells followers and assignees, not the one who moved the task', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const { store: follower } = await storeOf(backend, 'u-1');
    const { store: assignee } = await storeOf(backend, 'u-2');
    const { store: mover } = await storeOf(backend, 'u-3');
    const moved = mover.moveTask('t-1', { status: 'doing' });
    if (!moved.ok) throw new Error(moved.reason);
    await moved.confirmed;
    for (const store of [follower, assignee]) {
      const [notice] = await when(store.notifications$(), (items) => items.some((item) => item.kind === 'status-change'));
      expect(notice).to.include({ kind: 'status-change', taskId: 't-1', actorId: 'u-3' });
    }
    expect(mover.state.notifications.size).to.equal(0);
    expect(backend.all('notifications').filter((item) => (item as { kind: string }).kind === 'status-change')).to.have.length(2);
    expect(readMarkerId('u-1', 't-1')).to.equal('u-1:t-1');
  });
});
