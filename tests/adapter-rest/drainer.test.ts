import { expect } from '@open-wc/testing';
import type { Mutation } from '@cwm/core';
import { Drainer, type DrainerOptions, type DrainerState } from '../../packages/adapter-rest/src/outbox/drainer.js';
import type { SerializedResult } from '../../packages/adapter-rest/src/outbox/entry.js';
import { MemoryOutboxStorage } from '../../packages/adapter-rest/src/outbox/memory-storage.js';
import { IndexedDbOutboxStorage } from '../../packages/adapter-rest/src/outbox/outbox-db.js';
import type { OutboxStorage } from '../../packages/adapter-rest/src/outbox/storage.js';
import { createTask, deleteTask, FakeBackend, gate, task, unique, until, updateTask, wait } from './outbox-fakes.js';

interface Run {
  readonly drainer: Drainer;
  readonly backend: FakeBackend;
  readonly storage: OutboxStorage;
  readonly settled: Map<string, SerializedResult>;
  readonly states: DrainerState[];
  settle(ids: readonly string[], ms?: number): Promise<void>;
}

const running: Drainer[] = [];
afterEach(() => {
  for (const drainer of running.splice(0)) drainer.stop();
});

async function drain(mutations: readonly Mutation[], options: Partial<DrainerOptions> & { backend?: FakeBackend; storage?: OutboxStorage; start?: boolean } = {}): Promise<Run> {
  const backend = options.backend ?? new FakeBackend();
  const storage = options.storage ?? new MemoryOutboxStorage();
  await storage.enqueue(mutations);
  const settled = new Map<string, SerializedResult>();
  const states: DrainerState[] = [];
  const drainer = new Drainer({
    retry: { baseMs: 20, maxMs: 1000 },
    random: () => 1,
    ...options,
    storage,
    send: backend.send,
    readCurrent: backend.readCurrent,
    onSettled: (id, result) => settled.set(id, result),
    onState: (state) => states.push(state),
  });
  running.push(drainer);
  if (options.start !== false) drainer.start();
  return {
    drainer,
    backend,
    storage,
    settled,
    states,
    settle: (ids, ms = 3000) => until(() => ids.every((id) => settled.has(id)), `settlement of ${ids.length} mutation(s)`, ms),
  };
}

describe('Drainer', () => {
  it('sends one entity strictly in order, each on the version the one before produced', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1', { version: 1 }));
    let inFlight = 0;
    let most = 0;
    backend.before = async () => {
      most = Math.max(most, ++inFlight);
      await wait(15);
      inFlight--;
    };
    // Made offline one after the other: all recorded against version 1.
    const writes = [updateTask('t-1', { title: 'a' }, 1), updateTask('t-1', { title: 'b' }, 1), updateTask('t-1', { status: 'done' }, 1)];
    const run = await drain(writes, { backend });
    await run.settle(writes.map((write) => write.id));
    expect(backend.calls.map((call) => call.mutation.id)).to.deep.equal(writes.map((write) => write.id));
    expect(backend.calls.map((call) => call.mutation.baseVersion)).to.deep.equal([1, 2, 3]);
    expect(most).to.equal(1);
    expect([...run.settled.values()].map((result) => result.status)).to.deep.equal(['applied', 'applied', 'applied']);
    expect(backend.entities.get('t-1')).to.include({ title: 'b', status: 'done', version: 4 });
    expect(await run.storage.count()).to.equal(0);
    expect(run.states.at(-1)?.sending).to.equal('idle');
  });

  it('sends different entities side by side, at most `concurrency` at once', async () => {
    const backend = new FakeBackend();
    const ids = ['t-1', 't-2', 't-3', 't-4', 't-5'];
    for (const id of ids) backend.put(task(id));
    let inFlight = 0;
    let most = 0;
    backend.before = async () => {
      most = Math.max(most, ++inFlight);
      await wait(20);
      inFlight--;
    };
    const writes = ids.map((id) => updateTask(id, { title: 'x' }, 1));
    const run = await drain(writes, { backend, concurrency: 2 });
    await run.settle(writes.map((write) => write.id));
    expect(most).to.equal(2);
    expect(backend.calls.length).to.equal(5);
  });

  it('holds everything queued after a create until the create is settled', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-old'));
    const creating = gate();
    const created = createTask('t-new');
    backend.script(created.id, async (mutation) => {
      await creating.promise;
      return backend.apply(mutation);
    });
    const other = updateTask('t-old', { title: 'elsewhere' }, 1);
    const onNew = updateTask('t-new', { title: 'renamed' }, 1);
    const run = await drain([created, other, onNew], { backend });
    await wait(60);
    expect(backend.calls.map((call) => call.mutation.id)).to.deep.equal([created.id]);
    expect(run.states.at(-1)?.sending).to.equal('sending');
    creating.open();
    await run.settle([created.id, other.id, onNew.id]);
    expect(backend.calls.map((call) => call.mutation.id).slice(1).sort()).to.deep.equal([other.id, onNew.id].sort());
    expect(backend.entities.get('t-new')).to.include({ title: 'renamed', version: 2 });
  });

  it('retries server errors with growing backoff, while other entities go on', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    backend.put(task('t-2'));
    const flaky = updateTask('t-1', { title: 'eventually' }, 1);
    backend.script(flaky.id, { kind: 'retry', code: 'server', message: '503' }, { kind: 'retry', code: 'server', message: '503' });
    const fine = updateTask('t-2', { title: 'now' }, 1);
    const run = await drain([flaky, fine], { backend, retry: { baseMs: 40, maxMs: 1000 }, random: () => 1 });
    await run.settle([fine.id]);
    expect(run.settled.has(flaky.id)).to.equal(false);
    const waiting = run.states.find((state) => state.sending === 'waiting');
    expect(waiting?.waiting).to.deep.equal([flaky.id]);
    expect(waiting?.retryAt).to.be.a('number');
    await run.settle([flaky.id]);
    const times = backend.calls.filter((call) => call.mutation.id === flaky.id).map((call) => call.at);
    expect(times.length).to.equal(3);
    // random() = 1: the full ceiling, 40 ms then 80 ms.
    expect(times[1]! - times[0]!).to.be.at.least(38);
    expect(times[2]! - times[1]!).to.be.at.least(78);
    expect(run.settled.get(flaky.id)?.status).to.equal('applied');
    const [entry] = await run.storage.entries();
    expect(entry).to.equal(undefined);
  });

  it('waits at least as long as Retry-After asks', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    const write = updateTask('t-1', { title: 'later' }, 1);
    backend.script(write.id, { kind: 'retry', code: 'rate-limited', message: '429', retryAfterMs: 300 });
    const run = await drain([write], { backend, random: () => 0 });
    await run.settle([write.id]);
    const [first, second] = backend.calls.map((call) => call.at);
    expect(second! - first!).to.be.at.least(295);
  });

  it('hurry() sends writes waiting out our own backoff at once, but never before a Retry-After', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    backend.put(task('t-2'));
    const backedOff = updateTask('t-1', { title: 'soon' }, 1);
    const rateLimited = updateTask('t-2', { title: 'when allowed' }, 1);
    backend.script(backedOff.id, { kind: 'retry', code: 'network', message: 'offline' });
    backend.script(rateLimited.id, { kind: 'retry', code: 'rate-limited', message: '429', retryAfterMs: 600 });
    // random() = 1 and a 5 s base: left alone, the first retry would come 5 s later.
    const run = await drain([backedOff, rateLimited], { backend, retry: { baseMs: 5000, maxMs: 30_000 }, random: () => 1 });
    await until(() => run.states.some((state) => state.waiting.length === 2), 'both writes waiting', 2000);
    const hurried = performance.now();
    run.drainer.hurry();
    await run.settle([backedOff.id], 1000);
    expect(performance.now() - hurried, 'the backed-off write went at once').to.be.below(500);
    expect(run.settled.has(rateLimited.id), 'the server asked for 600 ms').to.equal(false);
    // Its own backoff (5 s) was cut short too, down to what the server asked for.
    await run.settle([rateLimited.id], 2000);
    const [first, second] = backend.calls.filter((call) => call.mutation.id === rateLimited.id).map((call) => call.at);
    expect(second! - first!).to.be.at.least(595);
  });

  it('rebases a conflicting update field by field: untouched fields go through, theirs are kept', async () => {
    const backend = new FakeBackend();
    // Someone else retitled the task (version 5) after we saw it at version 4.
    backend.put(task('t-1', { title: 'theirs', status: 'doing', version: 5 }));
    const write = updateTask('t-1', { title: 'mine', status: 'done' }, 4, { title: 'original', status: 'doing' });
    const run = await drain([write], { backend });
    await run.settle([write.id]);
    const result = run.settled.get(write.id);
    expect(result?.status).to.equal('applied');
    expect(result?.status === 'applied' && result.kept).to.deep.equal(['title']);
    const [, resend] = backend.calls;
    expect(resend?.mutation.id).to.equal(write.id);
    expect(resend?.mutation.baseVersion).to.equal(5);
    expect(resend?.mutation.kind === 'update' && resend.mutation.patch).to.deep.equal({ status: 'done' });
    expect(backend.entities.get('t-1')).to.include({ title: 'theirs', status: 'done', version: 6 });
  });

  it('settles a conflict whose every field was changed by someone else without sending again', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1', { title: 'theirs', version: 5 }));
    const write = updateTask('t-1', { title: 'mine' }, 4, { title: 'original' });
    // The 409 came without a body: the drainer reads the current entity itself.
    backend.script(write.id, { kind: 'conflict' });
    const run = await drain([write], { backend });
    await run.settle([write.id]);
    expect(backend.calls.length).to.equal(1);
    expect(run.settled.get(write.id)).to.deep.include({ status: 'applied', kept: ['title'] });
    expect(run.settled.get(write.id)).to.have.nested.property('entity.version', 5);
  });

  it('re-sends a conflicting delete on the current version; a create met by itself is a duplicate', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1', { version: 3 }));
    const removal = deleteTask('t-1', 2);
    const created = createTask('t-2');
    // Our create reached the server before, but its answer (and the key) was lost.
    backend.put({ ...(created.kind === 'create' ? created.value : {}), version: 1 });
    const run = await drain([removal, created], { backend });
    await run.settle([removal.id, created.id]);
    expect(backend.calls.filter((call) => call.mutation.id === removal.id).map((call) => call.mutation.baseVersion)).to.deep.equal([2, 3]);
    expect(backend.entities.has('t-1')).to.equal(false);
    expect(run.settled.get(removal.id)?.status).to.equal('applied');
    expect(run.settled.get(created.id)?.status).to.equal('duplicate');
  });

  it('gives up as a conflict after three rebases, and settles final answers without retrying', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1', { version: 9 }));
    backend.put(task('t-2'));
    const contested = updateTask('t-1', { status: 'done' }, 1);
    const conflict = { kind: 'conflict' as const };
    backend.script(contested.id, conflict, conflict, conflict, conflict);
    const forbidden = updateTask('t-2', { title: 'no' }, 1);
    backend.script(forbidden.id, { kind: 'rejected', code: 'forbidden', message: 'Only the owner may.' });
    const after = updateTask('t-2', { status: 'done' }, 1);
    const run = await drain([contested, forbidden, after], { backend });
    await run.settle([contested.id, forbidden.id, after.id]);
    expect(backend.sendsOf(contested.id)).to.equal(4);
    expect(run.settled.get(contested.id)).to.deep.include({ status: 'rejected' });
    expect(run.settled.get(contested.id)).to.have.nested.property('error.code', 'conflict');
    expect(backend.sendsOf(forbidden.id)).to.equal(1);
    expect(run.settled.get(forbidden.id)).to.deep.equal({ mutationId: forbidden.id, status: 'rejected', error: { code: 'forbidden', message: 'Only the owner may.' } });
    // The rejected write changed nothing: the next one of the entity keeps its base and goes through.
    expect(run.settled.get(after.id)?.status).to.equal('applied');
  });

  it('pauses everything on an auth failure until resumeAuth()', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    backend.put(task('t-2'));
    const first = updateTask('t-1', { title: 'a' }, 1);
    backend.script(first.id, { kind: 'auth', message: 'token expired' });
    const run = await drain([first], { backend });
    await until(() => run.states.at(-1)?.sending === 'paused-auth', 'the pause');
    const second = updateTask('t-2', { title: 'b' }, 1);
    await run.storage.enqueue([second]);
    run.drainer.kick();
    await wait(50);
    expect(backend.calls.length).to.equal(1);
    expect(run.states.at(-1)).to.deep.include({ sending: 'paused-auth' });
    expect(run.states.at(-1)?.waiting).to.deep.equal([first.id, second.id]);
    expect((await run.storage.entries())[0]?.attempts).to.equal(0);
    run.drainer.resumeAuth();
    await run.settle([first.id, second.id]);
    expect(backend.sendsOf(first.id)).to.equal(2);
  });

  it('never sends a write again that settled while it was reading the queue', async () => {
    const backend = new FakeBackend();
    const ids = ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6'];
    for (const id of ids) backend.put(task(id));
    let n = 0;
    backend.before = () => wait(5 + (n++ % 3) * 7);
    // A slow disk: what a read returns is already some milliseconds old when the drainer sees it.
    const inner = new MemoryOutboxStorage();
    const slow: OutboxStorage = Object.assign(Object.create(inner) as OutboxStorage, {
      entries: async () => {
        const snapshot = await inner.entries();
        await wait(12);
        return snapshot;
      },
    });
    const writes = ids.map((id) => updateTask(id, { title: 'once' }, 1));
    // And one that must wait for its retry, however stale a read is.
    const later = updateTask('t-7', { title: 'later' }, 1);
    backend.put(task('t-7'));
    backend.script(later.id, { kind: 'retry', code: 'server', message: '503', retryAfterMs: 250 });
    const run = await drain([...writes.slice(0, 3), later, ...writes.slice(3)], { backend, storage: slow, concurrency: 3 });
    await run.settle([...writes, later].map((write) => write.id));
    await wait(80);
    expect(writes.map((write) => backend.sendsOf(write.id))).to.deep.equal([1, 1, 1, 1, 1, 1]);
    const [first, second] = backend.calls.filter((call) => call.mutation.id === later.id).map((call) => call.at);
    expect(backend.sendsOf(later.id)).to.equal(2);
    expect(second! - first!).to.be.at.least(245);
  });

  it('sends nothing while canSend() is false', async () => {
    const backend = new FakeBackend();
    backend.put(task('t-1'));
    let allowed = false;
    const write = updateTask('t-1', { title: 'a' }, 1);
    const run = await drain([write], { backend, canSend: () => allowed });
    await wait(50);
    expect(backend.calls.length).to.equal(0);
    allowed = true;
    run.drainer.kick();
    await run.settle([write.id]);
    expect(backend.calls.length).to.equal(1);
  });

  it('re-sends entries a dead leader left sending, and a stopped drainer leaves its attempt for the next', async () => {
    const storage = await IndexedDbOutboxStorage.open(unique('cwm:t'), { tenant: 't', userId: 'u-1' });
    try {
      const backend = new FakeBackend();
      backend.put(task('t-1'));
      const write = updateTask('t-1', { title: 'a' }, 1);
      backend.script(write.id, (_mutation, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve({ kind: 'retry', code: 'network', message: 'aborted' }))));
      const first = await drain([write], { backend, storage });
      await until(() => backend.calls.length === 1, 'the first attempt');
      first.drainer.stop();
      await wait(20);
      const [left] = await storage.entries();
      expect(left).to.include({ state: 'sending', attempts: 1 });
      const next = await drain([], { backend, storage });
      await next.settle([write.id]);
      expect(backend.sendsOf(write.id)).to.equal(2);
      expect(first.settled.size).to.equal(0);
      expect(backend.entities.get('t-1')).to.include({ title: 'a', version: 2 });
    } finally {
      await storage.destroy();
    }
  });
});
