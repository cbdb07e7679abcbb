import { runTransaction } from './idb.js';

/**
 * One open IndexedDB connection that lets go when it must: when another tab deletes or upgrades the
 * database (a sign-out elsewhere) it closes at once instead of blocking that tab, and from then on
 * every transaction fails with an `InvalidStateError` rather than writing a database that is gone.
 */
export class IdbConnection {
  private db: IDBDatabase | undefined;
  private lostToOther = false;

  /** `closedMessage` is what a transaction on the closed connection fails with (names the owner). */
  constructor(
    db: IDBDatabase,
    private readonly closedMessage: string,
  ) {
    this.db = db;
    db.onversionchange = () => {
      this.lostToOther = true;
      this.close();
    };
    // The browser may drop a connection on its own (storage cleared, disk error).
    db.onclose = () => {
      if (this.db === db) this.db = undefined;
    };
  }

  /** False once closed, here, by another tab or by the browser. */
  get open(): boolean {
    return this.db !== undefined;
  }

  /** True when another tab deleted or upgraded the database under this connection. */
  get closedByOther(): boolean {
    return this.lostToOther;
  }

  /** `runTransaction` on this connection; rejects with an `InvalidStateError` once it is closed. */
  run<T>(stores: readonly string[], mode: IDBTransactionMode, work: (transaction: IDBTransaction) => Promise<T>): Promise<T> {
    if (this.db === undefined) return Promise.reject(new DOMException(this.closedMessage, 'InvalidStateError'));
    return runTransaction(this.db, stores, mode, work);
  }

  /** Closes the connection; harmless when it is closed already. */
  close(): void {
    this.db?.close();
    this.db = undefined;
  }
}
