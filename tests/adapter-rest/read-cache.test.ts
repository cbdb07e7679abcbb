import { expect } from '@open-wc/testing';
import { AdapterError, CwmStore, type ConnectionState, type Task } from '@cwm/core';
import { cwmServerOptions, outboxNamespace, RestAdapter, type RestAdapterOptions } from '@cwm/adapter-rest';
import { AT, makeMessage, makePerson, makeProject, makeTask } from '../fixtures/entities.js';
import { fakeFetch, json, settle, type FakeCall } from './fake-fetch.js';

const BASE = 'http://cwm.test/api/v1';
const WS = '/api/v1/workspaces/ws';
const workspace = { id: 'ws', name: 'Acme', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
const auth = { header: async () => ({ Authorization: 'Bearer tok' }) };

/** An open event stream the test writes to (and can break, like a dropped connection). */
function eventStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  let open = true;
  return {
    response: () => new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send: (text: string) => {
      if (open) controller.enqueue(encoder.encode(text));
    },
    drop: () => {
      if (!open) return;
      open = false;
      controller.error(new TypeError('network changed'));
    },
  };
}

type Row = Record<string, unknown> & { id: string; version: number };

/**
 * The reference server's shape in memory: lists with filters and cursor paging, PATCH with If-Match,
 * an event stream per connect that replays after `Last-Event-ID` (or sends `reset` when told the
 * gap is too old), and a switch that makes every request fail like a network that is gone.
 */
class Backend {
  down = false;
  /** Live events older than this are no longer kept: a resume from before it gets `reset`. */
  keptFrom = 0;
  pageSize = 100;
  private seq = 10;
  private readonly log: { seq: number; text: string }[] = [];
  readonly streams: ReturnType<typeof eventStream>[] = [];
  /** The `Last-Event-ID` of every stream request, null when none was sent. */
  readonly resumedFrom: (string | null)[] = [];
  readonly data: Record<string, Map<string, Row>> = {
    people: new Map(),
    projects: new Map(),
    tasks: new Map(),
    messages: new Map(),
    notifications: new Map(),
    reads: new Map(),
    activity: new Map(),
    templates: new Map(),
  };
  readonly fake = fakeFetch((call) => this.answer(call));

  constructor() {
    for (const person of [makePerson('u-1', { role: 'manager' }), makePerson('u-2')]) this.put('people', person as unknown as Row);
    for (const project of [makeProject('p-1'), makeProject('p-2')]) this.put('projects', project as unknown as Row);
    for (const task of [makeTask('t-1'), makeTask('t-2'), makeTask('t-3', { projectId: 'p-2' })]) this.put('tasks', task as unknown as Row);
    for (const [id, createdAt] of [['m-1', '2026-11-01T09:00:00.000Z'], ['m-2', '2026-11-01T10:00:00.000Z'], ['m-3', '2026-11-01T11:00:00.000Z']] as const) {
      this.put('messages', makeMessage(id, { createdAt, updatedAt: createdAt }) as unknown as Row);
    }
  }

  put(collection: string, row: Row): void {
    this.data[collection]!.set(row.id, row);
  }

  get latest(): number {
    return this.seq;
  }

  /** Someone else's change: stored, logged and streamed to every open stream. */
  emit(collection: string, op: 'upsert' | 'delete', row: Row): void {
    this.seq += 1;
    if (op === 'upsert') this.put(collection, row);
    else this.data[collection]!.delete(row.id);
    const data = op === 'upsert' ? { seq: this.seq, collection, op, id: row.id, version: row.version, entity: row } : { seq: this.seq, collection, op, id: row.id, version: row.version };
    const text = `id: ${this.seq}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`;
    this.log.push({ seq: this.seq, text });
    for (const stream of this.streams) stream.send(text);
  }

  goDown(): void {
    this.down = true;
    for (const stream of this.streams.splice(0)) stream.drop();
  }

  /** PATCH requests the backend answered (not the ones that failed while it was down). */
  readonly patched: string[] = [];

  private answer(call: FakeCall): Response {
    if (this.down) throw new TypeError('Failed to fetch');
    const path = call.url.pathname;
    if (path === WS) return json(200, workspace);
    if (path === `${WS}/events`) return this.stream(call);
    if (path.startsWith(`${WS}/unread/`)) return json(200, { countedAt: AT, tasks: {} });
    const match = /^\/api\/v1\/workspaces\/ws\/([a-z]+)(?:\/(.+))?$/.exec(path);
    const rows = match ? this.data[match[1]!] : undefined;
    if (!match || !rows) return json(404, { error: { code: 'not-found', message: path } });
    const id = match[2];
    if (call.method === 'GET' && id === undefined) {
      const params = call.url.searchParams;
      const all = [...rows.values()].filter((row) => ['projectId', 'taskId', 'personId'].every((field) => !params.has(field) || row[field] === params.get(field)));
      if (params.get('order') === 'newest') all.sort((a, b) => (String(a['createdAt']) > String(b['createdAt']) ? -1 : 1));
      const from = Number(params.get('cursor') ?? 0);
      const size = Math.min(this.pageSize, Number(params.get('limit') ?? this.pageSize));
      const items = all.slice(from, from + size);
      return json(200, { items, total: all.length, ...(from + size < all.length ? { nextCursor: String(from + size) } : {}) });
    }
    const row = id === undefined ? undefined : rows.get(id);
    if (call.method === 'GET') return row ? json(200, row, { ETag: `"v${row.version}"` }) : json(404, { error: { code: 'not-found', message: id } });
    if (call.method === 'PATCH' && row) {
      this.patched.push(call.headers.get('Idempotency-Key') ?? '');
      const ifMatch = call.headers.get('If-Match');
      if (ifMatch !== null && ifMatch !== `"v${row.version}"`) return json(409, { error: { code: 'conflict', message: 'changed' }, current: row });
      const next = { ...row, ...(call.body as object), version: row.version + 1 };
      this.emit(match[1]!, 'upsert', next);
      return json(200, next, { ETag: `"v${next.version}"` });
    }
    return json(404, { error: { code: 'not-found', message: path } });
  }

  private stream(call: FakeCall): Response {
    const last = call.headers.get('Last-Event-ID');
    this.resumedFrom.push(last);
    const stream = eventStream();
    this.streams.push(stream);
    const response = stream.response();
    stream.send('retry: 2000\n\n');
    if (last === null) stream.send(`id: ${this.seq}\nevent: hello\ndata: {"seq":${this.seq}}\n\n`);
    else if (Number(last) < this.keptFrom) stream.send('event: reset\ndata: {"reason":"gap"}\n\n');
    else for (const entry of this.log) if (entry.seq > Number(last)) stream.send(entry.text);
    return response;
  }
}

/** One "page": a REST adapter with the IndexedDB outbox and its store, for `userId` in `tenant`. */
function page(backend: Backend, tenant: string, userId = 'u-1', extra: Partial<RestAdapterOptions> = {}) {
  const adapter = new RestAdapter({
    ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, tenant, fetch: backend.fake.fetch, retry: { baseMs: 20, maxMs: 100 }, offline: { settleWaitMs: 300 } }),
    realtime: { kind: 'sse', path: '/workspaces/{workspaceId}/events', backoff: { baseMs: 20, maxMs: 60 } },
    ...extra,
  });
  const states: ConnectionState[] = [];
  adapter.connection().subscribe((state) => states.push(state));
  const store = new CwmStore({ adapter, workspaceId: 'ws', userId });
  return {
    adapter,
    store,
    states,
    close: () => {
      store.dispose();
      adapter.close();
    },
  };
}

async function until(condition: () => boolean, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await settle(10);
  }
}

/** Lets the cache's batches (25 ms) reach IndexedDB. */
const cacheWritten = (): Promise<void> => settle(120);

const titles = (store: CwmStore): Record<string, string> => Object.fromEntries(store.state.tasks.values().map((task: Task) => [task.id, task.title]));

async function databases(tenant: string, userId = 'u-1'): Promise<string[]> {
  const namespace = await outboxNamespace(tenant, userId);
  return (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith(namespace));
}

describe('RestAdapter offline read cache', () => {
  let tenant: string;
  beforeEach(() => {
    tenant = `cache-${crypto.randomUUID()}`;
  });

  it('an online load fills the cache; offline, a new page connects from it and says reconnecting', async () => {
    const backend = new Backend();
    const first = page(backend, tenant);
    await first.store.connect();
    expect(first.store.state.sync.phase).to.equal('ready');
    await cacheWritten();
    first.close();
    expect(await databases(tenant)).to.have.members([`${await outboxNamespace(tenant, 'u-1')}:outbox`, `${await outboxNamespace(tenant, 'u-1')}:cache`]);

    backend.goDown();
    const second = page(backend, tenant);
    await second.store.connect();
    expect(second.store.state.sync.phase).to.equal('ready');
    expect(second.store.state.workspace?.name).to.equal('Acme');
    expect(titles(second.store)).to.deep.equal({ 't-1': 'Task t-1', 't-2': 'Task t-2', 't-3': 'Task t-3' });
    expect(second.store.state.people.ids().sort()).to.deep.equal(['u-1', 'u-2']);
    expect(second.store.state.sync.realtime).to.equal('reconnecting');
    expect(second.states.at(-1)!.realtime).to.equal('reconnecting');
    second.close();
  });

  it('answers list queries from the cache by the same filters, messages newest first; unread scopes and final errors are not answered', async () => {
    const backend = new Backend();
    const online = new RestAdapter({ ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, tenant, fetch: backend.fake.fetch }), realtime: { kind: 'none' } });
    await online.open({ workspaceId: 'ws', userId: 'u-1' });
    await online.list('tasks');
    await online.list('messages', { taskId: 't-1', order: 'newest', limit: 2 });
    await cacheWritten();
    online.close();

    backend.goDown();
    const offline = new RestAdapter({ ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, tenant, fetch: backend.fake.fetch }), realtime: { kind: 'none' } });
    expect((await offline.open({ workspaceId: 'ws', userId: 'u-1' })).id).to.equal('ws');
    const p2 = await offline.list('tasks', { projectId: 'p-2' });
    expect(p2.items.map((task) => (task as Task).id)).to.deep.equal(['t-3']);
    expect(p2.nextCursor).to.equal(undefined);
    const thread = await offline.list('messages', { taskId: 't-1', order: 'newest' });
    // Only what the store read (the newest two), newest first, one page.
    expect(thread.items.map((message) => (message as { id: string }).id)).to.deep.equal(['m-3', 'm-2']);
    expect(thread.nextCursor).to.equal(undefined);
    const never = (await offline.list('messages', { taskId: 't-2' }).catch((error: unknown) => error)) as AdapterError;
    expect(never).to.be.instanceOf(AdapterError);
    expect(never.code).to.equal('network');
    const notRead = (await offline.list('people').catch((error: unknown) => error)) as AdapterError;
    expect(notRead.code).to.equal('network');
    offline.close();

    // A final answer (403) is the answer, not a reason to show the cache.
    backend.down = false;
    const refusing = fakeFetch((call) => (call.url.pathname === WS ? json(200, workspace) : json(403, { error: { code: 'forbidden', message: 'no' } })));
    const refused = new RestAdapter({ ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, tenant, fetch: refusing.fetch }), realtime: { kind: 'none' } });
    await refused.open({ workspaceId: 'ws', userId: 'u-1' });
    expect(((await refused.list('tasks').catch((error: unknown) => error)) as AdapterError).code).to.equal('forbidden');
    refused.close();
  });

  it('a write queued offline shows on top of the cached data after a reload, and is sent once when the backend is back', async () => {
    const backend = new Backend();
    const first = page(backend, tenant);
    await first.store.connect();
    await cacheWritten();
    backend.goDown();
    const written = first.store.updateTask('t-1', { title: 'Edited offline' });
    expect(written.ok).to.equal(true);
    await settle(50);
    first.close();

    const second = page(backend, tenant);
    await second.store.connect();
    expect(titles(second.store)).to.deep.equal({ 't-1': 'Edited offline', 't-2': 'Task t-2', 't-3': 'Task t-3' });
    expect(second.store.state.sync.queued).to.equal(1);
    expect(backend.patched).to.have.length(0);

    backend.down = false;
    await until(() => backend.data['tasks']!.get('t-1')!['title'] === 'Edited offline', 'the queued write to reach the server');
    await until(() => second.store.state.sync.queued === 0 && second.store.state.tasks.get('t-1')?.version === 2, 'the write to be confirmed');
    await settle(100);
    expect(backend.patched).to.have.length(1);
    expect(second.store.state.tasks.get('t-1')?.title).to.equal('Edited offline');
    await until(() => second.store.state.sync.realtime === 'live', 'live changes');
    second.close();
  });

  it('live changes update the cache (inside what the store read); a reload resumes the stream from the cached event id', async () => {
    const backend = new Backend();
    const first = page(backend, tenant);
    await first.store.connect();
    await until(() => first.store.state.sync.realtime === 'live', 'live changes');
    backend.emit('tasks', 'upsert', { ...(backend.data['tasks']!.get('t-2') as Row), title: 'Renamed live', version: 2 });
    backend.emit('tasks', 'delete', { id: 't-3', version: 2 } as Row);
    backend.emit('tasks', 'upsert', makeTask('t-4', { title: 'Created live' }) as unknown as Row);
    // A thread nobody opened: the store never read it, so the cache does not keep it.
    backend.emit('messages', 'upsert', makeMessage('m-9', { taskId: 't-2' }) as unknown as Row);
    await until(() => first.store.state.tasks.has('t-4'), 'the live changes');
    const position = backend.latest;
    await cacheWritten();
    first.close();

    backend.goDown();
    // Made while this person was away: replayed after the cached position.
    backend.emit('tasks', 'upsert', { ...(backend.data['tasks']!.get('t-1') as Row), title: 'Changed while away', version: 2 });
    const second = page(backend, tenant);
    await second.store.connect();
    expect(titles(second.store)).to.deep.equal({ 't-1': 'Task t-1', 't-2': 'Renamed live', 't-4': 'Created live' });
    const thread = (await second.adapter.list('messages', { taskId: 't-2' }).catch((error: unknown) => error)) as AdapterError;
    expect(thread.code).to.equal('network');

    backend.down = false;
    await until(() => second.store.state.tasks.get('t-1')?.title === 'Changed while away', 'the replay');
    expect(backend.resumedFrom.at(-1)).to.equal(String(position));
    await until(() => second.store.state.sync.realtime === 'live', 'live changes');
    second.close();
  });

  it('a reset after an offline start reloads everything, and the reload replaces what the cache held', async () => {
    const backend = new Backend();
    backend.pageSize = 2;
    const first = page(backend, tenant);
    await first.store.connect();
    await until(() => first.store.state.sync.realtime === 'live', 'live changes');
    await cacheWritten();
    first.close();

    backend.goDown();
    // Changed without events the client could replay: the server only says `reset`.
    backend.keptFrom = backend.latest + 100;
    backend.data['tasks']!.delete('t-3');
    backend.put('tasks', { ...(backend.data['tasks']!.get('t-2') as Row), title: 'Changed in a gap', version: 5 });
    const second = page(backend, tenant);
    await second.store.connect();
    expect(Object.keys(titles(second.store)).sort()).to.deep.equal(['t-1', 't-2', 't-3']);

    backend.down = false;
    await until(() => second.store.state.tasks.get('t-2')?.title === 'Changed in a gap' && !second.store.state.tasks.has('t-3'), 'the reload');
    expect(second.store.state.sync.realtime).to.equal('live');
    await cacheWritten();
    second.close();

    backend.goDown();
    const third = page(backend, tenant);
    await third.store.connect();
    expect(titles(third.store)).to.deep.equal({ 't-1': 'Task t-1', 't-2': 'Changed in a gap' });
    third.close();
  });

  it('without a cached position (polling), the first successful poll after an offline start reloads everything', async () => {
    const backend = new Backend();
    const realtime = { kind: 'poll', intervalMs: 40, collections: ['tasks'] } as const;
    const first = page(backend, tenant, 'u-1', { realtime });
    await first.store.connect();
    await cacheWritten();
    first.close();

    backend.goDown();
    backend.put('tasks', { ...(backend.data['tasks']!.get('t-1') as Row), title: 'Changed unseen', version: 3 });
    const second = page(backend, tenant, 'u-1', { realtime });
    await second.store.connect();
    expect(second.store.state.tasks.get('t-1')?.title).to.equal('Task t-1');
    expect(second.store.state.sync.realtime).to.equal('reconnecting');
    backend.down = false;
    await until(() => second.store.state.tasks.get('t-1')?.title === 'Changed unseen', 'the reload');
    await until(() => second.store.state.sync.realtime === 'polling', 'polling again');
    second.close();
  });

  it('online, a read failing with 503 is answered from the cache and the store reads everything again later', async () => {
    const backend = new Backend();
    const first = page(backend, tenant, 'u-1', { realtime: { kind: 'none' } });
    await first.store.connect();
    await cacheWritten();
    first.close();

    backend.put('tasks', { ...(backend.data['tasks']!.get('t-1') as Row), title: 'Fresh', version: 2 });
    let busy = true;
    const flaky = fakeFetch((call) =>
      busy && call.url.pathname === `${WS}/tasks` ? json(503, { error: { code: 'unavailable', message: 'busy' } }, { 'Retry-After': '1' }) : backend.fake.fetch(call.url.href, { method: call.method, headers: call.headers }),
    );
    const second = page(backend, tenant, 'u-1', { realtime: { kind: 'none' }, fetch: flaky.fetch });
    const started = Date.now();
    await second.store.connect();
    expect(second.store.state.sync.phase).to.equal('ready');
    expect(second.store.state.tasks.get('t-1')?.title).to.equal('Task t-1');
    expect(second.store.state.sync.realtime).to.equal('reconnecting');
    busy = false;
    await until(() => second.store.state.tasks.get('t-1')?.title === 'Fresh', 'the reload');
    expect(Date.now() - started).to.be.greaterThan(900);
    expect(second.store.state.sync.realtime).to.equal('off');
    second.close();
  });

  it('wipe deletes the outbox and the cache; another person on the same device sees nothing of them', async () => {
    const backend = new Backend();
    const first = page(backend, tenant);
    await first.store.connect();
    await cacheWritten();
    backend.goDown();

    const other = new RestAdapter({ ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, tenant, fetch: backend.fake.fetch }), realtime: { kind: 'none' } });
    const refused = (await other.open({ workspaceId: 'ws', userId: 'u-2' }).catch((error: unknown) => error)) as AdapterError;
    expect(refused).to.be.instanceOf(AdapterError);
    expect(refused.code).to.equal('network');
    other.close();

    expect(await databases(tenant)).to.have.length(2);
    await first.adapter.wipe();
    first.close();
    expect(await databases(tenant)).to.deep.equal([]);
    const after = new RestAdapter({ ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, tenant, fetch: backend.fake.fetch }), realtime: { kind: 'none' } });
    expect(((await after.open({ workspaceId: 'ws', userId: 'u-1' }).catch((error: unknown) => error)) as AdapterError).code).to.equal('network');
    after.close();
  });

  it('no cache without the IndexedDB outbox; a failing IndexedDB is no cache and no error', async () => {
    const backend = new Backend();
    for (const offline of [false, { storage: 'memory' }] as const) {
      const online = new RestAdapter({ ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, tenant, fetch: backend.fake.fetch, offline }), realtime: { kind: 'none' } });
      await online.open({ workspaceId: 'ws', userId: 'u-1' });
      await online.list('tasks');
      await cacheWritten();
      online.close();
    }
    expect((await databases(tenant)).filter((name) => name.endsWith(':cache'))).to.deep.equal([]);

    const original = indexedDB.open;
    const uncaught: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
    window.addEventListener('unhandledrejection', onRejection);
    indexedDB.open = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const broken = page(backend, `${tenant}-broken`);
      await broken.store.connect();
      expect(broken.store.state.tasks.size).to.equal(3);
      await cacheWritten();
      backend.goDown();
      const again = new RestAdapter({ ...cwmServerOptions({ baseUrl: BASE, workspaceId: 'ws', auth, tenant: `${tenant}-broken`, fetch: backend.fake.fetch }), realtime: { kind: 'none' } });
      expect(((await again.open({ workspaceId: 'ws', userId: 'u-1' }).catch((error: unknown) => error)) as AdapterError).code).to.equal('network');
      again.close();
      broken.close();
      await settle(50);
    } finally {
      indexedDB.open = original;
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(uncaught).to.deep.equal([]);
  });
});
