import { expect } from '@open-wc/testing';
import { AdapterError, type Mutation } from '@cwm/core';
import { parseOutboxMessage } from '../../packages/adapter-rest/src/outbox/channel.js';
import { outboxDatabaseName, outboxNamespace } from '../../packages/adapter-rest/src/outbox/namespace.js';
import { Outbox, type OutboxOptions, type OutboxState } from '../../packages/adapter-rest/src/outbox/outbox.js';
import { openFrameTab, type FrameTab } from './frame-tab.js';
import { createTask, FakeBackend, hang, task, unique, until, updateTask, wait } from './outbox-fakes.js';

const opened: Outbox[] = [];
const frames: FrameTab[] = [];
afterEach(async () => {
  for (const outbox of opened.splice(0)) await outbox.wipe().catch(() => undefined);
  for (const frame of frames.splice(0)) frame.kill();
});

async function open(backend: FakeBackend, options: Partial<OutboxOptions> = {}): Promise<Outbox> {
  const outbox = await Outbox.open({
    tenant: 'acme',
    userId: unique('u'),
    send: backend.send,
    readCurrent: backend.readCurrent,
    retry: { baseMs: 20, maxMs: 200 },
    ...options,
  });
  opened.push(outbox);
  return outbox;
}

/** What an `AdapterError` a promise rejects with looks like (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(AdapterError);
    return error as AdapterError;
  }
  expect.fail('expected a rejection');
}

/** The entry for a mutation id in a namespace's database, read directly (not through the outbox). */
async function storedEntry(namespace: string, id: string): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(outboxDatabaseName(namespace));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const request = db.transaction('entries').objectStore('entries').get(id);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((db) => db.name === name);
}

describe('Outbox', () => {
  it('records a write in IndexedDB before sending it, and push answers with the result', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    const write = updateTask('t-1', { title: 'saved' }, 1);
    let storedWhenSent: unknown;
    const outbox = await open(backend);
    backend.before = async (mutation) => {
      storedWhenSent = await storedEntry(outbox.namespace, mutation.id);
    };
    const states: OutboxState[] = [];
    outbox.state$.subscribe((state) => states.push(state));
    const [result] = await outbox.push([write]);
    expect(result).to.deep.include({ mutationId: write.id, status: 'applied' });
    expect(storedWhenSent).to.have.nested.property('mutation.id', write.id);
    await until(() => outbox.state.sending === 'idle', 'the state to catch up');
    expect(outbox.state).to.deep.equal({ sending: 'idle', queued: 0, durable: true });
    expect(states.map((state) => state.sending)).to.include('sending');
    expect(states.some((state) => state.queued === 1)).to.equal(true);
    expect(outbox.storageError).to.equal(undefined);
    // Pushing the same write again does not send it again: the settled result answers.
    const [again] = await outbox.push([write]);
    expect(again?.status).to.equal('applied');
    expect(backend.sendsOf(write.id)).to.equal(1);
  });

  it('keeps writes over a reload and sends them from the next page', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    const tenant = unique('acme');
    const writes = [updateTask('t-1', { title: 'offline 1' }, 1), updateTask('t-1', { status: 'done' }, 1)];
    const page = await openFrameTab();
    frames.push(page);
    // The first page is offline: nothing goes out.
    const before = await page.open({ tenant, userId: 'u-1', send: backend.send, readCurrent: backend.readCurrent, canSend: () => false });
    await before.record(writes);
    expect((await before.queued()).map((mutation) => mutation.id)).to.deep.equal(writes.map((write) => write.id));
    page.kill();
    const after = await open(backend, { tenant, userId: 'u-1' });
    expect((await after.queued()).map((mutation) => mutation.id)).to.deep.equal(writes.map((write) => write.id));
    const results = await after.push(writes);
    expect(results.map((result) => result.status)).to.deep.equal(['applied', 'applied']);
    expect(backend.calls.map((call) => call.mutation.baseVersion)).to.deep.equal([1, 2]);
    expect(await after.queued()).to.deep.equal([]);
  });

  it('never shows or sends another person’s queue', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    const tenant = unique('acme');
    const hers = await open(backend, { tenant, userId: 'u-1', canSend: () => false });
    await hers.record([updateTask('t-1', { title: 'hers' }, 1)]);
    const his = await open(backend, { tenant, userId: 'u-2' });
    expect(his.namespace).to.not.equal(hers.namespace);
    expect(await his.queued()).to.deep.equal([]);
    expect(his.state.queued).to.equal(0);
    await wait(50);
    expect(backend.calls.length).to.equal(0);
  });

  it('lets any tab push while one sends, and tells every tab the result', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    backend.put(task('t-2'));
    const tenant = unique('acme');
    const leaderSends: Mutation[] = [];
    const leader = await open(backend, { tenant, userId: 'u-1', send: (mutation, signal) => (leaderSends.push(mutation), backend.send(mutation, signal)) });
    await until(() => leader.state.sending === 'idle', 'the leader');
    const follower = await open(backend, { tenant, userId: 'u-1', send: () => Promise.reject(new Error('a follower never sends')) });
    const write = updateTask('t-2', { title: 'from the other tab' }, 1);
    const [result] = await follower.push([write]);
    expect(result?.status).to.equal('applied');
    expect(leaderSends.map((mutation) => mutation.id)).to.deep.equal([write.id]);
    await until(() => follower.state.queued === 0, 'the follower’s count');
    // The follower shows another tab sends while something is queued.
    const slow = updateTask('t-1', { title: 'slow' }, 1);
    backend.script(slow.id, async (mutation) => (await wait(100), backend.apply(mutation)));
    await follower.record([slow]);
    await until(() => follower.state.sending === 'other-tab', 'the other-tab state');
  });

  it('answers a push at once with a retry time while the write waits for a retry', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    const write = updateTask('t-1', { title: 'later' }, 1);
    backend.script(write.id, { kind: 'retry', code: 'server', message: '503', retryAfterMs: 400 });
    const outbox = await open(backend, { retry: { baseMs: 10, maxMs: 10 } });
    const started = performance.now();
    const error = await rejection(outbox.push([write]));
    expect(performance.now() - started).to.be.below(300);
    expect(error.code).to.equal('network');
    expect(error.message).to.equal('Waiting to send');
    expect(error.retryAfterMs).to.be.within(200, 400);
    expect(outbox.state.sending).to.equal('waiting');
    expect(outbox.state.retryAt).to.be.a('number');
    // It stays queued and goes out by itself; asking again later answers from the settled results.
    await until(() => outbox.state.queued === 0, 'the retry');
    const [result] = await outbox.push([write]);
    expect(result?.status).to.equal('applied');
    expect(backend.sendsOf(write.id)).to.equal(2);
  });

  it('tells a follower’s caller at once when the leading tab waits for a retry', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    const tenant = unique('acme');
    const leader = await open(backend, { tenant, userId: 'u-1', retry: { baseMs: 10, maxMs: 10 } });
    await until(() => leader.state.sending === 'idle', 'the leader');
    const follower = await open(backend, { tenant, userId: 'u-1' });
    const write = updateTask('t-1', { title: 'later' }, 1);
    backend.script(write.id, { kind: 'retry', code: 'rate-limited', message: '429', retryAfterMs: 1000 });
    const started = performance.now();
    const error = await rejection(follower.push([write]));
    expect(performance.now() - started).to.be.below(500);
    expect(error.message).to.equal('Waiting to send');
    expect(error.retryAfterMs).to.be.within(500, 1000);
    expect(follower.state).to.deep.include({ sending: 'other-tab', queued: 1 });
    expect(follower.state.retryAt).to.be.a('number');
  });

  it('gives up waiting after settleWaitMs, without sending twice', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    const write = updateTask('t-1', { title: 'stuck' }, 1);
    backend.script(write.id, hang);
    const outbox = await open(backend, { settleWaitMs: 150 });
    const started = performance.now();
    const error = await rejection(outbox.push([write]));
    expect(performance.now() - started).to.be.within(140, 1000);
    expect(error.code).to.equal('network');
    expect(backend.sendsOf(write.id)).to.equal(1);
    expect(outbox.state.queued).to.equal(1);
  });

  it('pauses on auth until resumeAuth(), telling callers at once', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    const write = updateTask('t-1', { title: 'a' }, 1);
    backend.script(write.id, { kind: 'auth', message: 'expired' });
    const outbox = await open(backend);
    const error = await rejection(outbox.push([write]));
    expect(error.code).to.equal('network');
    expect(outbox.state.sending).to.equal('paused-auth');
    expect(backend.sendsOf(write.id)).to.equal(1);
    const pending = outbox.push([write]);
    expect((await rejection(pending)).code).to.equal('network');
    outbox.resumeAuth();
    const [result] = await outbox.push([write]);
    expect(result?.status).to.equal('applied');
  });

  it('turns rejected results back into AdapterErrors, also across tabs', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    const tenant = unique('acme');
    const leader = await open(backend, { tenant, userId: 'u-1' });
    await until(() => leader.state.sending === 'idle', 'the leader');
    const follower = await open(backend, { tenant, userId: 'u-1' });
    const write = updateTask('t-1', { title: 'no' }, 1);
    backend.script(write.id, { kind: 'rejected', code: 'validation', message: 'Title too long.' });
    const [result] = await follower.push([write]);
    expect(result?.status).to.equal('rejected');
    const error = result?.status === 'rejected' ? result.error : undefined;
    expect(error).to.be.instanceOf(AdapterError);
    expect(error?.code).to.equal('validation');
    expect(error?.message).to.equal('Title too long.');
  });

  it('wipes on sign-out: the database is gone and other tabs are told', async () => {
    const backend = new FakeBackend();
    const tenant = unique('acme');
    const mine = await open(backend, { tenant, userId: 'u-1', canSend: () => false });
    const other = await open(backend, { tenant, userId: 'u-1', canSend: () => false });
    let signedOut = 0;
    other.signedOut$.subscribe(() => signedOut++);
    await mine.record([createTask('t-9')]);
    const name = outboxDatabaseName(await outboxNamespace(tenant, 'u-1'));
    expect(await databaseExists(name)).to.equal(true);
    const waiting = rejection(other.push([createTask('t-10')]));
    await mine.wipe();
    expect(await databaseExists(name)).to.equal(false);
    await until(() => signedOut === 1, 'the other tab to hear');
    expect((await waiting).code).to.equal('network');
    expect(await other.queued()).to.deep.equal([]);
    const fresh = await open(backend, { tenant, userId: 'u-1' });
    expect(await fresh.queued()).to.deep.equal([]);
  });

  describe('when storage fails', () => {
    const restore: (() => void)[] = [];
    afterEach(() => {
      for (const undo of restore.splice(0)) undo();
    });

    it('goes online-only when IndexedDB cannot be opened', async () => {
      const original = indexedDB.open;
      indexedDB.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
      restore.push(() => (indexedDB.open = original));
      const backend = new FakeBackend();
      backend.put(task('t-1'));
      const outbox = await open(backend);
      restore.splice(0).forEach((undo) => undo());
      expect(outbox.state.durable).to.equal(false);
      expect(outbox.storageError).to.be.instanceOf(AdapterError);
      expect(outbox.storageError?.code).to.equal('network');
      expect(outbox.storageError?.message).to.contain('SecurityError');
      const [result] = await outbox.push([updateTask('t-1', { title: 'online' }, 1)]);
      expect(result?.status).to.equal('applied');
    });

    it('goes online-only when an open stays blocked', async () => {
      const original = indexedDB.open;
      indexedDB.open = (() => ({}) as IDBOpenDBRequest) as typeof indexedDB.open;
      restore.push(() => (indexedDB.open = original));
      const backend = new FakeBackend();
      const started = performance.now();
      const outbox = await open(backend, { blockedTimeoutMs: 200 });
      expect(performance.now() - started).to.be.within(190, 1500);
      expect(outbox.state.durable).to.equal(false);
      expect(outbox.storageError?.message).to.contain('TimeoutError');
    });

    it('rejects record once on QuotaExceededError, then keeps the write in memory and sends it', async () => {
      const backend = new FakeBackend();
      backend.put(task('t-1'));
      const outbox = await open(backend);
      expect(outbox.state.durable).to.equal(true);
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      restore.push(() => (IDBObjectStore.prototype.put = put));
      const write = updateTask('t-1', { title: 'no room' }, 1);
      const error = await rejection(outbox.record([write]));
      expect(error.code).to.equal('network');
      expect(error.message).to.contain('out of storage space');
      expect(outbox.storageError).to.equal(error);
      expect(outbox.state.durable).to.equal(false);
      expect((await outbox.queued()).map((mutation) => mutation.id)).to.deep.equal([write.id]);
      const [result] = await outbox.push([write]);
      expect(result?.status).to.equal('applied');
      expect(backend.sendsOf(write.id)).to.equal(1);
      // Later writes no longer touch IndexedDB: no second rejection.
      await outbox.record([updateTask('t-1', { title: 'still online' }, 2)]);
    });
  });

  it('works online-only by choice', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    const tenant = unique('acme');
    const outbox = await open(backend, { tenant, userId: 'u-1', storage: 'memory' });
    expect(outbox.state.durable).to.equal(false);
    expect(outbox.storageError).to.equal(undefined);
    const [result] = await outbox.push([updateTask('t-1', { title: 'x' }, 1)]);
    expect(result?.status).to.equal('applied');
    expect(await databaseExists(outboxDatabaseName(outbox.namespace))).to.equal(false);
  });
});

describe('parseOutboxMessage', () => {
  const ns = 'cwm:acme:0123456789abcdef';
  it('believes well-formed messages of its namespace only', () => {
    expect(parseOutboxMessage({ v: 1, ns, type: 'kick' }, ns)).to.deep.equal({ type: 'kick' });
    expect(parseOutboxMessage({ v: 1, ns, type: 'queued', ids: ['a', 'b'] }, ns)).to.deep.equal({ type: 'queued', ids: ['a', 'b'] });
    const settled = { v: 1, ns, type: 'settled', mutationId: 'm', result: { mutationId: 'm', status: 'rejected', error: { code: 'forbidden', message: 'no' } } };
    expect(parseOutboxMessage(settled, ns)).to.have.property('type', 'settled');
    expect(parseOutboxMessage({ v: 1, ns: 'cwm:acme:ffffffffffffffff', type: 'kick' }, ns)).to.equal(undefined);
    expect(parseOutboxMessage({ v: 2, ns, type: 'kick' }, ns)).to.equal(undefined);
    expect(parseOutboxMessage({ v: 1, ns, type: 'wipe-everything' }, ns)).to.equal(undefined);
    expect(parseOutboxMessage({ v: 1, ns, type: 'queued', ids: [1] }, ns)).to.equal(undefined);
    expect(parseOutboxMessage({ v: 1, ns, type: 'settled', mutationId: 'm', result: { mutationId: 'other', status: 'applied' } }, ns)).to.equal(undefined);
    expect(parseOutboxMessage({ v: 1, ns, type: 'status', sending: 'dancing' }, ns)).to.equal(undefined);
    expect(parseOutboxMessage({ v: 1, ns, type: 'queued', ids: ['x'.repeat(70_000)] }, ns)).to.equal(undefined);
    expect(parseOutboxMessage('kick', ns)).to.equal(undefined);
    expect(parseOutboxMessage(null, ns)).to.equal(undefined);
  });
});
