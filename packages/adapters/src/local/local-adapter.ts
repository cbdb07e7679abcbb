import {
  AdapterError,
  type AdapterCapabilities,
  type AdapterSession,
  type CollectionName,
  type CwmAdapter,
  type Id,
  type ListQuery,
  type Mutation,
  type MutationResult,
  type Page,
  type PresenceState,
  type RemoteChange,
  type UnreadSummary,
  type Workspace,
  randomId,
} from '@cwm/core';
import { type Observable, Subject } from 'rxjs';
import type { AuthorizeHook } from '../backend/decide.js';
import { PresenceRoster } from '../shared/presence-roster.js';
import { assertCollection, DEFAULT_PAGE_SIZE, throwIfAborted } from '../shared/query.js';
import { IDEMPOTENCY_WINDOW_MS, applyPushes, pruneAppliedMutations } from './apply-pushes.js';
import { countUnread } from './count-unread.js';
import { type ChannelMessage, isChannelMessage } from './channel-messages.js';
import { WorkspaceDatabase } from './database.js';
import { DEFAULT_NAMESPACE, workspaceName } from './names.js';
import { readPage } from './read-page.js';
import { ALL_STORES, MUTATIONS_STORE } from './schema.js';
import { readWorkspace, type SeedSource, seedWorkspace } from './seed-workspace.js';
import { storageError } from './storage-error.js';

/** How to make a `LocalAdapter`; every option has a default. */
export interface LocalAdapterOptions {
  /** Data for a workspace opened for the first time on this device; without it, it starts empty. */
  readonly seed?: SeedSource;
  /** Prefix of database and channel names (default `cwm`): `<namespace>:<workspaceId>`. */
  readonly namespace?: string;
  /** The "server's" permission check, run inside the write transaction (synchronous). */
  readonly authorize?: AuthorizeHook;
  /** Page size when a query gives no `limit` (default 500). */
  readonly pageSize?: number;
  /** How often this tab repeats its presence (default 5,000 ms). */
  readonly presenceHeartbeatMs?: number;
  /** Presence not repeated for this long is dropped: the tab died (default 15,000 ms). */
  readonly presenceTimeoutMs?: number;
}

const CAPABILITIES: AdapterCapabilities = {
  paging: true,
  versioning: true,
  idempotency: true,
  realtime: true,
  presence: true,
  // Writes land on this device at once; there is no server to be unreachable.
  offline: true,
  maxBatch: 500,
  unreadCounts: true,
};

/** The open workspace: its database and channel. */
interface Connection {
  readonly session: AdapterSession;
  readonly db: WorkspaceDatabase;
  readonly channel: BroadcastChannel;
  readonly heartbeat: ReturnType<typeof setInterval>;
}

/**
 * The embedded default: the workspace lives in this browser's IndexedDB (one database per workspace,
 * `cwm:<workspaceId>`), and every tab of the same workspace hears every change at once through a
 * BroadcastChannel of the same name. Writes run the reference backend's rules (`decide`) inside one
 * IndexedDB transaction, so versions, conflicts, idempotency, activity and notifications behave as
 * with a server. The acting person is only an identity: two tabs acting as two people share the data.
 *
 * The adapter echoes its own applied changes (with side effects) on `changes()`, as the contract allows.
 */
export class LocalAdapter implements CwmAdapter {
  readonly capabilities = CAPABILITIES;

  private readonly options: LocalAdapterOptions;
  private readonly clientId = randomId('client');
  private readonly feed = new Subject<readonly RemoteChange[]>();
  private readonly roster = new PresenceRoster();
  /** This tab's own presence per room, repeated at every heartbeat. */
  private readonly ownPresence = new Map<string, PresenceState>();
  private opened: Connection | undefined;
  private closed = false;

  constructor(options: LocalAdapterOptions = {}) {
    this.options = options;
  }

  async open(session: AdapterSession): Promise<Workspace> {
    if (this.closed) throw new AdapterError('network', 'The adapter is closed.');
    if (this.opened !== undefined && this.opened.session.workspaceId !== session.workspaceId) this.disconnect();
    const name = workspaceName(session.workspaceId, this.options.namespace ?? DEFAULT_NAMESPACE);
    const db = this.opened?.db ?? new WorkspaceDatabase(name);
    let workspace: Workspace | undefined;
    try {
      workspace = (await readWorkspace(db)) ?? (await seedWorkspace(db, session.workspaceId, this.options.seed));
    } catch (error) {
      if (this.opened === undefined) db.close();
      throw storageError(`open workspace "${session.workspaceId}"`, error);
    }
    if (this.closed) {
      db.close();
      throw new AdapterError('network', 'The adapter was closed while opening.');
    }
    if (this.opened === undefined) {
      const channel = new BroadcastChannel(name);
      channel.onmessage = (event: MessageEvent) => this.receive(event.data);
      const heartbeat = setInterval(() => this.beat(), this.options.presenceHeartbeatMs ?? 5_000);
      this.opened = { session, db, channel, heartbeat };
      this.post({ kind: 'hello', from: this.clientId });
    } else {
      this.opened = { ...this.opened, session };
    }
    // Housekeeping off the critical path: a failure here costs nothing but a larger log.
    const cutoff = new Date(Date.now() - IDEMPOTENCY_WINDOW_MS).toISOString();
    void db.run([MUTATIONS_STORE], 'readwrite', (transaction) => pruneAppliedMutations(transaction, cutoff)).catch(() => undefined);
    return workspace;
  }

  async list(collection: CollectionName, query: ListQuery = {}): Promise<Page> {
    assertCollection(collection);
    throwIfAborted(query.signal);
    const { db } = this.requireConnection();
    const pageSize = this.options.pageSize ?? DEFAULT_PAGE_SIZE;
    try {
      return await db.run([collection], 'readonly', (transaction) => readPage(transaction, collection, query, pageSize));
    } catch (error) {
      throw storageError(`read ${collection}`, error);
    }
  }

  /** A person's unread messages per task over every message on this device (see `countUnread`). */
  async unreadCounts(personId: Id): Promise<UnreadSummary> {
    const { db } = this.requireConnection();
    try {
      return await db.run(['reads', 'messages'], 'readonly', (transaction) => countUnread(transaction, personId));
    } catch (error) {
      throw storageError('count unread messages', error);
    }
  }

  async push(mutations: readonly Mutation[]): Promise<readonly MutationResult[]> {
    if (mutations.length > CAPABILITIES.maxBatch) {
      throw new AdapterError('validation', `At most ${CAPABILITIES.maxBatch} mutations per push, got ${mutations.length}.`);
    }
    const { db } = this.requireConnection();
    let outcome: Awaited<ReturnType<typeof applyPushes>>;
    try {
      outcome = await db.run(ALL_STORES, 'readwrite', (transaction) => applyPushes(transaction, mutations, this.options.authorize));
    } catch (error) {
      throw storageError('save changes', error);
    }
    if (outcome.changes.length > 0) {
      // Committed first, announced second: a tab that hears of a change can always read it.
      this.post({ kind: 'changes', from: this.clientId, changes: outcome.changes });
      this.feed.next(outcome.changes);
    }
    return outcome.results;
  }

  changes(): Observable<readonly RemoteChange[]> {
    return this.feed.asObservable();
  }

  presence(room: string): Observable<readonly PresenceState[]> {
    return this.roster.watch(room);
  }

  setPresence(room: string, state: Omit<PresenceState, 'personId' | 'at'> | null): void {
    const connection = this.opened;
    if (connection === undefined) return;
    if (state === null) {
      this.ownPresence.delete(room);
      this.announce(room, null);
      return;
    }
    this.ownPresence.set(room, { ...state, personId: connection.session.userId, at: Date.now() });
    this.announce(room, this.ownPresence.get(room) as PresenceState);
  }

  /** Sign-out: deletes this workspace's database from the device and tells the other tabs. */
  async wipe(): Promise<void> {
    const connection = this.requireConnection();
    this.post({ kind: 'wiped', from: this.clientId });
    this.disconnect();
    try {
      await connection.db.destroy();
    } catch (error) {
      throw storageError('delete the local workspace', error);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.disconnect();
    this.roster.complete();
    this.feed.complete();
  }

  // ---- internals --------------------------------------------------------------------------------

  private requireConnection(): Connection {
    if (this.closed) throw new AdapterError('network', 'The adapter is closed.');
    if (this.opened === undefined) throw new AdapterError('not-found', 'No workspace is open on this adapter: call open() first.');
    return this.opened;
  }

  /** Leaves every room, closes the channel and the database. The adapter can `open` again. */
  private disconnect(): void {
    const connection = this.opened;
    if (connection === undefined) return;
    for (const room of [...this.ownPresence.keys()]) this.announce(room, null);
    this.ownPresence.clear();
    clearInterval(connection.heartbeat);
    connection.channel.onmessage = null;
    connection.channel.close();
    connection.db.close();
    this.opened = undefined;
    // Without a channel we hear nobody: showing stale faces would be wrong.
    this.roster.clear();
  }

  private announce(room: string, state: PresenceState | null): void {
    this.roster.set(room, this.clientId, state);
    this.post({ kind: 'presence', from: this.clientId, room, state });
  }

  /** Heartbeat: repeat our presence, forget tabs that stopped repeating theirs. */
  private beat(): void {
    const now = Date.now();
    for (const [room, state] of this.ownPresence) {
      const fresh = { ...state, at: now };
      this.ownPresence.set(room, fresh);
      this.announce(room, fresh);
    }
    this.roster.expire(now, this.options.presenceTimeoutMs ?? 15_000);
  }

  private post(message: ChannelMessage): void {
    try {
      this.opened?.channel.postMessage(message);
    } catch (error) {
      // A change that cannot be cloned is a bug, but the write is already safe in IndexedDB.
      console.error('[cwm] could not broadcast to other tabs', error);
    }
  }

  private receive(data: unknown): void {
    if (!isChannelMessage(data) || data.from === this.clientId) return;
    switch (data.kind) {
      case 'changes':
        this.feed.next(data.changes);
        return;
      case 'presence':
        this.roster.set(data.room, data.from, data.state);
        return;
      case 'hello':
        for (const [room, state] of this.ownPresence) this.post({ kind: 'presence', from: this.clientId, room, state });
        return;
      case 'wiped':
        // Another tab signed out of this workspace: what we show is gone, and so is our connection.
        this.disconnect();
        this.feed.next([{ type: 'reset' }]);
        return;
    }
  }
}
