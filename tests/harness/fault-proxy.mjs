// FaultProxy: an HTTP proxy on 127.0.0.1 between the browser and the reference server that breaks
// the network on purpose, so the fault tests see what a flaky production network does: 5xx answers,
// 429 with Retry-After, requests that hang, answers lost after the server committed, a server that
// is down, and a realtime stream that drops. Faults are drawn from a seeded generator, so a failing
// run can be replayed with the same seed.
import http from 'node:http';
import { seededRandom } from './prng.mjs';

/** The faults a write request can be given, in the order their rates are stacked on [0, 1). */
export const FAULT_KINDS = Object.freeze(['500', '503', '429', 'timeout', 'dropAfterCommit']);

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const CONFIG_KEYS = new Set(['mode', 'seed', 'rates', 'timeoutHoldMs', 'sse', 'dropForMs', 'delayMs', 'reads']);
const LOOPBACK = '127.0.0.1';

/** Headers the browser must be allowed to read on an injected answer (mirrors the server's list). */
const EXPOSED = 'ETag, Retry-After, Idempotent-Replayed, X-Total-Count, X-Cwm-Fault';

// Hop-by-hop headers describe one connection, not the message: each side of the proxy sets its own.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];

/**
 * Checks a fault configuration from a test and fills the defaults. Unknown keys are errors, so a
 * typo ("rate" for "rates") fails the test instead of silently injecting nothing.
 * @param {unknown} input
 */
export function normalizeFaults(input = {}) {
  if (input === null || typeof input !== 'object') throw new Error('faults: config must be an object');
  const config = /** @type {Record<string, any>} */ (input);
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.has(key)) throw new Error(`faults: unknown option "${key}"`);
  }
  const mode = config.mode ?? 'pass';
  if (mode !== 'pass' && mode !== 'down') throw new Error(`faults: mode must be 'pass' or 'down'`);
  const sse = config.sse ?? 'pass';
  if (sse !== 'pass' && sse !== 'drop') throw new Error(`faults: sse must be 'pass' or 'drop'`);
  const rates = {};
  let total = 0;
  for (const [kind, rate] of Object.entries(config.rates ?? {})) {
    if (!FAULT_KINDS.includes(kind)) throw new Error(`faults: unknown fault "${kind}"`);
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new Error(`faults: rate of ${kind} must be in 0..1`);
    rates[kind] = rate;
    total += rate;
  }
  if (total > 1 + 1e-9) throw new Error(`faults: rates add up to ${total}, more than 1`);
  const nonNegative = (name, fallback) => {
    const value = config[name] ?? fallback;
    if (typeof value !== 'number' || !(value >= 0)) throw new Error(`faults: ${name} must be a number >= 0`);
    return value;
  };
  return {
    mode,
    seed: nonNegative('seed', 1),
    rates,
    timeoutHoldMs: nonNegative('timeoutHoldMs', 12_000),
    sse,
    dropForMs: config.dropForMs === undefined ? undefined : nonNegative('dropForMs', 0),
    delayMs: nonNegative('delayMs', 0),
    reads: config.reads === true,
  };
}

function emptyStats() {
  return {
    requests: 0,
    writes: 0,
    forwarded: 0,
    injected: { 500: 0, 503: 0, 429: 0, timeout: 0, dropAfterCommit: 0, down: 0, sseDrop: 0 },
    byKey: {},
  };
}

function isEventStream(req) {
  return req.method === 'GET' && (String(req.headers.accept ?? '').includes('text/event-stream') || /\/events(\?|$)/.test(req.url ?? ''));
}

function withoutHopByHop(headers) {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

/** CORS headers for answers the proxy makes up: without them the browser would only see a network error. */
function corsHeaders(req) {
  const origin = req.headers.origin;
  return origin
    ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin', 'access-control-expose-headers': EXPOSED }
    : { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED };
}

/** A fault-injecting proxy to one upstream on 127.0.0.1. */
export class FaultProxy {
  #target;
  #server;
  #agent = new http.Agent({ keepAlive: true });
  #config = normalizeFaults({});
  #random = seededRandom(1);
  #stats = emptyStats();
  #sockets = new Set();
  #streams = new Set();
  #timers = new Set();
  #sseDropUntil = 0;

  /** @param {{ port: number, host?: string }} target the server to forward to (loopback only) */
  constructor(target) {
    const host = target.host ?? LOOPBACK;
    if (host !== LOOPBACK) throw new Error(`FaultProxy: refusing target ${host}; only ${LOOPBACK} is allowed`);
    if (!Number.isInteger(target.port) || target.port <= 0) throw new Error('FaultProxy: target port missing');
    this.#target = { host, port: target.port };
    this.#server = http.createServer((req, res) => this.#onRequest(req, res));
    this.#server.on('connection', (socket) => {
      if (this.#config.mode === 'down') {
        this.#stats.injected.down++;
        socket.destroy();
        return;
      }
      socket.setNoDelay(true);
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  /** Starts listening on 127.0.0.1 at a free port; resolves to the port. */
  listen() {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, LOOPBACK, () => resolve(this.port));
    });
  }

  /** The port the proxy listens on. */
  get port() {
    const address = this.#server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /**
   * Replaces the whole fault configuration (missing options go back to their defaults) and reseeds
   * the generator, so the same config on the same request sequence injects the same faults.
   */
  configure(input) {
    const config = normalizeFaults(input);
    this.#config = config;
    this.#random = seededRandom(config.seed);
    if (config.mode === 'down') {
      this.#stats.injected.down += this.#sockets.size;
      for (const socket of this.#sockets) socket.destroy();
      this.#sockets.clear();
      this.#streams.clear();
    }
    if (config.sse === 'drop') {
      this.#sseDropUntil = config.dropForMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + config.dropForMs;
      for (const stream of this.#streams) {
        this.#stats.injected.sseDrop++;
        stream.upstream.destroy();
        stream.res.end();
      }
      this.#streams.clear();
    } else {
      this.#sseDropUntil = 0;
    }
  }

  /** What went through so far; `reset` starts counting again. */
  stats({ reset = false } = {}) {
    const snapshot = structuredClone(this.#stats);
    if (reset) this.#stats = emptyStats();
    return snapshot;
  }

  /** Stops listening and cuts every connection, upstream ones included. */
  close() {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    this.#streams.clear();
    this.#agent.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #onRequest(req, res) {
    this.#stats.requests++;
    // One request per connection. Chromium silently re-sends a request whose REUSED keep-alive
    // connection closes before any answer, which would turn one injected timeout or lost answer
    // into two attempts (and let the second hide the first). A fresh connection is never re-sent,
    // so each fault reaches the code under test exactly as drawn, and the counts stay exact.
    res.setHeader('connection', 'close');
    if (this.#config.mode === 'down') {
      this.#stats.injected.down++;
      req.socket.destroy();
      return;
    }
    const isApi = (req.url ?? '').startsWith('/api/');
    // CORS preflights pass untouched: the browser's own retry logic must see the real server's rules.
    if (req.method === 'OPTIONS' || !isApi) return this.#forward(req, res);
    if (isEventStream(req)) return this.#stream(req, res);

    const isWrite = WRITE_METHODS.has(req.method ?? '');
    if (isWrite) {
      this.#stats.writes++;
      this.#keyStats(req).attempts++;
    }
    const fault = isWrite || this.#config.reads ? this.#draw() : 'pass';
    switch (fault) {
      case '500':
      case '503':
      case '429':
        this.#stats.injected[fault]++;
        return this.#answerFault(req, res, fault);
      case 'timeout':
        this.#stats.injected.timeout++;
        return this.#hold(req, res);
      case 'dropAfterCommit':
        this.#stats.injected.dropAfterCommit++;
        return this.#delayThenForward(req, res, isWrite, { dropAnswer: true });
      default:
        return this.#delayThenForward(req, res, isWrite, { dropAnswer: false });
    }
  }

  #draw() {
    const roll = this.#random();
    let threshold = 0;
    for (const kind of FAULT_KINDS) {
      threshold += this.#config.rates[kind] ?? 0;
      if (roll < threshold) return kind;
    }
    return 'pass';
  }

  #keyStats(req) {
    const key = String(req.headers['idempotency-key'] ?? '(none)');
    this.#stats.byKey[key] ??= { attempts: 0, forwarded: 0 };
    return this.#stats.byKey[key];
  }

  #answerFault(req, res, kind) {
    const codes = { 500: 'internal', 503: 'unavailable', 429: 'rate-limited' };
    const body = JSON.stringify({ error: { code: codes[kind], message: `fault injected by the test proxy (${kind})` } });
    const headers = { ...corsHeaders(req), 'content-type': 'application/json', 'x-cwm-fault': kind };
    if (kind === '429') headers['retry-after'] = '1';
    // Read the body first: answering before the upload ends can reset the connection under the browser.
    req.resume();
    req.on('end', () => res.writeHead(Number(kind), headers).end(body));
  }

  /** The server never sees the request; the browser waits, then the connection is cut. */
  #hold(req, res) {
    req.resume();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      req.socket.destroy();
    }, this.#config.timeoutHoldMs);
    this.#timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      this.#timers.delete(timer);
    });
  }

  #delayThenForward(req, res, isWrite, options) {
    const delay = isWrite ? this.#config.delayMs : 0;
    if (delay === 0) return this.#forward(req, res, { ...options, countWrite: isWrite });
    // Pause the upload so nothing is lost while the request waits; a client that gave up meanwhile
    // never reaches the server (as on a slow network).
    req.pause();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!res.destroyed) this.#forward(req, res, { ...options, countWrite: isWrite });
    }, delay);
    this.#timers.add(timer);
  }

  #forward(req, res, { dropAnswer = false, countWrite = false } = {}) {
    if (countWrite) {
      this.#stats.forwarded++;
      this.#keyStats(req).forwarded++;
    }
    const upstream = this.#request(req);
    upstream.on('response', (answer) => {
      if (dropAnswer) {
        // The server committed; the browser never learns. Read the answer fully, then cut the client.
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      res.flushHeaders();
      answer.pipe(res);
    });
    upstream.on('error', (error) => this.#upstreamFailed(req, res, error));
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }

  /** An event stream: flows through unbuffered, and can be dropped by `sse: 'drop'`. */
  #stream(req, res) {
    if (Date.now() < this.#sseDropUntil) {
      this.#stats.injected.sseDrop++;
      req.resume();
      res.writeHead(503, { ...corsHeaders(req), 'content-type': 'application/json', 'x-cwm-fault': 'sse-drop' });
      res.end(JSON.stringify({ error: { code: 'unavailable', message: 'event stream dropped by the test proxy' } }));
      return;
    }
    const upstream = this.#request(req);
    const stream = { res, upstream };
    this.#streams.add(stream);
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      res.flushHeaders();
      answer.pipe(res);
    });
    upstream.on('error', (error) => this.#upstreamFailed(req, res, error));
    res.on('close', () => {
      this.#streams.delete(stream);
      upstream.destroy();
    });
    req.pipe(upstream);
  }

  #request(req) {
    return http.request({
      host: this.#target.host,
      port: this.#target.port,
      method: req.method,
      path: req.url,
      headers: { ...withoutHopByHop(req.headers), host: `${this.#target.host}:${this.#target.port}` },
      agent: this.#agent,
    });
  }

  #upstreamFailed(req, res, error) {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    // The server is gone (stopped, crashed): a 502 the browser can read, like a real gateway.
    res.writeHead(502, { ...corsHeaders(req), 'content-type': 'application/json', 'x-cwm-fault': 'upstream' });
    res.end(JSON.stringify({ error: { code: 'unavailable', message: `upstream failed: ${error.message}` } }));
  }
}
