// Browser side of the test servers: typed wrappers over web-test-runner's `executeServerCommand`,
// answered by tests/harness/cwm-servers-plugin.mjs in the runner. Each test file gets its own
// servers; call stopServer()/stopJsonServer() in `after` (the run's end stops leftovers anyway).
// Starting the reference server can take several seconds (it bundles itself first): give the
// `before` hook that calls startServer() a longer mocha timeout, e.g. `this.timeout(60_000)`.
import { executeServerCommand } from '@web/test-runner-commands';

/** A reference server started for this test file. */
export interface StartedServer {
  /** Through the fault proxy; ends in /api/v1. What the adapter under test should use. */
  readonly apiUrl: string;
  /** Straight to the server, no faults; ends in /api/v1. For checks and set-up. */
  readonly directUrl: string;
  /** The server's origin; the /__test control routes live under it. */
  readonly controlUrl: string;
  readonly workspaceId: string;
  /** Who can sign in (from /api/v1/demo/people). */
  readonly people: readonly { readonly id: string; readonly name: string }[];
  /** A bearer token per person id (from /__test/tokens). */
  readonly tokens: Readonly<Record<string, string>>;
}

/** The faults a write request can be given. */
export type FaultKind = '500' | '503' | '429' | 'timeout' | 'dropAfterCommit';

/**
 * What the proxy does from now on. Each call replaces the whole configuration (what is left out
 * goes back to its default) and reseeds the fault generator with `seed` (default 1).
 */
export interface FaultConfig {
  /** 'down' cuts every connection, open or new, until set back to 'pass'. */
  readonly mode?: 'pass' | 'down';
  readonly seed?: number;
  /** Chance per write request under /api/ (0..1, adding up to at most 1). */
  readonly rates?: Partial<Record<FaultKind, number>>;
  /** How long a 'timeout' holds the request before cutting the connection; default 12 000 ms. */
  readonly timeoutHoldMs?: number;
  /** 'drop' ends open event streams and answers 503 to new ones (for `dropForMs`, or until 'pass'). */
  readonly sse?: 'pass' | 'drop';
  readonly dropForMs?: number;
  /** Delay before each write is forwarded. */
  readonly delayMs?: number;
  /** Also apply `rates` to GET requests under /api/ (event streams excepted). */
  readonly reads?: boolean;
}

/** What the proxy saw since the server started (or since the last `faultStats({ reset: true })`). */
export interface FaultStats {
  /** Every request that reached the proxy, preflights included. */
  readonly requests: number;
  /** POST/PATCH/PUT/DELETE under /api/. */
  readonly writes: number;
  /** Writes that were passed on to the server (plain passes and dropAfterCommit). */
  readonly forwarded: number;
  /** Per fault: '500' '503' '429' 'timeout' 'dropAfterCommit', plus 'down' (connections cut) and 'sseDrop'. */
  readonly injected: Record<string, number>;
  /** Per Idempotency-Key: how often the write was tried and how often it reached the server. */
  readonly byKey: Readonly<Record<string, { readonly attempts: number; readonly forwarded: number }>>;
}

/** Figures of one fault test, for the closing note. */
export interface Figures {
  readonly test: string;
  readonly operations: number;
  readonly faultsInjected: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly ms: number;
  readonly notes?: string;
}

let started: StartedServer | undefined;

/** Starts a fresh reference server (in-memory database) behind a fault proxy; stops this file's previous one. */
export async function startServer(options: { seed?: 'test' | 'demo' } = {}): Promise<StartedServer> {
  started = undefined;
  started = await executeServerCommand<StartedServer, { seed: 'test' | 'demo' }>('cwm-server-start', { seed: options.seed ?? 'test' });
  return started;
}

/** Stops this file's reference server and its proxy. */
export async function stopServer(): Promise<void> {
  started = undefined;
  await executeServerCommand<boolean, undefined>('cwm-server-stop', undefined);
}

/** Sets the proxy's faults (see FaultConfig: the whole configuration is replaced). */
export async function setFaults(config: FaultConfig): Promise<void> {
  await executeServerCommand<boolean, FaultConfig>('cwm-faults', config);
}

/** What the proxy has seen and injected. */
export function faultStats(options: { reset?: boolean } = {}): Promise<FaultStats> {
  return executeServerCommand<FaultStats, { reset?: boolean }>('cwm-fault-stats', options);
}

/**
 * Calls a test-control route, `${controlUrl}/__test/${path}` (sent from the runner, so it needs no
 * CORS). With a body the method defaults to POST. Rejects on a non-2xx answer.
 */
export async function control<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const answer = await executeServerCommand<{ body: T }, { path: string; method?: string; body?: unknown }>('cwm-control', { path, ...init });
  return answer.body;
}

/** The server started last in this file, if any. */
export function currentServer(): StartedServer | undefined {
  return started;
}

/** Starts json-server 0.17.4 on a copy of `db` (collections of records); stops this file's previous one. */
export function startJsonServer(db: object): Promise<{ url: string }> {
  return executeServerCommand<{ url: string }, { db: object }>('cwm-json-server-start', { db });
}

/** Stops this file's json-server. */
export async function stopJsonServer(): Promise<void> {
  await executeServerCommand<boolean, undefined>('cwm-json-server-stop', undefined);
}

/** Records a fault test's figures (appended to tests/faults/.figures.json, printed at the end of the run). */
export async function reportFigures(figures: Figures): Promise<void> {
  await executeServerCommand<boolean, Figures>('cwm-figures', figures);
}

/** One row of the server's history of an entity (GET /__test/history). */
export interface HistoryRow {
  readonly seq: number;
  readonly op: string;
  readonly version: number;
  readonly actorId: string;
  readonly mutationId: string | null;
  readonly data: unknown;
}

/** The server's history of one entity, oldest first. */
export function serverHistory(collection: string, id: string): Promise<readonly HistoryRow[]> {
  return control<readonly HistoryRow[]>(`history?collection=${encodeURIComponent(collection)}&id=${encodeURIComponent(id)}`);
}
