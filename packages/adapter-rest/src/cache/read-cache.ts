import { activeFilters, matchesFilters, type CollectionName, type Id, type ListQuery, type Page, type RemoteChange, type Workspace } from '@cwm/core';
import { outboxNamespace } from '../outbox/namespace.js';
import { entityId } from './entity-fields.js';
import { CacheDb, deleteCacheDatabase, type CacheOp, type CacheScope } from './cache-db.js';
import { covers, scopeKey, scopeOf, within } from './scopes.js';

/** How to open a person's read replica. */
export interface ReadCacheOptions {
  /** With `userId`, the namespace (the outbox's): `<ns>:cache` next to `<ns>:outbox`. */
  readonly tenant: string;
  readonly userId: Id;
  /** The session's workspace: a replica of another workspace answers nothing and is emptied. */
  readonly workspaceId: Id;
  /**
   * Entity versions mean something across page loads (`etag` or a version field): a stored copy is
   * never replaced by an older one. False for `versioning: 'none'`, whose revision numbers are per page.
   */
  readonly versioned: boolean;
  /** How long writes gather before one transaction takes them all, ms (default 25). */
  readonly batchMs?: number;
  /** An IndexedDB open pending longer than this counts as failed (no cache), ms (default 3000). */
  readonly blockedTimeoutMs?: number;
}

/** A live change waiting for the next batch: kept or dropped by the scopes known when it is written. */
type Queued = CacheOp | { readonly kind: 'live'; readonly change: Extract<RemoteChange, { type: 'upsert' | 'delete' }> } | { readonly kind: 'page'; readonly collection: CollectionName; readonly items: readonly unknown[] };

/** A read from its first page on, collecting ids so its last page can drop what it no longer returned. */
interface OpenRead {
  readonly scope: CacheScope;
  readonly ids: Set<Id>;
}

const keyOf = (collection: CollectionName, id: Id): string => `${collection}/${id}`;

/** Newest first by `(createdAt, id)`, as `order: 'newest'` pages are. */
function newestFirst(a: unknown, b: unknown): number {
  const key = (entity: unknown): [string, string] => {
    const record = entity as { createdAt?: unknown; id?: unknown };
    return [typeof record.createdAt === 'string' ? record.createdAt : '', String(record.id)];
  };
  const [ac, ai] = key(a);
  const [bc, bi] = key(b);
  if (ac !== bc) return ac > bc ? -1 : 1;
  return ai > bi ? -1 : ai < bi ? 1 : 0;
}

/**
 * One person's read replica of one workspace, so a page reloaded while the backend is unreachable
 * still shows what it showed (with the queued writes on top). It holds what the store read: the
 * workspace, every page `list()` answered (within the scopes the store asked for), the live changes
 * inside those scopes, and the live stream's position, all written in batches off the read path.
 * Storage that fails (quota, blocked, private mode) only means no cache: reads answer `undefined`,
 * writes are dropped, nothing throws.
 */
export class ReadCache {
  private readonly options: ReadCacheOptions;
  private readonly namespace: Promise<string>;
  private readonly ready: Promise<CacheDb | undefined>;
  private db: CacheDb | undefined;
  private workspaceValue: Workspace | undefined;
  private positionValue: string | undefined;
  private readonly scopes = new Map<string, CacheScope>();
  private scopesDirty = false;
  private pendingPosition: string | undefined;
  private queue: Queued[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private readonly reads = new Map<string, OpenRead>();
  /** Deletes heard live, by the ticket current then: a page asked for earlier must not bring them back. */
  private readonly tombstones = new Map<string, number>();
  private tickets = 0;
  private broken = false;
  private closed = false;

  constructor(options: ReadCacheOptions) {
    this.options = options;
    this.namespace = outboxNamespace(options.tenant, options.userId);
    // Never rejects: a storage failure is just "no cache".
    this.ready = this.openDb();
  }

  /** The cached workspace of this session, if the replica has one. */
  async workspace(): Promise<Workspace | undefined> {
    if (!(await this.readable())) return undefined;
    return this.workspaceValue?.id === this.options.workspaceId ? this.workspaceValue : undefined;
  }

  /** The live stream's position the replica is up to date with, if known. */
  async position(): Promise<string | undefined> {
    if (!(await this.readable())) return undefined;
    return this.positionValue;
  }

  /**
   * The answer to a list query from the replica: every cached entity matching the query's filters in
   * one page without a cursor (messages newest first for `order: 'newest'`), or `undefined` when the
   * store never read (a scope covering) this query.
   */
  async list(collection: CollectionName, query: ListQuery = {}): Promise<Page | undefined> {
    if (!(await this.readable()) || this.db === undefined || this.workspaceValue?.id !== this.options.workspaceId) return undefined;
    if (![...this.scopes.values()].some((scope) => covers(scope, collection, query))) return undefined;
    let entities: unknown[];
    try {
      entities = await this.db.collection(collection);
    } catch {
      return undefined;
    }
    const filters = activeFilters(collection, query);
    const items = entities.filter((entity) => matchesFilters(entity, filters));
    if (collection === 'messages' && query.order === 'newest') items.sort(newestFirst);
    return { items, total: items.length };
  }

  /** A number to pass back to `rememberPage` for a read started now. */
  ticket(): number {
    return this.tickets;
  }

  /** The workspace as just read. */
  rememberWorkspace(workspace: Workspace): void {
    if (!this.accepting()) return;
    this.workspaceValue = workspace;
    this.enqueue({ kind: 'workspace', workspace });
  }

  /**
   * A page `list()` answered. A first page (no cursor) makes its query a scope the replica keeps; the
   * last page of a read begun here drops what the scope held and the read no longer returned.
   */
  rememberPage(collection: CollectionName, query: ListQuery, page: Page, ticket: number): void {
    if (!this.accepting()) return;
    const scope = scopeOf(collection, query);
    const key = scopeKey(scope);
    if (query.cursor === undefined) {
      this.reads.set(key, { scope, ids: new Set() });
      if (!this.scopes.has(key)) {
        this.scopes.set(key, scope);
        this.scopesDirty = true;
      }
    }
    const read = this.reads.get(key);
    const items = page.items.filter((item) => {
      const id = entityId(item);
      if (id === undefined) return false;
      const deletedAt = this.tombstones.get(keyOf(collection, id));
      return deletedAt === undefined || deletedAt <= ticket;
    });
    for (const item of items) read?.ids.add(entityId(item) as Id);
    this.enqueue({ kind: 'page', collection, items });
    if (page.nextCursor === undefined && read) {
      this.reads.delete(key);
      this.enqueue({ kind: 'replace', scope, keep: read.ids });
    }
  }

  /** Live changes the version gate admitted (a `reset` changes nothing here: the reload rewrites). */
  rememberChanges(changes: readonly RemoteChange[]): void {
    if (!this.accepting()) return;
    for (const change of changes) {
      if (change.type === 'reset') continue;
      const id = change.type === 'delete' ? change.id : entityId(change.entity);
      if (id === undefined) continue;
      // A read under way must not drop an entity because it arrived live instead of on its pages.
      for (const read of this.reads.values()) if (read.scope.collection === change.collection) read.ids.add(id);
      if (change.type === 'delete') {
        this.tickets += 1;
        this.tombstones.set(keyOf(change.collection, id), this.tickets);
      }
      this.enqueue({ kind: 'live', change });
    }
  }

  /** The live stream's position after an event; written with the changes that came before it. */
  rememberPosition(eventId: string): void {
    if (!this.accepting()) return;
    this.pendingPosition = eventId;
    this.schedule();
  }

  /** Resolves once everything remembered so far is written (or dropped, when storage failed). */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
      if (this.hasWork()) this.schedule();
    });
    return this.flushing;
  }

  /** Writes what is queued, then lets the database go (the replica stays for the next page). */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    this.db?.close();
  }

  /** Sign-out: forgets everything queued and deletes the namespace's replica. */
  async destroy(): Promise<void> {
    this.closed = true;
    this.queue = [];
    this.pendingPosition = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const db = await this.ready;
    db?.close();
    await this.flushing?.catch(() => undefined);
    await deleteCacheDatabase(await this.namespace);
  }

  // ---------------------------------------------------------------- internals

  private async openDb(): Promise<CacheDb | undefined> {
    try {
      const { db, meta } = await CacheDb.open(await this.namespace, { tenant: this.options.tenant, userId: this.options.userId }, this.options.blockedTimeoutMs ?? 3000);
      if (this.closed) {
        db.close();
        return undefined;
      }
      this.db = db;
      if (meta.workspace !== undefined && meta.workspace.id !== this.options.workspaceId) {
        // Another workspace's replica under the same tenant and person: it answers nothing and goes.
        this.queue.unshift({ kind: 'clear' });
        this.scopesDirty = true;
        this.schedule();
      } else {
        this.workspaceValue ??= meta.workspace;
        this.positionValue = meta.position;
        for (const scope of meta.scopes) {
          const key = scopeKey(scope);
          if (!this.scopes.has(key)) this.scopes.set(key, scope);
        }
      }
      return db;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  /** Waits for the database and what is queued; false when there is no usable replica. */
  private async readable(): Promise<boolean> {
    const db = await this.ready;
    if (db === undefined || this.broken) return false;
    await this.flush();
    return !this.broken && !db.closedByOther;
  }

  private accepting(): boolean {
    return !this.closed && !this.broken && !this.db?.closedByOther;
  }

  private enqueue(item: Queued): void {
    this.queue.push(item);
    this.schedule();
  }

  private hasWork(): boolean {
    return this.queue.length > 0 || this.pendingPosition !== undefined || this.scopesDirty;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.flushing !== undefined || this.closed || this.broken) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.batchMs ?? 25);
  }

  private async drain(): Promise<void> {
    const db = await this.ready;
    while (this.hasWork()) {
      const ops = this.takeBatch();
      if (db === undefined || this.broken || !db.open) {
        this.queue = [];
        return;
      }
      try {
        await db.apply(ops);
      } catch {
        // Quota, a closed database, a sign-out elsewhere: the replica stays as it was (consistent with its
        // position, since a batch is one transaction) and nothing more is written this session.
        this.broken = true;
        this.queue = [];
        this.pendingPosition = undefined;
        db.close();
        return;
      }
    }
  }

  /** Everything queued as one batch; live changes and pages kept only inside the scopes known now. */
  private takeBatch(): CacheOp[] {
    const versioned = this.options.versioned;
    const ops: CacheOp[] = [];
    for (const item of this.queue.splice(0)) {
      if (item.kind === 'page') {
        const kept = item.items.filter((entity) => this.inScope(item.collection, entity));
        if (kept.length > 0) ops.push({ kind: 'put', collection: item.collection, entities: kept, versioned });
      } else if (item.kind === 'live') {
        const { change } = item;
        if (change.type === 'delete') ops.push({ kind: 'delete', collection: change.collection, id: change.id });
        else if (this.inScope(change.collection, change.entity)) ops.push({ kind: 'put', collection: change.collection, entities: [change.entity], versioned });
      } else {
        if (item.kind === 'clear') {
          this.positionValue = undefined;
        }
        ops.push(item);
      }
    }
    if (this.scopesDirty) {
      this.scopesDirty = false;
      ops.push({ kind: 'scopes', scopes: [...this.scopes.values()] });
    }
    if (this.pendingPosition !== undefined) {
      // Last, so the position is stored in the same transaction as every change that came before it.
      ops.push({ kind: 'position', id: this.pendingPosition });
      this.positionValue = this.pendingPosition;
      this.pendingPosition = undefined;
    }
    return ops;
  }

  private inScope(collection: CollectionName, entity: unknown): boolean {
    for (const scope of this.scopes.values()) if (scope.collection === collection && within(scope, entity)) return true;
    return false;
  }
}
