import { expect } from '@open-wc/testing';
import { IdbConnection } from '../../packages/adapter-rest/src/idb/connection.js';
import { deleteDatabase, openDatabase, requestResult, runTransaction } from '../../packages/adapter-rest/src/idb/idb.js';

const unique = (prefix: string): string => `${prefix}-${Math.random().toString(36).slice(2)}`;
const withStore = (db: IDBDatabase): void => {
  if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv');
};

describe('idb helpers', () => {
  it('opens with the upgrade run once, and runs a transaction that resolves after the commit', async () => {
    const name = unique('cwm-idb');
    let upgrades = 0;
    const upgrade = (db: IDBDatabase): void => {
      upgrades += 1;
      withStore(db);
    };
    const db = await openDatabase(name, 1, upgrade, 2000);
    const result = await runTransaction(db, ['kv'], 'readwrite', async (transaction) => {
      transaction.objectStore('kv').put('one', 'a');
      return 'written';
    });
    expect(result).to.equal('written');
    db.close();
    const again = await openDatabase(name, 1, upgrade, 2000);
    expect(upgrades).to.equal(1);
    const stored = await runTransaction(again, ['kv'], 'readonly', (transaction) => requestResult(transaction.objectStore('kv').get('a')));
    expect(stored).to.equal('one');
    again.close();
    await deleteDatabase(name);
  });

  it('aborts the whole transaction when the work throws, and rejects with that error', async () => {
    const name = unique('cwm-idb');
    const db = await openDatabase(name, 1, withStore, 2000);
    const failure = new Error('half way');
    try {
      await runTransaction(db, ['kv'], 'readwrite', async (transaction) => {
        const store = transaction.objectStore('kv');
        await requestResult(store.put('first', 'a'));
        throw failure;
      });
      expect.fail('the transaction should have failed');
    } catch (error) {
      expect(error).to.equal(failure);
    }
    const stored = await runTransaction(db, ['kv'], 'readonly', (transaction) => requestResult(transaction.objectStore('kv').count()));
    expect(stored, 'nothing of the aborted transaction stays').to.equal(0);
    db.close();
    await deleteDatabase(name);
  });

  it('rejects with the request error (a constraint) and keeps nothing', async () => {
    const name = unique('cwm-idb');
    const db = await openDatabase(name, 1, withStore, 2000);
    try {
      await runTransaction(db, ['kv'], 'readwrite', async (transaction) => {
        const store = transaction.objectStore('kv');
        store.put('first', 'a');
        await requestResult(store.add('again', 'a'));
      });
      expect.fail('the add should have failed');
    } catch (error) {
      expect((error as DOMException).name).to.equal('ConstraintError');
    }
    expect(await runTransaction(db, ['kv'], 'readonly', (transaction) => requestResult(transaction.objectStore('kv').count()))).to.equal(0);
    db.close();
    await deleteDatabase(name);
  });

  it('gives up on a blocked open with a TimeoutError and closes the connection that comes late', async () => {
    const name = unique('cwm-idb');
    const holder = await openDatabase(name, 1, withStore, 2000);
    // An older connection that ignores versionchange blocks an upgrade for as long as it stays open.
    holder.onversionchange = null;
    const started = performance.now();
    try {
      await openDatabase(name, 2, withStore, 150);
      expect.fail('the open should have timed out');
    } catch (error) {
      expect((error as DOMException).name).to.equal('TimeoutError');
      expect((error as DOMException).message).to.contain(name);
      expect(performance.now() - started).to.be.within(140, 1500);
    }
    holder.close();
    // The late connection arrives once the holder let go and is closed at once: a delete is not blocked by it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const outcome = await new Promise<string>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => resolve('deleted');
      request.onerror = () => reject(request.error);
    });
    expect(outcome).to.equal('deleted');
  });

  it('deletes a database that does not exist without complaint', async () => {
    await deleteDatabase(unique('cwm-idb-none'));
  });
});

describe('IdbConnection', () => {
  it('lets go when another tab deletes the database, then fails transactions with InvalidStateError', async () => {
    const name = unique('cwm-idb');
    const connection = new IdbConnection(await openDatabase(name, 1, withStore, 2000), 'The test store is closed.');
    expect(connection.open).to.equal(true);
    // Resolves only when the connection closed on versionchange: it would block the delete otherwise.
    await deleteDatabase(name);
    expect(connection.open).to.equal(false);
    expect(connection.closedByOther).to.equal(true);
    try {
      await connection.run(['kv'], 'readonly', async () => undefined);
      expect.fail('a closed connection should refuse');
    } catch (error) {
      expect((error as DOMException).name).to.equal('InvalidStateError');
      expect((error as DOMException).message).to.equal('The test store is closed.');
    }
  });

  it('closed here is not closed by another', async () => {
    const name = unique('cwm-idb');
    const connection = new IdbConnection(await openDatabase(name, 1, withStore, 2000), 'closed');
    connection.close();
    connection.close();
    expect(connection.open).to.equal(false);
    expect(connection.closedByOther).to.equal(false);
    await deleteDatabase(name);
  });
});
