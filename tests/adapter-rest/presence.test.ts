// Presence through RestAdapter: two stores on the real reference server see each other viewing and
// typing (reported by POST, carried back by the event stream), a late joiner is told who is there,
// leaving clears it; reports are throttled, failures are swallowed (no error, nothing queued), and
// without an event stream there is no presence at all.
import { expect } from '@open-wc/testing';
import { CwmStore, type PresenceState, type StoreError } from '@cwm/core';
import { cwmServerOptions, RestAdapter } from '@cwm/adapter-rest';
import { parsePresenceEvent } from '../../packages/adapter-rest/src/realtime/cwm-event.js';
import { setFaults, startServer, stopServer, type StartedServer } from '../harness/browser/servers.js';
import { fakeFetch, json, never, settle } from './fake-fetch.js';

const A = 'u-2';
const B = 'u-3';
const C = 'u-4';

let server: StartedServer;

interface Client {
  readonly adapter: RestAdapter;
  readonly store: CwmStore;
  readonly errors: StoreError[];
}

const clients: Client[] = [];

async function client(person: string, api: string = server.directUrl): Promise<Client> {
  const adapter = new RestAdapter(
    cwmServerOptions({
      baseUrl: api,
      workspaceId: server.workspaceId,
      auth: { header: async () => ({ Authorization: `Bearer ${server.tokens[person]}` }) },
      offline: false,
    }),
  );
  const store = new CwmStore({ adapter, workspaceId: server.workspaceId, userId: person });
  const errors: StoreError[] = [];
  store.errors$.subscribe((error) => errors.push(error));
  await store.connect();
  await until(`${person}'s stream to be live`, () => liveOf(adapter), 5_000);
  const made = { adapter, store, errors };
  clients.push(made);
  return made;
}

let live = new WeakMap<RestAdapter, boolean>();
function liveOf(adapter: RestAdapter): boolean {
  if (!live.has(adapter)) {
    live.set(adapter, false);
    adapter.connection().subscribe((state) => live.set(adapter, state.realtime === 'live'));
  }
  return live.get(adapter) === true;
}

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await settle(20);
  }
  return Date.now() - started;
}

/** The latest value of a store's presence for a task, kept up to date. */
function watch(store: CwmStore, taskId: string): { readonly now: readonly PresenceState[] } {
  const holder = { now: [] as readonly PresenceState[] };
  store.presence$(taskId).subscribe((states) => (holder.now = states));
  return holder;
}

describe('adapter-rest: presence on the reference server', function () {
  this.timeout(30_000);

  before(async () => {
    server = await startServer({ seed: 'test' });
  });
  afterEach(() => {
    for (const { store, adapter } of clients.splice(0)) {
      store.dispose();
      adapter.close();
    }
    live = new WeakMap();
  });
  after(async () => {
    await setFaults({ mode: 'pass' });
    await stopServer();
  });

  it('shows A typing in B\'s store within 2 s, and A gone once A leaves', async () => {
    const a = await client(A);
    const b = await client(B);
    expect(a.adapter.capabilities.presence).to.equal(true);
    const seenByB = watch(b.store, 't-1');
    const seenByA = watch(a.store, 't-1');
    expect(seenByB.now).to.deep.equal([]);

    a.store.setPresence('t-1', { typing: true });
    const took = await until('B to see A typing', () => seenByB.now.some((state) => state.personId === A && state.typing === true), 2_000);
    expect(took).to.be.below(2_000);
    expect(seenByB.now.map((state) => state.personId)).to.deep.equal([A]);
    expect(seenByB.now[0]?.taskId).to.equal('t-1');
    // Your own presence is not shown to you.
    expect(seenByA.now).to.deep.equal([]);

    a.store.setPresence('t-1', {});
    await until('B to see A stop typing', () => seenByB.now.length === 1 && seenByB.now[0]?.typing !== true, 2_000);

    a.store.setPresence('t-1', null);
    await until('A to be gone from B\'s view', () => seenByB.now.length === 0, 2_000);
    expect(a.errors).to.deep.equal([]);
    expect(b.errors).to.deep.equal([]);
  });

  it('tells a store that connects later who is already there, per room', async () => {
    const a = await client(A);
    const b = await client(B);
    a.store.setPresence('t-2', {});
    b.store.setPresence('t-2', { typing: true });
    b.store.setPresence('t-3', {});
    const c = await client(C);
    const room2 = watch(c.store, 't-2');
    const room3 = watch(c.store, 't-3');
    await until('C to see A and B in t-2', () => room2.now.length === 2, 2_000);
    expect(room2.now.map((state) => [state.personId, state.typing === true])).to.deep.equal([
      [A, false],
      [B, true],
    ]);
    await until('C to see B in t-3', () => room3.now.length === 1, 2_000);
    expect(room3.now[0]?.personId).to.equal(B);

    // Disposing a store leaves its rooms: the others see that at once, not after the server's expiry.
    b.store.dispose();
    await until('B to leave both rooms', () => room2.now.length === 1 && room3.now.length === 0, 2_000);
    expect(room2.now[0]?.personId).to.equal(A);
  });

  it('swallows failed reports: no store error, nothing queued or waiting', async () => {
    const a = await client(A, server.apiUrl);
    // Let the store's own background reads (unread counts) finish first: only presence is on trial.
    await settle(500);
    const earlier = a.errors.length;
    await setFaults({ mode: 'down' });
    try {
      a.store.setPresence('t-4', { typing: true });
      a.store.setPresence('t-4', null);
      await settle(800);
      expect(a.errors.slice(earlier)).to.deep.equal([]);
      expect(a.store.state.sync.pendingWrites).to.equal(0);
      expect(a.store.state.sync.queued).to.equal(0);
      expect(a.store.state.sync.sending).to.equal('idle');
    } finally {
      await setFaults({ mode: 'pass' });
    }
  });
});

describe('adapter-rest: presence reports', () => {
  const workspace = { id: 'ws', name: 'WS' };

  function adapterWith(answer: (method: string, path: string) => Response | Promise<Response>) {
    const fake = fakeFetch((call) => {
      if (call.url.pathname.endsWith('/events')) return never(call);
      return answer(call.method, call.url.pathname);
    });
    const adapter = new RestAdapter(
      cwmServerOptions({ baseUrl: 'http://127.0.0.1:1/api/v1', workspaceId: 'ws', auth: { header: async () => ({ Authorization: 'Bearer t' }) }, offline: false, fetch: fake.fetch }),
    );
    return { adapter, fake, posts: () => fake.of('POST').map((call) => call.body) };
  }

  it('sends a repeat at most once a second per room, a typing change and a leave at once', async () => {
    const { adapter, posts, fake } = adapterWith((method) => (method === 'POST' ? json(204, null) : json(200, workspace)));
    await adapter.open({ workspaceId: 'ws', userId: 'u-1' });
    adapter.setPresence!('t-1', { taskId: 't-1' });
    adapter.setPresence!('t-1', { taskId: 't-1' });
    adapter.setPresence!('t-2', { taskId: 't-2' });
    adapter.setPresence!('t-1', { taskId: 't-1', typing: true });
    adapter.setPresence!('t-1', { taskId: 't-1', typing: true });
    adapter.setPresence!('t-1', null);
    adapter.setPresence!('t-1', null);
    adapter.setPresence!('t-9', null);
    await settle(10);
    expect(posts()).to.deep.equal([
      { room: 't-1', taskId: 't-1' },
      { room: 't-2', taskId: 't-2' },
      { room: 't-1', taskId: 't-1', typing: true },
      { room: 't-1', leave: true },
    ]);
    expect(fake.of('POST').every((call) => call.url.pathname === '/api/v1/workspaces/ws/presence')).to.equal(true);
    expect(fake.of('POST').every((call) => call.headers.get('Authorization') === 'Bearer t')).to.equal(true);
    // After the throttle window the same state goes out again (the store's heartbeat keeps it fresh).
    await settle(1_050);
    adapter.setPresence!('t-2', { taskId: 't-2' });
    await settle(10);
    expect(posts()).to.have.length(5);
    adapter.close();
  });

  it('never throws or reports when the backend fails or cannot be reached', async () => {
    let fail: 'status' | 'network' = 'status';
    const { adapter, posts } = adapterWith((method) => {
      if (method !== 'POST') return json(200, workspace);
      if (fail === 'network') throw new TypeError('Failed to fetch');
      return json(500, { error: { code: 'internal', message: 'no' } });
    });
    await adapter.open({ workspaceId: 'ws', userId: 'u-1' });
    const states: string[] = [];
    adapter.connection().subscribe((state) => states.push(state.sending));
    adapter.setPresence!('t-1', { taskId: 't-1' });
    fail = 'network';
    adapter.setPresence!('t-1', { taskId: 't-1', typing: true });
    await settle(20);
    expect(posts()).to.have.length(2);
    expect(states.every((state) => state === 'idle')).to.equal(true);
    adapter.close();
    // Closed: nothing more goes out.
    adapter.setPresence!('t-1', null);
    await settle(10);
    expect(posts()).to.have.length(2);
  });

  it('has no presence without an event stream to hear the others on', () => {
    const options = cwmServerOptions({ baseUrl: 'http://127.0.0.1:1/api/v1', workspaceId: 'ws', auth: { header: async () => undefined }, offline: false });
    expect(options.presence).to.deep.equal({ path: '/workspaces/ws/presence' });
    const polled = new RestAdapter({ ...options, realtime: { kind: 'poll', intervalMs: 60_000, collections: ['tasks'] } });
    expect(polled.capabilities.presence).to.equal(false);
    expect(polled.presence).to.equal(undefined);
    expect(polled.setPresence).to.equal(undefined);
    const { presence: _omitted, ...without } = options;
    const none = new RestAdapter(without);
    expect(none.capabilities.presence).to.equal(false);
    polled.close();
    none.close();
  });

  it('reads presence events defensively and stamps them with the local clock', () => {
    const read = (data: unknown) => parsePresenceEvent({ event: 'presence', data: JSON.stringify(data) });
    expect(read({ room: 't-1', personId: 'u-2', state: { personId: 'u-2', taskId: 't-1', typing: true, at: 5 }, at: 5 })).to.deep.equal({
      room: 't-1',
      personId: 'u-2',
      state: { personId: 'u-2', taskId: 't-1', typing: true },
    });
    expect(read({ room: 't-1', personId: 'u-2', state: null, at: 5 })).to.deep.equal({ room: 't-1', personId: 'u-2', state: null });
    expect(read({ room: '', personId: 'u-2', state: null })).to.equal(undefined);
    expect(read({ room: 't-1', state: null })).to.equal(undefined);
    expect(read({ room: 't-1', personId: 'u-2', state: { typing: 'yes' } })).to.equal(undefined);
    expect(read({ room: 't-1', personId: 'u-2', state: 3 })).to.equal(undefined);
    expect(parsePresenceEvent({ event: 'presence', data: '{nope' })).to.equal(undefined);
    expect(parsePresenceEvent({ event: 'change', data: '{}' })).to.equal(undefined);
  });
});
