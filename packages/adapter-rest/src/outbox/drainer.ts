import { rebasePatch, sameValue, type AnyEntity, type Mutation } from '@cwm/core';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffBounds } from '../http/retry.js';
import type { ReadCurrent, SendMutation, SendOutcome } from '../send-outcome.js';
import { entityKey, SETTLED_TTL_MS, type OutboxEntry, type SerializedResult } from './entry.js';
import type { OutboxStorage } from './storage.js';

/** Conflicts answered by rebasing before the write is given up as a conflict. */
const MAX_REBASES = 3;

/** What the drainer is doing. */
export interface DrainerState {
  readonly sending: 'idle' | 'sending' | 'waiting' | 'paused-auth';
  /** Earliest retry due, ms since epoch, when something waits for one (also while others are sent). */
  readonly retryAt?: number;
  /** Mutations that cannot go out before a retry is due (their own, or one they queue behind), or the pause ends. */
  readonly waiting: readonly string[];
}

/** What a drainer sends with and whom it tells. */
export interface DrainerOptions {
  readonly storage: OutboxStorage;
  readonly send: SendMutation;
  readonly readCurrent: ReadCurrent;
  /** Different entities in flight at once (default 4). */
  readonly concurrency?: number;
  readonly retry?: Partial<BackoffBounds>;
  readonly random?: () => number;
  readonly now?: () => number;
  /** Checked before every send: false (the signed-in person is not the queue's owner) sends nothing. */
  readonly canSend?: () => boolean;
  /** Written into entries it sends, for diagnostics. */
  readonly tabId?: string;
  /** A mutation settled; its result is stored already. */
  readonly onSettled?: (mutationId: string, result: SerializedResult) => void;
  /** Called after every pass over the queue (not only on change: followers learn about new waiters). */
  readonly onState?: (state: DrainerState) => void;
  /** Storage failed: the owner decides (the outbox falls back to memory). */
  readonly onError?: (error: unknown) => void;
}

/** How one attempt ended, once conflicts were rebased. */
type Ending =
  | { readonly kind: 'settle'; readonly result: SerializedResult }
  | { readonly kind: 'retry'; readonly mutation: Mutation; readonly kept: readonly string[]; readonly message: string; readonly retryAfterMs?: number }
  | { readonly kind: 'auth'; readonly mutation: Mutation; readonly kept: readonly string[]; readonly message: string };

/** Bookkeeping fields the backend may set differently on a create it already has. */
const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt']);

function sameCreated(current: AnyEntity, value: unknown): boolean {
  const strip = (entity: object) => Object.fromEntries(Object.entries(entity).filter(([key]) => !BOOKKEEPING.has(key)));
  return typeof value === 'object' && value !== null && sameValue(strip(current), strip(value));
}

function pick(entity: AnyEntity, fields: readonly string[]): Record<string, unknown> {
  const source = entity as unknown as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, source[field] ?? null]));
}

/**
 * The only sender of a namespace's queue (run by the leading tab). Per entity strictly in queue order,
 * one attempt at a time; up to `concurrency` entities at once; a queued create holds back everything
 * queued after it (a comment on a task created offline waits for the task). Each attempt's outcome:
 * applied/duplicate/rejected settle (one storage step: entry removed, result kept); a conflict on an
 * update is rebased field by field (`rebasePatch`) and re-sent on the current version; retryable
 * failures wait `max(backoff, Retry-After)` while other entities go on; `auth` pauses everything until
 * `resumeAuth()`.
 */
export class Drainer {
  private readonly inFlight = new Map<string, AbortController>();
  private readonly bounds: BackoffBounds;
  private readonly concurrency: number;
  private readonly now: () => number;
  private running = false;
  private again = false;
  /** The next pass skips our own backoff waits (`hurry`). */
  private hurried = false;
  private stopped = true;
  private paused = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts finished attempts: a pass whose read overlapped one reads again (its snapshot is stale). */
  private finished = 0;

  constructor(private readonly options: DrainerOptions) {
    this.bounds = { ...DEFAULT_BACKOFF, ...options.retry };
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.now = options.now ?? Date.now;
  }

  /** Starts sending (this tab just became the leader). Entries left `sending` by a dead leader go again. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.options.storage.pruneSettled(this.now() - SETTLED_TTL_MS).catch(() => undefined);
    this.kick();
  }

  /** Stops: aborts attempts in flight (their entries stay `sending`; the next leader re-sends them). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const controller of this.inFlight.values()) controller.abort();
    this.inFlight.clear();
  }

  /**
   * Looks at the queue now, without skipping any wait: new entries, another tab's knock, an attempt
   * that ended. See `hurry` for when the backend is known to be back.
   */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.loop();
  }

  /**
   * The backend looks reachable again (the browser came back online, the event stream reconnected):
   * entries waiting out our own backoff go at once, so a queue does not sit out a 30 s backoff after
   * the network returned. Waits the backend asked for (Retry-After) still hold.
   */
  hurry(): void {
    this.hurried = true;
    this.kick();
  }

  /** Ends an `auth` pause (the host renewed the sign-in). */
  resumeAuth(): void {
    this.paused = false;
    this.kick();
  }

  get isPaused(): boolean {
    return this.paused;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.pass();
      } while (this.again && !this.stopped);
    } catch (error) {
      if (!this.stopped) this.options.onError?.(error);
    } finally {
      this.running = false;
    }
  }

  /** One look over the queue: starts every eligible entry, schedules the next retry, reports state. */
  private async pass(): Promise<void> {
    const finishedBefore = this.finished;
    const entries = await this.options.storage.entries();
    if (this.stopped) return;
    if (this.finished !== finishedBefore) {
      // An attempt settled or was rescheduled while we read: the snapshot would send it again.
      this.again = true;
      return;
    }
    const now = this.now();
    const hurried = this.hurried;
    this.hurried = false;
    const mayStart = !this.paused && (this.options.canSend?.() ?? true);
    // Per entity (and for everything after a create): what holds later entries back.
    const blocked = new Map<string, 'busy' | 'waiting'>();
    let barrier: 'busy' | 'waiting' | undefined;
    const waiting: string[] = [];
    let retryAt: number | undefined;
    for (const queued of entries) {
      const entry = hurried ? this.hurriedEntry(queued, now) : queued;
      const key = entityKey(entry.mutation);
      let status: 'busy' | 'waiting';
      const blocker = barrier ?? blocked.get(key);
      if (blocker !== undefined) status = blocker;
      else if (this.inFlight.has(entry.id)) status = 'busy';
      else if (this.paused) status = 'waiting';
      else if (entry.nextAttemptAt > now) {
        status = 'waiting';
        retryAt = Math.min(retryAt ?? Infinity, entry.nextAttemptAt);
      } else {
        if (mayStart && this.inFlight.size < this.concurrency) void this.attempt(entry);
        status = 'busy';
      }
      if (status === 'waiting') waiting.push(entry.id);
      if (!blocked.has(key)) blocked.set(key, status);
      if (entry.mutation.kind === 'create' && barrier === undefined) barrier = status;
    }
    this.schedule(retryAt, now);
    const sending = this.paused ? 'paused-auth' : this.inFlight.size > 0 ? 'sending' : waiting.length > 0 ? 'waiting' : 'idle';
    this.options.onState?.({ sending, waiting, ...(retryAt === undefined ? {} : { retryAt }) });
  }

  /**
   * An entry with its own backoff cut short (see `hurry`): due now, or when the backend's Retry-After
   * ends. Stored, so the shortened wait outlives this pass (the timer of the next one reads it).
   */
  private hurriedEntry(entry: OutboxEntry, now: number): OutboxEntry {
    if (this.inFlight.has(entry.id)) return entry;
    const due = Math.max(now, entry.notBefore ?? 0);
    if (due >= entry.nextAttemptAt) return entry;
    const shortened = { ...entry, nextAttemptAt: due };
    void this.options.storage.update(shortened).catch((error: unknown) => this.options.onError?.(error));
    return shortened;
  }

  private schedule(retryAt: number | undefined, now: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (retryAt === undefined || this.paused) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, Math.max(0, retryAt - now));
  }

  private async attempt(queued: OutboxEntry): Promise<void> {
    const controller = new AbortController();
    this.inFlight.set(queued.id, controller);
    const storage = this.options.storage;
    try {
      const entry: OutboxEntry = { ...queued, state: 'sending', attempts: queued.attempts + 1, ...(this.options.tabId === undefined ? {} : { tabId: this.options.tabId }) };
      // Settled meanwhile (a second leader for a moment, under the heartbeat fallback): nothing to send.
      if (!(await storage.update(entry)) || controller.signal.aborted) return;
      const ending = await this.sendUntilAnswered(entry, controller.signal);
      // Stopped meanwhile (tab closing, lead lost): leave the entry `sending` for the next leader.
      if (controller.signal.aborted || this.stopped) return;
      if (ending.kind === 'settle') {
        await storage.settle(entry.id, ending.result, this.now());
        this.options.onSettled?.(entry.id, ending.result);
        return;
      }
      const rest = { ...entry, state: 'queued' as const, mutation: ending.mutation, lastError: ending.message, ...(ending.kept.length > 0 ? { kept: ending.kept } : {}) };
      if (ending.kind === 'auth') {
        this.paused = true;
        // Not the backend's fault nor this write's: the attempt does not count towards the backoff.
        await storage.update({ ...rest, attempts: queued.attempts });
        return;
      }
      const now = this.now();
      const delay = Math.max(backoffDelay(entry.attempts - 1, this.bounds, this.options.random), ending.retryAfterMs ?? 0);
      const { notBefore: _previous, ...fresh } = rest;
      await storage.update({ ...fresh, nextAttemptAt: now + delay, ...(ending.retryAfterMs === undefined ? {} : { notBefore: now + ending.retryAfterMs }) });
    } catch (error) {
      if (!this.stopped) this.options.onError?.(error);
    } finally {
      if (this.inFlight.get(queued.id) === controller) this.inFlight.delete(queued.id);
      this.finished += 1;
      this.kick();
    }
  }

  /** Sends, rebasing on conflicts, until an answer that settles, retries later or pauses. */
  private async sendUntilAnswered(entry: OutboxEntry, signal: AbortSignal): Promise<Ending> {
    let mutation = entry.mutation;
    const kept = new Set(entry.kept ?? []);
    const settle = (result: SerializedResult): Ending => ({ kind: 'settle', result });
    const rejected = (code: 'forbidden' | 'validation' | 'not-found' | 'conflict', message: string): Ending =>
      settle({ mutationId: entry.id, status: 'rejected', error: { code, message } });
    for (let rebases = 0; ; rebases++) {
      const outcome = await this.sendOnce(mutation, signal);
      switch (outcome.kind) {
        case 'applied':
          return settle({ mutationId: entry.id, status: 'applied', ...(outcome.entity ? { entity: outcome.entity } : {}), ...(kept.size > 0 ? { kept: [...kept] } : {}) });
        case 'duplicate':
          return settle({ mutationId: entry.id, status: 'duplicate', ...(outcome.entity ? { entity: outcome.entity } : {}) });
        case 'rejected':
          return rejected(outcome.code, outcome.message);
        case 'retry':
          return { kind: 'retry', mutation, kept: [...kept], message: outcome.message, ...(outcome.retryAfterMs === undefined ? {} : { retryAfterMs: outcome.retryAfterMs }) };
        case 'auth':
          return { kind: 'auth', mutation, kept: [...kept], message: outcome.message };
        case 'conflict':
          break;
      }
      if (rebases >= MAX_REBASES) return rejected('conflict', 'Someone else kept changing this at the same time; the change was not saved.');
      let current = outcome.current;
      if (current === undefined) {
        try {
          current = await this.options.readCurrent(mutation, signal);
        } catch (error) {
          return { kind: 'retry', mutation, kept: [...kept], message: error instanceof Error ? error.message : 'Could not read the current version.' };
        }
      }
      if (mutation.kind === 'create') {
        // The id is taken. Our own earlier attempt (answer lost, key forgotten) looks like what we sent.
        if (current === undefined) continue;
        if (sameCreated(current, mutation.value)) return settle({ mutationId: entry.id, status: 'duplicate', entity: current });
        return rejected('validation', 'Something else with this id exists already.');
      }
      if (mutation.kind === 'delete') {
        if (current === undefined) return settle({ mutationId: entry.id, status: 'applied' });
        mutation = { ...mutation, baseVersion: current.version };
        continue;
      }
      if (current === undefined) return rejected('not-found', 'This was deleted by someone else.');
      const rebased = rebasePatch(mutation.patch as Record<string, unknown>, mutation.baseValues as Record<string, unknown> | undefined, current as unknown as Record<string, unknown>);
      for (const field of rebased.kept) kept.add(field);
      const fields = Object.keys(rebased.patch);
      if (fields.length === 0) return settle({ mutationId: entry.id, status: 'applied', entity: current, kept: [...kept] });
      mutation = { ...mutation, patch: rebased.patch, baseVersion: current.version, baseValues: pick(current, fields) } as Mutation;
    }
  }

  /** `send` never throws by contract; a bug or an abort still must not lose the entry. */
  private async sendOnce(mutation: Mutation, signal: AbortSignal): Promise<SendOutcome> {
    try {
      return await this.options.send(mutation, signal);
    } catch (error) {
      return { kind: 'retry', code: 'network', message: error instanceof Error ? error.message : String(error) };
    }
  }
}

