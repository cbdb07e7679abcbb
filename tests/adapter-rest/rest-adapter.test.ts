import { expect } from '@open-wc/testing';
import { AdapterError, type ConnectionState, type Mutation, type RemoteChange, type Task } from '@cwm/core';
import { cwmServerOptions, RestAdapter, type RestAdapterOptions } from '@cwm/adapter-rest';
import { makeTask } from '../fixtures/entities.js';
import { create, remove, update } from '../adapters/mutations.js';
import { fakeFetch, json, settle, type FakeCall } from './fake-fetch.js';

const BASE = 'http://cwm.test/api/v1';
const WS = '/api/v1/workspaces/ws';
const session = { workspaceId: 'ws', userId: 'u-1' };
const workspace = { id: 'ws', name: 'Acme', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
const auth = { header: async () => ({ Authorization: 'Bearer tok' }) };

/** An open event stream the test writes to. */
function eventStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    response: () => new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
  };
}

function change(seq: number, body: Record<string, unknown>): string {
  return `id: ${seq}\nevent: change\ndata: ${JSON.stringify({ seq, ...body })}\n\n`;
}

/** The reference server's shape, online-only, realtime off unless asked. */
function server(respond: (call: FakeCall) => Response | Promise<Response> | undefined, extra: Partial<RestAdapterOptions> = {}) {
  const fake = fakeFetch(async (call) => {
    const answer = await respond(call);
    if (answer) return answer;
    if (call.url.pathname === WS) return json(200, workspace);
    return json(404, { error: { code: 'not-found', message: `No route ${call.url.pathname}` } });
  });
  const options: RestAdapterOptions = { ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, offline: false, fetch: fake.fetch }), realtime: { kind: 'none' }, ...extra };
  return { adapter: new RestAdapter(options), fake };
}

function states(adapter: RestAdapter): ConnectionState[] {
  const seen: ConnectionState[] = [];
  adapter.connection().subscribe((state) => seen.push(state));
  return seen;
}

describe('RestAdapter against the reference server shape (fake fetch)', () => {
  it('opens: reads the workspace with the auth header; another workspace id is not-found', async () => {
    const { adapter, fake } = server(() => undefined);
    expect(await adapter.open(session)).to.deep.equal(workspace);
    expect(fake.calls[0]!.headers.get('Authorization')).to.equal('Bearer tok');
    const wrong = server((call) => (call.url.pathname === WS ? json(200, { ...workspace, id: 'other' }) : undefined));
    const failure = await wrong.adapter.open(session).catch((error: unknown) => error);
    expect((failure as AdapterError).code).to.equal('not-found');
    adapter.close();
    wrong.adapter.close();
  });

  it('states its capabilities honestly per options', () => {
    const { adapter } = server(() => undefined);
    expect(adapter.capabilities).to.deep.equal({ paging: true, versioning: true, idempotency: true, realtime: false, presence: false, offline: false, maxBatch: 50, unreadCounts: true });
    expect(adapter.record).to.equal(undefined);
    expect(adapter.queued).to.equal(undefined);
    const offline = new RestAdapter(cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth }));
    expect(offline.capabilities).to.include({ offline: true, realtime: true });
    expect(offline.record).to.be.a('function');
    offline.close();
    adapter.close();
  });

  it('lists with cursor paging, filters and newest order; items as sent', async () => {
    const task = makeTask('t-1', { version: 4 });
    const { adapter, fake } = server((call) =>
      call.url.pathname === `${WS}/tasks` ? json(200, { items: [task], nextCursor: 'c2', total: 3 }) : call.url.pathname === `${WS}/messages` ? json(200, { items: [] }) : undefined,
    );
    await adapter.open(session);
    const page = await adapter.list('tasks', { projectId: 'p-1', limit: 1 });
    expect(page).to.deep.equal({ items: [task], nextCursor: 'c2', total: 3 });
    expect(Object.fromEntries(fake.calls.at(-1)!.url.searchParams)).to.deep.equal({ projectId: 'p-1', limit: '1' });
    await adapter.list('messages', { taskId: 't-1', order: 'newest', cursor: 'x' });
    expect(Object.fromEntries(fake.calls.at(-1)!.url.searchParams)).to.deep.equal({ taskId: 't-1', order: 'newest', cursor: 'x' });
    adapter.close();
  });

  it('a list answer that is not JSON is a validation error, a 503 a retryable one', async () => {
    let status = 200;
    const { adapter } = server((call) => (call.url.pathname === `${WS}/tasks` ? new Response(status === 200 ? '<html>' : '', { status, headers: { 'Retry-After': '4' } }) : undefined));
    await adapter.open(session);
    expect(((await adapter.list('tasks').catch((error: unknown) => error)) as AdapterError).code).to.equal('validation');
    status = 503;
    const busy = (await adapter.list('tasks').catch((error: unknown) => error)) as AdapterError;
    expect(busy.retryable).to.equal(true);
    expect(busy.retryAfterMs).to.equal(4000);
    adapter.close();
  });

  it('writes with Idempotency-Key, If-Match, X-Cwm-Intent and JSON; answers applied with the entity', async () => {
    const { adapter, fake } = server((call) => {
      if (call.method === 'PATCH') return json(200, { ...makeTask('t-1', { version: 4 }), ...(call.body as object) }, { ETag: '"v4"' });
      if (call.method === 'POST') return json(201, { ...(call.body as object), version: 1 }, { ETag: '"v1"' });
      if (call.method === 'DELETE') return json(200, { id: 't-2', version: 9 });
      return undefined;
    });
    await adapter.open(session);
    const edit = update('tasks', 't-1', { title: 'Renamed' }, { baseVersion: 3, intent: 'task.rename' });
    const made = create('tasks', makeTask('t-9'));
    const gone = remove('tasks', 't-2', { baseVersion: 8 });
    const results = await adapter.push([edit, made, gone]);
    expect(results.map((result) => result.status)).to.deep.equal(['applied', 'applied', 'applied']);
    expect(results[0]!.status === 'applied' && (results[0]!.entity as Task).title).to.equal('Renamed');
    const [patch] = fake.of('PATCH');
    expect(patch!.url.pathname).to.equal(`${WS}/tasks/t-1`);
    expect(patch!.headers.get('Idempotency-Key')).to.equal(edit.id);
    expect(patch!.headers.get('If-Match')).to.equal('"v3"');
    expect(patch!.headers.get('X-Cwm-Intent')).to.equal('task.rename');
    expect(patch!.headers.get('Content-Type')).to.equal('application/json');
    expect(patch!.body).to.deep.equal({ title: 'Renamed' });
    const [post] = fake.of('POST');
    expect(post!.url.pathname).to.equal(`${WS}/tasks`);
    expect(post!.headers.has('If-Match')).to.equal(false);
    const [del] = fake.of('DELETE');
    expect(del!.url.pathname).to.equal(`${WS}/tasks/t-2`);
    expect(del!.headers.get('If-Match')).to.equal('"v8"');
    expect(del!.body).to.equal(undefined);
    adapter.close();
  });

  it('a retryable failure throws for the batch with Retry-After; answers already received are not sent again', async () => {
    let patches = 0;
    const { adapter, fake } = server((call) => {
      if (call.method === 'POST') return json(201, { ...(call.body as object), version: 1 });
      if (call.method === 'PATCH') return ++patches === 1 ? json(503, { error: { message: 'Busy' } }, { 'Retry-After': '2' }) : json(200, makeTask('t-1', { version: 2 }));
      return undefined;
    });
    const seen = states(adapter);
    await adapter.open(session);
    const batch: Mutation[] = [create('tasks', makeTask('t-9')), update('tasks', 't-1', { title: 'x' }, { baseVersion: 1 })];
    const failure = (await adapter.push(batch).catch((error: unknown) => error)) as AdapterError;
    expect(failure).to.be.instanceOf(AdapterError);
    expect(failure.code).to.equal('network');
    expect(failure.retryAfterMs).to.equal(2000);
    expect(seen.at(-1)!.sending).to.equal('waiting');
    expect(seen.at(-1)!.retryAt).to.be.a('number');
    const results = await adapter.push(batch);
    expect(results.map((result) => result.status)).to.deep.equal(['applied', 'applied']);
    expect(fake.of('POST')).to.have.length(1);
    expect(fake.of('PATCH')).to.have.length(2);
    expect(seen.at(-1)!.sending).to.equal('idle');
    adapter.close();
  });

  it('a timeout throws `timeout`; 403 and 422 are rejected with the server\'s reason', async () => {
    let mode = 'slow';
    const { adapter } = server(
      (call) => {
        if (call.method !== 'PATCH') return undefined;
        if (mode === 'slow') return new Promise<Response>((_r, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason as unknown)));
        return mode === '403' ? json(403, { error: { code: 'forbidden', message: 'Only members may edit' } }) : json(422, { error: { code: 'validation', message: 'Title is empty' } });
      },
      { timeoutMs: 50 },
    );
    await adapter.open(session);
    const edit = update('tasks', 't-1', { title: '' }, { baseVersion: 1 });
    expect(((await adapter.push([edit]).catch((error: unknown) => error)) as AdapterError).code).to.equal('timeout');
    mode = '403';
    const [forbidden] = await adapter.push([edit]);
    expect(forbidden!.status === 'rejected' && [forbidden!.error.code, forbidden!.error.message]).to.deep.equal(['forbidden', 'Only members may edit']);
    mode = '422';
    const [invalid] = await adapter.push([update('tasks', 't-1', { title: '' }, { baseVersion: 1 })]);
    expect(invalid!.status === 'rejected' && [invalid!.error.code, invalid!.error.message]).to.deep.equal(['validation', 'Title is empty']);
    adapter.close();
  });

  it('409 with current is a conflict; without, the entity is read; a clashing create of our own entity is a duplicate', async () => {
    const current = makeTask('t-1', { version: 6, title: 'Theirs' });
    const mine = makeTask('t-9', { title: 'Mine' });
    const { adapter } = server((call) => {
      if (call.method === 'PATCH' && call.url.pathname.endsWith('t-1')) return json(409, { error: { code: 'conflict', message: 'stale' }, current });
      if (call.method === 'PATCH') return json(412, {});
      if (call.method === 'POST') return json(409, { error: { code: 'conflict', message: 'exists' } });
      if (call.method === 'GET' && call.url.pathname.endsWith('/tasks/t-2')) return json(200, makeTask('t-2', { version: 3 }), { ETag: '"v3"' });
      if (call.method === 'GET' && call.url.pathname.endsWith('/tasks/t-9')) return json(200, { ...mine, version: 1, createdAt: '2026-11-02T00:00:00.000Z' });
      return undefined;
    });
    await adapter.open(session);
    const [a, b, c] = await adapter.push([
      update('tasks', 't-1', { title: 'Mine' }, { baseVersion: 5 }),
      update('tasks', 't-2', { title: 'Mine' }, { baseVersion: 1 }),
      create('tasks', mine),
    ]);
    expect(a!.status === 'conflict' && a!.current).to.deep.equal(current);
    expect(b!.status === 'conflict' && b!.current.version).to.equal(3);
    expect(c!.status).to.equal('duplicate');
    adapter.close();
  });

  it('reads unread counts from an object keyed by task', async () => {
    const { adapter } = server((call) =>
      call.url.pathname === `${WS}/unread/u-1`
        ? json(200, { countedAt: '2026-11-26T10:00:00.000Z', tasks: { 't-1': { count: 2, newestAt: '2026-11-26T09:00:00.000Z', newestId: 'm-9' }, bad: { count: -1 } } })
        : undefined,
    );
    await adapter.open(session);
    const summary = await adapter.unreadCounts('u-1');
    expect(summary.countedAt).to.equal('2026-11-26T10:00:00.000Z');
    expect([...summary.tasks]).to.deep.equal([['t-1', { count: 2, newestAt: '2026-11-26T09:00:00.000Z', newestId: 'm-9' }]]);
    adapter.close();
  });
});

describe('RestAdapter live changes (fake fetch)', () => {
  it('SSE: maps changes, drops duplicates, stale and own echoes by version, passes delete and reset; state goes live', async () => {
    const stream = eventStream();
    const t1 = makeTask('t-1', { version: 2 });
    const { adapter, fake } = server(
      (call) => {
        if (call.url.pathname === `${WS}/events`) return stream.response();
        if (call.url.pathname === `${WS}/tasks`) return json(200, { items: [t1] });
        if (call.method === 'PATCH') return json(200, { ...t1, title: 'Own', version: 5 });
        return undefined;
      },
      { realtime: { kind: 'sse', path: '/workspaces/{workspaceId}/events' } },
    );
    const heard: RemoteChange[] = [];
    const seen = states(adapter);
    await adapter.open(session);
    adapter.changes().subscribe((changes) => heard.push(...changes));
    await adapter.list('tasks');
    await adapter.push([update('tasks', 't-1', { title: 'Own' }, { baseVersion: 2 })]);
    stream.send('retry: 2000\n\nid: 10\nevent: hello\ndata: {"seq":10}\n\n');
    stream.send(change(11, { collection: 'tasks', op: 'upsert', id: 't-1', version: 2, entity: t1 })); // stale: the list had it
    stream.send(change(12, { collection: 'tasks', op: 'upsert', id: 't-1', version: 5, entity: { ...t1, version: 5 } })); // own echo
    stream.send(change(13, { collection: 'tasks', op: 'upsert', id: 't-1', version: 6, entity: { ...t1, title: 'Theirs', version: 6 } }));
    stream.send(change(13, { collection: 'tasks', op: 'upsert', id: 't-1', version: 6, entity: { ...t1, title: 'Theirs', version: 6 } })); // duplicate
    stream.send(change(14, { collection: 'tasks', op: 'delete', id: 't-3', version: 4 }));
    stream.send(change(15, { collection: 'tasks', op: 'upsert', id: 't-3', version: 3, entity: makeTask('t-3', { version: 3 }) })); // older than its delete
    stream.send('event: reset\ndata: {"reason":"gap"}\n\n');
    await settle(30);
    expect(heard).to.deep.equal([
      { type: 'upsert', collection: 'tasks', entity: { ...t1, title: 'Theirs', version: 6 } },
      { type: 'delete', collection: 'tasks', id: 't-3' },
      { type: 'reset' },
    ]);
    expect(seen.map((state) => state.realtime)).to.include('live');
    const events = fake.calls.find((call) => call.url.pathname === `${WS}/events`)!;
    expect(events.headers.get('Authorization')).to.equal('Bearer tok');
    adapter.close();
  });

  it('SSE with a custom parse for another event format; a parse that throws skips that event only', async () => {
    const stream = eventStream();
    const { adapter } = server((call) => (call.url.pathname === '/api/v1/stream' ? stream.response() : undefined), {
      resources: { tasks: { path: '/cards', fields: { title: 'heading' } } },
      realtime: {
        kind: 'sse',
        path: '/stream',
        parse: (event) => {
          const data = JSON.parse(event.data) as { card: Record<string, unknown> };
          return { type: 'upsert', collection: 'tasks', id: String(data.card['id']), entity: data.card };
        },
      },
    });
    const heard: RemoteChange[] = [];
    await adapter.open(session);
    adapter.changes().subscribe((changes) => heard.push(...changes));
    stream.send('data: not json, the host parse throws\n\n');
    stream.send(`data: ${JSON.stringify({ card: { id: 'c-1', heading: 'Hello', version: 2 } })}\n\n`);
    await settle(30);
    expect(heard).to.deep.equal([{ type: 'upsert', collection: 'tasks', entity: { id: 'c-1', title: 'Hello', version: 2 } }]);
    adapter.close();
  });

  it('polling a backend without versions: a changed item is an upsert with a higher revision, a vanished one a delete', async () => {
    let cards = [
      { id: 'c-1', heading: 'A' },
      { id: 'c-2', heading: 'B' },
    ];
    const fake = fakeFetch((call) => (call.url.pathname === '/ws' ? json(200, workspace) : json(200, cards, { 'X-Total-Count': String(cards.length) })));
    const adapter = new RestAdapter({
      baseUrl: 'http://json.test',
      fetch: fake.fetch,
      workspace: { path: '/ws' },
      versioning: 'none',
      paging: { style: 'page' },
      resources: { tasks: { path: '/cards', fields: { title: 'heading' } } },
      realtime: { kind: 'poll', intervalMs: 40, collections: ['tasks'] },
    });
    const heard: RemoteChange[] = [];
    const seen = states(adapter);
    await adapter.open(session);
    adapter.changes().subscribe((changes) => heard.push(...changes));
    const first = await adapter.list('tasks');
    expect(first.items).to.deep.equal([
      { id: 'c-1', title: 'A', version: 1 },
      { id: 'c-2', title: 'B', version: 1 },
    ]);
    await settle(60);
    cards = [{ id: 'c-1', heading: 'A2' }];
    await settle(150);
    expect(heard).to.deep.equal([
      { type: 'upsert', collection: 'tasks', entity: { id: 'c-1', title: 'A2', version: 2 } },
      { type: 'delete', collection: 'tasks', id: 'c-2' },
    ]);
    expect(seen[0]!.realtime).to.equal('polling');
    adapter.close();
  });
});

describe('RestAdapter realtime catch-up (fake fetch)', () => {
  // Jitter at its top: the stream's backoff is then ~10 s, so an attempt within a couple of seconds can
  // only be a hurried one.
  let random: () => number;
  beforeEach(() => {
    random = Math.random;
    Math.random = () => 0.99;
  });
  afterEach(() => {
    Math.random = random;
  });

  /** A server whose event stream refuses the first `refusals` connects (network errors), then streams. */
  function flakyStream(refusals: number, respond: (call: FakeCall) => Response | undefined = () => undefined) {
    const stream = eventStream();
    const eventCalls: number[] = [];
    let writesUp = true;
    let readsUp = true;
    const { adapter, fake } = server(
      (call) => {
        if (call.url.pathname === `${WS}/events`) {
          eventCalls.push(performance.now());
          if (eventCalls.length <= refusals) throw new TypeError('Failed to fetch');
          return stream.response();
        }
        if (call.url.pathname === `${WS}/tasks` && call.method === 'GET') return readsUp ? json(200, { items: [] }) : json(503, { error: { code: 'unavailable', message: 'busy' } });
        if (call.method === 'PATCH') return writesUp ? json(200, makeTask('t-1', { version: 2 })) : json(503, { error: { code: 'unavailable', message: 'busy' } });
        return respond(call);
      },
      { realtime: { kind: 'sse', path: '/workspaces/{workspaceId}/events', backoff: { baseMs: 10_000, maxMs: 10_000 } } },
    );
    return {
      adapter,
      fake,
      eventCalls,
      stream,
      setReads: (up: boolean) => void (readsUp = up),
      setWrites: (up: boolean) => void (writesUp = up),
    };
  }

  async function until(what: string, predicate: () => boolean, timeoutMs = 3000): Promise<void> {
    const end = performance.now() + timeoutMs;
    while (!predicate()) {
      if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
      await settle(5);
    }
  }

  it('the browser coming online ends the stream\'s backoff: it reconnects at once (attempts kept 1 s apart)', async () => {
    const { adapter, eventCalls } = flakyStream(1);
    const seen = states(adapter);
    await adapter.open(session);
    await until('reconnecting', () => seen.at(-1)?.realtime === 'reconnecting');
    window.dispatchEvent(new Event('online'));
    await until('the hurried connect', () => eventCalls.length === 2);
    expect(eventCalls[1]! - eventCalls[0]!, 'one second after the failed attempt, not ~10 s').to.be.within(950, 2500);
    await until('live', () => seen.at(-1)?.realtime === 'live');
    // Live: `online` again changes nothing.
    window.dispatchEvent(new Event('online'));
    await settle(30);
    expect(eventCalls.length).to.equal(2);
    adapter.close();
    // Closed: the listener is gone.
    window.dispatchEvent(new Event('online'));
    await settle(30);
    expect(eventCalls.length).to.equal(2);
  });

  it('a read or write that succeeds while reconnecting hurries the stream; a failed one does not', async () => {
    const { adapter, eventCalls, setReads, setWrites } = flakyStream(2);
    const seen = states(adapter);
    await adapter.open(session);
    await until('reconnecting', () => seen.at(-1)?.realtime === 'reconnecting');
    // The backend still fails: nothing to hurry for.
    setReads(false);
    setWrites(false);
    await settle(1100);
    expect(((await adapter.list('tasks').catch((error: unknown) => error)) as AdapterError).code).to.equal('network');
    await adapter.push([update('tasks', 't-1', { title: 'x' }, { baseVersion: 1 })]).catch(() => undefined);
    await settle(100);
    expect(eventCalls.length, 'failed reads and writes leave the backoff alone').to.equal(1);
    // A read gets through: the stream tries now (and is refused again).
    setReads(true);
    await adapter.list('tasks');
    await until('the attempt hurried by a read', () => eventCalls.length === 2, 500);
    await settle(1100);
    expect(eventCalls.length, 'back to waiting out the backoff').to.equal(2);
    // A write gets through: the stream tries now and goes live.
    setWrites(true);
    const [result] = await adapter.push([update('tasks', 't-1', { title: 'y' }, { baseVersion: 1 })]);
    expect(result!.status).to.equal('applied');
    await until('the attempt hurried by a write', () => eventCalls.length === 3, 500);
    await until('live', () => seen.at(-1)?.realtime === 'live');
    adapter.close();
  });
});

describe('RestAdapter with the outbox (memory storage)', () => {
  it('records, pushes through the outbox and answers; connection reports the queue', async () => {
    const fake = fakeFetch((call) => {
      if (call.url.pathname === WS) return json(200, workspace);
      if (call.method === 'PATCH') return json(200, makeTask('t-1', { version: 2, title: 'Queued' }));
      return json(200, { items: [] });
    });
    const adapter = new RestAdapter({
      ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, fetch: fake.fetch, tenant: `t-${crypto.randomUUID()}`, offline: { storage: 'memory' } }),
      realtime: { kind: 'none' },
    });
    const seen = states(adapter);
    await adapter.open(session);
    const edit = update('tasks', 't-1', { title: 'Queued' }, { baseVersion: 1 });
    await adapter.record!([edit]);
    const [result] = await adapter.push([edit]);
    expect(result!.status).to.equal('applied');
    expect(fake.of('PATCH')).to.have.length(1);
    expect(fake.of('PATCH')[0]!.headers.get('Idempotency-Key')).to.equal(edit.id);
    expect(await adapter.queued!()).to.deep.equal([]);
    expect(seen.at(-1)).to.include({ sending: 'idle', queued: 0, realtime: 'off' });
    await adapter.wipe();
    adapter.close();
  });
});

describe('RestAdapter when IndexedDB fails', () => {
  it('record rejects once with the storage error; writes still go out; connection says not durable', async () => {
    const original = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const fake = fakeFetch((call) => {
        if (call.url.pathname === WS) return json(200, workspace);
        if (call.method === 'PATCH') return json(200, makeTask('t-1', { version: 2 }));
        return json(200, { items: [] });
      });
      const adapter = new RestAdapter({
        ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, fetch: fake.fetch, tenant: `t-${crypto.randomUUID()}` }),
        realtime: { kind: 'none' },
      });
      const seen = states(adapter);
      await adapter.open(session);
      const edit = update('tasks', 't-1', { title: 'x' }, { baseVersion: 1 });
      const failure = await adapter.record!([edit]).catch((error: unknown) => error);
      expect(failure).to.be.instanceOf(AdapterError);
      const second = update('tasks', 't-1', { title: 'y' }, { baseVersion: 1 });
      await adapter.record!([second]);
      const results = await adapter.push([edit, second]);
      expect(results.map((result) => result.status)).to.deep.equal(['applied', 'applied']);
      expect(seen.at(-1)!.durable).to.equal(false);
      adapter.close();
    } finally {
      indexedDB.open = original;
    }
  });
});
