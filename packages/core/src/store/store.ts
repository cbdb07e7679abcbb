import { BehaviorSubject, Observable, Subject, Subscription, combineLatest, defer, distinctUntilChanged, filter, map, of, shareReplay, timer } from 'rxjs';
import type { ConnectionState, CwmAdapter, MutationResult, PresenceState, RemoteChange } from '../adapter/contract.js';
import type { UnreadSummary } from '../adapter/unread.js';
import { applyMutation } from '../adapter/apply.js';
import { AdapterError, toAdapterError } from '../adapter/errors.js';
import type { Mutation, Patch } from '../adapter/mutation.js';
import type { ActivityEntry } from '../model/activity.js';
import type { CollectionName, Id } from '../model/common.js';
import type { AnyEntity, EntityOf } from '../model/entities.js';
import { MAX_MESSAGE_LENGTH, type Message } from '../model/message.js';
import type { Notification } from '../model/notification.js';
import type { Person } from '../model/person.js';
import type { Project } from '../model/project.js';
import { readMarkerId, type ReadMarker } from '../model/read-marker.js';
import { taskDefaults, type Task } from '../model/task.js';
import type { TaskTemplate } from '../model/template.js';
import { templatesFor } from '../templates/templates-for.js';
import type { Action, PermissionResult, PermissionTarget, Policy } from '../permissions/types.js';
import { createPolicy, validateEntity, wouldCreateCycle, wouldCreateParentCycle } from '../domain.js';
import type { ReferenceContext } from '../domain.js';
import { rankBetween } from '../workflow/rank.js';
import { checkTransition, checkWipLimit } from '../workflow/rules.js';
import { randomId } from './ids.js';
import { acceptBatch, acceptOne } from './inbound.js';
import { whereIncremental } from './incremental.js';
import { PendingWrites, type PendingWrite, type WriteOutcome } from './pending.js';
import { RejectedEdits, rejectedKey, rejectionMatches, type RejectedEntity } from './rejected.js';
import { emptyState, type StoreState, type SyncState } from './state.js';
import type { StoreError } from './store-error.js';
import { Table } from './table.js';
import { actionsForTaskPatch, addedPredecessors } from './task-rules.js';
import { StatusCounts } from './status-counts.js';
import { UndoHistory, type ChangeSpec, type UndoEntry } from './undo.js';
import { MessageHistory, type MessageHistoryState, type OlderMessages } from './message-history.js';
import { UnreadCounter, isAfterMarker } from './unread-counts.js';
import { TemplateActions, type FromTemplateOptions, type SaveTemplateOptions } from './template-actions.js';
import { mergeConflict, unionFields, valuesOf } from './conflict-merge.js';
import { senderResumed, syncOfConnection } from './sync-connection.js';
import { queuedWrites } from './queued-writes.js';
import { replayWrite } from './replay.js';

export type { WriteOutcome } from './pending.js';
export type { FromTemplateOptions, SaveTemplateOptions } from './template-actions.js';

export interface CwmStoreOptions {
  readonly adapter: CwmAdapter;
  readonly workspaceId: Id;
  /** The acting person. */
  readonly userId: Id;
  /** Who may do what. Defaults to `createPolicy()`. */
  readonly policy?: Policy;
  /** The clock; tests pin it. */
  readonly now?: () => Date;
  /** Makes new entity and mutation ids. */
  readonly newId?: (prefix: string) => string;
  /** Messages per history page: the first read of a thread and each `loadOlderMessages` (default 50). */
  readonly messagePageSize?: number;
}

/** The synchronous answer of every action. `confirmed` settles when the backend has answered. */
export type WriteResult =
  | { readonly ok: true; readonly id: Id; readonly confirmed: Promise<WriteOutcome> }
  | { readonly ok: false; readonly code: string; readonly reason: string };

/** What a new task needs; everything else gets a sensible default. */
export interface NewTask extends Partial<Omit<Task, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy' | 'projectId' | 'title'>> {
  readonly projectId: Id;
  readonly title: string;
  /** Client-chosen id; one is made when absent. */
  readonly id?: Id;
  /** Place the new task right before this one in its column (default: at the end). */
  readonly beforeId?: Id;
}

/** Where a task goes on a move. Neighbours give the position; without them it goes to the end. */
export interface MoveTarget {
  readonly status: string;
  /** The task that will sit right above the moved one. */
  readonly afterId?: Id;
  /** The task that will sit right below the moved one. */
  readonly beforeId?: Id;
  /** An explicit rank, when the caller computed one. */
  readonly rank?: string;
}

export interface NewMessage {
  readonly taskId: Id;
  readonly body: string;
  readonly mentions?: readonly Id[];
  readonly replyToId?: Id;
  readonly attachments?: Message['attachments'];
}

type Confirmed = { [C in CollectionName]: Map<Id, EntityOf<C>> };

/** How many times one write is replayed onto a newer server version before giving up. */
const MAX_REBASES = 3;
const MAX_RETRY_DELAY_MS = 30_000;
const PAGE_SIZE = 1000;
const MESSAGE_PAGE_SIZE = 50;
/** Presence older than this is not shown: its tab went away without saying so. */
const PRESENCE_FRESH_MS = 30_000;
/** How often the store repeats its own presence, and re-checks others' freshness. */
const PRESENCE_HEARTBEAT_MS = 10_000;
/** "Typing" ends by itself after this long without a new keystroke report. */
const TYPING_IDLE_MS = 6_000;

/** What a full load reads again; refusals of the other collections (loaded on demand) survive it. */
const RELOADED: readonly CollectionName[] = ['people', 'projects', 'tasks', 'notifications', 'reads', 'templates'];

function refused(code: string, reason: string): WriteResult {
  return { ok: false, code, reason };
}

/**
 * The one live store every widget on a page shares.
 *
 * Data flows one way: adapter -> store -> selectors -> widgets. The store keeps the backend's
 * confirmed entities and this user's pending writes; what it publishes is the confirmed state with
 * the pending writes replayed on top. A write therefore shows at once (optimistic), is confirmed or
 * rolled back when the backend answers, is merged field by field onto the newer version after a
 * conflict (`mergeConflict`: fields someone else changed first keep their value, the rest is sent
 * again), and survives remote changes to the same entity arriving meanwhile. With an adapter that
 * records writes (an offline outbox), each write is recorded before it is sent, and writes still
 * queued from before a reload show again.
 *
 * Plain TypeScript and RxJS, no DOM: it runs in a test without a page.
 */
export class CwmStore {
  readonly workspaceId: Id;
  readonly userId: Id;

  private readonly adapter: CwmAdapter;
  private readonly policy: Policy;
  private readonly now: () => Date;
  private readonly newId: (prefix: string) => string;
  private readonly subject = new BehaviorSubject<StoreState>(emptyState());
  private readonly errorSubject = new Subject<StoreError>();
  private readonly history = new UndoHistory();
  private readonly historySubject = new BehaviorSubject({ canUndo: false, canRedo: false });
  private readonly pending = new PendingWrites();
  private readonly statusCounts = new StatusCounts();
  private readonly subscriptions = new Subscription();
  private readonly selectorCache = new Map<string, Observable<unknown>>();
  private readonly histories = new Map<Id, MessageHistory>();
  private readonly messagePageSize: number;
  /** This person's presence per task room, repeated at every heartbeat. */
  private readonly ownPresence = new Map<Id, { typing?: boolean }>();
  private readonly typingTimers = new Map<Id, ReturnType<typeof setTimeout>>();
  private presenceHeartbeat: ReturnType<typeof setInterval> | undefined;
  private readonly loadedActivity = new Set<string>();
  /** The backend's unread counts taken at the last (re)load, when the adapter counts them. */
  private readonly unreadSeed = new BehaviorSubject<UnreadSummary | undefined>(undefined);
  /**
   * The backend is still counting (a load asked it): unread counts wait for its answer instead of
   * showing the smaller count of the messages loaded so far. The load itself does not wait for it.
   */
  private readonly unreadSeedPending = new BehaviorSubject<boolean>(false);
  /** A recount of the seed asked for while one runs: run another when it ends. */
  private unreadRecount: { again: boolean } | undefined;
  private confirmed: Confirmed = CwmStore.emptyConfirmed();
  private connecting: Promise<void> | undefined;
  private buffered: (readonly RemoteChange[])[] | undefined;
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = 0;
  private disposed = false;
  private following = false;
  /** `adapter.record` rejected once: writes are online-only, reported once (`storage-unavailable`). */
  private storageFailed = false;
  /** The adapter's last reported sender state, to notice it coming out of `waiting`. */
  private lastSending: ConnectionState['sending'] | undefined;
  private readonly templateActions: TemplateActions;

  /** Every state the widgets should show; replays the current one to new subscribers. */
  readonly state$: Observable<StoreState> = this.subject.asObservable();
  /** Problems and corrections: invalid data skipped, writes refused or rebased, offline. Hot. */
  readonly errors$: Observable<StoreError> = this.errorSubject.asObservable();
  readonly canUndo$: Observable<boolean> = this.historySubject.pipe(map((h) => h.canUndo), distinctUntilChanged());
  readonly canRedo$: Observable<boolean> = this.historySubject.pipe(map((h) => h.canRedo), distinctUntilChanged());

  constructor(options: CwmStoreOptions) {
    this.adapter = options.adapter;
    this.workspaceId = options.workspaceId;
    this.userId = options.userId;
    this.policy = options.policy ?? createPolicy();
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomId;
    this.messagePageSize = Math.max(1, Math.floor(options.messagePageSize ?? MESSAGE_PAGE_SIZE));
    this.templateActions = new TemplateActions({
      state: () => this.state,
      userId: this.userId,
      now: () => this.now(),
      newId: (prefix) => this.newId(prefix),
      denied: (actions, target) => this.denied(actions, target),
      perform: (forward, undo) => this.perform(forward, { undo }),
      countInStatus: (projectId, status) => this.countInStatus(projectId, status),
    });
    // An adapter that records writes keeps them on this device until its connection says otherwise.
    if (this.adapter.record !== undefined) this.patchSync({ durable: true });
  }

  private static emptyConfirmed(): Confirmed {
    return { people: new Map(), projects: new Map(), tasks: new Map(), messages: new Map(), notifications: new Map(), activity: new Map(), reads: new Map(), templates: new Map() };
  }

  get state(): StoreState {
    return this.subject.value;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Opens the adapter, loads people, projects, tasks and my notifications, then follows live changes. */
  connect(): Promise<void> {
    this.connecting ??= this.load();
    return this.connecting;
  }

  /**
   * Stops following changes and retrying; the adapter is left open. Writes not confirmed yet are
   * abandoned and their `confirmed` promises settle as rejected (`disposed`).
   */
  dispose(): void {
    for (const taskId of [...this.ownPresence.keys()]) this.setPresence(taskId, null);
    this.disposed = true;
    clearTimeout(this.retryTimer);
    for (const history of this.histories.values()) history.complete();
    // Nobody waits forever on `confirmed`: unsent writes end as not applied.
    for (const write of this.pending.drain()) {
      write.settle({ status: 'rejected', code: 'disposed', reason: 'The store was closed before this change was saved.' });
    }
    this.subscriptions.unsubscribe();
    this.subject.complete();
    this.errorSubject.complete();
    this.historySubject.complete();
    this.unreadSeed.complete();
    this.unreadSeedPending.complete();
  }

  /** Sends waiting writes now instead of at the next retry (e.g. when the browser says it is online). */
  retryNow(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    void this.flush();
  }

  private async load(): Promise<void> {
    this.patchSync({ phase: 'loading' });
    try {
      const workspace = await this.adapter.open({ workspaceId: this.workspaceId, userId: this.userId });
      if (this.disposed) return;
      this.buffered = [];
      if (!this.following) {
        this.following = true;
        this.subscriptions.add(
          this.adapter.changes().subscribe({
            next: (changes) => this.receive(changes),
            error: (error: unknown) => this.reportLoadFailure(error),
          }),
        );
        this.followConnection();
      }
      // Before the collections, so the first published state already shows writes queued before a reload.
      await this.restoreQueued();
      if (this.disposed) return;
      await this.loadEverything();
      if (this.disposed) return;
      this.subject.next({ ...this.subject.value, workspace, userId: this.userId });
      const waiting = this.buffered ?? [];
      this.buffered = undefined;
      for (const changes of waiting) this.receive(changes);
      this.patchSync({ phase: 'ready' });
      void this.flush();
    } catch (error) {
      this.connecting = undefined;
      this.buffered = undefined;
      this.reportLoadFailure(error);
      this.patchSync({ phase: 'failed' });
    }
  }

  /** Feeds `sync` from the adapter's connection state; retries writes the moment its sender resumes. */
  private followConnection(): void {
    const connection = this.adapter.connection?.();
    if (!connection) return;
    this.subscriptions.add(
      connection.subscribe({
        next: (state) => {
          if (this.disposed) return;
          const resumed = senderResumed(this.lastSending, state.sending);
          this.lastSending = state.sending;
          this.patchSync(syncOfConnection(state, this.storageFailed));
          if (resumed) this.retryNow();
        },
        // A broken status feed is not a broken store: the last known state stays.
        error: (error: unknown) => this.reportLoadFailure(error),
      }),
    );
  }

  /**
   * Shows again the writes the adapter still holds from before a reload (`CwmAdapter.queued`), oldest
   * first and before any write made since, and sends them with the rest. Nobody waits on their
   * outcome; a rejection rolls the view back like any other. Ones already pending are not added twice.
   */
  private async restoreQueued(): Promise<void> {
    if (!this.adapter.queued) return;
    let queued: readonly unknown[];
    try {
      queued = await this.adapter.queued();
    } catch (error) {
      this.reportLoadFailure(error);
      return;
    }
    if (this.disposed) return;
    const restored = queuedWrites(queued, this.pending, (issue) => this.reportIssues([issue]));
    if (restored.length === 0) return;
    this.pending.putFirst(restored);
    const touched = new Map<CollectionName, Set<Id>>();
    for (const write of restored) {
      let ids = touched.get(write.mutation.collection);
      if (!ids) touched.set(write.mutation.collection, (ids = new Set()));
      ids.add(write.mutation.entityId);
    }
    this.rebuild(touched);
  }

  private async loadEverything(): Promise<void> {
    const confirmed = CwmStore.emptyConfirmed();
    const context = this.referenceContext(confirmed);
    const refusals: RejectedEntity[] = [];
    const take = async <C extends CollectionName>(collection: C, query: { personId?: Id } = {}): Promise<void> => {
      const raw = await this.readAll(collection, query);
      const { entities, issues, rejected } = acceptBatch(collection, raw, context);
      this.reportIssues(issues);
      const target = confirmed[collection] as Map<Id, EntityOf<C>>;
      for (const entity of entities) target.set(entity.id, entity);
      refusals.push(...rejected);
    };
    await take('people');
    await take('projects');
    await take('tasks');
    await take('notifications', { personId: this.userId });
    try {
      await take('reads', { personId: this.userId });
    } catch (error) {
      // An adapter written before read markers existed: everything counts as unread, nothing breaks.
      this.reportLoadFailure(error);
    }
    try {
      await take('templates');
    } catch (error) {
      // An adapter written before templates existed: there are none to offer, nothing else breaks.
      this.reportLoadFailure(error);
    }
    // The backend counts unread messages after the collections, without holding up the first state
    // (counting over every message added ~230 ms to a 10,000-task connect, and running it alongside the
    // loads only competed with them). Unread counts wait for its answer (`unreadSeedPending`), so no
    // badge shows the smaller count of the messages loaded so far.
    this.unreadSeedPending.next(this.adapter.capabilities.unreadCounts === true && this.adapter.unreadCounts !== undefined);
    const seeding = this.readUnreadSeed();
    // Messages and activity are loaded per task or project when a widget asks for them; keep the
    // ones already loaded so a reload (reset) does not drop an open conversation.
    confirmed.messages = this.confirmed.messages;
    confirmed.activity = this.confirmed.activity;
    this.confirmed = confirmed;
    // What this load refused replaces what earlier loads refused, but unchanged refusals keep their
    // objects so selectors of untouched projects stay quiet. An entity both refused and accepted in one
    // load (a duplicate) is shown by its valid copy. Costs O(refusals), not O(entities).
    const rejected = new RejectedEdits(this.subject.value.rejected);
    const refusedNow = new Set(refusals.map((refusal) => rejectedKey(refusal.collection, refusal.id)));
    rejected.retain((entry) => !RELOADED.includes(entry.collection) || refusedNow.has(rejectedKey(entry.collection, entry.id)));
    for (const refusal of refusals) rejected.replace(refusal);
    rejected.retain((entry) => !RELOADED.includes(entry.collection) || !confirmed[entry.collection].has(entry.id));
    this.rebuildAll(rejected.result());
    // After the state, so the counter sees the seed with the markers it was counted against.
    void seeding.then((seed) => {
      if (this.disposed) return;
      this.unreadSeed.next(seed);
      this.unreadSeedPending.next(false);
    });
  }

  /** The backend's unread counts for the acting person, or `undefined` when it has none to give. */
  private async readUnreadSeed(): Promise<UnreadSummary | undefined> {
    if (this.adapter.capabilities.unreadCounts !== true || !this.adapter.unreadCounts) return undefined;
    try {
      return await this.adapter.unreadCounts(this.userId);
    } catch (error) {
      // Counting only what the store holds is a degraded answer, not a broken board.
      this.reportLoadFailure(error);
      return undefined;
    }
  }

  /**
   * Counts the seed again when a marker moved to a place inside what it counted (the backend alone
   * knows how many of its messages lie after it). Waits for the marker to be confirmed, so the backend
   * counts against it; a request while a count runs makes one more run after it.
   */
  private recountUnreadSeed(taskId: Id): void {
    const id = readMarkerId(this.userId, taskId);
    const shown = this.state.reads.get(id);
    const confirmed = this.confirmed.reads.get(id);
    // Not confirmed yet: the confirmation changes the marker again and brings us back here.
    if (shown?.lastReadMessageId !== confirmed?.lastReadMessageId || this.disposed) return;
    if (this.unreadRecount) {
      this.unreadRecount.again = true;
      return;
    }
    const run = (this.unreadRecount = { again: false });
    void (async () => {
      do {
        run.again = false;
        const seed = await this.readUnreadSeed();
        if (this.disposed) return;
        this.unreadSeed.next(seed);
      } while (run.again);
      this.unreadRecount = undefined;
    })();
  }

  private async readAll(collection: CollectionName, query: { personId?: Id; projectId?: Id; taskId?: Id }): Promise<unknown[]> {
    const items: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.adapter.list(collection, { ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== undefined && !this.disposed);
    return items;
  }

  private referenceContext(confirmed: Confirmed = this.confirmed): ReferenceContext {
    return {
      hasPerson: (id) => confirmed.people.has(id),
      hasProject: (id) => confirmed.projects.has(id),
      hasTask: (id) => confirmed.tasks.has(id),
    };
  }

  private async ensureLoaded(key: string, loaded: Set<string>, collection: 'activity', query: { taskId?: Id; projectId?: Id }): Promise<void> {
    if (loaded.has(key)) return;
    loaded.add(key);
    try {
      await this.connect();
      const raw = await this.readAll(collection, query);
      if (this.disposed) return;
      this.absorb(collection, raw);
    } catch (error) {
      loaded.delete(key);
      this.reportLoadFailure(error);
    }
  }

  /**
   * Believes a batch read on demand (a thread's page, a task's activity): validates it, keeps what is
   * newer than what the store holds, publishes. Returns how many entities the batch brought.
   */
  private absorb(collection: 'messages' | 'activity', raw: readonly unknown[]): number {
    const { entities, issues, rejected: refusals } = acceptBatch(collection, raw, this.referenceContext());
    this.reportIssues(issues);
    const touched: AnyEntity[] = [];
    const target = this.confirmed[collection] as Map<Id, AnyEntity>;
    const rejected = new RejectedEdits(this.state.rejected);
    for (const refusal of refusals) this.noteRefusal(rejected, refusal);
    for (const entity of entities) {
      rejected.superseded(collection, entity.id, entity.version);
      const current = target.get(entity.id);
      if (current && current.version >= entity.version) continue;
      target.set(entity.id, entity);
      touched.push(entity);
    }
    this.rebuild(new Map([[collection, new Set(touched.map((entity) => entity.id))]]), rejected.result());
    return entities.length;
  }

  // ---------------------------------------------------------------- message history

  private historyOf(taskId: Id): MessageHistory {
    let history = this.histories.get(taskId);
    if (!history) this.histories.set(taskId, (history = new MessageHistory()));
    return history;
  }

  /** Reads the newest page of a thread, once (again after a failure). */
  private ensureFirstPage(taskId: Id): Promise<void> {
    const history = this.historyOf(taskId);
    history.first ??= (async () => {
      history.set({ loading: true });
      try {
        await this.connect();
        await this.readMessagePage(taskId, history, this.messagePageSize);
      } catch (error) {
        history.first = undefined;
        this.reportLoadFailure(error);
      } finally {
        history.set({ loading: false });
      }
    })();
    return history.first;
  }

  /** One page of a thread towards older messages, from the history's cursor. */
  private async readMessagePage(taskId: Id, history: MessageHistory, count: number): Promise<number> {
    const cursor = history.cursor;
    const page = await this.adapter.list('messages', { taskId, order: 'newest', limit: count, ...(cursor ? { cursor } : {}) });
    if (this.disposed) return 0;
    history.cursor = page.nextCursor;
    // Settled before the messages publish, so a view never sees the new page with "loading" still on.
    history.set({ hasMore: page.nextCursor !== undefined, loading: false });
    return this.absorb('messages', page.items);
  }

  /**
   * Loads the next older page of a task's conversation (`count`, default the page size) into
   * `messages$`. Calls while a page is being read share that read. Resolves with how many messages
   * came and whether older ones remain; a failed read resolves `loaded: 0` and is reported on `errors$`.
   */
  async loadOlderMessages(taskId: Id, count: number = this.messagePageSize): Promise<OlderMessages> {
    const history = this.historyOf(taskId);
    if (history.first === undefined || history.state.loading) await this.ensureFirstPage(taskId);
    if (history.older) return history.older;
    if (!history.state.hasMore || history.cursor === undefined || this.disposed) return { loaded: 0, hasMore: false };
    history.older = (async (): Promise<OlderMessages> => {
      history.set({ loading: true });
      try {
        const loaded = await this.readMessagePage(taskId, history, Math.max(1, Math.floor(count)));
        return { loaded, hasMore: history.state.hasMore };
      } catch (error) {
        this.reportLoadFailure(error);
        return { loaded: 0, hasMore: history.state.hasMore };
      } finally {
        history.older = undefined;
        history.set({ loading: false });
      }
    })();
    return history.older;
  }

  /** Whether a task's history is being read and whether older messages remain. Subscribing starts the first page. */
  messageHistory$(taskId: Id): Observable<MessageHistoryState> {
    return this.cached(`message-history:${taskId}`, () =>
      defer(() => {
        void this.ensureFirstPage(taskId);
        return this.historyOf(taskId).state$;
      }).pipe(shareReplay({ bufferSize: 1, refCount: true })),
    );
  }

  // ---------------------------------------------------------------- live changes

  private receive(changes: readonly RemoteChange[]): void {
    if (this.disposed) return;
    if (this.buffered) {
      this.buffered.push(changes);
      return;
    }
    const touched = new Map<CollectionName, Set<Id>>();
    const touch = (collection: CollectionName, id: Id): void => {
      let ids = touched.get(collection);
      if (!ids) touched.set(collection, (ids = new Set()));
      ids.add(id);
    };
    const rejected = new RejectedEdits(this.state.rejected);
    for (const change of changes) {
      if (change.type === 'reset') {
        this.connecting = this.loadEverything().catch((error: unknown) => this.reportLoadFailure(error));
        return;
      }
      if (change.type === 'delete') {
        rejected.forget(change.collection, change.id);
        if (this.confirmed[change.collection].delete(change.id)) touch(change.collection, change.id);
        continue;
      }
      const { entity, issues, rejected: refusal } = acceptOne(change.collection, change.entity, this.referenceContext(), (id) => this.state.tasks.get(id));
      this.reportIssues(issues);
      if (refusal && !this.othersPrivate(change.collection, change.entity)) this.noteRefusal(rejected, refusal);
      if (!entity) continue;
      if (this.othersPrivate(change.collection, entity)) continue;
      rejected.superseded(change.collection, entity.id, entity.version);
      const target = this.confirmed[change.collection] as Map<Id, AnyEntity>;
      const current = target.get(entity.id);
      // Echoes of our own writes and out-of-order deliveries are never newer than what we hold.
      if (current && current.version >= entity.version) continue;
      target.set(entity.id, entity);
      touch(change.collection, entity.id);
    }
    const nextRejected = rejected.result();
    if (touched.size > 0 || nextRejected !== this.state.rejected) this.rebuild(touched, nextRejected);
  }

  /**
   * Records a refusal unless it is stale: an out-of-order delivery of a version older than the valid
   * one already held must not flag an entity that is fine now.
   */
  private noteRefusal(rejected: RejectedEdits, refusal: RejectedEntity): void {
    const held = this.confirmed[refusal.collection].get(refusal.id);
    if (held && refusal.version !== undefined && held.version >= refusal.version) return;
    rejected.record(refusal);
  }

  /** Someone else's notification or read marker: not this user's business, even refused. */
  private othersPrivate(collection: CollectionName, raw: unknown): boolean {
    if (collection !== 'notifications' && collection !== 'reads') return false;
    const personId = typeof raw === 'object' && raw !== null ? (raw as { personId?: unknown }).personId : undefined;
    return typeof personId === 'string' && personId !== this.userId;
  }

  // ---------------------------------------------------------------- the view

  /**
   * Recomputes the published entities of the given ids: confirmed value + pending writes, in order.
   * `rejected`, when given, is published as the new set of refusals.
   */
  private rebuild(touched: ReadonlyMap<CollectionName, ReadonlySet<Id>>, rejected?: ReadonlyMap<string, RejectedEntity>): void {
    if (this.disposed) return;
    const state = this.subject.value;
    const next: { -readonly [K in keyof StoreState]: StoreState[K] } = { ...state };
    if (rejected !== undefined) next.rejected = rejected;
    for (const [collection, ids] of touched) {
      const view = state[collection] as Table<AnyEntity>;
      const confirmed = this.confirmed[collection] as Map<Id, AnyEntity>;
      const upserts: AnyEntity[] = [];
      const deletions: Id[] = [];
      for (const id of ids) {
        let value: AnyEntity | undefined = confirmed.get(id);
        for (const write of this.pending.forEntity(collection, id)) value = replayWrite(value, write.mutation);
        if (value === undefined) deletions.push(id);
        else if (view.get(id) !== value) upserts.push(value);
      }
      (next as Record<CollectionName, Table<AnyEntity>>)[collection] = view.batch(upserts, deletions);
    }
    if (this.pending.size !== state.sync.pendingWrites || this.pending.size > 0 || state.pendingIds.size > 0) {
      next.pendingIds = this.pending.entityIds();
    }
    if (this.pending.size !== state.sync.pendingWrites) next.sync = { ...state.sync, pendingWrites: this.pending.size };
    this.subject.next(next);
  }

  /** Publishes everything anew (after a full load), with the refusals that load left. */
  private rebuildAll(rejected: ReadonlyMap<string, RejectedEntity>): void {
    const state = this.subject.value;
    const tables = {} as Record<CollectionName, Table<AnyEntity>>;
    for (const collection of Object.keys(this.confirmed) as CollectionName[]) {
      const values = new Map(this.confirmed[collection] as Map<Id, AnyEntity>);
      for (const write of this.pendingOf(collection)) {
        const value = replayWrite(values.get(write.mutation.entityId), write.mutation);
        if (value === undefined) values.delete(write.mutation.entityId);
        else values.set(value.id, value);
      }
      tables[collection] = Table.from(values.values());
    }
    this.subject.next({ ...state, ...(tables as unknown as Partial<StoreState>), rejected, pendingIds: this.pending.entityIds() });
  }

  private pendingOf(collection: CollectionName): PendingWrite[] {
    const writes: PendingWrite[] = [];
    for (const id of this.pending.entityIds()) writes.push(...this.pending.forEntity(collection, id));
    return writes;
  }

  private patchSync(patch: Partial<SyncState>): void {
    if (this.disposed) return;
    const state = this.subject.value;
    this.subject.next({ ...state, sync: { ...state.sync, ...patch } });
  }

  // ---------------------------------------------------------------- selectors

  /** A memoized view of the state: emits only when the projected value changes; shared by subscribers. */
  select<R>(project: (state: StoreState) => R, equal: (a: R, b: R) => boolean = Object.is): Observable<R> {
    return this.subject.pipe(map(project), distinctUntilChanged(equal), shareReplay({ bufferSize: 1, refCount: true }));
  }

  private cached<R>(key: string, make: () => Observable<R>): Observable<R> {
    let observable = this.selectorCache.get(key) as Observable<R> | undefined;
    if (!observable) {
      observable = make();
      this.selectorCache.set(key, observable);
    }
    return observable;
  }

  /** The acting person, once people are loaded. */
  me$(): Observable<Person | undefined> {
    return this.cached('me', () => this.select((state) => state.people.get(this.userId)));
  }

  person$(id: Id): Observable<Person | undefined> {
    return this.cached(`person:${id}`, () => this.select((state) => state.people.get(id)));
  }

  project$(id: Id): Observable<Project | undefined> {
    return this.cached(`project:${id}`, () => this.select((state) => state.projects.get(id)));
  }

  task$(id: Id): Observable<Task | undefined> {
    return this.cached(`task:${id}`, () => this.select((state) => state.tasks.get(id)));
  }

  people$(): Observable<readonly Person[]> {
    return this.cached('people', () => this.tableValues((state) => state.people));
  }

  projects$(): Observable<readonly Project[]> {
    return this.cached('projects', () => this.tableValues((state) => state.projects));
  }

  /** The tasks of one project as a table; unchanged (same object) when none of them changed. */
  projectTasks$(projectId: Id): Observable<Table<Task>> {
    return this.cached(`project-tasks:${projectId}`, () =>
      whereIncremental(this.select((state) => state.tasks), (task) => task.projectId === projectId).pipe(
        shareReplay({ bufferSize: 1, refCount: true }),
      ),
    );
  }

  /**
   * One task's conversation as loaded so far, oldest first (by `createdAt`, then id). Subscribing reads
   * the newest page the first time (see `messagePageSize`); `loadOlderMessages` adds older pages, and
   * messages arriving live are added as they come.
   */
  messages$(taskId: Id): Observable<readonly Message[]> {
    return this.cached(`messages:${taskId}`, () =>
      defer(() => {
        void this.ensureFirstPage(taskId);
        return whereIncremental(this.select((state) => state.messages), (message) => message.taskId === taskId);
      }).pipe(
        map((table) => table.values().sort(compareMessages)),
        shareReplay({ bufferSize: 1, refCount: true }),
      ),
    );
  }

  /** The acting person's read marker on a task, once there is one. */
  readMarker$(taskId: Id): Observable<ReadMarker | undefined> {
    const id = readMarkerId(this.userId, taskId);
    return this.cached(`read-marker:${taskId}`, () => this.select((state) => state.reads.get(id)));
  }

  /**
   * Unread messages per task for the acting person: user messages by others, not deleted, after their
   * read marker (all of them without one). Tasks without unread messages are absent. When the adapter
   * counts them (`capabilities.unreadCounts`), starts from the backend's counts over every message,
   * read at connect and after a reset, and adds what arrives, loads, is deleted or read since, never
   * counting a message twice (see `UnreadCounter`). Otherwise counts what the store holds: loaded
   * pages of open threads and every message that arrived live since connecting.
   * Kept up to date incrementally; the same map object while no count changed.
   */
  unreadCounts$(): Observable<ReadonlyMap<Id, number>> {
    return this.cached('unread-counts', () =>
      defer(() => {
        const counter = new UnreadCounter(this.userId, (taskId) => this.recountUnreadSeed(taskId));
        return combineLatest([this.subject, this.unreadSeed, this.unreadSeedPending]).pipe(
          filter(([, , pending]) => !pending),
          map(([state, seed]) => counter.update(state.messages, state.reads, seed)),
        );
      }).pipe(distinctUntilChanged(), shareReplay({ bufferSize: 1, refCount: true })),
    );
  }

  /**
   * Who else is in a task's room (never the acting person), with their typing state, fresh ones only.
   * Always empty when the adapter has no presence.
   */
  presence$(taskId: Id): Observable<readonly PresenceState[]> {
    return this.cached(`presence:${taskId}`, () => {
      if (!this.adapter.capabilities.presence || !this.adapter.presence) return of([] as readonly PresenceState[]);
      const room = defer(() => this.adapter.presence?.(taskId) ?? of([] as readonly PresenceState[]));
      // The clock ticks too, so someone whose tab died drops out even when nothing else happens.
      return combineLatest([room, timer(0, PRESENCE_HEARTBEAT_MS)]).pipe(
        map(([states]) => {
          const now = Date.now();
          return states.filter((state) => state.personId !== this.userId && now - state.at <= PRESENCE_FRESH_MS);
        }),
        distinctUntilChanged(samePresence),
        shareReplay({ bufferSize: 1, refCount: true }),
      );
    });
  }

  /**
   * Enters a task's room (or updates this person's state there, e.g. `{ typing: true }`); `null` leaves.
   * The store repeats it while it lasts, so other clients keep it fresh; "typing" ends by itself after a
   * few seconds without a new report. A no-op without adapter presence.
   */
  setPresence(taskId: Id, state: { typing?: boolean } | null): void {
    if (!this.adapter.capabilities.presence || !this.adapter.setPresence) return;
    clearTimeout(this.typingTimers.get(taskId));
    this.typingTimers.delete(taskId);
    if (state === null) {
      if (!this.ownPresence.delete(taskId)) return;
      this.adapter.setPresence(taskId, null);
    } else {
      const own = state.typing === true ? { typing: true } : {};
      this.ownPresence.set(taskId, own);
      this.adapter.setPresence(taskId, { taskId, ...own });
      if (own.typing) {
        this.typingTimers.set(
          taskId,
          setTimeout(() => {
            this.typingTimers.delete(taskId);
            if (this.ownPresence.get(taskId)?.typing) this.setPresence(taskId, {});
          }, TYPING_IDLE_MS),
        );
      }
    }
    this.schedulePresenceHeartbeat();
  }

  private schedulePresenceHeartbeat(): void {
    if (this.ownPresence.size === 0 || this.disposed) {
      clearInterval(this.presenceHeartbeat);
      this.presenceHeartbeat = undefined;
      return;
    }
    this.presenceHeartbeat ??= setInterval(() => {
      for (const [taskId, own] of this.ownPresence) this.adapter.setPresence?.(taskId, { taskId, ...own });
    }, PRESENCE_HEARTBEAT_MS);
  }

  /** The acting person's notifications, newest first. */
  notifications$(): Observable<readonly Notification[]> {
    return this.cached('notifications', () =>
      this.select((state) => state.notifications).pipe(
        map((table) => table.filter((item) => item.personId === this.userId).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))),
        shareReplay({ bufferSize: 1, refCount: true }),
      ),
    );
  }

  /**
   * The task templates offered in a project (its own and the unscoped ones), or every template
   * without a project; by name, then id. Loaded with the workspace and kept live.
   */
  templates$(projectId?: Id): Observable<readonly TaskTemplate[]> {
    return this.cached(`templates:${projectId ?? ''}`, () =>
      this.select((state) => state.templates).pipe(
        map((table) => templatesFor(table, projectId)),
        distinctUntilChanged((a, b) => a.length === b.length && a.every((template, index) => template === b[index])),
        shareReplay({ bufferSize: 1, refCount: true }),
      ),
    );
  }

  /** The activity log of a task or a project, oldest first. Subscribing loads it the first time. */
  activity$(filter: { taskId?: Id; projectId?: Id } = {}): Observable<readonly ActivityEntry[]> {
    const key = `activity:${filter.taskId ?? ''}:${filter.projectId ?? ''}`;
    return this.cached(key, () =>
      defer(() => {
        void this.ensureLoaded(key, this.loadedActivity, 'activity', filter);
        return whereIncremental(
          this.select((state) => state.activity),
          (entry) =>
            (filter.taskId === undefined || entry.taskId === filter.taskId) &&
            (filter.projectId === undefined || entry.projectId === filter.projectId),
        );
      }).pipe(
        map((table) => table.values().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))),
        shareReplay({ bufferSize: 1, refCount: true }),
      ),
    );
  }

  /**
   * Entities the store refused as invalid, optionally only those of one collection and/or one project
   * (a refused project counts as its own), in the order they were first refused. Emits only when that
   * list changes.
   */
  rejected$(collection?: CollectionName, projectId?: Id): Observable<readonly RejectedEntity[]> {
    return this.cached(`rejected:${JSON.stringify([collection ?? null, projectId ?? null])}`, () =>
      this.select((state) => state.rejected).pipe(
        map((all) => [...all.values()].filter((entry) => rejectionMatches(entry, collection, projectId))),
        distinctUntilChanged((a, b) => a.length === b.length && a.every((entry, index) => entry === b[index])),
        shareReplay({ bufferSize: 1, refCount: true }),
      ),
    );
  }

  sync$(): Observable<SyncState> {
    return this.cached('sync', () => this.select((state) => state.sync));
  }

  private tableValues<T extends { readonly id: Id }>(pick: (state: StoreState) => Table<T>): Observable<readonly T[]> {
    return this.select(pick).pipe(
      map((table) => table.values()),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

  // ---------------------------------------------------------------- permissions

  /** Whether the acting person may do `action`, with the reason when not. */
  can(action: Action, target: PermissionTarget = {}): PermissionResult {
    return this.policy.can(this.state.people.get(this.userId), action, this.completeTarget(target));
  }

  /** Fills in what the policy reads and a caller may not have at hand: the task's project and assignees. */
  private completeTarget(target: PermissionTarget): PermissionTarget {
    const { task } = target;
    if (!task) return target;
    const people = this.state.people;
    return {
      ...target,
      ...(target.project === undefined && this.state.projects.get(task.projectId) ? { project: this.state.projects.get(task.projectId) } : {}),
      ...(target.assignees === undefined
        ? { assignees: task.assigneeIds.map((id) => people.get(id)).filter((person): person is Person => person !== undefined) }
        : {}),
    };
  }

  private denied(actions: readonly Action[], target: PermissionTarget): WriteResult | undefined {
    for (const action of actions) {
      const answer = this.can(action, target);
      if (!answer.allowed) return refused(answer.code, answer.reason);
    }
    return undefined;
  }

  // ---------------------------------------------------------------- task actions

  createTask(input: NewTask): WriteResult {
    const project = this.state.projects.get(input.projectId);
    if (!project) return refused('not-found', `There is no project ${input.projectId}.`);
    const denial = this.denied(['task.create'], { project });
    if (denial) return denial;
    const status = input.status ?? project.workflow.statuses[0]?.id ?? 'todo';
    const transition = input.status ? checkTransition(project, status, status) : undefined;
    if (transition) return refused(transition.code, transition.reason);
    const wip = checkWipLimit(project, status, this.countInStatus(project.id, status));
    if (wip.blocking) return refused('wip-limit', wip.reason ?? 'The column is full.');
    const at = this.now().toISOString();
    const { beforeId, id, ...fields } = input;
    const task: Task = {
      ...taskDefaults(),
      ...fields,
      id: id ?? this.newId('t'),
      status,
      rank: input.rank ?? this.rankFor(project.id, status, beforeId === undefined ? {} : { beforeId }),
      version: 0,
      createdAt: at,
      updatedAt: at,
      createdBy: this.userId,
    };
    if (task.assigneeIds.some((person) => person !== this.userId)) {
      const assign = this.denied(['task.assign'], { project, task });
      if (assign) return assign;
    }
    return this.perform([{ kind: 'create', collection: 'tasks', value: task, intent: 'task.create' }], {
      undo: [{ kind: 'delete', collection: 'tasks', entityId: task.id, intent: 'task.delete' }],
    });
  }

  /**
   * Changes fields of a task. The permissions needed follow from the fields (see
   * `actionsForTaskPatch`); status changes obey the workflow, new dependencies may not close a loop.
   */
  updateTask(id: Id, patch: Patch<'tasks'>, intent = 'task.edit'): WriteResult {
    return this.updateTasks([{ id, patch }], intent);
  }

  /**
   * Changes several tasks as one action (one undo step): all are checked first, and if any change is
   * refused, none is applied. Bulk assign and bulk move use it.
   */
  updateTasks(changes: readonly { readonly id: Id; readonly patch: Patch<'tasks'> }[], intent = 'task.edit'): WriteResult {
    if (changes.length === 0) return refused('empty', 'Nothing to change.');
    const entering = new Map<string, number>();
    const forward: ChangeSpec[] = [];
    const undo: ChangeSpec[] = [];
    for (const { id, patch } of changes) {
      const task = this.state.tasks.get(id);
      if (!task) return refused('not-found', `There is no task ${id}.`);
      const problem = this.checkTaskPatch(task, patch, entering);
      if (problem) return problem;
      forward.push({ kind: 'update', collection: 'tasks', entityId: id, patch, intent });
      undo.push({ kind: 'update', collection: 'tasks', entityId: id, patch: this.previousValues(task, patch), intent });
    }
    const result = this.perform(forward, { undo });
    return result.ok ? { ...result, id: changes[0]!.id } : result;
  }

  /** Moves a task to a status and a place in its column (Kanban). */
  moveTask(id: Id, to: MoveTarget): WriteResult {
    return this.moveTasks([id], to);
  }

  /**
   * Moves several tasks, in the given order, to one place in a column, as one action. They end up
   * next to each other between the neighbours the target names (at the end of the column without).
   */
  moveTasks(ids: readonly Id[], to: MoveTarget): WriteResult {
    const first = this.state.tasks.get(ids[0] ?? '');
    if (!first) return refused('not-found', `There is no task ${ids[0] ?? ''}.`);
    const { upper } = this.slotBounds(first.projectId, to.status, to, new Set(ids));
    let rank = to.rank ?? this.rankFor(first.projectId, to.status, to, new Set(ids));
    const changes = ids.map((id, index) => {
      if (index > 0) rank = rankBetween(rank, upper !== undefined && upper > rank ? upper : undefined);
      return { id, patch: { status: to.status, rank } as Patch<'tasks'> };
    });
    return this.updateTasks(changes, 'task.move');
  }

  /** Assigns people to tasks as one action: added to the assignees, or replacing them. */
  assignTasks(ids: readonly Id[], personIds: readonly Id[], mode: 'add' | 'replace' = 'add'): WriteResult {
    const changes = [];
    for (const id of ids) {
      const task = this.state.tasks.get(id);
      if (!task) return refused('not-found', `There is no task ${id}.`);
      const assigneeIds = mode === 'replace' ? [...personIds] : [...new Set([...task.assigneeIds, ...personIds])];
      changes.push({ id, patch: { assigneeIds } as Patch<'tasks'> });
    }
    return this.updateTasks(changes, 'task.assign');
  }

  /** Why a patch may not be applied to a task now, or undefined. `entering` counts bulk arrivals per status. */
  private checkTaskPatch(task: Task, patch: Patch<'tasks'>, entering: Map<string, number>): WriteResult | undefined {
    const project = this.state.projects.get(task.projectId);
    const denial = this.denied(actionsForTaskPatch(task, patch, this.userId), { task, ...(project ? { project } : {}) });
    if (denial) return denial;
    if (project && patch.status !== undefined && patch.status !== task.status) {
      const transition = checkTransition(project, task.status, patch.status);
      if (transition) return refused(transition.code, transition.reason);
      const key = `${project.id}/${patch.status}`;
      const arriving = entering.get(key) ?? 0;
      const wip = checkWipLimit(project, patch.status, this.countInStatus(project.id, patch.status) + arriving);
      if (wip.blocking) return refused('wip-limit', wip.reason ?? 'The column is full.');
      entering.set(key, arriving + 1);
    }
    for (const personId of patch.assigneeIds ?? []) {
      if (!this.state.people.has(personId)) return refused('not-found', `There is no person ${personId} to assign.`);
    }
    const lookup = (taskId: Id): Task | undefined => this.state.tasks.get(taskId);
    if (patch.dependencies) {
      for (const predecessorId of addedPredecessors(task.dependencies, patch.dependencies)) {
        const cycle = wouldCreateCycle(lookup, task.id, predecessorId);
        if (cycle) return refused('dependency-cycle', `This dependency would create a loop: ${cycle.join(' -> ')}.`);
      }
    }
    if (patch.parentId !== undefined && patch.parentId !== task.parentId) {
      const cycle = wouldCreateParentCycle(lookup, task.id, patch.parentId);
      if (cycle) return refused('parent-cycle', `A task cannot be placed under its own subtask: ${cycle.join(' -> ')}.`);
    }
    return undefined;
  }

  /** Deletes a task with its subtasks, as one undoable action. */
  deleteTask(id: Id): WriteResult {
    const task = this.state.tasks.get(id);
    if (!task) return refused('not-found', `There is no task ${id}.`);
    const project = this.state.projects.get(task.projectId);
    const denial = this.denied(['task.delete'], { task, ...(project ? { project } : {}) });
    if (denial) return denial;
    const doomed = this.withDescendants(task);
    // Children go first so the backend never holds an orphan; undo recreates parents first.
    const forward: ChangeSpec[] = [...doomed].reverse().map((item) => ({ kind: 'delete', collection: 'tasks', entityId: item.id, intent: 'task.delete' }));
    const undo: ChangeSpec[] = doomed.map((item) => ({ kind: 'create', collection: 'tasks', value: item, intent: 'task.create' }));
    const result = this.perform(forward, { undo });
    return result.ok ? { ...result, id } : result;
  }

  // ---------------------------------------------------------------- templates

  /**
   * Saves a task with all its subtasks and their checklists as a template named `name` (trimmed; an
   * empty name is refused), dates kept as day offsets and durations (see `TemplateTask`). Offered in
   * every project, or only in the task's with `projectScoped`. Needs `template.create`; a tree
   * deeper than `MAX_TEMPLATE_DEPTH` or larger than `MAX_TEMPLATE_TASKS` is refused (`validation`).
   * One undoable action.
   */
  saveTaskAsTemplate(taskId: Id, name: string, options: SaveTemplateOptions = {}): WriteResult {
    return this.templateActions.saveTaskAsTemplate(taskId, name, options);
  }

  /**
   * Creates a template's task tree in a project, as ONE undoable action (one `undo()` removes the
   * whole tree): fresh ids, checklists unticked, every task in `status` (default: the workflow's
   * first), dates laid out from `start` (none without it), the root under `parentId` when given and
   * at the end of its column. Needs `task.create` on the project; the workflow's status and WIP rules
   * apply to all the new tasks at once. A project's template is refused elsewhere (`wrong-project`).
   * The result's `id` is the new root task's.
   */
  createFromTemplate(templateId: Id, options: FromTemplateOptions): WriteResult {
    return this.templateActions.createFromTemplate(templateId, options);
  }

  /** Deletes a template (`template.delete`: its author, an admin or a manager). One undoable action. */
  deleteTemplate(id: Id): WriteResult {
    return this.templateActions.deleteTemplate(id);
  }

  // ---------------------------------------------------------------- message actions

  postMessage(input: NewMessage): WriteResult {
    const task = this.state.tasks.get(input.taskId);
    if (!task) return refused('not-found', `There is no task ${input.taskId}.`);
    const body = input.body;
    if (body.trim() === '' && (input.attachments ?? []).length === 0) return refused('empty', 'Write a message first.');
    if (body.length > MAX_MESSAGE_LENGTH) {
      return refused('too-long', `Messages can be at most ${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters; this one has ${body.length.toLocaleString('en')}.`);
    }
    const denial = this.denied(['message.post'], { task });
    if (denial) return denial;
    for (const personId of input.mentions ?? []) {
      const person = this.state.people.get(personId);
      if (!person) return refused('not-found', `There is no person ${personId} to mention.`);
      const mention = this.denied(['message.mention'], { task, person });
      if (mention) return mention;
    }
    const at = this.now().toISOString();
    const message: Message = {
      id: this.newId('m'),
      taskId: task.id,
      authorId: this.userId,
      kind: 'user',
      body,
      mentions: [...new Set(input.mentions ?? [])],
      reactions: {},
      attachments: input.attachments ?? [],
      ...(input.replyToId ? { replyToId: input.replyToId } : {}),
      version: 0,
      createdAt: at,
      updatedAt: at,
    };
    return this.perform([{ kind: 'create', collection: 'messages', value: message, intent: 'message.post' }]);
  }

  editMessage(id: Id, body: string): WriteResult {
    const message = this.state.messages.get(id);
    if (!message || message.deleted) return refused('not-found', 'That message no longer exists.');
    if (body.trim() === '') return refused('empty', 'A message cannot be empty; delete it instead.');
    if (body.length > MAX_MESSAGE_LENGTH) return refused('too-long', `Messages can be at most ${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters.`);
    const denial = this.denied(['message.edit'], this.messageTarget(message));
    if (denial) return denial;
    return this.perform([
      { kind: 'update', collection: 'messages', entityId: id, patch: { body, editedAt: this.now().toISOString() }, intent: 'message.edit' },
    ]);
  }

  /** Deletes a message, leaving a tombstone so the thread keeps its shape. */
  deleteMessage(id: Id): WriteResult {
    const message = this.state.messages.get(id);
    if (!message || message.deleted) return refused('not-found', 'That message no longer exists.');
    const denial = this.denied(['message.delete'], this.messageTarget(message));
    if (denial) return denial;
    return this.perform([
      { kind: 'update', collection: 'messages', entityId: id, patch: { deleted: true, body: '', mentions: [], attachments: [] }, intent: 'message.delete' },
    ]);
  }

  /** Adds the acting person's reaction, or takes it back when it is there. */
  toggleReaction(id: Id, emoji: string): WriteResult {
    const message = this.state.messages.get(id);
    if (!message || message.deleted) return refused('not-found', 'That message no longer exists.');
    const denial = this.denied(['message.react'], this.messageTarget(message));
    if (denial) return denial;
    const people = message.reactions[emoji] ?? [];
    const nextPeople = people.includes(this.userId) ? people.filter((person) => person !== this.userId) : [...people, this.userId];
    const reactions = { ...message.reactions, [emoji]: nextPeople };
    if (nextPeople.length === 0) delete reactions[emoji];
    return this.perform([{ kind: 'update', collection: 'messages', entityId: id, patch: { reactions }, intent: 'message.react' }]);
  }

  /**
   * Moves the acting person's read marker on a task to `messageId` (a loaded message of that task).
   * A no-op (ok) when the marker is already there or further on: markers only move forward.
   */
  markRead(taskId: Id, messageId: Id): WriteResult {
    const task = this.state.tasks.get(taskId);
    if (!task) return refused('not-found', `There is no task ${taskId}.`);
    const message = this.state.messages.get(messageId);
    if (!message || message.taskId !== taskId) return refused('not-found', `There is no message ${messageId} in task ${taskId}.`);
    const id = readMarkerId(this.userId, taskId);
    const current = this.state.reads.get(id);
    if (current && !isAfterMarker(message, current)) return { ok: true, id, confirmed: Promise.resolve({ status: 'applied' }) };
    const at = this.now().toISOString();
    const marker: ReadMarker = {
      id,
      personId: this.userId,
      taskId,
      lastReadMessageId: message.id,
      lastReadAt: message.createdAt,
      version: current?.version ?? 0,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
    };
    const denial = this.denied(['message.read'], { task, readMarker: marker });
    if (denial) return denial;
    return this.perform([
      current
        ? { kind: 'update', collection: 'reads', entityId: id, patch: { lastReadMessageId: marker.lastReadMessageId, lastReadAt: marker.lastReadAt }, intent: 'message.read' }
        : { kind: 'create', collection: 'reads', value: marker, intent: 'message.read' },
    ]);
  }

  /** Marks the acting person's notifications read: the given ones, or all unread. */
  markNotificationsRead(ids?: readonly Id[]): WriteResult {
    const denial = this.denied(['notification.read'], {});
    if (denial) return denial;
    const readAt = this.now().toISOString();
    const targets = (ids ?? this.state.notifications.ids())
      .map((id) => this.state.notifications.get(id))
      .filter((item): item is Notification => item !== undefined && item.personId === this.userId && item.readAt === undefined);
    if (targets.length === 0) return { ok: true, id: '', confirmed: Promise.resolve({ status: 'applied' }) };
    return this.perform(
      targets.map((item) => ({ kind: 'update', collection: 'notifications', entityId: item.id, patch: { readAt }, intent: 'notification.read' })),
    );
  }

  // ---------------------------------------------------------------- undo / redo

  /** Undoes the acting person's last action. False when there is nothing to undo or it is refused now. */
  undo(): boolean {
    const entry = this.history.takeUndo();
    if (!entry) return false;
    const result = this.perform(entry.undo, { record: false, undoEntry: entry });
    if (result.ok) this.history.pushRedo(entry);
    this.publishHistory();
    return result.ok;
  }

  redo(): boolean {
    const entry = this.history.takeRedo();
    if (!entry) return false;
    const result = this.perform(entry.redo, { record: false, undoEntry: entry });
    if (result.ok) this.history.pushUndo(entry);
    this.publishHistory();
    return result.ok;
  }

  private publishHistory(): void {
    if (!this.disposed) this.historySubject.next({ canUndo: this.history.canUndo, canRedo: this.history.canRedo });
  }

  // ---------------------------------------------------------------- the write path

  /**
   * Applies changes optimistically and queues them for the backend. All-or-nothing: if any change
   * would produce an invalid entity, nothing is applied.
   */
  private perform(
    specs: readonly ChangeSpec[],
    options: { undo?: readonly ChangeSpec[]; record?: boolean; undoEntry?: UndoEntry } = {},
  ): WriteResult {
    if (specs.length === 0) return refused('empty', 'Nothing to change.');
    const mutations: Mutation[] = [];
    for (const spec of specs) {
      const mutation = this.toMutation(spec);
      if (typeof mutation === 'string') return refused('not-found', mutation);
      if (mutation.kind !== 'delete') {
        const current = this.state[mutation.collection].get(mutation.entityId) as AnyEntity | undefined;
        const result = applyMutation(current, mutation);
        const valid = result === undefined ? undefined : validateEntity(mutation.collection, result);
        if (valid && !valid.ok) return refused('validation', valid.issue.message);
      }
      mutations.push(mutation);
    }
    const outcomes: Promise<WriteOutcome>[] = [];
    const writes: PendingWrite[] = [];
    const touched = new Map<CollectionName, Set<Id>>();
    for (const mutation of mutations) {
      outcomes.push(
        new Promise<WriteOutcome>((resolve) => {
          const write: PendingWrite = { mutation, inFlight: false, rebases: 0, settle: resolve };
          writes.push(write);
          this.pending.add(write);
        }),
      );
      let ids = touched.get(mutation.collection);
      if (!ids) touched.set(mutation.collection, (ids = new Set()));
      ids.add(mutation.entityId);
    }
    const mutationIds = new Set(mutations.map((mutation) => mutation.id));
    if (options.undoEntry) options.undoEntry.mutationIds = mutationIds;
    else if (options.undo && options.record !== false) {
      this.history.record({ redo: specs, undo: options.undo, mutationIds });
      this.publishHistory();
    }
    this.rebuild(touched);
    // Persist before send: the adapter keeps them on this device, and `flush` waits for that.
    const recorded = this.recordWrites(mutations);
    if (recorded) for (const write of writes) write.recorded = recorded;
    void this.flush();
    const confirmed = Promise.all(outcomes).then(
      (results): WriteOutcome => results.find((outcome) => outcome.status === 'rejected') ?? { status: 'applied' },
    );
    return { ok: true, id: mutations[0]!.entityId, confirmed };
  }

  /**
   * Hands new writes to `adapter.record`; the promise settles when they are durable or storage failed
   * (never rejects: a storage failure is reported once and the writes still go out, online only).
   */
  private recordWrites(mutations: readonly Mutation[]): Promise<void> | undefined {
    if (!this.adapter.record) return undefined;
    let recording: Promise<void>;
    try {
      recording = this.adapter.record(mutations);
    } catch (error) {
      recording = Promise.reject(error);
    }
    return recording.then(
      () => undefined,
      (error: unknown) => this.storageUnavailable(error),
    );
  }

  private storageUnavailable(error: unknown): void {
    if (this.disposed) return;
    if (!this.storageFailed) {
      this.storageFailed = true;
      this.errorSubject.next({ kind: 'storage-unavailable', message: toAdapterError(error).message });
    }
    if (this.state.sync.durable) this.patchSync({ durable: false });
  }

  private toMutation(spec: ChangeSpec): Mutation | string {
    const base = { id: this.newId('mut'), collection: spec.collection, actorId: this.userId, at: this.now().toISOString(), intent: spec.intent };
    if (spec.kind === 'create') return { ...base, kind: 'create', entityId: spec.value.id, value: spec.value } as Mutation;
    const current = this.confirmed[spec.collection].get(spec.entityId) as AnyEntity | undefined;
    const visible = this.state[spec.collection].get(spec.entityId);
    if (!visible) return `There is no ${spec.collection.replace(/s$/, '')} ${spec.entityId}.`;
    // Made against the version the user saw; a create still in flight has none yet.
    const baseVersion = current?.version;
    const withBase = baseVersion === undefined ? base : { ...base, baseVersion };
    if (spec.kind === 'delete') return { ...withBase, kind: 'delete', entityId: spec.entityId } as Mutation;
    const patch = jsonSafePatch(spec.patch);
    // What the user saw of the fields they changed: lets a conflict be merged field by field.
    const baseValues = valuesOf(visible as unknown as Record<string, unknown>, Object.keys(patch));
    return { ...withBase, kind: 'update', entityId: spec.entityId, patch, baseValues } as Mutation;
  }

  /** Sends pending writes, oldest first, until none is left or the backend is unreachable. */
  private async flush(): Promise<void> {
    if (this.flushing || this.disposed || this.retryTimer !== undefined || this.state.sync.phase !== 'ready') return;
    this.flushing = true;
    try {
      for (;;) {
        const batch = this.pending.nextBatch(Math.max(1, this.adapter.capabilities.maxBatch));
        if (batch.length === 0) break;
        for (const write of batch) {
          write.inFlight = true;
          // A create confirmed meanwhile gave a version this write can now be based on.
          if (write.mutation.kind !== 'create' && write.mutation.baseVersion === undefined) {
            const current = this.confirmed[write.mutation.collection].get(write.mutation.entityId) as AnyEntity | undefined;
            if (current) write.mutation = { ...write.mutation, baseVersion: current.version };
          }
        }
        // Persist before send: a write goes out only once the adapter has it (or could not keep it).
        const recording = batch.map((write) => write.recorded).filter((recorded) => recorded !== undefined);
        if (recording.length > 0) {
          await Promise.all(recording);
          // Disposed meanwhile: the writes were settled as `disposed`; the adapter still holds them.
          if (this.disposed) return;
        }
        let results: readonly MutationResult[];
        try {
          results = await this.adapter.push(batch.map((write) => write.mutation));
        } catch (error) {
          for (const write of batch) write.inFlight = false;
          const failure = toAdapterError(error);
          if (failure.retryable) {
            this.goOffline(failure);
            return;
          }
          results = batch.map((write) => ({ mutationId: write.mutation.id, status: 'rejected', error: failure }));
        }
        if (this.disposed) return;
        this.goOnline();
        this.settle(batch, results);
      }
    } finally {
      this.flushing = false;
    }
  }

  private settle(batch: readonly PendingWrite[], results: readonly MutationResult[]): void {
    const touched = new Map<CollectionName, Set<Id>>();
    const rejected = new RejectedEdits(this.state.rejected);
    batch.forEach((write, index) => {
      write.inFlight = false;
      const { mutation } = write;
      let ids = touched.get(mutation.collection);
      if (!ids) touched.set(mutation.collection, (ids = new Set()));
      ids.add(mutation.entityId);
      const result =
        results.find((candidate) => candidate.mutationId === mutation.id) ??
        results[index] ?? {
          mutationId: mutation.id,
          status: 'rejected' as const,
          error: new AdapterError('validation', 'The backend did not answer this change.'),
        };
      const target = this.confirmed[mutation.collection] as Map<Id, AnyEntity>;
      switch (result.status) {
        case 'applied':
        case 'duplicate': {
          this.pending.remove(write);
          if (mutation.kind === 'delete') {
            target.delete(mutation.entityId);
            rejected.forget(mutation.collection, mutation.entityId);
          }
          const kept = unionFields(write.kept, result.status === 'applied' ? result.kept : undefined);
          if (mutation.kind !== 'delete' && result.entity) this.confirm(mutation, result.entity, rejected, kept);
          this.reportMerged(mutation, kept);
          write.settle({ status: 'applied' });
          break;
        }
        case 'conflict': {
          const held = target.get(result.current.id);
          if (!held || held.version <= result.current.version) target.set(result.current.id, result.current);
          const step = mergeConflict(mutation, result.current, write.rebases, MAX_REBASES);
          if (step.action === 'reject') {
            this.reject(write, 'conflict', 'Someone else changed this at the same time, and your change could not be applied on top of theirs.');
          } else if (step.action === 'settle') {
            // Every field left was changed by someone else first (or already holds our value): theirs stands.
            this.pending.remove(write);
            const kept = unionFields(write.kept, step.kept);
            this.confirm(mutation, result.current, rejected, kept);
            this.reportMerged(mutation, kept);
            write.settle({ status: 'applied' });
          } else {
            write.rebases++;
            write.mutation = step.mutation;
            write.kept = unionFields(write.kept, step.kept);
            // A partly kept write is reported once, as merged, when it is confirmed.
            if (write.kept.length === 0) {
              this.errorSubject.next({ kind: 'write-rebased', collection: mutation.collection, entityId: mutation.entityId, intent: mutation.intent });
            }
          }
          break;
        }
        case 'rejected':
          this.reject(write, result.error.code, result.error.message);
          break;
      }
    });
    this.rebuild(touched, rejected.result());
  }

  /**
   * Takes a confirmed entity the backend answered with, unless something newer is held already; later
   * pending writes to it were made on top of this one, so they are now based on its version.
   */
  /**
   * Takes a write's result as confirmed. Later writes to the entity were made on top of this one, so
   * they are based on its result; except a later update of a field this one lost (`kept`): it was made
   * on a value that never reached the backend, so it keeps its old base, meets a conflict and is merged
   * the same way (their value stays), instead of overwriting it blindly.
   */
  private confirm(mutation: Mutation, entity: AnyEntity, rejected: RejectedEdits, kept: readonly string[] = []): void {
    const target = this.confirmed[mutation.collection] as Map<Id, AnyEntity>;
    rejected.superseded(mutation.collection, entity.id, entity.version);
    const current = target.get(entity.id);
    if (!current || current.version < entity.version) target.set(entity.id, entity);
    for (const later of this.pending.forEntity(mutation.collection, mutation.entityId)) {
      const { mutation: next } = later;
      if (next.kind === 'create') continue;
      if (next.kind === 'update' && kept.some((field) => field in next.patch)) continue;
      later.mutation = { ...next, baseVersion: entity.version };
    }
  }

  /** Tells the user which of their fields kept someone else's value (`write-merged`), if any. */
  private reportMerged(mutation: Mutation, kept: readonly string[]): void {
    if (kept.length === 0 || this.disposed) return;
    this.errorSubject.next({ kind: 'write-merged', collection: mutation.collection, entityId: mutation.entityId, intent: mutation.intent, kept });
  }

  private reject(write: PendingWrite, code: string, message: string): void {
    const { mutation } = write;
    this.pending.remove(write);
    this.history.forgetMutation(mutation.id);
    this.publishHistory();
    this.errorSubject.next({
      kind: 'write-rejected',
      code: code as never,
      message,
      collection: mutation.collection,
      entityId: mutation.entityId,
      intent: mutation.intent,
    });
    write.settle({ status: 'rejected', code, reason: message });
  }

  private goOffline(failure: AdapterError): void {
    this.retryDelay = Math.min(MAX_RETRY_DELAY_MS, Math.max(failure.retryAfterMs ?? 1000, this.retryDelay * 2));
    // The retry time is state the status line shows, not only news: it lives in `sync` too.
    // Wall-clock like the timer (the injected `now` dates entities, it does not schedule).
    this.patchSync({ online: false, retryAt: Date.now() + this.retryDelay });
    this.errorSubject.next({ kind: 'offline', message: failure.message, retryInMs: this.retryDelay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, this.retryDelay);
  }

  private goOnline(): void {
    this.retryDelay = 0;
    if (!this.state.sync.online) this.patchSync({ online: true, retryAt: undefined });
  }

  // ---------------------------------------------------------------- helpers

  private reportIssues(issues: readonly { code: string }[]): void {
    for (const issue of issues) this.errorSubject.next({ kind: 'invalid-data', issue: issue as never });
  }

  private reportLoadFailure(error: unknown): void {
    const failure = toAdapterError(error);
    if (!this.disposed) this.errorSubject.next({ kind: 'load-failed', code: failure.code, message: failure.message });
  }

  private messageTarget(message: Message): PermissionTarget {
    const task = this.state.tasks.get(message.taskId);
    return { message, ...(task ? { task } : {}) };
  }

  private countInStatus(projectId: Id, status: string): number {
    return this.statusCounts.count(this.state.tasks, projectId, status);
  }

  /** A rank for a task entering a column at the given place (default: the end). */
  private rankFor(projectId: Id, status: string, place: { afterId?: Id; beforeId?: Id }, moving: ReadonlySet<Id> = new Set()): string {
    const { lower, upper } = this.slotBounds(projectId, status, place, moving);
    return rankBetween(lower, upper);
  }

  /**
   * The ranks a task placed between the named neighbours must fall between. With one neighbour named,
   * the other is its next one in the column; with none, the slot is after the column's last task.
   * Tasks being moved do not count as neighbours.
   */
  private slotBounds(
    projectId: Id,
    status: string,
    place: { afterId?: Id; beforeId?: Id },
    moving: ReadonlySet<Id>,
  ): { lower?: string; upper?: string } {
    const tasks = this.state.tasks;
    const above = place.afterId ? tasks.get(place.afterId)?.rank : undefined;
    const below = place.beforeId ? tasks.get(place.beforeId)?.rank : undefined;
    if (above !== undefined && below !== undefined) return { lower: above, upper: below };
    const column = tasks
      .filter((task) => task.projectId === projectId && task.status === status && !moving.has(task.id))
      .map((task) => task.rank)
      .sort();
    if (above !== undefined) return { lower: above, upper: column.find((rank) => rank > above) };
    if (below !== undefined) return { lower: [...column].reverse().find((rank) => rank < below), upper: below };
    return { lower: column[column.length - 1] };
  }

  private previousValues(task: Task, patch: Patch<'tasks'>): Patch<'tasks'> {
    const before: Record<string, unknown> = {};
    for (const field of Object.keys(patch)) before[field] = (task as unknown as Record<string, unknown>)[field];
    return before as Patch<'tasks'>;
  }

  private withDescendants(root: Task): Task[] {
    const children = new Map<Id, Task[]>();
    for (const task of this.state.tasks) {
      if (task.parentId === undefined) continue;
      const list = children.get(task.parentId);
      if (list) list.push(task);
      else children.set(task.parentId, [task]);
    }
    const result: Task[] = [];
    const queue = [root];
    const seen = new Set<Id>();
    while (queue.length > 0) {
      const task = queue.shift()!;
      if (seen.has(task.id)) continue;
      seen.add(task.id);
      result.push(task);
      queue.push(...(children.get(task.id) ?? []));
    }
    return result;
  }
}

/** Chat order: by creation time, then id (ties happen with coarse clocks). */
function compareMessages(a: Message, b: Message): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function samePresence(a: readonly PresenceState[], b: readonly PresenceState[]): boolean {
  return (
    a.length === b.length &&
    a.every((state, index) => {
      const other = b[index]!;
      return state.personId === other.personId && state.taskId === other.taskId && state.typing === other.typing;
    })
  );
}

/**
 * A patch whose cleared fields are `null` instead of `undefined`: JSON drops `undefined` keys, so a
 * REST adapter would otherwise lose "remove the parent" or "clear the due date".
 */
function jsonSafePatch(patch: object): object {
  const safe: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) safe[field] = value === undefined ? null : value;
  return safe;
}
