import { expect } from '@open-wc/testing';
import type { AnyEntity } from '@cwm/core';
import { outboxDatabaseName, outboxNamespace } from '../../packages/adapter-rest/src/outbox/namespace.js';
import { IndexedDbOutboxStorage } from '../../packages/adapter-rest/src/outbox/outbox-db.js';
import { MemoryOutboxStorage } from '../../packages/adapter-rest/src/outbox/memory-storage.js';
import type { OutboxStorage } from '../../packages/adapter-rest/src/outbox/storage.js';
import { createTask, task, unique, updateTask } from './outbox-fakes.js';

function rawOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function rawPut(name: string, store: string, value: unknown, key?: IDBValidKey): Promise<void> {
  const db = await rawOpen(name);
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(store, 'readwrite');
    transaction.objectStore(store).put(value, key);
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error);
  });
  db.close();
}

describe('outboxNamespace', () => {
  it('is cwm:<tenant>:<16 hex>, stable, and different per person and per tenant', async () => {
    const a = await outboxNamespace('acme', 'u-1');
    expect(a).to.match(/^cwm:acme:[0-9a-f]{16}$/);
    expect(await outboxNamespace('acme', 'u-1')).to.equal(a);
    expect(await outboxNamespace('acme', 'u-2')).to.not.equal(a);
    expect((await outboxNamespace('other', 'u-1')).slice(-16)).to.not.equal(a.slice(-16));
    // The separator keeps ("a", "bc") and ("ab", "c") apart.
    expect((await outboxNamespace('a', 'bc')).slice(-16)).to.not.equal((await outboxNamespace('ab', 'c')).slice(-16));
    expect(a).to.not.contain('u-1');
  });
});

const kinds: { name: string; open: (ns: string) => Promise<OutboxStorage> }[] = [
  { name: 'IndexedDbOutboxStorage', open: (ns) => IndexedDbOutboxStorage.open(ns, { tenant: 't', userId: 'u-1' }) },
  { name: 'MemoryOutboxStorage', open: async () => new MemoryOutboxStorage() },
];

for (const kind of kinds) {
  describe(kind.name, () => {
    const opened: OutboxStorage[] = [];
    const open = async () => {
      const storage = await kind.open(unique('cwm:t'));
      opened.push(storage);
      return storage;
    };
    afterEach(async () => {
      for (const storage of opened.splice(0)) await storage.destroy();
    });

    it('keeps entries in the order they were recorded, and records each mutation id once', async () => {
      const storage = await open();
      const [a, b, c] = [updateTask('t-1', { title: 'a' }, 1), createTask('t-2'), updateTask('t-1', { title: 'c' }, 1)];
      expect(await storage.enqueue([a, b])).to.deep.equal([a.id, b.id]);
      expect(await storage.enqueue([b, c, c])).to.deep.equal([c.id]);
      const entries = await storage.entries();
      expect(entries.map((entry) => entry.id)).to.deep.equal([a.id, b.id, c.id]);
      expect(entries.map((entry) => entry.state)).to.deep.equal(['queued', 'queued', 'queued']);
      expect(entries[0]?.seq).to.be.below(entries[1]?.seq as number);
      expect(entries[0]?.mutation).to.deep.equal(a);
      expect(await storage.count()).to.equal(3);
    });

    it('keeps the old base of a later write of a field the settled one lost, so the backend merges it too', async () => {
      const storage = await open();
      const first = updateTask('t-1', { title: 'mine', priority: 'high' }, 3);
      const sameField = updateTask('t-1', { title: 'mine, better' }, 3);
      const otherField = updateTask('t-1', { estimate: 5 }, 3);
      await storage.enqueue([first, sameField, otherField]);
      const entity = task('t-1', { title: 'theirs', priority: 'high', version: 5 }) as unknown as AnyEntity;
      await storage.settle(first.id, { mutationId: first.id, status: 'applied', entity, kept: ['title'] }, 1000);
      const entries = await storage.entries();
      expect(entries.map((entry) => entry.mutation.baseVersion)).to.deep.equal([3, 5]);
    });

    it('settles in one step: the entry goes, the result stays, later writes of the entity move onto the new version', async () => {
      const storage = await open();
      const first = updateTask('t-1', { title: 'one' }, 3);
      const other = updateTask('t-9', { title: 'other' }, 3);
      const second = updateTask('t-1', { title: 'two' }, 3);
      const unversioned = updateTask('t-1', { title: 'three' });
      await storage.enqueue([first, other, second, unversioned]);
      const entity = task('t-1', { title: 'one', version: 4 }) as unknown as AnyEntity;
      await storage.settle(first.id, { mutationId: first.id, status: 'applied', entity }, 1000);
      const entries = await storage.entries();
      expect(entries.map((entry) => entry.id)).to.deep.equal([other.id, second.id, unversioned.id]);
      expect(entries.map((entry) => entry.mutation.baseVersion)).to.deep.equal([3, 4, undefined]);
      const settled = await storage.settled(first.id);
      expect(settled?.at).to.equal(1000);
      expect(settled?.result).to.deep.equal({ mutationId: first.id, status: 'applied', entity });
      // The first settlement wins; a settled id is never queued again.
      await storage.settle(first.id, { mutationId: first.id, status: 'rejected', error: { code: 'conflict', message: 'late' } }, 2000);
      expect((await storage.settled(first.id))?.result.status).to.equal('applied');
      expect(await storage.enqueue([first])).to.deep.equal([]);
      expect(await storage.count()).to.equal(3);
    });

    it('updates only entries still queued, and prunes old results', async () => {
      const storage = await open();
      const a = updateTask('t-1', { title: 'a' }, 1);
      const b = updateTask('t-2', { title: 'b' }, 1);
      await storage.enqueue([a, b]);
      const [entryA] = await storage.entries();
      expect(await storage.update({ ...entryA!, state: 'sending', attempts: 1 })).to.equal(true);
      expect((await storage.entries())[0]).to.include({ state: 'sending', attempts: 1 });
      await storage.settle(a.id, { mutationId: a.id, status: 'applied' }, 100);
      expect(await storage.update({ ...entryA!, state: 'queued' })).to.equal(false);
      expect((await storage.entries()).map((entry) => entry.id)).to.deep.equal([b.id]);
      await storage.settle(b.id, { mutationId: b.id, status: 'applied' }, 200);
      await storage.pruneSettled(150);
      expect(await storage.settled(a.id)).to.equal(undefined);
      expect(await storage.settled(b.id)).to.not.equal(undefined);
    });
  });
}

describe('IndexedDbOutboxStorage across opens', () => {
  it('survives closing and reopening, and never shows one namespace the other', async () => {
    const mine = unique('cwm:t');
    const theirs = unique('cwm:t');
    const a = await IndexedDbOutboxStorage.open(mine, { tenant: 't', userId: 'u-1' });
    const b = await IndexedDbOutboxStorage.open(theirs, { tenant: 't', userId: 'u-2' });
    const write = updateTask('t-1', { title: 'kept' }, 1);
    await a.enqueue([write]);
    expect(await b.entries()).to.deep.equal([]);
    a.close();
    const again = await IndexedDbOutboxStorage.open(mine, { tenant: 't', userId: 'u-1' });
    expect((await again.entries()).map((entry) => entry.mutation)).to.deep.equal([write]);
    await again.destroy();
    await b.destroy();
  });

  it('starts afresh when the database names another owner', async () => {
    const ns = unique('cwm:t');
    const first = await IndexedDbOutboxStorage.open(ns, { tenant: 't', userId: 'u-1' });
    await first.enqueue([updateTask('t-1', { title: 'private' }, 1)]);
    first.close();
    const other = await IndexedDbOutboxStorage.open(ns, { tenant: 't', userId: 'u-2' });
    expect(await other.entries()).to.deep.equal([]);
    other.close();
    // And the first owner's queue is gone with it, not merely hidden.
    const back = await IndexedDbOutboxStorage.open(ns, { tenant: 't', userId: 'u-1' });
    expect(await back.entries()).to.deep.equal([]);
    await back.destroy();
  });

  it('leaves entries of an unknown schema alone and never lists them', async () => {
    const ns = unique('cwm:t');
    const storage = await IndexedDbOutboxStorage.open(ns, { tenant: 't', userId: 'u-1' });
    const write = updateTask('t-1', { title: 'ok' }, 1);
    await storage.enqueue([write]);
    storage.close();
    await rawPut(outboxDatabaseName(ns), 'entries', { id: 'future', seq: 99, mutation: write, state: 'queued', attempts: 0, nextAttemptAt: 0, schema: 2 });
    const again = await IndexedDbOutboxStorage.open(ns, { tenant: 't', userId: 'u-1' });
    expect((await again.entries()).map((entry) => entry.id)).to.deep.equal([write.id]);
    await again.destroy();
  });

  it('gives up on an open that stays blocked', async () => {
    const original = indexedDB.open;
    // A request that never answers: what a blocked open looks like from here.
    indexedDB.open = (() => ({}) as IDBOpenDBRequest) as typeof indexedDB.open;
    const started = performance.now();
    try {
      await IndexedDbOutboxStorage.open(unique('cwm:t'), { tenant: 't', userId: 'u-1' }, { blockedTimeoutMs: 200 });
      expect.fail('the open should have failed');
    } catch (error) {
      expect((error as DOMException).name).to.equal('TimeoutError');
      expect(performance.now() - started).to.be.within(190, 1500);
    } finally {
      indexedDB.open = original;
    }
  });
});
