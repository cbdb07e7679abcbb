import { expect } from '@open-wc/testing';
import type { CollectionName } from '@cwm/core';
import { Poller, type PollerOptions, type WireChange } from '../../packages/adapter-rest/src/realtime/index.js';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A backend whose collections the test edits between polls. */
class FakeBackend {
  readonly data = new Map<CollectionName, unknown[]>();
  reads = 0;
  inFlight = 0;
  maxInFlight = 0;
  delayMs = 0;
  failing = new Set<CollectionName>();

  readonly listAll = async (collection: CollectionName): Promise<readonly unknown[]> => {
    this.reads += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs > 0) await wait(this.delayMs);
      if (this.failing.has(collection)) throw new Error(`cannot read ${collection}`);
      return structuredClone(this.data.get(collection) ?? []);
    } finally {
      this.inFlight -= 1;
    }
  };
}

function setup(overrides: Partial<PollerOptions> = {}): { backend: FakeBackend; heard: WireChange[][]; errors: unknown[]; poller: Poller } {
  const backend = new FakeBackend();
  const heard: WireChange[][] = [];
  const errors: unknown[] = [];
  const poller = new Poller({
    intervalMs: 10_000,
    collections: ['tasks', 'messages'],
    listAll: backend.listAll,
    onChanges: (changes) => heard.push([...changes]),
    onError: (error) => errors.push(error),
    ...overrides,
  });
  return { backend, heard, errors, poller };
}

describe('Poller', () => {
  let stopAfter: Poller | undefined;
  afterEach(() => {
    stopAfter?.stop();
    stopAfter = undefined;
  });

  it('only records on the first poll, then reports new, changed and vanished items', async () => {
    const { backend, heard, poller } = setup();
    backend.data.set('tasks', [
      { id: 't1', title: 'a', version: 1 },
      { id: 't2', title: 'b', version: 1 },
    ]);
    backend.data.set('messages', [{ id: 'm1', body: 'x' }]);
    await poller.pollNow();
    expect(heard).to.deep.equal([]);

    backend.data.set('tasks', [
      { id: 't1', title: 'a2', version: 2 },
      { id: 't3', title: 'c' },
    ]);
    await poller.pollNow();
    expect(heard).to.deep.equal([
      [
        { type: 'upsert', collection: 'tasks', id: 't1', version: 2, entity: { id: 't1', title: 'a2', version: 2 } },
        { type: 'upsert', collection: 'tasks', id: 't3', entity: { id: 't3', title: 'c' } },
        { type: 'delete', collection: 'tasks', id: 't2' },
      ],
    ]);
  });

  it('reports nothing when only key order differs or nothing changed', async () => {
    const { backend, heard, poller } = setup();
    backend.data.set('tasks', [{ id: 't1', title: 'a', nested: { x: 1, y: 2 } }]);
    await poller.pollNow();
    backend.data.set('tasks', [{ nested: { y: 2, x: 1 }, title: 'a', id: 't1' }]);
    await poller.pollNow();
    await poller.pollNow();
    expect(heard).to.deep.equal([]);
    backend.data.set('tasks', [{ nested: { y: 3, x: 1 }, title: 'a', id: 't1' }]);
    await poller.pollNow();
    expect(heard.length).to.equal(1);
    expect(heard[0]?.[0]).to.include({ type: 'upsert', id: 't1' });
  });

  it('skips items that are not objects with a string id', async () => {
    const { backend, heard, poller } = setup({ collections: ['tasks'] });
    await poller.pollNow();
    backend.data.set('tasks', [null, 3, { id: 4 }, { title: 'no id' }, { id: 'ok' }]);
    await poller.pollNow();
    expect(heard).to.deep.equal([[{ type: 'upsert', collection: 'tasks', id: 'ok', entity: { id: 'ok' } }]]);
  });

  it('a collection that fails is reported and skipped: no deletes for it, the others still diffed', async () => {
    const { backend, heard, errors, poller } = setup();
    backend.data.set('tasks', [{ id: 't1' }]);
    backend.data.set('messages', [{ id: 'm1' }]);
    await poller.pollNow();
    backend.failing.add('tasks');
    backend.data.set('messages', [{ id: 'm1' }, { id: 'm2' }]);
    await poller.pollNow();
    expect(errors.length).to.equal(1);
    expect(heard).to.deep.equal([[{ type: 'upsert', collection: 'messages', id: 'm2', entity: { id: 'm2' } }]]);
    backend.failing.clear();
    backend.data.set('tasks', []);
    await poller.pollNow();
    expect(heard[1]).to.deep.equal([{ type: 'delete', collection: 'tasks', id: 't1' }]);
  });

  it('a throwing onChanges is reported and does not stop the polling', async () => {
    const { backend, errors, poller } = setup({
      collections: ['tasks'],
      onChanges: () => {
        throw new Error('host bug');
      },
    });
    await poller.pollNow();
    backend.data.set('tasks', [{ id: 't1' }]);
    await poller.pollNow();
    expect((errors[0] as Error).message).to.equal('host bug');
  });

  it('polls on its own every intervalMs, never two at once even when reads are slower than the interval', async () => {
    const { backend, heard, poller } = setup({ intervalMs: 5 });
    stopAfter = poller;
    backend.delayMs = 20;
    backend.data.set('tasks', [{ id: 't1', n: 0 }]);
    poller.start();
    poller.start(); // a second start is a no-op
    await wait(60);
    backend.data.set('tasks', [{ id: 't1', n: 1 }]);
    await wait(200);
    expect(backend.maxInFlight).to.equal(1);
    expect(backend.reads).to.be.greaterThan(4);
    expect(heard.flat().filter((change) => change.type === 'upsert' && change.id === 't1').length).to.equal(1);
  });

  it('pollNow while a poll runs waits for it and then polls once more; callers share that poll', async () => {
    const { backend, heard, poller } = setup({ collections: ['tasks'] });
    backend.delayMs = 20;
    await poller.pollNow();
    const readsBefore = backend.reads;
    const first = poller.pollNow();
    // Changed while the first poll is reading: only a poll after it can see this.
    await wait(5);
    backend.data.set('tasks', [{ id: 'late' }]);
    const second = poller.pollNow();
    const third = poller.pollNow();
    expect(third).to.equal(second);
    await Promise.all([first, second, third]);
    expect(backend.reads - readsBefore).to.equal(2);
    expect(backend.maxInFlight).to.equal(1);
    expect(heard).to.deep.equal([[{ type: 'upsert', collection: 'tasks', id: 'late', entity: { id: 'late' } }]]);
  });

  it('stop() ends the timer and a poll under way reports nothing; a restart diffs against what it knew', async () => {
    const { backend, heard, poller } = setup({ intervalMs: 5, collections: ['tasks'] });
    await poller.pollNow();
    backend.delayMs = 30;
    backend.data.set('tasks', [{ id: 't1' }]);
    poller.start();
    await wait(10);
    poller.stop();
    await wait(60);
    const readsAfterStop = backend.reads;
    await wait(40);
    expect(backend.reads).to.equal(readsAfterStop);
    expect(heard).to.deep.equal([]);
    backend.delayMs = 0;
    stopAfter = poller;
    poller.start();
    await wait(20);
    expect(heard).to.deep.equal([[{ type: 'upsert', collection: 'tasks', id: 't1', entity: { id: 't1' } }]]);
  });
});
