import {
  AdapterError,
  type AdapterCapabilities,
  type AdapterSession,
  type CollectionName,
  type ConnectionState,
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
} from '@cwm/core';
import { BehaviorSubject, combineLatest, distinctUntilChanged, map, Subject, type Observable, type Subscription } from 'rxjs';
import type { RestAdapterOptions } from './options.js';
import type { SendMutation, SendOutcome } from './send-outcome.js';
import { AuthSession } from './http/auth.js';
import { HttpClient } from './http/request.js';
import { classifyRead, readJson } from './http/classify.js';
import { DEFAULT_BACKOFF, type BackoffBounds } from './http/retry.js';
import { resolveResources } from './mapping/resources.js';
import { isRecord } from './mapping/json.js';
import { RestContext } from './wire/rest-context.js';
import { createReader, createSender } from './wire/send-write.js';
import { readList } from './wire/read-list.js';
import { readWorkspace, toWorkspace } from './wire/workspace.js';
import { parseUnreadSummary } from './wire/unread.js';
import { LiveChanges } from './wire/live-changes.js';
import { RestPresence } from './wire/presence.js';
import { VersionGate } from './realtime/version-gate.js';
import { Outbox } from './outbox/outbox.js';
import type { OutboxState } from './outbox/outbox-state.js';
import { outboxNamespace } from './outbox/namespace.js';
import { ReadCache } from './cache/read-cache.js';
import { deleteCacheDatabase } from './cache/cache-db.js';

type Sending = ConnectionState['sending'];

/** How many answered mutations the online-only path remembers, so a re-pushed batch is not sent twice. */
const REMEMBERED_RESULTS = 500;

/** First wait before reading everything again after reads were answered from the offline cache, ms. */
const FIRST_RELOAD_DELAY_MS = 1000;
/** Longest such wait, ms. */
const MAX_RELOAD_DELAY_MS = 30_000;
/** After this long without such a reload, the wait starts small again, ms. */
const RELOAD_CALM_MS = 60_000;

/**
 * A `CwmAdapter` for a REST backend, configured by `RestAdapterOptions` (routes, field names, paging,
 * versions, auth, live changes, offline outbox). With `offline` set, writes are recorded in
 * IndexedDB before they are sent and one tab sends every tab's queue, and what the store read is kept
 * as a read replica, so a reload while the backend is unreachable still shows it (README "Offline");
 * without it, writes go straight out and a failed send is retried by the store.
 *
 * ```ts
 * const adapter = new RestAdapter(cwmServerOptions({ baseUrl, workspaceId, auth }));
 * const store = new CwmStore({ adapter, workspaceId, userId });
 * ```
 */
export class RestAdapter implements CwmAdapter {
  /** What this configuration can do: paging, versions, idempotency, live changes and the outbox as the options say. */
  readonly capabilities: AdapterCapabilities;
  /**
   * Makes writes durable before they are sent (present only with the offline outbox). Rejects once
   * with the storage error when IndexedDB could not be used; writes then still go out, online only.
   */
  readonly record?: (mutations: readonly Mutation[]) => Promise<void>;
  /** Writes still queued on this device for this person (present only with the offline outbox). */
  readonly queued?: () => Promise<readonly Mutation[]>;
  /** Another tab signed this person out (wiped the outbox): the host should drop its store. */
  readonly signedOut$: Observable<void>;
  /** Who is in a room (present only with `options.presence` and a Server-Sent Events stream). */
  readonly presence?: (room: string) => Observable<readonly PresenceState[]>;
  /** Reports this person's presence in a room, `null` leaves it; best effort (present with `presence`). */
  readonly setPresence?: (room: string, state: Omit<PresenceState, 'personId' | 'at'> | null) => void;

  private readonly options: RestAdapterOptions;
  private readonly auth: AuthSession;
  private readonly context: RestContext;
  private readonly gate = new VersionGate();
  private readonly send: SendMutation;
  private readonly feed = new Subject<readonly RemoteChange[]>();
  private readonly signedOut = new Subject<void>();
  private readonly realtimeState: BehaviorSubject<ConnectionState['realtime']>;
  private readonly directState = new BehaviorSubject<{ sending: Sending; retryAt?: number }>({ sending: 'idle' });
  private readonly outboxState = new BehaviorSubject<OutboxState | undefined>(undefined);
  private readonly directResults = new Map<string, MutationResult>();
  private readonly closing = new AbortController();
  private readonly subscriptions: Subscription[] = [];
  private outbox: Promise<Outbox> | undefined;
  private outboxOwner: Id | undefined;
  private resolveOutbox: ((outbox: Promise<Outbox>) => void) | undefined;
  private readonly outboxOpened: Promise<Outbox>;
  private storageErrorReported = false;
  private live: LiveChanges | undefined;
  /** Presence reports and the others' presence (with `options.presence` and SSE). */
  private readonly presenceHub: RestPresence | undefined;
  private liveFor: string | undefined;
  private closed = false;
  /** The offline read replica of the open session (only with an IndexedDB outbox). */
  private cache: ReadCache | undefined;
  private cacheFor: string | undefined;
  /** Reads were answered from the cache and the backend has not been reached since: realtime shows `reconnecting`. */
  private readonly servedFromCache = new BehaviorSubject<boolean>(false);
  /** The live stream resumes from the cache's position, so its replay (or `reset`) brings what the cache missed. */
  private resumesFromCache = false;
  /** A cache answer the live stream will not correct: the store is told to read everything again (`reset`). */
  private reloadOwed = false;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private reloadAttempt = 0;
  private lastReloadAt = 0;
  /** Polling only: whether the last poll reached the backend. */
  private pollHealthy = false;
  /**
   * The browser says the network is back: the stream stops waiting out its backoff. (The outbox listens
   * for `online` itself and sends what waits; the online-only path is the store's to retry.)
   */
  private readonly onOnline = (): void => this.live?.reconnectNow();

  constructor(options: RestAdapterOptions) {
    this.options = options;
    const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.auth = new AuthSession(options.auth);
    const http = new HttpClient({
      fetch: fetcher,
      timeoutMs: options.timeoutMs ?? 10_000,
      auth: this.auth,
      ...(options.request ? { request: options.request } : {}),
      ...(options.response ? { response: options.response } : {}),
    });
    this.context = new RestContext(options, resolveResources(options), http);
    this.send = createSender(this.context, (mutation, outcome, deletedVersion) => this.noteWritten(mutation, outcome, deletedVersion));
    const realtime = options.realtime ?? { kind: 'none' };
    this.realtimeState = new BehaviorSubject<ConnectionState['realtime']>(realtime.kind === 'none' ? 'off' : realtime.kind === 'poll' ? 'polling' : 'connecting');
    this.capabilities = {
      paging: (options.paging?.style ?? 'cursor') !== 'none',
      versioning: (options.versioning ?? 'etag') !== 'none',
      idempotency: options.idempotency !== 'none',
      realtime: realtime.kind !== 'none',
      // The others' presence arrives on the event stream: without one there is nobody to show.
      presence: options.presence !== undefined && realtime.kind === 'sse',
      offline: options.offline !== undefined && options.offline !== false,
      maxBatch: 50,
      unreadCounts: options.unread !== undefined,
    };
    this.signedOut$ = this.signedOut.asObservable();
    if (this.capabilities.presence && options.presence) {
      const hub = new RestPresence({ context: this.context, mapping: options.presence });
      this.presenceHub = hub;
      this.presence = (room) => hub.watch(room);
      this.setPresence = (room, state) => {
        if (!this.closed && this.context.session) hub.set(room, state);
      };
    }
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    this.outboxOpened = new Promise<Promise<Outbox>>((resolve) => (this.resolveOutbox = resolve)).then((outbox) => outbox);
    if (this.capabilities.offline) {
      this.record = async (mutations) => {
        const outbox = await this.currentOutbox();
        try {
          await outbox.record(mutations);
        } catch (error) {
          // Storage failed mid-session: the outbox reports it once; do not report it again below.
          this.storageErrorReported = true;
          throw error;
        }
        // Opening fell back to memory: say so once, so the store shows that writes are online-only.
        if (outbox.storageError && !this.storageErrorReported) {
          this.storageErrorReported = true;
          throw outbox.storageError;
        }
      };
      this.queued = async () => (await this.currentOutbox()).queued();
    }
  }

  /**
   * Reads the workspace; opens the person's outbox (and offline read cache) and starts live changes.
   * When the backend cannot be reached and the cache holds this person's workspace, answers from it and
   * resumes the live stream from the cached position. Throws `AdapterError`.
   */
  async open(session: AdapterSession): Promise<Workspace> {
    this.assertOpen();
    const previous = this.context.session;
    if (previous && (previous.userId !== session.userId || previous.workspaceId !== session.workspaceId)) this.stopSession();
    this.context.session = session;
    // The outbox opens first and whatever happens to the workspace read: queued writes must show and
    // be sent when the backend is back, even if this read fails while offline.
    if (this.capabilities.offline) this.openOutbox(session);
    const cache = this.openCache(session);
    let workspace: Workspace;
    try {
      workspace =
        typeof this.options.workspace === 'function'
          ? toWorkspace(await this.options.workspace(session), session)
          : await readWorkspace(this.context, this.options.workspace, session, this.closing.signal);
    } catch (error) {
      // Unreachable, but this person's replica has the workspace: start from it. The live stream resumes
      // from the replica's position, so the server replays what was missed (or sends `reset`).
      const cached = await this.fromCache(cache, error, (replica) => replica.workspace());
      const position = await cache?.position();
      const started = this.startLive(session, position);
      if (started && position !== undefined && this.options.realtime?.kind === 'sse') this.resumesFromCache = true;
      this.answeredFromCache();
      return cached;
    }
    cache?.rememberWorkspace(workspace);
    this.backendReached();
    this.startLive(session);
    return workspace;
  }

  /**
   * One page of a collection, in our field names; the versions seen are remembered so older echoes are
   * dropped. When the backend cannot be reached (network, timeout, 5xx, 429) and the store read this
   * before, every cached match in one page. Throws `AdapterError`.
   */
  async list(collection: CollectionName, query: ListQuery = {}): Promise<Page> {
    this.assertOpen();
    const cache = this.cache;
    const ticket = cache?.ticket() ?? 0;
    let page: Page;
    try {
      page = await readList(this.context, collection, query);
    } catch (error) {
      // The caller gave up: no answer is wanted, not even a cached one.
      if (query.signal?.aborted) throw error;
      // Unreachable (network, timeout, 5xx, 429) and the store read this before: answer from the replica.
      const cached = await this.fromCache(cache, error, (replica) => replica.list(collection, query));
      this.seeVersions(collection, cached.items);
      this.answeredFromCache();
      return cached;
    }
    this.seeVersions(collection, page.items);
    cache?.rememberPage(collection, query, page, ticket);
    this.backendReached();
    return page;
  }

  /**
   * Sends mutations and answers each. With the outbox: records them and waits for the sending tab to
   * settle them (throws `network` with `retryAfterMs` when that takes long or the backend is away).
   * Online only: sends them in order; a retryable failure throws `network`/`timeout` for the batch (the
   * store sends it again; answers already received are remembered, so nothing is sent twice).
   */
  async push(mutations: readonly Mutation[]): Promise<readonly MutationResult[]> {
    this.assertOpen();
    if (this.capabilities.offline) return (await this.currentOutbox()).push(mutations);
    return this.pushDirect(mutations);
  }

  /** Other people's changes (and echoes of our own that carry something new), mapped and version-gated. */
  changes(): Observable<readonly RemoteChange[]> {
    return this.feed.asObservable();
  }

  /** The connection for the status line: live changes, the outbox (or the online-only sender) and storage. */
  connection(): Observable<ConnectionState> {
    return combineLatest([this.realtimeState, this.directState, this.outboxState, this.auth.paused$, this.servedFromCache]).pipe(
      map(([live, direct, outbox, paused, fromCache]): ConnectionState => {
        // Showing the offline cache: the backend is being reconnected to, whatever the stream says yet.
        const realtime: ConnectionState['realtime'] = fromCache ? 'reconnecting' : live;
        if (outbox) {
          const state: ConnectionState = { realtime, sending: outbox.sending, durable: outbox.durable, queued: outbox.queued };
          return outbox.retryAt === undefined ? state : { ...state, retryAt: outbox.retryAt };
        }
        const sending: Sending = paused && direct.sending !== 'sending' ? 'paused-auth' : direct.sending;
        const state: ConnectionState = { realtime, sending, durable: false, queued: 0 };
        return direct.retryAt === undefined || sending !== 'waiting' ? state : { ...state, retryAt: direct.retryAt };
      }),
      distinctUntilChanged(
        (a, b) => a.realtime === b.realtime && a.sending === b.sending && a.durable === b.durable && a.queued === b.queued && a.retryAt === b.retryAt,
      ),
    );
  }

  /** The person's unread counts as the backend counts them (`options.unread`). Throws `AdapterError`. */
  async unreadCounts(personId: Id): Promise<UnreadSummary> {
    this.assertOpen();
    const mapping = this.options.unread;
    if (!mapping) throw new AdapterError('not-found', 'This backend does not count unread messages.');
    const what = 'Reading unread counts';
    const result = await this.context.http.send(
      { method: 'GET', url: this.context.url(mapping.path, { personId }) },
      { purpose: 'unread', ...(this.context.session ? { session: this.context.session } : {}) },
      this.closing.signal,
    );
    const body = readJson(classifyRead(result, what), what);
    return (mapping.fromWire ?? parseUnreadSummary)(body);
  }

  /**
   * The host has new credentials after sending paused (`connection().sending === 'paused-auth'`): the
   * adapter may refresh again on a 401, and queued writes go out.
   */
  resumeAuth(): void {
    this.auth.resume();
    if (this.directState.value.sending === 'paused-auth') this.directState.next({ sending: 'idle' });
    void this.outbox?.then((outbox) => outbox.resumeAuth());
  }

  /**
   * Sign-out: deletes this person's outbox (and tells the other tabs) and offline read cache, forgets
   * every version seen. Nothing of the person stays on the device.
   */
  async wipe(): Promise<void> {
    this.gate.clear();
    this.context.revisions?.clear();
    this.directResults.clear();
    const outbox = this.outbox;
    const wiped = this.wipeCache();
    if (outbox) await (await outbox).wipe();
    await wiped;
  }

  /** Stops live changes and the outbox; requests in flight are cancelled. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    this.stopSession();
    this.closing.abort();
    this.feed.complete();
    this.presenceHub?.close();
    this.signedOut.complete();
    this.servedFromCache.complete();
  }

  // ---------------------------------------------------------------- online-only writes

  private async pushDirect(mutations: readonly Mutation[]): Promise<readonly MutationResult[]> {
    const results: MutationResult[] = [];
    const owner = this.auth.userId();
    if (owner !== undefined && this.context.session && owner !== this.context.session.userId) {
      // Credentials of someone else: never send this person's writes with them.
      this.directState.next({ sending: 'paused-auth' });
      throw new AdapterError('network', 'The signed-in person changed; these changes wait for their author to sign in again.');
    }
    this.directState.next({ sending: 'sending' });
    for (const [attempt, mutation] of mutations.entries()) {
      const known = this.directResults.get(mutation.id);
      if (known) {
        results.push(known);
        continue;
      }
      const outcome = await this.send(mutation, this.closing.signal);
      const result = await this.toResult(mutation, outcome, attempt);
      this.remember(result);
      results.push(result);
    }
    this.directState.next({ sending: 'idle' });
    for (const result of results) this.directResults.delete(result.mutationId);
    return results;
  }

  /** An outcome as the store's result; retry and auth outcomes throw for the whole batch. */
  private async toResult(mutation: Mutation, outcome: SendOutcome, attempt: number): Promise<MutationResult> {
    switch (outcome.kind) {
      case 'applied':
        return outcome.entity ? { mutationId: mutation.id, status: 'applied', entity: outcome.entity } : { mutationId: mutation.id, status: 'applied' };
      case 'duplicate':
        return outcome.entity ? { mutationId: mutation.id, status: 'duplicate', entity: outcome.entity } : { mutationId: mutation.id, status: 'duplicate' };
      case 'conflict': {
        const current = outcome.current ?? (await createReader(this.context)(mutation, this.closing.signal));
        if (current) return { mutationId: mutation.id, status: 'conflict', current };
        return {
          mutationId: mutation.id,
          status: 'rejected',
          error: new AdapterError('conflict', 'Someone else changed this at the same time, and the current version could not be read.'),
        };
      }
      case 'rejected':
        return { mutationId: mutation.id, status: 'rejected', error: new AdapterError(outcome.code, outcome.message) };
      case 'retry': {
        const retryAfterMs = outcome.retryAfterMs ?? this.backoff(attempt);
        this.directState.next({ sending: 'waiting', retryAt: Date.now() + retryAfterMs });
        throw new AdapterError(outcome.code === 'timeout' ? 'timeout' : 'network', outcome.message, { retryAfterMs });
      }
      case 'auth':
        this.directState.next({ sending: 'paused-auth' });
        throw new AdapterError('network', `${outcome.message} Changes wait until you sign in again.`);
    }
  }

  private backoff(attempt: number): number {
    const bounds: BackoffBounds = { ...DEFAULT_BACKOFF, ...this.options.retry };
    // The store doubles its own delay; this only gives the first wait a sensible size.
    return Math.max(bounds.baseMs, Math.min(bounds.maxMs, bounds.baseMs * 2 ** Math.min(attempt, 10)));
  }

  private remember(result: MutationResult): void {
    this.directResults.set(result.mutationId, result);
    if (this.directResults.size > REMEMBERED_RESULTS) {
      const oldest = this.directResults.keys().next().value;
      if (oldest !== undefined) this.directResults.delete(oldest);
    }
  }

  // ---------------------------------------------------------------- outbox and live changes

  private openOutbox(session: AdapterSession): void {
    const offline = this.options.offline;
    if (!offline || (this.outbox && this.outboxOwner === session.userId)) return;
    this.outboxOwner = session.userId;
    const outbox = Outbox.open({
      tenant: offline.tenant,
      userId: session.userId,
      send: this.send,
      readCurrent: createReader(this.context),
      canSend: () => {
        const owner = this.auth.userId();
        return owner === undefined || owner === session.userId;
      },
      ...(offline.leader === undefined ? {} : { leader: offline.leader }),
      ...(offline.settleWaitMs === undefined ? {} : { settleWaitMs: offline.settleWaitMs }),
      ...(offline.storage === undefined ? {} : { storage: offline.storage }),
      ...(offline.concurrency === undefined ? {} : { concurrency: offline.concurrency }),
      ...(this.options.retry === undefined ? {} : { retry: this.options.retry }),
    });
    this.outbox = outbox;
    this.storageErrorReported = false;
    this.resolveOutbox?.(outbox);
    this.resolveOutbox = undefined;
    outbox.then(
      (opened) => {
        if (this.outbox !== outbox) return;
        this.subscriptions.push(
          opened.state$.subscribe((state) => this.outboxState.next(state)),
          opened.signedOut$.subscribe(() => {
            // Another tab signed this person out and deleted the cache too: never write it again from here.
            void this.dropCache().destroy();
            this.signedOut.next();
          }),
        );
      },
      // `Outbox.open` falls back to memory rather than fail; anything else surfaces on record/push.
      () => undefined,
    );
  }

  /** The outbox of the open session; writes made before `open` wait for it. */
  private currentOutbox(): Promise<Outbox> {
    return this.outbox ?? this.outboxOpened;
  }

  /** Starts live changes for the session (resuming from `lastEventId`); false when none or already running. */
  private startLive(session: AdapterSession, lastEventId?: string): boolean {
    const realtime = this.options.realtime ?? { kind: 'none' };
    const key = `${session.workspaceId}\u0000${session.userId}`;
    if (realtime.kind === 'none' || this.liveFor === key) return false;
    this.liveFor = key;
    this.live = new LiveChanges({
      context: this.context,
      auth: this.auth,
      gate: this.gate,
      realtime,
      fetch: this.options.fetch ?? globalThis.fetch.bind(globalThis),
      listAll: (collection) => this.listAll(collection, session),
      onChanges: (changes) => {
        this.cache?.rememberChanges(changes);
        this.feed.next(changes);
      },
      onState: (state) => {
        // What a dropped stream said about the others may be stale; its next opening says it again.
        if (state === 'reconnecting') this.presenceHub?.forgetOthers();
        this.realtimeState.next(state);
        if (state === 'live') this.backendReached(true);
      },
      onReconnected: () => void this.outbox?.then((outbox) => outbox.kick()),
      onPosition: (eventId) => this.cache?.rememberPosition(eventId),
      onPresence: (event) => this.presenceHub?.receive(event),
      ...(lastEventId === undefined ? {} : { lastEventId }),
    });
    this.live.start();
    return true;
  }

  /** Every entity of a collection the person may see (what the poller compares). */
  private async listAll(collection: CollectionName, session: AdapterSession): Promise<readonly unknown[]> {
    const personal = collection === 'notifications' || collection === 'reads' ? { personId: session.userId } : {};
    const items: unknown[] = [];
    let cursor: string | undefined;
    try {
      for (let pages = 0; pages < 1000; pages++) {
        const page = await readList(this.context, collection, { ...personal, ...(cursor === undefined ? {} : { cursor }), signal: this.closing.signal });
        items.push(...page.items);
        cursor = page.nextCursor;
        if (cursor === undefined) break;
      }
    } catch (error) {
      this.pollHealthy = false;
      throw error;
    }
    this.pollHealthy = true;
    this.backendReached(true);
    return items;
  }

  private noteWritten(mutation: Mutation, outcome: SendOutcome, deletedVersion: number | undefined): void {
    if (mutation.kind === 'delete') {
      if (deletedVersion !== undefined) this.gate.admit({ type: 'delete', collection: mutation.collection, id: mutation.entityId, version: deletedVersion });
      this.context.revisions?.forget(mutation.collection, mutation.entityId);
    } else {
      const entity = 'entity' in outcome ? outcome.entity : undefined;
      if (entity) this.gate.seen(mutation.collection, entity.id, entity.version);
    }
    // A write answered: the backend is there (what ends "reconnecting" without live changes).
    if (outcome.kind === 'applied' || outcome.kind === 'duplicate') this.backendReached();
  }

  private stopSession(): void {
    this.presenceHub?.forgetOthers();
    this.live?.stop();
    this.live = undefined;
    this.liveFor = undefined;
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    const outbox = this.outbox;
    this.outbox = undefined;
    this.outboxOwner = undefined;
    this.outboxState.next(undefined);
    void outbox?.then((opened) => opened.close());
    void this.dropCache().close();
    this.servedFromCache.next(false);
    this.resumesFromCache = false;
    this.reloadOwed = false;
    clearTimeout(this.reloadTimer);
    this.reloadTimer = undefined;
    this.gate.clear();
  }

  // ---------------------------------------------------------------- offline read cache

  /** The person's read replica for the session, opened once per session; none without an IndexedDB outbox. */
  private openCache(session: AdapterSession): ReadCache | undefined {
    const offline = this.options.offline;
    if (!offline || offline.storage === 'memory') return undefined;
    const key = `${session.workspaceId}\u0000${session.userId}`;
    if (this.cache && this.cacheFor === key) return this.cache;
    void this.dropCache().close();
    this.cacheFor = key;
    this.cache = new ReadCache({ tenant: offline.tenant, userId: session.userId, workspaceId: session.workspaceId, versioned: this.options.versioning !== 'none' });
    return this.cache;
  }

  /** Forgets the session's cache object (the caller closes or destroys what it returns). */
  private dropCache(): { close(): Promise<void>; destroy(): Promise<void> } {
    const cache = this.cache;
    this.cache = undefined;
    this.cacheFor = undefined;
    const quietly = (work: (() => Promise<void>) | undefined) => async () => {
      try {
        await work?.();
      } catch {
        // Storage failing never surfaces from the cache: it only means there is none.
      }
    };
    return { close: quietly(cache && (() => cache.close())), destroy: quietly(cache && (() => cache.destroy())) };
  }

  /** Deletes the signed-in person's cache database, opened here or not. */
  private async wipeCache(): Promise<void> {
    const offline = this.options.offline;
    const session = this.context.session;
    const hadCache = this.cache !== undefined;
    await this.dropCache().destroy();
    if (hadCache || !offline || offline.storage === 'memory' || !session) return;
    try {
      await deleteCacheDatabase(await outboxNamespace(offline.tenant, session.userId));
    } catch {
      // Nothing there, or storage refused: nothing to leave behind either way.
    }
  }

  /** The cache's answer to a read that failed retryably; else the read's own error, rethrown. */
  private async fromCache<T>(cache: ReadCache | undefined, error: unknown, read: (cache: ReadCache) => Promise<T | undefined>): Promise<T> {
    if (!cache || this.closed || !(error instanceof AdapterError) || !error.retryable) throw error;
    let answer: T | undefined;
    try {
      answer = await read(cache);
    } catch {
      answer = undefined;
    }
    if (answer === undefined) throw error;
    return answer;
  }

  private seeVersions(collection: CollectionName, items: readonly unknown[]): void {
    for (const item of items) {
      if (isRecord(item) && typeof item['id'] === 'string' && typeof item['version'] === 'number') this.gate.seen(collection, item['id'], item['version']);
    }
  }

  /**
   * A read was answered from the cache: say `reconnecting`, and unless the live stream's replay will
   * bring what the cache missed, owe the store a full reload (`reset`) once the backend is back.
   */
  private answeredFromCache(): void {
    if (!this.servedFromCache.value) this.servedFromCache.next(true);
    if (this.resumesFromCache || this.reloadOwed || this.closed) return;
    this.reloadOwed = true;
    if (Date.now() - this.lastReloadAt > RELOAD_CALM_MS) this.reloadAttempt = 0;
    // Growing waits (1 s, 2 s, ... 30 s): a backend that fails one read for good must not become a reload loop.
    const delay = Math.min(MAX_RELOAD_DELAY_MS, FIRST_RELOAD_DELAY_MS * 2 ** Math.min(this.reloadAttempt, 10));
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      this.payReload();
    }, delay);
  }

  /**
   * The backend answered. `healthy`: live changes flow again (the moment to reload, if owed). The view
   * stops saying `reconnecting` once nothing cached waits for a reload. A read or write that got through
   * while the stream waits out its backoff: the stream tries again now, so the view catches up as soon
   * as the backend is back rather than when the wait happens to end.
   */
  private backendReached(healthy = false): void {
    if (!healthy && this.realtimeState.value === 'reconnecting') this.live?.reconnectNow();
    if (healthy) this.payReload();
    if (this.servedFromCache.value && !this.reloadOwed && !this.closed) this.servedFromCache.next(false);
  }

  /** Tells the store to read everything again, when owed, due, and live changes (if any) flow. */
  private payReload(): void {
    if (!this.reloadOwed || this.reloadTimer !== undefined || this.closed) return;
    const realtime = this.options.realtime ?? { kind: 'none' };
    const healthy = realtime.kind === 'none' || (realtime.kind === 'sse' ? this.realtimeState.value === 'live' : this.pollHealthy);
    if (!healthy) return;
    this.reloadOwed = false;
    this.reloadAttempt += 1;
    this.lastReloadAt = Date.now();
    this.gate.clear();
    this.feed.next([{ type: 'reset' }]);
  }

  private assertOpen(): void {
    if (this.closed) throw new AdapterError('network', 'This adapter has been closed.');
  }
}
