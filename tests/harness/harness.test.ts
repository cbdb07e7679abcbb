// Proves the fault-test harness itself before the fault tests lean on it: the server starts and
// stops, the proxy injects exactly what it is told (and counts it), 'down' cuts everything, event
// streams flow through unbuffered and drop on demand, json-server answers as measured.
import { expect } from '@open-wc/testing';
import {
  control,
  faultStats,
  reportFigures,
  setFaults,
  startJsonServer,
  startServer,
  stopJsonServer,
  stopServer,
  type FaultConfig,
  type StartedServer,
} from './browser/servers.js';

interface TaskLike {
  readonly id: string;
  readonly title: string;
}

let server: StartedServer;
let taskId: string;
let token: string;
let personId: string;

function patchTask(patch: object, key: string = crypto.randomUUID()): Promise<Response> {
  return fetch(`${server.apiUrl}/workspaces/${server.workspaceId}/tasks/${taskId}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(patch),
  });
}

async function appliedCount(key: string): Promise<number> {
  const answer = await control<{ count: number }>(`applied?key=${encodeURIComponent(key)}`);
  return answer.count;
}

/** Resolves to the error a promise rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** Reads a stream until `until(text)` holds; resolves to the text, or to `done` when the stream ended first. */
async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  until: (text: string) => boolean,
  timeoutMs: number,
  seen = '',
): Promise<{ text: string; done: boolean }> {
  const decoder = new TextDecoder();
  let text = seen;
  const deadline = Date.now() + timeoutMs;
  while (!until(text)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`stream: nothing matching within ${timeoutMs} ms; got ${JSON.stringify(text)}`);
    const next = await Promise.race([
      reader.read().catch(() => ({ done: true, value: undefined })),
      new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), left)),
    ]);
    if (next === 'late') continue;
    if (next.done) return { text, done: true };
    text += decoder.decode(next.value, { stream: true });
  }
  return { text, done: false };
}

function openEvents(signal: AbortSignal): Promise<Response> {
  return fetch(`${server.apiUrl}/workspaces/${server.workspaceId}/events`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
    signal,
  });
}

describe('test harness: reference server behind the fault proxy', function () {
  before(async function () {
    this.timeout(60_000);
    server = await startServer();
    personId = server.people[0]!.id;
    token = server.tokens[personId]!;
    const state = await control<{ items: TaskLike[] }>('state?collection=tasks');
    taskId = state.items[0]!.id;
  });

  after(async function () {
    this.timeout(20_000);
    await stopServer();
  });

  beforeEach(async () => {
    await setFaults({});
    await faultStats({ reset: true });
  });

  it('starts a server on 127.0.0.1 with a proxy in front, people and a token for each', async () => {
    expect(server.apiUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(server.directUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(server.controlUrl).to.equal(server.directUrl.replace(/\/api\/v1$/, ''));
    expect(new URL(server.apiUrl).port).not.to.equal(new URL(server.directUrl).port);
    expect(server.people.length).to.be.greaterThan(0);
    for (const person of server.people) expect(server.tokens[person.id], person.id).to.be.a('string').and.not.equal('');
    const viaProxy = await fetch(`${server.apiUrl}/demo/people`);
    expect(viaProxy.status).to.equal(200);
    expect(((await viaProxy.json()) as { workspaceId: string }).workspaceId).to.equal(server.workspaceId);
    const stats = await faultStats();
    expect(stats.requests).to.equal(1);
    expect(stats.writes).to.equal(0);
  });

  it('passes writes through untouched when no fault is set, and counts them per key', async () => {
    const key = crypto.randomUUID();
    const answer = await patchTask({ title: 'passed through' }, key);
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('X-Cwm-Fault')).to.equal(null);
    expect(((await answer.json()) as TaskLike).title).to.equal('passed through');
    expect(await appliedCount(key)).to.equal(1);
    const stats = await faultStats();
    expect(stats.writes).to.equal(1);
    expect(stats.forwarded).to.equal(1);
    expect(stats.byKey[key]).to.deep.equal({ attempts: 1, forwarded: 1 });
    expect(Object.values(stats.injected).every((count) => count === 0)).to.equal(true);
  });

  for (const kind of ['500', '503', '429'] as const) {
    it(`injects ${kind} that the browser can read, and the server never sees the write`, async () => {
      await setFaults({ rates: { [kind]: 1 } });
      const key = crypto.randomUUID();
      const answer = await patchTask({ title: `never ${kind}` }, key);
      expect(answer.status).to.equal(Number(kind));
      expect(answer.headers.get('X-Cwm-Fault')).to.equal(kind);
      expect(answer.headers.get('Retry-After')).to.equal(kind === '429' ? '1' : null);
      const body = (await answer.json()) as { error: { code: string } };
      expect(body.error.code).to.equal(kind === '429' ? 'rate-limited' : kind === '503' ? 'unavailable' : 'internal');
      expect(await appliedCount(key)).to.equal(0);
      const stats = await faultStats();
      expect(stats.injected[kind]).to.equal(1);
      expect(stats.forwarded).to.equal(0);
      expect(stats.byKey[key]).to.deep.equal({ attempts: 1, forwarded: 0 });
    });
  }

  it('draws faults from the seed: the same seed injects the same sequence, and counts match', async function () {
    this.timeout(30_000);
    const config: FaultConfig = { seed: 7, rates: { '503': 0.5 } };
    const run = async () => {
      await setFaults(config);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await patchTask({ title: `seeded ${i}` })).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).to.deep.equal(first);
    expect(first).to.include(200).and.include(503);
    expect(first.every((status) => status === 200 || status === 503)).to.equal(true);
    const stats = await faultStats();
    expect(stats.writes).to.equal(24);
    expect(stats.injected['503']).to.equal(first.filter((status) => status === 503).length * 2);
    expect(stats.forwarded).to.equal(first.filter((status) => status === 200).length * 2);
  });

  it('leaves reads alone unless `reads: true`', async () => {
    const list = `${server.apiUrl}/workspaces/${server.workspaceId}/tasks`;
    const headers = { Authorization: `Bearer ${token}` };
    await setFaults({ rates: { '503': 1 } });
    expect((await fetch(list, { headers })).status).to.equal(200);
    await setFaults({ rates: { '503': 1 }, reads: true });
    expect((await fetch(list, { headers })).status).to.equal(503);
  });

  it('timeout: holds the request for timeoutHoldMs, then cuts it; the server never sees it', async () => {
    await setFaults({ rates: { timeout: 1 }, timeoutHoldMs: 400 });
    const key = crypto.randomUUID();
    const startedAt = performance.now();
    const error = await rejection(patchTask({ title: 'held' }, key));
    expect(error).to.be.instanceOf(TypeError);
    expect(performance.now() - startedAt).to.be.greaterThan(350);
    expect(await appliedCount(key)).to.equal(0);
    expect((await faultStats()).injected.timeout).to.equal(1);
  });

  it('dropAfterCommit: the server commits, the browser gets no answer; a retry with the key is replayed', async () => {
    await setFaults({ rates: { dropAfterCommit: 1 } });
    const key = crypto.randomUUID();
    const error = await rejection(patchTask({ title: 'committed, answer lost' }, key));
    expect(error).to.be.instanceOf(TypeError);
    expect(await appliedCount(key)).to.equal(1);
    await setFaults({});
    const retry = await patchTask({ title: 'committed, answer lost' }, key);
    expect(retry.status).to.equal(200);
    expect(retry.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(await appliedCount(key)).to.equal(1);
    const stats = await faultStats();
    expect(stats.injected.dropAfterCommit).to.equal(1);
    expect(stats.byKey[key]).to.deep.equal({ attempts: 2, forwarded: 2 });
  });

  it('delayMs delays each forwarded write', async () => {
    await setFaults({ delayMs: 400 });
    const startedAt = performance.now();
    expect((await patchTask({ title: 'late' })).status).to.equal(200);
    expect(performance.now() - startedAt).to.be.greaterThan(350);
  });

  it("'down' cuts every connection, reads included, until set back to 'pass'", async () => {
    await setFaults({ mode: 'down' });
    expect(await rejection(fetch(`${server.apiUrl}/demo/people`))).to.be.instanceOf(TypeError);
    const key = crypto.randomUUID();
    expect(await rejection(patchTask({ title: 'offline' }, key))).to.be.instanceOf(TypeError);
    expect(await appliedCount(key)).to.equal(0);
    expect((await faultStats()).injected.down).to.be.greaterThan(1);
    await setFaults({ mode: 'pass' });
    expect((await fetch(`${server.apiUrl}/demo/people`)).status).to.equal(200);
  });

  it('event streams flow through unbuffered, and `sse: drop` ends them and refuses new ones for dropForMs', async function () {
    this.timeout(20_000);
    const abort = new AbortController();
    try {
      const stream = await openEvents(abort.signal);
      expect(stream.status).to.equal(200);
      expect(stream.headers.get('Content-Type')).to.contain('text/event-stream');
      const reader = stream.body!.getReader();
      const hello = await readUntil(reader, (text) => text.includes('event: hello'), 5_000);
      // A change made elsewhere must arrive while the stream is open: nothing is held back.
      await control('edit', { body: { as: personId, collection: 'tasks', id: taskId, patch: { title: 'seen live' } } });
      const live = await readUntil(reader, (text) => text.includes('event: change') && text.includes('seen live'), 5_000, hello.text);
      expect(live.done).to.equal(false);

      await setFaults({ sse: 'drop', dropForMs: 1_000 });
      const dropped = await readUntil(reader, () => false, 5_000, '').catch((error: Error) => ({ text: error.message, done: false }));
      expect(dropped.done).to.equal(true);

      const refused = await openEvents(abort.signal);
      expect(refused.status).to.equal(503);
      expect(refused.headers.get('X-Cwm-Fault')).to.equal('sse-drop');

      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const again = await openEvents(abort.signal);
      expect(again.status).to.equal(200);
      const resumed = await readUntil(again.body!.getReader(), (text) => text.includes('event: hello'), 5_000);
      expect(resumed.done).to.equal(false);
      expect((await faultStats()).injected.sseDrop).to.equal(2);
    } finally {
      abort.abort();
    }
  });

  it('rejects fault options it does not know, so a typo cannot silently inject nothing', async () => {
    const typo = { rate: { '503': 1 } } as unknown as FaultConfig;
    expect((await rejection(setFaults(typo))).message).to.contain('unknown option "rate"');
    expect((await rejection(setFaults({ rates: { '503': 0.7, '500': 0.7 } }))).message).to.contain('more than 1');
  });

  it('control() reaches the /__test routes and rejects on an error answer', async () => {
    expect(await control<Record<string, string>>('tokens')).to.deep.equal(server.tokens);
    expect((await rejection(control('no-such-route'))).message).to.match(/answered 4\d\d/);
  });

  it('refuses figures with a missing field', async () => {
    const bad = { test: 'harness', operations: 1, faultsInjected: 0, lost: 0, duplicated: 0 } as unknown as Parameters<typeof reportFigures>[0];
    expect((await rejection(reportFigures(bad))).message).to.contain('"ms"');
  });

  it('a second startServer() stops the first; stopServer() stops the last', async function () {
    this.timeout(60_000);
    const first = server;
    server = await startServer();
    expect(server.apiUrl).not.to.equal(first.apiUrl);
    expect(await rejection(fetch(`${first.apiUrl}/demo/people`))).to.be.instanceOf(TypeError);
    expect(await rejection(fetch(`${first.directUrl}/demo/people`))).to.be.instanceOf(TypeError);
    expect((await fetch(`${server.apiUrl}/demo/people`)).status).to.equal(200);
    await stopServer();
    expect(await rejection(fetch(`${server.apiUrl}/demo/people`))).to.be.instanceOf(TypeError);
    expect((await rejection(faultStats())).message).to.contain('startServer() first');
  });
});

describe('test harness: json-server 0.17.4', () => {
  after(async () => {
    await stopJsonServer();
  });

  it('serves a copy of the given collections, fresh on every start', async () => {
    const db = { tasks: [{ id: 't1', title: 'first' }] };
    let { url } = await startJsonServer(db);
    expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    const created = await fetch(`${url}/tasks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 't2', title: 'second' }),
    });
    expect(created.status).to.equal(201);
    const page = await fetch(`${url}/tasks?_page=1&_limit=1`);
    expect(page.headers.get('X-Total-Count')).to.equal('2');

    ({ url } = await startJsonServer(db));
    const list = (await (await fetch(`${url}/tasks`)).json()) as TaskLike[];
    expect(list).to.deep.equal([{ id: 't1', title: 'first' }]);
    expect(db.tasks).to.have.length(1);
  });

  it('answers a create with an id that exists with 500 "duplicate id" (not 409)', async () => {
    const { url } = await startJsonServer({ tasks: [{ id: 't1', title: 'first' }] });
    const again = await fetch(`${url}/tasks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 't1', title: 'again' }),
    });
    expect(again.status).to.equal(500);
    expect(await again.text()).to.contain('duplicate id');
  });
});
