import { AdapterError, type Id, type Mutation, type MutationResult } from '@cwm/core';
import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import type { BackoffBounds } from '../http/retry.js';
import type { ReadCurrent, SendMutation } from '../send-outcome.js';
import { OutboxChannel, type OutboxMessage } from './channel.js';
import { Drainer, type DrainerState } from './drainer.js';
import { deserializeResult, type SerializedResult } from './entry.js';
import type { HeartbeatTiming } from './heartbeat-elector.js';
import { electLeader, type Leadership } from './leader.js';
import { MemoryOutboxStorage } from './memory-storage.js';
import { outboxNamespace, outboxLockName } from './namespace.js';
import { deleteOutboxDatabase, IndexedDbOutboxStorage } from './outbox-db.js';
import type { OutboxState } from './outbox-state.js';
import { storageFailure } from './storage-failure.js';
import type { OutboxStorage } from './storage.js';

export type { OutboxState } from './outbox-state.js';

/** How to open an outbox. */
export interface OutboxOptions {
  /** Whose queue: the namespace (database, channel, lock) is derived from tenant and user. */
  readonly tenant: string;
  readonly userId: Id;
  readonly send: SendMutation;
  readonly readCurrent: ReadCurrent;
  /** `heartbeat` forces the BroadcastChannel fallback election (tests); default `auto` (Web Locks). */
  readonly leader?: 'auto' | 'heartbeat';
  /** Entities in flight at once, default 4. */
  readonly concurrency?: number;
  readonly retry?: Partial<BackoffBounds>;
  readonly random?: () => number;
  /** How long `push()` waits for a settlement before telling the caller to try later, default 15 s. */
  readonly settleWaitMs?: number;
  /** False: do not send this queue now (the signed-in person is not its owner). */
  readonly canSend?: () => boolean;
  /** `indexeddb` (default) keeps writes across reloads and tabs; `memory` is online-only. */
  readonly storage?: 'indexeddb' | 'memory';
  /** Fallback election timing (tests shorten it). */
  readonly heartbeat?: HeartbeatTiming;
  /** An IndexedDB open pending longer than this counts as failed, default 3 s. */
  readonly blockedTimeoutMs?: number;
}

interface Waiter {
  resolve(result: MutationResult): void;
  reject(error: AdapterError): void;
}

const CLOSED = () => new AdapterError('network', 'The offline queue is closed.');

/**
 * One person's offline outbox in one tenant. Every write is recorded (IndexedDB, before anything is
 * sent) and sent by exactly one tab, the leader of the namespace; any tab may record and wait for a
 * result, which reaches it from its own drainer, over the namespace's channel, or from the settled
 * results kept in storage. Storage failures never reject `open`: the outbox goes online-only
 * (`durable: false`, `storageError` set) and keeps sending.
 */
export class Outbox {
  private storage: OutboxStorage;
  private failure: AdapterError | undefined;
  private readonly channel: OutboxChannel;
  private readonly tabId = crypto.randomUUID();
  private readonly waiters = new Map<string, Set<Waiter>>();
  private readonly subscriptions: Subscription[] = [];
  private readonly stateSubject: BehaviorSubject<OutboxState>;
  private readonly signedOutSubject = new Subject<void>();
  private leadership: Leadership | undefined;
  private drainer: Drainer | undefined;
  private drainerState: DrainerState = { sending: 'idle', waiting: [] };
  private leaderStatus: Extract<OutboxMessage, { type: 'status' }> | undefined;
  private queuedCount = 0;
  private closed = false;
  private readonly onOnline = () => this.kick();

  /** What the outbox is doing; the current value first. */
  readonly state$: Observable<OutboxState>;
  /** Another tab wiped this namespace (signed out): this outbox has stopped; drop the session. */
  readonly signedOut$: Observable<void> = this.signedOutSubject.asObservable();

  /**
   * Opens the namespace of `tenant` + `userId`. Never rejects for storage problems: it falls back to
   * memory, `durable` false, `storageError` set (the store reports it).
   */
  static async open(options: OutboxOptions): Promise<Outbox> {
    const namespace = await outboxNamespace(options.tenant, options.userId);
    let storage: OutboxStorage;
    let failure: AdapterError | undefined;
    if (options.storage === 'memory') storage = new MemoryOutboxStorage();
    else {
      try {
        storage = await IndexedDbOutboxStorage.open(namespace, { tenant: options.tenant, userId: options.userId }, { blockedTimeoutMs: options.blockedTimeoutMs ?? 3000 });
      } catch (error) {
        storage = new MemoryOutboxStorage();
        failure = storageFailure('open the offline queue', error);
      }
    }
    const outbox = new Outbox(options, namespace, storage, failure);
    await outbox.refreshCount();
    return outbox;
  }

  private constructor(
    private readonly options: OutboxOptions,
    /** The storage namespace (`cwm:<tenant>:<hash>`). */
    readonly namespace: string,
    storage: OutboxStorage,
    failure: AdapterError | undefined,
  ) {
    this.storage = storage;
    this.failure = failure;
    this.stateSubject = new BehaviorSubject<OutboxState>({ sending: 'idle', queued: 0, durable: storage.durable });
    this.state$ = this.stateSubject.asObservable();
    this.channel = new OutboxChannel(namespace);
    this.subscriptions.push(this.channel.messages$.subscribe((message) => this.heard(message)));
    if (storage.durable) this.lead();
    else this.startDrainer();
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
  }

  /** Why the outbox is online-only, when IndexedDB failed; undefined while durable (or memory by choice). */
  get storageError(): AdapterError | undefined {
    return this.failure;
  }

  /** The current state (same as the latest `state$` value). */
  get state(): OutboxState {
    return this.stateSubject.value;
  }

  /**
   * Records mutations (put-if-absent by id) before anything is sent, and wakes the sender. When storage
   * fails now, the outbox switches to memory (the mutations are kept there and still sent) and rejects
   * with the storage `AdapterError`, once.
   */
  async record(mutations: readonly Mutation[]): Promise<void> {
    if (this.closed) throw CLOSED();
    let added: readonly string[];
    try {
      added = await this.storage.enqueue(mutations, this.tabId);
    } catch (error) {
      if (this.closed) throw CLOSED();
      if (!this.storage.durable) throw storageFailure('queue a change', error);
      const failure = this.fallBackToMemory(error, 'save a change for sending');
      await this.storage.enqueue(mutations, this.tabId);
      this.wake();
      void this.refreshCount();
      throw failure;
    }
    if (added.length === 0) return;
    // The leader kicks itself on hearing `queued`; a follower need not knock twice.
    if (this.storage.durable) this.channel.post({ type: 'queued', ids: added });
    this.drainer?.kick();
    await this.refreshCount();
  }

  /** This namespace's unsettled mutations, oldest first (every tab's). */
  async queued(): Promise<readonly Mutation[]> {
    if (this.closed) return [];
    try {
      return (await this.storage.entries()).map((entry) => entry.mutation);
    } catch (error) {
      this.fallBackToMemory(error, 'read the offline queue');
      return (await this.storage.entries()).map((entry) => entry.mutation);
    }
  }

  /**
   * Records the mutations, wakes the sender and waits for each one's result, in the given order.
   * Throws `AdapterError('network', 'Waiting to send', { retryAfterMs })` when they are not settled
   * within `settleWaitMs`, or at once when the sender waits for a retry or a renewed sign-in: they
   * stay queued and are sent anyway; pushing them again later only waits again (never sends twice).
   */
  async push(mutations: readonly Mutation[]): Promise<readonly MutationResult[]> {
    if (this.closed) throw CLOSED();
    try {
      await this.record(mutations);
    } catch (error) {
      // Storage failed: the mutations are in memory now (online-only); anything else is final.
      if (this.closed || this.storage.durable) throw error;
    }
    // Signed out or closed while recording: nobody will settle these here.
    if (this.closed) throw CLOSED();
    const registered: { id: string; waiter: Waiter }[] = [];
    const results = mutations.map(
      (mutation) =>
        new Promise<MutationResult>((resolve, reject) => {
          const waiter: Waiter = { resolve, reject };
          registered.push({ id: mutation.id, waiter });
          const set = this.waiters.get(mutation.id) ?? new Set<Waiter>();
          set.add(waiter);
          this.waiters.set(mutation.id, set);
        }),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.waitingError()), this.options.settleWaitMs ?? 15_000);
    });
    // Settled before we started listening (another tab, an earlier push, before a reload)?
    for (const mutation of mutations) {
      this.storage.settled(mutation.id).then(
        (record) => record && this.resolveWaiters(mutation.id, record.result),
        () => undefined,
      );
    }
    this.wake();
    this.rejectWaiting();
    try {
      return await Promise.race([Promise.all(results), timeout]);
    } finally {
      clearTimeout(timer);
      for (const { id, waiter } of registered) {
        const set = this.waiters.get(id);
        set?.delete(waiter);
        if (set?.size === 0) this.waiters.delete(id);
      }
    }
  }

  /**
   * Sends now: realtime reconnected, the browser is back online. Writes waiting out the adapter's own
   * backoff go at once (in whichever tab sends); a wait the backend asked for (Retry-After) holds.
   */
  kick(): void {
    if (this.closed) return;
    if (this.drainer !== undefined) this.drainer.hurry();
    else this.channel.post({ type: 'kick', hurry: true });
  }

  /** Ends a `paused-auth` pause once the host has a new token (asks the leading tab when it is another). */
  resumeAuth(): void {
    if (this.closed) return;
    if (this.drainer !== undefined) this.drainer.resumeAuth();
    else this.channel.post({ type: 'kick', resumeAuth: true });
  }

  /**
   * Sign-out: stops sending, steps down, tells the namespace's other tabs (their `signedOut$` fires)
   * and deletes the database. Callers waiting in `push` are rejected.
   */
  async wipe(): Promise<void> {
    if (this.closed) return;
    this.shutdown(new AdapterError('network', 'Signed out: the offline queue was wiped.'));
    this.channel.post({ type: 'signed-out' });
    this.channel.close();
    const durable = this.storage.durable;
    await this.storage.destroy();
    // Online-only after a storage failure: what IndexedDB still holds goes too.
    if (!durable && this.options.storage !== 'memory') await deleteOutboxDatabase(this.namespace);
  }

  /** Stops sending and releases the lead, the channel and the database (the queue stays stored). */
  close(): void {
    if (this.closed) return;
    this.shutdown(CLOSED());
    this.channel.close();
    this.storage.close();
  }

  private shutdown(reason: AdapterError): void {
    this.closed = true;
    this.drainer?.stop();
    this.drainer = undefined;
    this.leadership?.release();
    this.leadership = undefined;
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    for (const [id, set] of [...this.waiters]) {
      this.waiters.delete(id);
      for (const waiter of set) waiter.reject(reason);
    }
    this.stateSubject.complete();
  }

  private lead(): void {
    const leadership = electLeader(outboxLockName(this.namespace), {
      mode: this.options.leader ?? 'auto',
      channel: this.channel,
      tabId: this.tabId,
      ...(this.options.heartbeat ? { heartbeat: this.options.heartbeat } : {}),
    });
    this.leadership = leadership;
    this.subscriptions.push(
      leadership.leader$.subscribe((leader) => {
        if (this.closed || this.leadership !== leadership) return;
        if (leader) this.startDrainer();
        else this.stopDrainer();
      }),
    );
  }

  private startDrainer(): void {
    if (this.drainer !== undefined) return;
    this.leaderStatus = undefined;
    const drainer = new Drainer({
      storage: this.storage,
      send: this.options.send,
      readCurrent: this.options.readCurrent,
      tabId: this.tabId,
      ...(this.options.concurrency === undefined ? {} : { concurrency: this.options.concurrency }),
      ...(this.options.retry === undefined ? {} : { retry: this.options.retry }),
      ...(this.options.random === undefined ? {} : { random: this.options.random }),
      ...(this.options.canSend === undefined ? {} : { canSend: this.options.canSend }),
      onSettled: (mutationId, result) => {
        if (this.drainer !== drainer) return;
        if (this.storage.durable) this.channel.post({ type: 'settled', mutationId, result });
        this.resolveWaiters(mutationId, result);
        void this.refreshCount();
      },
      onState: (state) => {
        if (this.drainer !== drainer) return;
        this.drainerState = state;
        if (this.storage.durable) {
          this.channel.post({ type: 'status', sending: state.sending, waiting: state.waiting, ...(state.retryAt === undefined ? {} : { retryAt: state.retryAt }) });
        }
        this.publish();
        this.rejectWaiting();
      },
      onError: (error) => {
        if (this.drainer === drainer) this.fallBackToMemory(error, 'update the offline queue');
      },
    });
    this.drainer = drainer;
    drainer.start();
    this.publish();
  }

  private stopDrainer(): void {
    this.drainer?.stop();
    this.drainer = undefined;
    this.drainerState = { sending: 'idle', waiting: [] };
    this.publish();
  }

  /**
   * IndexedDB failed under us: this tab goes online-only. It steps down (a tab without the shared
   * queue must not hold the lead: the others' writes would wait forever) and sends its own writes
   * from memory from now on. What is already in IndexedDB stays for the tabs (or the reload) that can
   * read it; a mutation both there and here is sent twice at worst, which its idempotency key absorbs.
   */
  private fallBackToMemory(error: unknown, operation: string): AdapterError {
    if (this.closed || !this.storage.durable) return this.failure ?? storageFailure(operation, error);
    const failure = storageFailure(operation, error);
    this.failure = failure;
    this.drainer?.stop();
    this.drainer = undefined;
    this.leadership?.release();
    this.leadership = undefined;
    this.storage.close();
    this.storage = new MemoryOutboxStorage();
    this.leaderStatus = undefined;
    this.startDrainer();
    void this.refreshCount();
    return failure;
  }

  private heard(message: OutboxMessage): void {
    if (this.closed) return;
    if (message.type === 'signed-out') {
      this.shutdown(new AdapterError('network', 'Signed out in another tab: the offline queue was wiped.'));
      this.channel.close();
      this.storage.close();
      this.signedOutSubject.next();
      this.signedOutSubject.complete();
      return;
    }
    // The rest concerns the shared queue; an online-only tab has its own.
    if (!this.storage.durable) return;
    switch (message.type) {
      case 'queued':
        this.drainer?.kick();
        void this.refreshCount();
        break;
      case 'kick':
        if (message.resumeAuth) this.drainer?.resumeAuth();
        else if (message.hurry) this.drainer?.hurry();
        else this.drainer?.kick();
        break;
      case 'settled':
        this.resolveWaiters(message.mutationId, message.result);
        void this.refreshCount();
        break;
      case 'status':
        if (this.drainer !== undefined) break;
        this.leaderStatus = message;
        this.publish();
        this.rejectWaiting();
        break;
      default:
        break;
    }
  }

  /** Wakes whoever sends: this tab's drainer, or the leader over the channel. */
  private wake(): void {
    if (this.drainer !== undefined) this.drainer.kick();
    else this.channel.post({ type: 'kick' });
  }

  private resolveWaiters(mutationId: string, result: SerializedResult): void {
    const set = this.waiters.get(mutationId);
    if (set === undefined) return;
    this.waiters.delete(mutationId);
    const value = deserializeResult(result);
    for (const waiter of set) waiter.resolve(value);
  }

  /** Callers waiting for mutations that cannot go out before a retry (or a new sign-in) hear so now. */
  private rejectWaiting(): void {
    const sender = this.drainer !== undefined ? this.drainerState : this.leaderStatus;
    if (sender === undefined || this.waiters.size === 0) return;
    const paused = sender.sending === 'paused-auth';
    // The retry is due this very moment: its timer is about to fire, so wait for it instead.
    if (!paused && (sender.retryAt === undefined || sender.retryAt <= Date.now())) return;
    const waiting = new Set(sender.waiting ?? []);
    for (const [id, set] of [...this.waiters]) {
      if (!paused && !waiting.has(id)) continue;
      this.waiters.delete(id);
      const error = this.waitingError();
      for (const waiter of set) waiter.reject(error);
    }
  }

  private waitingError(): AdapterError {
    const sender = this.drainer !== undefined ? this.drainerState : this.leaderStatus;
    if (sender?.sending === 'paused-auth') return new AdapterError('network', 'Sending is paused until the sign-in is renewed.');
    const retryAt = sender?.retryAt;
    return new AdapterError('network', 'Waiting to send', retryAt === undefined ? {} : { retryAfterMs: Math.max(0, retryAt - Date.now()) });
  }

  private async refreshCount(): Promise<void> {
    try {
      this.queuedCount = await this.storage.count();
    } catch {
      // A failing count is not worth a fallback of its own; the next write will tell.
    }
    this.publish();
  }

  private publish(): void {
    if (this.closed) return;
    const durable = this.storage.durable;
    let next: OutboxState;
    if (this.drainer !== undefined) {
      const { sending } = this.drainerState;
      const retryAt = sending === 'waiting' ? this.drainerState.retryAt : undefined;
      next = { sending, queued: this.queuedCount, durable, ...(retryAt === undefined ? {} : { retryAt }) };
    } else {
      const retryAt = this.leaderStatus?.sending === 'waiting' ? this.leaderStatus.retryAt : undefined;
      next = { sending: this.queuedCount > 0 ? 'other-tab' : 'idle', queued: this.queuedCount, durable, ...(retryAt === undefined ? {} : { retryAt }) };
    }
    const last = this.stateSubject.value;
    if (last.sending === next.sending && last.queued === next.queued && last.durable === next.durable && last.retryAt === next.retryAt) return;
    this.stateSubject.next(next);
  }
}
