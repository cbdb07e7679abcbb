import {
  AdapterError,
  type AdapterCapabilities,
  type AdapterErrorCode,
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
import { type Observable, Subject, type Subscription } from 'rxjs';
import type { AuthorizeHook } from '../backend/decide.js';
import { MemoryBackend } from '../backend/memory-backend.js';
import type { WorkspaceData } from '../backend/workspace-data.js';
import { delay } from '../shared/delay.js';
import { activeFilters, assertCollection, decodeCursor, encodeCursor, matchesFilters, newestPage, pageLimit, throwIfAborted } from '../shared/query.js';
import { createRemoteActor, type RemoteActor } from './remote-actor.js';

/** How to make a `MemoryAdapter`; every option has a default. */
export interface MemoryAdapterOptions {
  /** The shared "server". Give several adapters the same one to play several people. */
  readonly backend?: MemoryBackend;
  /** Data for a new backend (ignored when `backend` is given). */
  readonly seed?: WorkspaceData;
  /** Delay before every read and write is answered, in ms (default 0). */
  readonly latencyMs?: number;
  /** Page size when a query gives no `limit` (default 500). */
  readonly pageSize?: number;
  /** This client's extra permission check (the server's own is `backend.authorize`). */
  readonly authorize?: AuthorizeHook;
}

const CAPABILITIES: AdapterCapabilities = {
  paging: true,
  versioning: true,
  idempotency: true,
  realtime: true,
  presence: true,
  // Writes made while "offline" fail; keeping them is the store's outbox's job.
  offline: false,
  maxBatch: 100,
  unreadCounts: true,
};

interface PlannedFailure {
  readonly code: AdapterErrorCode;
  remaining: number;
}

/**
 * An adapter over a `MemoryBackend`: for tests, stories and demos that need no persistence. Behaves
 * like a real server (versions, idempotency, conflicts, activity and notifications) and lets tests
 * misbehave it on purpose: `setOnline(false)`, `failNext(code)`, `latencyMs`, `pause()`/`resume()`,
 * an `authorize` hook, and `remote(actorId)` to play another person.
 *
 * Its own applied changes are echoed on `changes()` too (with their side effects), as the contract allows.
 */
export class MemoryAdapter implements CwmAdapter {
  readonly capabilities = CAPABILITIES;
  readonly backend: MemoryBackend;
  /** Delay before every read and write is answered, in ms. */
  latencyMs: number;
  /** This client's extra permission check, asked after the backend's own. */
  authorize: AuthorizeHook | undefined;

  private readonly pageSize: number;
  private readonly clientId = randomId('client');
  private readonly feed = new Subject<readonly RemoteChange[]>();
  private readonly backendFeed: Subscription;
  private session: AdapterSession | undefined;
  private online = true;
  private missedChanges = false;
  private failures: PlannedFailure[] = [];
  private paused: { promise: Promise<void>; release: () => void } | undefined;
  private closed = false;

  constructor(options: MemoryAdapterOptions = {}) {
    this.backend = options.backend ?? new MemoryBackend(options.seed === undefined ? {} : { seed: options.seed });
    this.latencyMs = options.latencyMs ?? 0;
    this.pageSize = options.pageSize ?? 500;
    this.authorize = options.authorize;
    this.backendFeed = this.backend.changes().subscribe((changes) => {
      // An offline client hears nothing; when it is back it is told to reload.
      if (this.online) this.feed.next(changes);
      else this.missedChanges = true;
    });
  }

  async open(session: AdapterSession): Promise<Workspace> {
    await this.reachBackend();
    const workspace = this.backend.workspace;
    if (workspace === undefined || workspace.id !== session.workspaceId) {
      throw new AdapterError('not-found', `Workspace "${session.workspaceId}" does not exist on this backend.`);
    }
    this.session = session;
    return workspace;
  }

  async list(collection: CollectionName, query: ListQuery = {}): Promise<Page> {
    assertCollection(collection);
    throwIfAborted(query.signal);
    const limit = pageLimit(query, this.pageSize);
    const newest = query.order === 'newest' && collection === 'messages';
    const offset = query.cursor === undefined || newest ? 0 : Number(decodeCursor(query.cursor));
    await this.reachBackend();
    throwIfAborted(query.signal);
    const filters = activeFilters(collection, query);
    const matching = filters.length === 0 ? this.backend.all(collection) : this.backend.all(collection).filter((entity) => matchesFilters(entity, filters));
    if (newest) return newestPage(matching, query.cursor, limit);
    const items = matching.slice(offset, offset + limit);
    const next = offset + items.length;
    return next < matching.length ? { items, total: matching.length, nextCursor: encodeCursor(next) } : { items, total: matching.length };
  }

  /** A person's unread messages per task, counted by the backend over all its messages. */
  async unreadCounts(personId: Id): Promise<UnreadSummary> {
    await this.reachBackend();
    return this.backend.unreadCounts(personId);
  }

  async push(mutations: readonly Mutation[]): Promise<readonly MutationResult[]> {
    if (mutations.length > CAPABILITIES.maxBatch) {
      throw new AdapterError('validation', `At most ${CAPABILITIES.maxBatch} mutations per push, got ${mutations.length}.`);
    }
    // Held pushes wait here in order, so tests can look at the optimistic state before confirmation.
    while (this.paused !== undefined) await this.paused.promise;
    await this.reachBackend();
    const failure = this.takeFailure();
    if (failure !== undefined) {
      if (failure === 'network' || failure === 'timeout') throw new AdapterError(failure, `Simulated ${failure} failure (failNext).`);
      return mutations.map((mutation) => this.simulatedAnswer(mutation, failure));
    }
    return this.backend.push(mutations, this.authorize).results;
  }

  changes(): Observable<readonly RemoteChange[]> {
    return this.feed.asObservable();
  }

  presence(room: string): Observable<readonly PresenceState[]> {
    return this.backend.presence.watch(room);
  }

  setPresence(room: string, state: Omit<PresenceState, 'personId' | 'at'> | null): void {
    if (this.session === undefined || this.closed) return;
    this.backend.presence.set(room, this.clientId, state === null ? null : { ...state, personId: this.session.userId, at: Date.now() });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.backendFeed.unsubscribe();
    this.backend.presence.removeClient(this.clientId);
    this.paused?.release();
    this.feed.complete();
  }

  // ---- test controls --------------------------------------------------------------------------

  /** Offline: reads and writes throw `network`, live changes stop; back online, `changes()` says `reset` if any were missed. */
  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    if (online && this.missedChanges) {
      this.missedChanges = false;
      this.feed.next([{ type: 'reset' }]);
    }
  }

  get isOnline(): boolean {
    return this.online;
  }

  /**
   * The next `times` pushes fail with `code`: `network`/`timeout` throw, other codes answer every
   * mutation of the push `rejected` (or `conflict` with the current entity). Nothing is applied.
   */
  failNext(code: AdapterErrorCode, times = 1): void {
    this.failures.push({ code, remaining: times });
  }

  /** Holds every push (answered, in order, on `resume`). */
  pause(): void {
    if (this.paused !== undefined) return;
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.paused = { promise, release };
  }

  /** Lets held pushes through. */
  resume(): void {
    const paused = this.paused;
    this.paused = undefined;
    paused?.release();
  }

  /** Another person acting on the same backend; their changes arrive on `changes()`. */
  remote(actorId: Id): RemoteActor {
    return createRemoteActor(
      { currentVersion: (collection, id) => this.backend.get(collection, id)?.version, applyRemote: (mutation) => this.applyRemote(mutation) },
      actorId,
    );
  }

  /** Applies a mutation on the backend as if someone else had sent it (no latency, no failures). */
  applyRemote(mutation: Mutation): MutationResult {
    return this.backend.push([mutation]).results[0] as MutationResult;
  }

  // ---- internals --------------------------------------------------------------------------------

  private async reachBackend(): Promise<void> {
    if (this.closed) throw new AdapterError('network', 'The adapter is closed.');
    await delay(this.latencyMs);
    if (!this.online) throw new AdapterError('network', 'The backend cannot be reached (simulated offline).');
  }

  private takeFailure(): AdapterErrorCode | undefined {
    const failure = this.failures[0];
    if (failure === undefined) return undefined;
    failure.remaining--;
    if (failure.remaining <= 0) this.failures.shift();
    return failure.code;
  }

  private simulatedAnswer(mutation: Mutation, code: AdapterErrorCode): MutationResult {
    const current = this.backend.get(mutation.collection, mutation.entityId);
    if (code === 'conflict' && current !== undefined) return { mutationId: mutation.id, status: 'conflict', current };
    return { mutationId: mutation.id, status: 'rejected', error: new AdapterError(code, `Simulated ${code} answer (failNext).`) };
  }
}
