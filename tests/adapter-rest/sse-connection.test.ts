import { expect } from '@open-wc/testing';
import { SseConnection, type SseConnectionOptions, type SseConnectionState, type SseEvent } from '../../packages/adapter-rest/src/realtime/index.js';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(2);
  }
}

/** A response body the test writes into; the request's abort signal errors it, as a real fetch does. */
class FakeStream {
  cancelled = false;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  readonly body = new ReadableStream<Uint8Array>({
    start: (controller) => {
      this.controller = controller;
    },
    cancel: () => {
      this.cancelled = true;
    },
  });

  send(chunk: string | Uint8Array): void {
    this.controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  }

  close(): void {
    this.controller.close();
  }

  fail(): void {
    this.controller.error(new TypeError('network error'));
  }
}

interface Call {
  readonly url: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
  readonly at: number;
}

type Reply = { kind: 'stream'; stream: FakeStream; contentType: string } | { kind: 'status'; status: number; headers?: Record<string, string> } | { kind: 'network-error' };

/**
 * `fetch` as the connection sees it: each call takes the next queued reply; with none queued the request
 * hangs until aborted (a server that never answers).
 */
class FakeFetch {
  readonly calls: Call[] = [];
  private readonly replies: Reply[] = [];

  stream(contentType = 'text/event-stream; charset=utf-8'): FakeStream {
    const stream = new FakeStream();
    this.replies.push({ kind: 'stream', stream, contentType });
    return stream;
  }

  status(status: number, headers?: Record<string, string>): void {
    this.replies.push({ kind: 'status', status, ...(headers ? { headers } : {}) });
  }

  networkError(): void {
    this.replies.push({ kind: 'network-error' });
  }

  readonly fetch = ((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? new AbortController().signal;
    this.calls.push({ url: String(input), headers: new Headers(init?.headers), signal, at: Date.now() });
    const reply = this.replies.shift();
    return new Promise<Response>((resolve, reject) => {
      const aborted = (): void => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal.aborted) return aborted();
      if (reply === undefined) {
        signal.addEventListener('abort', aborted);
        return;
      }
      if (reply.kind === 'network-error') return reject(new TypeError('Failed to fetch'));
      if (reply.kind === 'status') {
        return resolve(new Response(JSON.stringify({ error: { code: 'x' } }), { status: reply.status, headers: reply.headers ?? {} }));
      }
      signal.addEventListener('abort', () => {
        try {
          reply.stream.fail();
        } catch {
          // Already closed.
        }
      });
      resolve(new Response(reply.stream.body, { status: 200, headers: { 'content-type': reply.contentType } }));
    });
  }) as typeof fetch;
}

interface Harness {
  readonly fake: FakeFetch;
  readonly events: SseEvent[];
  readonly states: SseConnectionState[];
  readonly log: string[];
  readonly connection: SseConnection;
}

let unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent): void => {
  unhandled.push(event.reason);
};
let open: SseConnection[] = [];

function connect(overrides: Partial<SseConnectionOptions> = {}, fake = new FakeFetch()): Harness {
  const events: SseEvent[] = [];
  const states: SseConnectionState[] = [];
  const log: string[] = [];
  const connection = new SseConnection({
    url: 'http://127.0.0.1:9/api/v1/workspaces/w/events',
    headers: () => Promise.resolve({ Authorization: 'Bearer one' }),
    onEvent: (event) => events.push(event),
    onState: (state) => states.push(state),
    onReconnected: () => log.push('reconnected'),
    onAuthFailed: () => log.push('auth-failed'),
    backoff: { baseMs: 5, maxMs: 20 },
    random: () => 0.5,
    fetch: fake.fetch,
    ...overrides,
  });
  open.push(connection);
  connection.start();
  return { fake, events, states, log, connection };
}

describe('SseConnection', () => {
  beforeEach(() => {
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(async () => {
    for (const connection of open) connection.stop();
    open = [];
    // Give stray promises a moment to surface.
    await wait(10);
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled, 'unhandled rejections').to.deep.equal([]);
  });

  it('asks for an event stream with the auth headers, goes live and delivers events in order', async () => {
    const fake = new FakeFetch();
    const stream = fake.stream();
    const { events, states, log } = connect({}, fake);
    await until('the request', () => fake.calls.length === 1);
    const call = fake.calls[0]!;
    expect(call.url).to.equal('http://127.0.0.1:9/api/v1/workspaces/w/events');
    expect(call.headers.get('accept')).to.equal('text/event-stream');
    expect(call.headers.get('authorization')).to.equal('Bearer one');
    expect(call.headers.has('last-event-id')).to.equal(false);
    stream.send('id: 4\nevent: hello\ndata: {"seq":4}\n\n: ping\n\nid: 5\nevent: change\ndata: {"seq":5}\n\n');
    await until('two events', () => events.length === 2);
    expect(events).to.deep.equal([
      { id: '4', event: 'hello', data: '{"seq":4}' },
      { id: '5', event: 'change', data: '{"seq":5}' },
    ]);
    expect(states).to.deep.equal(['connecting', 'live']);
    expect(log, 'the first open is not a reconnect').to.deep.equal([]);
  });

  it('keeps a character and a CRLF whole when their bytes arrive in different chunks', async () => {
    const fake = new FakeFetch();
    const stream = fake.stream();
    const { events } = connect({}, fake);
    const bytes = new TextEncoder().encode('data: é😀ü\r\n\r\n');
    // Cut inside "é" (2 bytes), inside "😀" (4 bytes) and between CR and LF.
    const cuts = [7, 10, 12, 16, bytes.length - 1];
    let from = 0;
    await until('the request', () => fake.calls.length === 1);
    for (const cut of cuts) {
      stream.send(bytes.slice(from, cut));
      from = cut;
      await wait(1);
    }
    stream.send(bytes.slice(from));
    await until('the event', () => events.length === 1);
    expect(events[0]).to.deep.equal({ event: 'message', data: 'é😀ü' });
  });

  it('reconnects after a drop, sending Last-Event-ID, and says it reconnected', async () => {
    const fake = new FakeFetch();
    const first = fake.stream();
    const second = fake.stream();
    const { events, states, log, connection } = connect({ lastEventId: '3' }, fake);
    await until('the request', () => fake.calls.length === 1);
    expect(fake.calls[0]!.headers.get('last-event-id')).to.equal('3');
    first.send('id: 7\nevent: change\ndata: a\n\n');
    await until('the event', () => events.length === 1);
    first.close();
    await until('the reconnect', () => fake.calls.length === 2);
    expect(fake.calls[1]!.headers.get('last-event-id')).to.equal('7');
    second.send('id: 8\ndata: b\n\n');
    await until('the second event', () => events.length === 2);
    expect(states).to.deep.equal(['connecting', 'live', 'reconnecting', 'live']);
    expect(log).to.deep.equal(['reconnected']);
    expect(connection.lastEventId).to.equal('8');
  });

  it('resumes from an id given in a block without data', async () => {
    const fake = new FakeFetch();
    const first = fake.stream();
    fake.stream();
    const { connection } = connect({}, fake);
    await until('the request', () => fake.calls.length === 1);
    first.send('id: 12\n\n');
    await until('the id', () => connection.lastEventId === '12');
    first.fail();
    await until('the reconnect', () => fake.calls.length === 2);
    expect(fake.calls[1]!.headers.get('last-event-id')).to.equal('12');
  });

  it('takes the server retry: as the base of its backoff', async () => {
    const fake = new FakeFetch();
    const first = fake.stream();
    fake.stream();
    connect({ backoff: { baseMs: 1, maxMs: 5000 }, random: () => 0.99 }, fake);
    await until('the request', () => fake.calls.length === 1);
    first.send('retry: 300\n\n');
    await wait(5);
    const closedAt = Date.now();
    first.close();
    await until('the reconnect', () => fake.calls.length === 2, 3000);
    expect(fake.calls[1]!.at - closedAt).to.be.within(250, 1000);
  });

  it('backs off further on each failed attempt and starts over after a healthy stream', async () => {
    const fake = new FakeFetch();
    for (let i = 0; i < 4; i += 1) fake.status(503);
    const healthy = fake.stream();
    fake.stream();
    connect({ backoff: { baseMs: 20, maxMs: 10_000 }, random: () => 0.99, healthyMs: 50 }, fake);
    await until('five requests', () => fake.calls.length === 5, 3000);
    const gaps = fake.calls.slice(1).map((call, index) => call.at - fake.calls[index]!.at);
    // 19, 39, 79, 158 ms; timers only ever fire late, so lower bounds are what can be relied on.
    expect(gaps[1]!).to.be.at.least(35);
    expect(gaps[2]!).to.be.at.least(70);
    expect(gaps[3]!).to.be.at.least(140);
    await wait(80);
    const closedAt = Date.now();
    healthy.close();
    await until('the reconnect', () => fake.calls.length === 6, 3000);
    // 19 ms from the first step again, against 316 ms had the count gone on.
    expect(fake.calls[5]!.at - closedAt, 'back to the first step').to.be.below(200);
  });

  it('honours Retry-After on a refused stream', async () => {
    const fake = new FakeFetch();
    fake.status(503, { 'Retry-After': '1' });
    fake.stream();
    const { states } = connect({}, fake);
    await until('the reconnect', () => fake.calls.length === 2, 3000);
    expect(fake.calls[1]!.at - fake.calls[0]!.at).to.be.at.least(950);
    await until('live', () => states.at(-1) === 'live');
  });

  it('retries a network error, a non-2xx and a response that is not an event stream', async () => {
    const fake = new FakeFetch();
    fake.networkError();
    fake.status(500);
    const html = fake.stream('text/html');
    const good = fake.stream();
    const { states, events, log } = connect({}, fake);
    await until('four requests', () => fake.calls.length === 4);
    good.send('data: ok\n\n');
    await until('the event', () => events.length === 1);
    expect(html.cancelled, 'the wrong body is released').to.equal(true);
    expect(states).to.deep.equal(['connecting', 'reconnecting', 'live']);
    expect(log).to.deep.equal(['reconnected']);
  });

  it('a headers() that rejects is retried like a failed request', async () => {
    const fake = new FakeFetch();
    fake.stream();
    let asked = 0;
    const { states } = connect(
      {
        headers: () => {
          asked += 1;
          return asked === 1 ? Promise.reject(new Error('no token yet')) : Promise.resolve({ Authorization: 'Bearer two' });
        },
      },
      fake,
    );
    await until('live', () => states.at(-1) === 'live');
    expect(fake.calls.length).to.equal(1);
    expect(fake.calls[0]!.headers.get('authorization')).to.equal('Bearer two');
  });

  it('the watchdog aborts a silent stream and reconnects; a stream that pings is left alone', async () => {
    const fake = new FakeFetch();
    const silent = fake.stream();
    const pinging = fake.stream();
    const { states } = connect({ watchdogMs: 80 }, fake);
    await until('the reconnect', () => fake.calls.length === 2, 1000);
    expect(fake.calls[0]!.signal.aborted).to.equal(true);
    expect(silent.cancelled || fake.calls[0]!.signal.aborted).to.equal(true);
    expect(states).to.deep.equal(['connecting', 'live', 'reconnecting', 'live']);
    for (let i = 0; i < 8; i += 1) {
      pinging.send(': ping\n');
      await wait(30);
    }
    expect(fake.calls.length, 'no reconnect while bytes flow').to.equal(2);
  });

  it('the watchdog also gives up on a request that never answers', async () => {
    const fake = new FakeFetch();
    // Nothing queued for the first call: it hangs.
    const { states } = connect({ watchdogMs: 60 }, fake);
    await until('the first request', () => fake.calls.length === 1);
    fake.stream();
    await until('live', () => states.at(-1) === 'live', 1000);
    expect(fake.calls[0]!.signal.aborted).to.equal(true);
    expect(fake.calls.length).to.equal(2);
  });

  it('on a 401 refreshes the credentials once and connects again with the new ones', async () => {
    const fake = new FakeFetch();
    fake.status(401);
    fake.stream();
    let token = 'old';
    let refreshes = 0;
    const { states, log } = connect(
      {
        headers: () => Promise.resolve({ Authorization: `Bearer ${token}` }),
        refreshAuth: () => {
          refreshes += 1;
          token = 'new';
          return Promise.resolve(true);
        },
      },
      fake,
    );
    await until('live', () => states.at(-1) === 'live');
    expect(refreshes).to.equal(1);
    expect(fake.calls.map((call) => call.headers.get('authorization'))).to.deep.equal(['Bearer old', 'Bearer new']);
    expect(log).to.deep.equal(['reconnected']);
  });

  it('a 401 again after the refresh: onAuthFailed once, and it stops trying', async () => {
    const fake = new FakeFetch();
    fake.status(401);
    fake.status(401);
    fake.stream();
    let refreshes = 0;
    const { states, log } = connect({ refreshAuth: () => Promise.resolve(++refreshes > 0) }, fake);
    await until('the auth failure', () => log.length === 1);
    await wait(80);
    expect(log).to.deep.equal(['auth-failed']);
    expect(refreshes).to.equal(1);
    expect(fake.calls.length).to.equal(2);
    expect(states).to.deep.equal(['connecting', 'reconnecting']);
  });

  it('a refresh that says no (or throws, or is missing) ends in onAuthFailed without another request', async () => {
    const refusals: Array<Partial<SseConnectionOptions>> = [
      { refreshAuth: () => Promise.resolve(false) },
      { refreshAuth: () => Promise.reject(new Error('refresh endpoint down')) },
      { refreshAuth: undefined },
    ];
    for (const refusal of refusals) {
      const fake = new FakeFetch();
      fake.status(401);
      fake.stream();
      const { log } = connect(refusal, fake);
      await until('the auth failure', () => log.length === 1);
      await wait(40);
      expect(fake.calls.length).to.equal(1);
    }
  });

  it('start() again after an auth failure connects afresh', async () => {
    const fake = new FakeFetch();
    fake.status(401);
    fake.stream();
    const { states, log, connection } = connect({}, fake);
    await until('the auth failure', () => log.length === 1);
    connection.start();
    await until('live', () => states.at(-1) === 'live');
    expect(states).to.deep.equal(['connecting', 'reconnecting', 'connecting', 'live']);
  });

  it('stop() during the backoff: no request ever again', async () => {
    const fake = new FakeFetch();
    fake.status(503);
    fake.stream();
    const { connection, states } = connect({ backoff: { baseMs: 100, maxMs: 100 }, random: () => 0.99 }, fake);
    await until('reconnecting', () => states.at(-1) === 'reconnecting');
    connection.stop();
    await wait(200);
    expect(fake.calls.length).to.equal(1);
  });

  it('stop() while live closes the stream and does not reconnect or report anything more', async () => {
    const fake = new FakeFetch();
    const stream = fake.stream();
    fake.stream();
    const { connection, states, events } = connect({}, fake);
    await until('live', () => states.at(-1) === 'live');
    connection.stop();
    await wait(50);
    expect(fake.calls[0]!.signal.aborted).to.equal(true);
    expect(stream.cancelled || fake.calls[0]!.signal.aborted).to.equal(true);
    expect(fake.calls.length).to.equal(1);
    expect(states).to.deep.equal(['connecting', 'live']);
    expect(events).to.deep.equal([]);
  });

  it('stop() while the request is pending, and stop() from inside onEvent, end everything', async () => {
    const pendingFake = new FakeFetch();
    const pending = connect({}, pendingFake);
    await until('the request', () => pendingFake.calls.length === 1);
    pending.connection.stop();
    await wait(30);
    expect(pendingFake.calls[0]!.signal.aborted).to.equal(true);
    expect(pendingFake.calls.length).to.equal(1);

    const fake = new FakeFetch();
    const stream = fake.stream();
    const seen: string[] = [];
    let connection: SseConnection | undefined = undefined;
    connection = connect(
      {
        onEvent: (event) => {
          seen.push(event.data);
          connection?.stop();
        },
      },
      fake,
    ).connection;
    await until('the request', () => fake.calls.length === 1);
    stream.send('data: 1\n\ndata: 2\n\n');
    await wait(30);
    expect(seen).to.deep.equal(['1']);
    expect(fake.calls.length).to.equal(1);
  });

  it('reconnectNow() during a backoff tries at once, resumes from the last id and says it reconnected', async () => {
    const fake = new FakeFetch();
    const first = fake.stream();
    fake.stream();
    const { connection, states, log } = connect({ backoff: { baseMs: 5000, maxMs: 5000 }, random: () => 0.99, earliestRetryMs: 0 }, fake);
    await until('the request', () => fake.calls.length === 1);
    first.send('id: 41\ndata: a\n\n');
    await until('the id', () => connection.lastEventId === '41');
    first.close();
    await until('reconnecting', () => states.at(-1) === 'reconnecting');
    await wait(30);
    expect(fake.calls.length, 'still waiting out the ~5 s backoff').to.equal(1);
    const hurried = Date.now();
    connection.reconnectNow();
    await until('the hurried attempt', () => fake.calls.length === 2, 2000);
    expect(fake.calls[1]!.at - hurried, 'not at the end of the ~5 s backoff').to.be.below(1000);
    expect(fake.calls[1]!.headers.get('last-event-id')).to.equal('41');
    await until('live', () => states.at(-1) === 'live');
    expect(states).to.deep.equal(['connecting', 'live', 'reconnecting', 'live']);
    expect(log).to.deep.equal(['reconnected']);
    // The old wait is gone: no third request when it would have ended.
    connection.reconnectNow();
    await wait(50);
    expect(fake.calls.length).to.equal(2);
  });

  it('reconnectNow() does nothing while connecting or live, after stop() or after an auth failure', async () => {
    const pendingFake = new FakeFetch();
    const pending = connect({ earliestRetryMs: 0 }, pendingFake);
    await until('the request', () => pendingFake.calls.length === 1);
    pending.connection.reconnectNow();
    await wait(30);
    expect(pendingFake.calls.length, 'an attempt under way is left alone').to.equal(1);
    expect(pendingFake.calls[0]!.signal.aborted).to.equal(false);

    const liveFake = new FakeFetch();
    liveFake.stream();
    const live = connect({ earliestRetryMs: 0 }, liveFake);
    await until('live', () => live.states.at(-1) === 'live');
    live.connection.reconnectNow();
    await wait(30);
    expect(liveFake.calls.length, 'an open stream is left alone').to.equal(1);
    expect(liveFake.calls[0]!.signal.aborted).to.equal(false);

    const stoppedFake = new FakeFetch();
    stoppedFake.status(503);
    const stopped = connect({ backoff: { baseMs: 5000, maxMs: 5000 }, random: () => 0.99, earliestRetryMs: 0 }, stoppedFake);
    await until('reconnecting', () => stopped.states.at(-1) === 'reconnecting');
    stopped.connection.stop();
    stopped.connection.reconnectNow();
    await wait(30);
    expect(stoppedFake.calls.length, 'stopped stays stopped').to.equal(1);

    const refusedFake = new FakeFetch();
    refusedFake.status(401);
    const refused = connect({ earliestRetryMs: 0, refreshAuth: () => Promise.resolve(false) }, refusedFake);
    await until('the auth failure', () => refused.log.includes('auth-failed'));
    refused.connection.reconnectNow();
    await wait(30);
    expect(refusedFake.calls.length, 'credentials are the host\'s to fix').to.equal(1);
  });

  it('hurried attempts keep earliestRetryMs apart, and a Retry-After still holds', async () => {
    const fake = new FakeFetch();
    fake.networkError();
    fake.networkError();
    fake.stream();
    const { connection, states } = connect({ backoff: { baseMs: 5000, maxMs: 5000 }, random: () => 0.99, earliestRetryMs: 150 }, fake);
    await until('reconnecting', () => states.at(-1) === 'reconnecting');
    // A burst of successful writes right after the failure: one attempt, 150 ms after the first began.
    for (let i = 0; i < 5; i += 1) connection.reconnectNow();
    await until('the second attempt', () => fake.calls.length === 2, 2000);
    // Timers only fire late: the lower bound is the point, the upper one only tells it from the ~5 s backoff.
    expect(fake.calls[1]!.at - fake.calls[0]!.at).to.be.within(140, 1500);
    await wait(20);
    connection.reconnectNow();
    await until('the third attempt', () => fake.calls.length === 3, 2000);
    expect(fake.calls[2]!.at - fake.calls[1]!.at).to.be.within(140, 1500);
    await until('live', () => states.at(-1) === 'live');

    const busy = new FakeFetch();
    busy.status(503, { 'Retry-After': '1' });
    busy.stream();
    const server = connect({ backoff: { baseMs: 5000, maxMs: 5000 }, random: () => 0.99, earliestRetryMs: 0 }, busy);
    await until('reconnecting', () => server.states.at(-1) === 'reconnecting');
    server.connection.reconnectNow();
    await until('the attempt after Retry-After', () => busy.calls.length === 2, 3000);
    expect(busy.calls[1]!.at - busy.calls[0]!.at, 'not before the server said, not at the end of the backoff').to.be.within(950, 3000);
  });

  it('a throwing handler is reported to the page and the stream goes on', async () => {
    const fake = new FakeFetch();
    const stream = fake.stream();
    const reported: unknown[] = [];
    const savedOnError = window.onerror;
    window.onerror = (message) => {
      reported.push(message);
      return true;
    };
    try {
      const seen: string[] = [];
      connect(
        {
          onEvent: (event) => {
            seen.push(event.data);
            if (event.data === 'bad') throw new Error('handler bug');
          },
        },
        fake,
      );
      await until('the request', () => fake.calls.length === 1);
      stream.send('data: bad\n\ndata: good\n\n');
      await until('both events', () => seen.length === 2);
      expect(seen).to.deep.equal(['bad', 'good']);
      expect(String(reported[0])).to.contain('handler bug');
      expect(fake.calls.length).to.equal(1);
    } finally {
      window.onerror = savedOnError;
    }
  });
});
