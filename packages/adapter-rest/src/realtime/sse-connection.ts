import { backoffDelay, parseRetryAfter, type BackoffBounds } from '../http/retry.js';
import { SseParser } from './sse-parser.js';
import type { SseEvent } from './types.js';

/** States a live stream reports; `'reconnecting'` stays after authentication finally failed. */
export type SseConnectionState = 'connecting' | 'live' | 'reconnecting';

/**
 * Reconnect delays of a stream unless told otherwise: 250 ms doubling up to 5 s, with full jitter. The
 * ceiling is low on purpose: a stream is one cheap GET, and after an outage the view should catch up
 * within seconds of the server coming back, not a quarter of a minute later (jitter still spreads out
 * many clients coming back at once).
 */
export const DEFAULT_SSE_BACKOFF: BackoffBounds = { baseMs: 250, maxMs: 5_000 };

/** A stream silent this long (ms) is taken for dead; the reference server pings every 15 s. */
export const DEFAULT_WATCHDOG_MS = 45_000;

/** A stream open this long (ms) counts as healthy: the next drop starts the backoff from the beginning. */
export const DEFAULT_HEALTHY_MS = 30_000;

/** `reconnectNow()` never starts an attempt sooner than this (ms) after the previous attempt began. */
export const DEFAULT_EARLIEST_RETRY_MS = 1_000;

/** Options of an `SseConnection`. */
export interface SseConnectionOptions {
  /** The stream's absolute URL. */
  readonly url: string;
  /** Headers of each (re)connect, typically `Authorization`; asked again every time so a refreshed token is used. */
  readonly headers: () => Promise<Record<string, string>>;
  /** Called once after a 401; true -> connect again at once; false -> stop, `onAuthFailed()`, the state stays 'reconnecting'. */
  readonly refreshAuth?: () => Promise<boolean>;
  /** The stream refused the credentials and refreshing did not help; nothing reconnects until `start()` again. */
  readonly onAuthFailed?: () => void;
  /** Each dispatched event, in order. */
  readonly onEvent: (event: SseEvent) => void;
  /** Every state change (not repeated). */
  readonly onState: (state: SseConnectionState) => void;
  /** Once a stream is open again after a drop or a failed attempt (a moment to send what waited); not when the first attempt opens it. */
  readonly onReconnected?: () => void;
  /** Reconnect delay bounds; a `retry:` from the server replaces `baseMs`. Default `DEFAULT_SSE_BACKOFF`. */
  readonly backoff?: BackoffBounds;
  /** Silence (ms) after which the stream is aborted and reconnected. Default `DEFAULT_WATCHDOG_MS`. */
  readonly watchdogMs?: number;
  /** Time open (ms) after which a drop restarts the backoff from its first step. Default `DEFAULT_HEALTHY_MS`. */
  readonly healthyMs?: number;
  /**
   * Shortest time (ms) between the start of one attempt and one hurried by `reconnectNow()`; a nearer
   * call moves the attempt to that moment instead. Default `DEFAULT_EARLIEST_RETRY_MS`.
   */
  readonly earliestRetryMs?: number;
  /** Randomness of the jitter (tests make it predictable). */
  readonly random?: () => number;
  /** The fetch used (tests pass a fake). Default the global one. */
  readonly fetch?: typeof fetch;
  /** Where to resume from: sent as `Last-Event-ID` on the first connect. */
  readonly lastEventId?: string;
}

type Outcome =
  /** The stream was open and ended or broke (or the watchdog cut it). */
  | { readonly kind: 'dropped'; readonly openedAt: number }
  /** No stream: network error, non-2xx, not an event stream. */
  | { readonly kind: 'failed'; readonly retryAfterMs?: number }
  | { readonly kind: 'unauthorized' }
  /** stop() (or a restart) happened meanwhile: this attempt has no say any more. */
  | { readonly kind: 'superseded' };

/**
 * A Server-Sent Events stream read with `fetch` rather than `EventSource`, so that it can send an
 * `Authorization` header (a token in the URL would end up in logs) and a `Last-Event-ID` of our choosing.
 * It keeps itself alive: reconnects after any drop with jittered exponential backoff, resumes from the
 * last event id, cuts a stream that went silent (a half-open TCP connection sends no error), refreshes the
 * credentials once on a 401. Nothing it does rejects a promise nobody awaits: every failure becomes a
 * state change or a reconnect.
 */
export class SseConnection {
  private readonly options: SseConnectionOptions;
  private resumeId: string | undefined;
  private state: SseConnectionState | undefined;
  /** Bumped by start() and stop(): an attempt that finds it changed gives up without a word. */
  private session = 0;
  private running = false;
  private attempt = 0;
  private serverRetryMs: number | undefined;
  private authRefreshed = false;
  /** An attempt failed or a stream dropped since the last open one: the next open is a reconnect. */
  private interrupted = false;
  private abort: AbortController | undefined;
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending `retryTimer` fires (epoch ms). */
  private retryAt = 0;
  /** When the latest attempt began (epoch ms): `reconnectNow()` keeps its distance from it. */
  private attemptedAt = 0;
  /** The server's Retry-After for the pending wait (epoch ms): not even `reconnectNow()` goes before it. */
  private notBefore = 0;
  private watchdogTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: SseConnectionOptions) {
    this.options = options;
    this.resumeId = options.lastEventId === '' ? undefined : options.lastEventId;
  }

  /** The id the next connect resumes from (sent as `Last-Event-ID`), if the stream has given one. */
  get lastEventId(): string | undefined {
    return this.resumeId;
  }

  /** Connects (state 'connecting') and keeps the stream alive until `stop()`. Again after a stop: starts afresh. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.session += 1;
    this.attempt = 0;
    this.authRefreshed = false;
    this.interrupted = false;
    this.state = undefined;
    this.setState('connecting');
    this.connect(this.session);
  }

  /** Closes the stream and cancels any pending reconnect; nothing reconnects afterwards. */
  stop(): void {
    this.running = false;
    this.session += 1;
    this.clearRetry();
    this.closeStream();
  }

  /**
   * The backend is evidently reachable again (the browser came online, a read or write just succeeded):
   * when waiting out a backoff, try now rather than at the end of the wait. Nothing while a stream is
   * open or an attempt is under way, after `stop()`, or after authentication failed. Attempts hurried
   * this way keep `earliestRetryMs` apart, so a backend whose requests succeed while its stream keeps
   * failing does not get a stream request per successful write; a server's Retry-After still holds.
   */
  reconnectNow(): void {
    if (!this.running || this.retryTimer === undefined) return;
    const session = this.session;
    const earliest = Math.max(this.notBefore, this.attemptedAt + (this.options.earliestRetryMs ?? DEFAULT_EARLIEST_RETRY_MS));
    const now = Date.now();
    if (earliest >= this.retryAt) return;
    this.clearRetry();
    if (earliest <= now) this.connect(session);
    else this.retryLater(session, earliest - now);
  }

  private connect(session: number): void {
    this.attemptedAt = Date.now();
    void this.openAndRead(session)
      .catch((): Outcome => ({ kind: 'failed' }))
      .then((outcome) => this.afterAttempt(session, outcome))
      .catch((error: unknown) => globalThis.reportError?.(error));
  }

  /** One connection attempt, from the request to the end of the stream. Never rejects on purpose. */
  private async openAndRead(session: number): Promise<Outcome> {
    let headers: Record<string, string>;
    try {
      headers = await this.options.headers();
    } catch {
      return { kind: 'failed' };
    }
    if (session !== this.session) return { kind: 'superseded' };
    const abort = new AbortController();
    this.abort = abort;
    this.armWatchdog(session);
    // Set, not merged: a host header of the same name in another case must not make a list of two values.
    const requestHeaders = new Headers(headers);
    requestHeaders.set('Accept', 'text/event-stream');
    if (this.resumeId === undefined) requestHeaders.delete('Last-Event-ID');
    else requestHeaders.set('Last-Event-ID', this.resumeId);
    let response: Response;
    try {
      const fetcher = this.options.fetch ?? globalThis.fetch.bind(globalThis);
      response = await fetcher(this.options.url, { headers: requestHeaders, signal: abort.signal, cache: 'no-store' });
    } catch {
      return session === this.session ? { kind: 'failed' } : { kind: 'superseded' };
    }
    if (session !== this.session) {
      discard(response);
      return { kind: 'superseded' };
    }
    if (response.status === 401) {
      discard(response);
      return { kind: 'unauthorized' };
    }
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || response.body === null || !/^text\/event-stream\b/i.test(type.trim())) {
      discard(response);
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return retryAfterMs === undefined ? { kind: 'failed' } : { kind: 'failed', retryAfterMs };
    }
    return this.read(session, response.body);
  }

  private async read(session: number, body: ReadableStream<Uint8Array>): Promise<Outcome> {
    const openedAt = Date.now();
    const reader = body.getReader();
    this.reader = reader;
    this.authRefreshed = false;
    this.armWatchdog(session);
    this.setState('live');
    if (this.interrupted) {
      this.interrupted = false;
      this.notify(() => this.options.onReconnected?.());
    }
    const parser = new SseParser(this.resumeId);
    // Stream mode keeps a character whose bytes arrive in two chunks whole.
    const decoder = new TextDecoder('utf-8');
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (session !== this.session) return { kind: 'superseded' };
        if (done) break;
        this.armWatchdog(session);
        const events = parser.push(decoder.decode(value, { stream: true }));
        if (parser.retry !== undefined) this.serverRetryMs = parser.retry;
        for (const event of events) {
          this.resumeId = event.id;
          this.notify(() => this.options.onEvent(event));
          // A handler may have stopped the connection: the rest of this chunk is not wanted then.
          if (session !== this.session) return { kind: 'superseded' };
        }
        // An `id:` in a block without data moves the resume point too, though no event was dispatched.
        this.resumeId = parser.lastEventId;
      }
    } catch {
      // A network drop or the watchdog's abort: both mean reconnect.
    } finally {
      if (this.reader === reader) this.reader = undefined;
      try {
        reader.releaseLock();
      } catch {
        // Already released by a cancel: nothing left to free.
      }
    }
    return session === this.session ? { kind: 'dropped', openedAt } : { kind: 'superseded' };
  }

  private afterAttempt(session: number, outcome: Outcome): void {
    if (session !== this.session || outcome.kind === 'superseded') return;
    this.closeStream();
    this.interrupted = true;
    if (outcome.kind === 'unauthorized') {
      this.setState('reconnecting');
      void this.refreshAfter401(session);
      return;
    }
    if (outcome.kind === 'dropped') {
      const healthyMs = this.options.healthyMs ?? DEFAULT_HEALTHY_MS;
      if (Date.now() - outcome.openedAt >= healthyMs) this.attempt = 0;
    }
    this.setState('reconnecting');
    this.scheduleReconnect(session, outcome.kind === 'failed' ? outcome.retryAfterMs : undefined);
  }

  private async refreshAfter401(session: number): Promise<void> {
    let refreshed = false;
    if (!this.authRefreshed && this.options.refreshAuth !== undefined) {
      this.authRefreshed = true;
      try {
        refreshed = await this.options.refreshAuth();
      } catch {
        refreshed = false;
      }
    }
    if (session !== this.session) return;
    if (refreshed) {
      this.connect(session);
      return;
    }
    // Credentials are the host's to fix: stop here, and say so once.
    this.running = false;
    this.session += 1;
    this.clearRetry();
    this.notify(() => this.options.onAuthFailed?.());
  }

  private scheduleReconnect(session: number, retryAfterMs: number | undefined): void {
    const bounds = this.options.backoff ?? DEFAULT_SSE_BACKOFF;
    // The server's `retry:` is its own idea of a first delay: it replaces our base, never our ceiling.
    const baseMs = this.serverRetryMs === undefined ? bounds.baseMs : Math.min(this.serverRetryMs, bounds.maxMs);
    const delay = Math.max(backoffDelay(this.attempt, { baseMs, maxMs: bounds.maxMs }, this.options.random), retryAfterMs ?? 0);
    this.attempt += 1;
    this.clearRetry();
    this.notBefore = retryAfterMs === undefined ? 0 : Date.now() + retryAfterMs;
    this.retryLater(session, delay);
  }

  private retryLater(session: number, delay: number): void {
    this.retryAt = Date.now() + delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (session === this.session) this.connect(session);
    }, delay);
  }

  private armWatchdog(session: number): void {
    this.clearWatchdog();
    const watchdogMs = this.options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
    this.watchdogTimer = setTimeout(() => {
      this.watchdogTimer = undefined;
      // Silence: abort the request (or the body read); the attempt then ends as a drop and reconnects.
      if (session === this.session) this.closeStream();
    }, watchdogMs);
  }

  private clearWatchdog(): void {
    if (this.watchdogTimer !== undefined) clearTimeout(this.watchdogTimer);
    this.watchdogTimer = undefined;
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Aborts the request and cancels the body (a fetch that ignores the signal for its body still ends). */
  private closeStream(): void {
    this.clearWatchdog();
    const abort = this.abort;
    const reader = this.reader;
    this.abort = undefined;
    this.reader = undefined;
    abort?.abort();
    reader?.cancel().catch(() => undefined);
  }

  private setState(state: SseConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.notify(() => this.options.onState(state));
  }

  /** Runs a host callback; its failure is reported to the page, never allowed to break the stream. */
  private notify(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      globalThis.reportError?.(error);
    }
  }
}

/** Drops a response's body we will not read, so the connection is released; failures do not matter. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
