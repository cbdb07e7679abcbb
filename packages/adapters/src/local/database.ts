import { promisifyRequest } from 'idb-keyval';
import { SCHEMA_VERSION, type StoreName, upgradeSchema } from './schema.js';

/**
 * One workspace's IndexedDB database: a cached connection and transactions over several stores at
 * once (idb-keyval's `UseStore` idea, widened from one store to many). The connection is dropped when
 * the browser closes it or another tab deletes or upgrades the database, and reopened on next use.
 */
export class WorkspaceDatabase {
  private connection: Promise<IDBDatabase> | undefined;

  constructor(readonly name: string) {}

  /**
   * Runs `work` in one transaction and resolves with its result once the transaction has committed
   * (so callers announce only durable writes). If `work` throws, the transaction is aborted and
   * nothing it wrote stays. `work` may await IndexedDB requests, never anything else: the
   * transaction commits as soon as it has no pending request.
   */
  async run<T>(stores: readonly StoreName[], mode: IDBTransactionMode, work: (transaction: IDBTransaction) => T | Promise<T>): Promise<T> {
    const transaction = await this.transaction(stores, mode);
    const committed = promisifyRequest(transaction);
    let result: T;
    try {
      result = await work(transaction);
    } catch (error) {
      try {
        transaction.abort();
      } catch {
        // Already finished or aborted: nothing left to undo.
      }
      await committed.catch(() => undefined);
      throw error;
    }
    await committed;
    return result;
  }

  /** Closes the connection (it reopens on next use). */
  close(): void {
    const connection = this.connection;
    this.connection = undefined;
    void connection?.then((db) => db.close(), () => undefined);
  }

  /** Deletes the whole database. Other tabs' connections close themselves (see `connect`). */
  async destroy(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection !== undefined) (await connection.catch(() => undefined))?.close();
    await promisifyRequest(indexedDB.deleteDatabase(this.name));
  }

  private async transaction(stores: readonly StoreName[], mode: IDBTransactionMode): Promise<IDBTransaction> {
    const db = await this.connect();
    try {
      return db.transaction(stores as string[], mode);
    } catch (error) {
      // "The database connection is closing": the browser dropped it under us. Reopen once.
      if (!(error instanceof DOMException) || error.name !== 'InvalidStateError') throw error;
      this.connection = undefined;
      return (await this.connect()).transaction(stores as string[], mode);
    }
  }

  private connect(): Promise<IDBDatabase> {
    if (this.connection !== undefined) return this.connection;
    const request = indexedDB.open(this.name, SCHEMA_VERSION);
    request.onupgradeneeded = () => upgradeSchema(request.result, request.transaction as IDBTransaction);
    const connection = promisifyRequest(request);
    this.connection = connection;
    connection.then(
      (db) => {
        const forget = () => {
          if (this.connection === connection) this.connection = undefined;
        };
        db.onclose = forget;
        // Another tab wants to delete (sign-out) or upgrade the database: let it, reconnect later.
        db.onversionchange = () => {
          db.close();
          forget();
        };
      },
      () => {
        if (this.connection === connection) this.connection = undefined;
      },
    );
    return connection;
  }
}
