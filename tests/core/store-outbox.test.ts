import { expect } from '@open-wc/testing';
import { BehaviorSubject, type Observable } from 'rxjs';
import { AdapterError, CwmStore, type ConnectionState, type Mutation, type MutationResult, type StoreError, type Task } from '@cwm/core';
import { ScriptedAdapter } from './scripted-adapter.js';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

/** A promise settled from outside, to hold `record` exactly as long as a test wants. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A backend with an outbox as the store sees one: `record` answers what the test says, `queued`
 * returns what a previous page left, `connection` is a subject the test drives. Every call is logged.
 */
class OutboxAdapter extends ScriptedAdapter {
  readonly log: string[] = [];
  readonly recorded: Mutation[] = [];
  readonly connectionState = new BehaviorSubject<ConnectionState>({ realtime: 'live', sending: 'idle', durable: true, queued: 0 });
  recordAnswer: () => Promise<void> = () => Promise.resolve();
  leftOver: unknown[] = [];

  record(mutations: readonly Mutation[]): Promise<void> {
    this.log.push(`record ${mutations.map((m) => m.id).join(',')}`);
    this.recorded.push(...mutations);
    return this.recordAnswer();
  }

  async queued(): Promise<readonly Mutation[]> {
    this.log.push('queued');
    return this.leftOver as Mutation[];
  }

  connection(): Observable<ConnectionState> {
    return this.connectionState.asObservable();
  }

  override async push(mutations: readonly Mutation[]): Promise<readonly MutationResult[]> {
    this.log.push(`push ${mutations.map((m) => m.id).join(',')}`);
    return super.push(mutations);
  }
}

let counter = 0;
const ids = (prefix: string): string => `${prefix}-outbox-${++counter}`;

function setup(tasks: Task[] = [makeTask('t-1'), makeTask('t-2')]) {
  const adapter = new OutboxAdapter({ people: [makePerson('u-1', { role: 'manager' })], projects: [makeProject('p-1')], tasks });
  const store = new CwmStore({ adapter, workspaceId: 'ws', userId: 'u-1', newId: ids, now: () => new Date('2026-11-26T10:00:00Z') });
  const errors: StoreError[] = [];
  store.errors$.subscribe((error) => errors.push(error));
  return { adapter, store, errors };
}

function queuedEdit(id: string, entityId: string, patch: Record<string, unknown>, baseVersion = 1): Mutation {
  return { id, kind: 'update', collection: 'tasks', entityId, patch, baseValues: {}, baseVersion, actorId: 'u-1', at: '2026-11-26T09:00:00.000Z', intent: 'task.edit' } as Mutation;
}

describe('CwmStore with an outbox adapter: persist before send', () => {
  it('records a write at once and pushes it only after the record settled', async () => {
    const { adapter, store } = setup();
    await store.connect();
    const holding = deferred();
    adapter.recordAnswer = () => holding.promise;
    const result = store.updateTask('t-1', { title: 'Durable' });
    if (!result.ok) throw new Error(result.reason);
    // Applied optimistically and recorded synchronously, not yet sent.
    expect(store.state.tasks.get('t-1')?.title).to.equal('Durable');
    expect(adapter.log.filter((entry) => !entry.startsWith('queued'))).to.deep.equal([`record ${adapter.recorded[0]!.id}`]);
    await tick(10);
    expect(adapter.pushed).to.have.length(0);
    holding.resolve();
    expect(await result.confirmed).to.deep.equal({ status: 'applied' });
    const id = adapter.recorded[0]!.id;
    expect(adapter.log.filter((entry) => !entry.startsWith('queued'))).to.deep.equal([`record ${id}`, `push ${id}`]);
    expect(adapter.recorded[0]).to.include({ kind: 'update', entityId: 't-1', baseVersion: 1 });
  });

  it('fills baseValues with what the user saw, cleared fields as null', async () => {
    const { adapter, store } = setup([makeTask('t-1', { priority: 'low' })]);
    await store.connect();
    const result = store.updateTask('t-1', { title: 'New', priority: 'urgent', due: '2026-12-24' });
    if (result.ok) await result.confirmed;
    const sent = adapter.recorded[0]!;
    expect(sent.kind === 'update' && sent.baseValues).to.deep.equal({ title: 'Task t-1', priority: 'low', due: null });
  });

  it('reports storage-unavailable once when record fails, and still sends and applies the writes', async () => {
    const { adapter, store, errors } = setup();
    await store.connect();
    expect(store.state.sync.durable).to.equal(true);
    adapter.recordAnswer = () => Promise.reject(new AdapterError('network', 'Storage unavailable: quota exceeded'));
    const first = store.updateTask('t-1', { title: 'One' });
    const second = store.updateTask('t-2', { title: 'Two' });
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(await first.confirmed).to.deep.equal({ status: 'applied' });
    expect(await second.confirmed).to.deep.equal({ status: 'applied' });
    expect(errors.filter((error) => error.kind === 'storage-unavailable')).to.deep.equal([
      { kind: 'storage-unavailable', message: 'Storage unavailable: quota exceeded' },
    ]);
    expect(adapter.pushed.map((m) => m.entityId).sort()).to.deep.equal(['t-1', 't-2']);
    expect((adapter.server.get('tasks/t-1') as Task).title).to.equal('One');
    expect(store.state.sync.durable).to.equal(false);
    // The adapter saying "durable" again does not hide that this store's writes were not kept.
    adapter.connectionState.next({ realtime: 'live', sending: 'idle', durable: true, queued: 0 });
    expect(store.state.sync.durable).to.equal(false);
  });

  it('sends nothing when disposed while a record is pending, and settles the write as disposed', async () => {
    const { adapter, store } = setup();
    await store.connect();
    const holding = deferred();
    adapter.recordAnswer = () => holding.promise;
    const result = store.updateTask('t-1', { title: 'Late' });
    if (!result.ok) throw new Error(result.reason);
    store.dispose();
    holding.resolve();
    expect(await result.confirmed).to.include({ status: 'rejected', code: 'disposed' });
    await tick(10);
    expect(adapter.pushed).to.have.length(0);
  });
});

describe('CwmStore with an outbox adapter: writes queued before a reload', () => {
  it('shows queued writes after connect, oldest first, and pushes each exactly once without recording it again', async () => {
    const { adapter, store } = setup();
    const created = makeTask('t-new', { title: 'Made offline', rank: 'z' });
    adapter.leftOver = [
      queuedEdit('q-1', 't-1', { title: 'First' }),
      queuedEdit('q-2', 't-1', { title: 'Second' }),
      { id: 'q-3', kind: 'create', collection: 'tasks', entityId: 't-new', value: created, actorId: 'u-1', at: '2026-11-26T09:00:01.000Z', intent: 'task.create' },
      { id: 'q-junk', kind: 'upsert' },
    ];
    adapter.hold();
    await store.connect();
    expect(store.state.tasks.get('t-1')?.title).to.equal('Second');
    expect(store.state.tasks.get('t-new')?.title).to.equal('Made offline');
    expect(store.state.sync.pendingWrites).to.equal(3);
    expect(store.state.pendingIds.has('t-new')).to.equal(true);
    // A write made now goes after them.
    const mine = store.updateTask('t-1', { title: 'Third' });
    if (!mine.ok) throw new Error(mine.reason);
    adapter.release();
    expect(await mine.confirmed).to.deep.equal({ status: 'applied' });
    await tick(10);
    adapter.release();
    await tick(10);
    const pushedIds = adapter.pushed.map((m) => m.id);
    expect(pushedIds.filter((id) => id.startsWith('q-')).sort()).to.deep.equal(['q-1', 'q-2', 'q-3']);
    expect(new Set(pushedIds).size).to.equal(pushedIds.length);
    const onT1 = adapter.pushed.filter((m) => m.entityId === 't-1').map((m) => m.id);
    expect(onT1.slice(0, 2)).to.deep.equal(['q-1', 'q-2']);
    expect((adapter.server.get('tasks/t-1') as Task).title).to.equal('Third');
    expect(adapter.recorded.map((m) => m.id).some((id) => id.startsWith('q-'))).to.equal(false);
    expect(store.state.sync.pendingWrites).to.equal(0);
    // A reset reloads the collections but does not re-add queued writes: they are read once per load.
    adapter.emit([{ type: 'reset' }]);
    await tick(10);
    expect(adapter.log.filter((entry) => entry === 'queued')).to.have.length(1);
    expect(adapter.pushed.map((m) => m.id)).to.deep.equal(pushedIds);
  });

  it('drops a queued edit of an entity the server no longer has from view when it is rejected', async () => {
    const { adapter, store, errors } = setup();
    adapter.leftOver = [queuedEdit('q-gone', 't-deleted', { title: 'Edited offline' })];
    await store.connect();
    expect(store.state.tasks.has('t-deleted')).to.equal(false);
    await tick(10);
    expect(adapter.pushed.map((m) => m.id)).to.deep.equal(['q-gone']);
    expect(store.state.sync.pendingWrites).to.equal(0);
    expect(store.state.tasks.has('t-deleted')).to.equal(false);
    expect(errors.find((error) => error.kind === 'write-rejected')).to.include({ code: 'not-found', entityId: 't-deleted' });
  });

  it('does not show a queued create of an invalid entity, and reports it as invalid data', async () => {
    const { adapter, store, errors } = setup();
    const reversed = makeTask('t-bad', { start: '2026-05-10', due: '2026-05-01' });
    adapter.leftOver = [{ id: 'q-bad', kind: 'create', collection: 'tasks', entityId: 't-bad', value: reversed, actorId: 'u-1', at: '2026-11-26T09:00:00.000Z', intent: 'task.create' }];
    await store.connect();
    expect(store.state.tasks.has('t-bad')).to.equal(false);
    expect(store.state.sync.pendingWrites).to.equal(0);
    expect(errors.map((error) => error.kind)).to.deep.equal(['invalid-data']);
  });

  it('removes a queued create from view when the backend rejects it', async () => {
    const { adapter, store } = setup();
    adapter.leftOver = [{ id: 'q-c', kind: 'create', collection: 'tasks', entityId: 't-x', value: makeTask('t-x'), actorId: 'u-1', at: '2026-11-26T09:00:00.000Z', intent: 'task.create' }];
    adapter.answerNext((m) => ({ mutationId: m.id, status: 'rejected', error: new AdapterError('forbidden', 'No.') }));
    adapter.hold();
    await store.connect();
    expect(store.state.tasks.has('t-x')).to.equal(true);
    adapter.release();
    await tick(10);
    expect(store.state.tasks.has('t-x')).to.equal(false);
  });

  it('shows the confirmed entity for a queued create the server already has, and settles it as a duplicate', async () => {
    const { adapter, store } = setup([makeTask('t-1'), makeTask('t-dup', { version: 3, title: 'Edited since by someone' })]);
    adapter.leftOver = [{ id: 'q-dup', kind: 'create', collection: 'tasks', entityId: 't-dup', value: makeTask('t-dup', { title: 'As created' }), actorId: 'u-1', at: '2026-11-26T09:00:00.000Z', intent: 'task.create' }];
    adapter.answerNext((m) => ({ mutationId: m.id, status: 'duplicate', entity: adapter.server.get('tasks/t-dup') as Task }));
    adapter.hold();
    await store.connect();
    expect(store.state.tasks.get('t-dup')).to.include({ title: 'Edited since by someone', version: 3 });
    adapter.release();
    await tick(10);
    expect(adapter.pushed.map((m) => m.id)).to.deep.equal(['q-dup']);
    expect(store.state.tasks.get('t-dup')).to.include({ title: 'Edited since by someone', version: 3 });
    expect(store.state.sync.pendingWrites).to.equal(0);
  });
});

describe('CwmStore with an outbox adapter: connection state', () => {
  it('defaults to off/idle, not durable, nothing queued without a connection or record', () => {
    const store = new CwmStore({ adapter: new ScriptedAdapter({}), workspaceId: 'ws', userId: 'u-1' });
    expect(store.state.sync).to.deep.include({ realtime: 'off', sending: 'idle', durable: false, queued: 0 });
    store.dispose();
  });

  it('feeds realtime, sending, durable, queued and retryAt from the adapter', async () => {
    const { adapter, store } = setup();
    await store.connect();
    expect(store.state.sync).to.deep.include({ realtime: 'live', sending: 'idle', durable: true, queued: 0 });
    adapter.connectionState.next({ realtime: 'reconnecting', sending: 'waiting', durable: true, queued: 4, retryAt: 99 });
    expect(store.state.sync).to.deep.include({ realtime: 'reconnecting', sending: 'waiting', durable: true, queued: 4, retryAt: 99 });
    adapter.connectionState.next({ realtime: 'polling', sending: 'other-tab', durable: false, queued: 2 });
    expect(store.state.sync).to.deep.include({ realtime: 'polling', sending: 'other-tab', durable: false, queued: 2 });
    expect(store.state.sync.retryAt).to.equal(undefined);
  });

  it('retries its own writes at once when the sender leaves waiting', async () => {
    const { adapter, store, errors } = setup();
    await store.connect();
    adapter.offline = true;
    const result = store.updateTask('t-1', { title: 'Later' });
    if (!result.ok) throw new Error(result.reason);
    await tick(10);
    expect(store.state.sync.online).to.equal(false);
    expect(errors.some((error) => error.kind === 'offline')).to.equal(true);
    adapter.connectionState.next({ realtime: 'live', sending: 'waiting', durable: true, queued: 1, retryAt: Date.now() + 60_000 });
    adapter.offline = false;
    const before = adapter.log.filter((entry) => entry.startsWith('push')).length;
    adapter.connectionState.next({ realtime: 'live', sending: 'sending', durable: true, queued: 1 });
    // Well before the store's own 1 s retry.
    expect(await Promise.race([result.confirmed, tick(300).then(() => 'timeout')])).to.deep.equal({ status: 'applied' });
    expect(adapter.log.filter((entry) => entry.startsWith('push')).length).to.equal(before + 1);
    expect(store.state.sync.online).to.equal(true);
  });

  it('also retries when a paused sign-in is renewed, but not on other changes', async () => {
    const { adapter, store } = setup();
    await store.connect();
    adapter.offline = true;
    const result = store.updateTask('t-1', { title: 'After sign-in' });
    if (!result.ok) throw new Error(result.reason);
    await tick(10);
    adapter.offline = false;
    const pushes = (): number => adapter.log.filter((entry) => entry.startsWith('push')).length;
    const before = pushes();
    adapter.connectionState.next({ realtime: 'live', sending: 'other-tab', durable: true, queued: 1 });
    await tick(50);
    expect(pushes()).to.equal(before);
    adapter.connectionState.next({ realtime: 'live', sending: 'paused-auth', durable: true, queued: 1 });
    adapter.connectionState.next({ realtime: 'live', sending: 'idle', durable: true, queued: 1 });
    expect(await Promise.race([result.confirmed, tick(300).then(() => 'timeout')])).to.deep.equal({ status: 'applied' });
  });
});
