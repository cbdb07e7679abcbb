// One browser "tab" of the fault tests: a RestAdapter and a CwmStore built from this page's query string,
// loaded in a same-origin iframe. An iframe is its own realm with its own Web Lock holder and BroadcastChannel
// end, so reloading it (`frame.contentWindow.location.reload()`) is a page reload and removing it
// (`frame.remove()`) is closing the tab: exactly what the outbox must survive.
//
// Query string:
//   api      base URL ending in /api/v1 (the fault proxy's or the direct one), or json-server's origin
//   ws       workspace id              token   bearer token            user   the signed-in person
//   tenant   outbox namespace (default ws)
//   leader   'auto' | 'heartbeat'      offline '0' = no outbox       storage 'indexeddb' | 'memory'
//   idb      'quota' | 'blocked': break IndexedDB in this tab before anything opens it
//   preset   'cwm' (default) | 'json-server'
//   timeout  per request ms (default 3000: shorter than the proxy's held "timeout" fault)
//   retryBase, retryMax  backoff bounds ms (default 100 / 2000, so fault runs stay short)
//   settle   ms push() waits for a settlement (default 15000)
//   poll     json-server polling interval ms (default 500)
//   chaos    'sse': every change event of the stream arrives twice, and after each newer change of an
//            entity its previous change arrives again (stale, out of order); see `chaoticFetch`
import { CwmStore, randomId, type StoreError, type WriteResult } from '@cwm/core';
import { RestAdapter, cwmServerOptions, type RestAdapterOptions, type RestAuth } from '@cwm/adapter-rest';
import { jsonServerOptions } from '../../faults/json-server-options.js';

/** What the tests reach through `frame.contentWindow.cwmRestTab`. */
export interface RestTab {
  readonly store: CwmStore;
  readonly adapter: RestAdapter;
  /** Settles when the store's first load ended (`store.state.sync.phase` says how). */
  readonly ready: Promise<void>;
  readonly params: URLSearchParams;
  /** Every `store.errors$` value, in order. */
  readonly errors: StoreError[];
  /** Uncaught errors and unhandled rejections of this tab's realm (must stay empty). */
  readonly uncaught: string[];
  /** Events `chaos=sse` added to the stream: repeated ones and stale (older) ones. */
  readonly injected: { duplicates: number; stale: number };
  /** Tasks whose version went down in the store's state at some point (must stay empty). */
  readonly regressions: string[];
  /** Runs one store action and returns the mutation ids it queued (none when it was refused). */
  act(run: (store: CwmStore) => WriteResult): ActResult;
  /** True once another tab signed this person out (the tab then dropped its store, as cwm-workspace does). */
  readonly signedOutElsewhere: boolean;
  /** Replaces the bearer token the adapter sends from now on. */
  setToken(token: string): void;
  /** Sign-out as cwm-workspace does it: wipe the device's data for this person, then drop the store. */
  signOut(): Promise<void>;
}

export interface ActResult {
  readonly result: WriteResult;
  readonly mutationIds: readonly string[];
}

declare global {
  interface Window {
    cwmRestTab?: RestTab;
  }
}

const params = new URLSearchParams(location.search);
const uncaught: string[] = [];
addEventListener('error', (event) => uncaught.push(`error: ${event.message}`));
addEventListener('unhandledrejection', (event) => uncaught.push(`unhandled rejection: ${describe(event.reason)}`));

function describe(reason: unknown): string {
  return reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
}

function required(name: string): string {
  const value = params.get(name);
  if (!value) throw new Error(`rest-tab: the query string has no ${name}`);
  return value;
}

function numberParam(name: string, fallback: number): number {
  const value = Number(params.get(name) ?? NaN);
  return Number.isFinite(value) ? value : fallback;
}

/**
 * A full disk as Chromium reports it: writes are accepted, then their transaction aborts with a
 * QuotaExceededError. Schema upgrades still work (opening the database is not what runs out of room).
 */
function exhaustQuota(): void {
  const aborted = new WeakSet<IDBTransaction>();
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      const request = original.apply(this, args);
      const transaction = this.transaction;
      if (transaction.mode !== 'versionchange' && !aborted.has(transaction)) {
        aborted.add(transaction);
        Object.defineProperty(transaction, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
        transaction.abort();
      }
      return request;
    };
  }
}

/**
 * An open that never completes: another tab holds an old connection open and ignores `versionchange`.
 * The request reports `blocked` and then nothing, ever.
 */
function blockOpen(): void {
  indexedDB.open = function () {
    const request = new EventTarget() as EventTarget & Record<string, unknown>;
    Object.assign(request, { readyState: 'pending', error: null, source: null, transaction: null, onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null });
    Object.defineProperty(request, 'result', {
      get() {
        throw new DOMException('The request has not finished.', 'InvalidStateError');
      },
    });
    setTimeout(() => {
      const event = new Event('blocked');
      request.dispatchEvent(event);
      const handler = request['onblocked'];
      if (typeof handler === 'function') handler.call(request, event);
    }, 5);
    return request as unknown as IDBOpenDBRequest;
  };
}

const injected = { duplicates: 0, stale: 0 };

/**
 * A `fetch` whose event streams are made unreliable the way proxies and reconnects make them: each
 * `change` event is delivered twice, and when a newer change of an entity arrives, the previous one
 * follows it again (stale, out of order). The copies carry no `id:` line, so the resume position
 * (Last-Event-ID) stays the server's. Everything else passes untouched.
 */
function chaoticFetch(): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/events') || !response.ok || !response.body) return response;
    const previous = new Map<string, string>();
    let buffer = '';
    const withoutId = (block: string): string => block.split('\n').filter((line) => !line.startsWith('id:')).join('\n');
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    const chaos = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        buffer += decoder.decode(chunk, { stream: true });
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        let out = '';
        for (const block of blocks) {
          out += `${block}\n\n`;
          if (!/^event: change$/m.test(block)) continue;
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const change = data ? (JSON.parse(data) as { collection?: string; id?: string; entity?: { id?: string } }) : {};
          const key = `${change.collection}/${change.id ?? change.entity?.id}`;
          out += `${withoutId(block)}\n\n`;
          injected.duplicates++;
          const older = previous.get(key);
          if (older) {
            out += `${withoutId(older)}\n\n`;
            injected.stale++;
          }
          previous.set(key, block);
        }
        if (out) controller.enqueue(encoder.encode(out));
      },
    });
    return new Response(response.body.pipeThrough(chaos), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

const idb = params.get('idb');
if (idb === 'quota') exhaustQuota();
else if (idb === 'blocked') blockOpen();

const api = required('api');
const workspaceId = required('ws');
const userId = required('user');
let token = params.get('token') ?? '';
const auth: RestAuth = {
  header: async () => (token ? { Authorization: `Bearer ${token}` } : undefined),
  userId: () => userId,
};
const offlineEnabled = params.get('offline') !== '0';
const leader = params.get('leader') === 'heartbeat' ? 'heartbeat' : 'auto';
const storage = params.get('storage') === 'memory' ? 'memory' : 'indexeddb';
const tenant = params.get('tenant') ?? workspaceId;

const options: RestAdapterOptions =
  params.get('preset') === 'json-server'
    ? jsonServerOptions({ baseUrl: api, auth, tenant: offlineEnabled ? tenant : undefined, pollMs: numberParam('poll', 500), timeoutMs: numberParam('timeout', 3000) })
    : cwmServerOptions({
        baseUrl: api,
        workspaceId,
        auth,
        tenant,
        offline: offlineEnabled ? { leader, storage, settleWaitMs: numberParam('settle', 15_000) } : false,
        timeoutMs: numberParam('timeout', 3000),
        retry: { baseMs: numberParam('retryBase', 100), maxMs: numberParam('retryMax', 2000) },
        ...(params.get('chaos') === 'sse' ? { fetch: chaoticFetch() } : {}),
      });

const adapter = new RestAdapter(options);
// Mutation ids are the idempotency keys the server's `/__test/applied` counts: remember each one made.
const madeIds: string[] = [];
const store = new CwmStore({
  adapter,
  workspaceId,
  userId,
  newId: (prefix) => {
    const id = randomId(prefix);
    if (prefix === 'mut') madeIds.push(id);
    return id;
  },
});
const errors: StoreError[] = [];
store.errors$.subscribe((error) => errors.push(error));
// Live changes must never take a task back to an older version (stale or duplicate events let through).
const regressions: string[] = [];
const highest = new Map<string, number>();
store.state$.subscribe((state) => {
  for (const task of state.tasks.values()) {
    const seen = highest.get(task.id) ?? 0;
    if (task.version < seen) regressions.push(`${task.id}: v${seen} -> v${task.version}`);
    else highest.set(task.id, task.version);
  }
});

let signedOutElsewhere = false;
adapter.signedOut$.subscribe(() => {
  signedOutElsewhere = true;
  store.dispose();
  adapter.close();
});

window.cwmRestTab = {
  store,
  adapter,
  ready: store.connect(),
  params,
  errors,
  uncaught,
  injected,
  regressions,
  act(run) {
    const before = madeIds.length;
    const result = run(store);
    return { result, mutationIds: result.ok ? madeIds.slice(before) : [] };
  },
  get signedOutElsewhere() {
    return signedOutElsewhere;
  },
  setToken(next) {
    token = next;
  },
  async signOut() {
    await adapter.wipe();
    store.dispose();
    adapter.close();
  },
};
