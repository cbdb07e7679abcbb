import { expect } from '@open-wc/testing';
import { AdapterError, type AnyEntity, type Mutation } from '@cwm/core';
import { backoffDelay, classifyRead, classifyWrite, MAX_RETRY_AFTER_MS, parseRetryAfter, reasonOf, type EntityParser, type RestResponse } from '@cwm/adapter-rest';
import { AuthSession } from '../../packages/adapter-rest/src/http/auth.js';
import { HttpClient } from '../../packages/adapter-rest/src/http/request.js';
import { makeTask } from '../fixtures/entities.js';
import { create, remove, update } from '../adapters/mutations.js';
import { fakeFetch, json, never } from './fake-fetch.js';

function res(status: number, body?: unknown, headers: Record<string, string> = {}): RestResponse {
  return { status, headers: new Headers(headers), text: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body) };
}

/** Accepts objects with an id and a numeric version; anything else "does not parse". */
const parse: EntityParser = (raw) =>
  typeof raw === 'object' && raw !== null && typeof (raw as { version?: unknown }).version === 'number'
    ? { ok: true, entity: raw as AnyEntity }
    : { ok: false, message: 'it has no version.' };

const edit: Mutation = update('tasks', 't-1', { title: 'x' }, { baseVersion: 2 });
const made: Mutation = create('tasks', makeTask('t-9'));
const gone: Mutation = remove('tasks', 't-1', { baseVersion: 2 });
const entity = makeTask('t-1', { version: 3 });

describe('adapter-rest classify: writes', () => {
  it('2xx is applied with the entity; Idempotent-Replayed is a duplicate; a delete carries none', () => {
    expect(classifyWrite(res(200, entity), edit, parse)).to.deep.equal({ kind: 'applied', entity });
    expect(classifyWrite(res(201, entity), made, parse)).to.deep.equal({ kind: 'applied', entity });
    expect(classifyWrite(res(201, entity, { 'Idempotent-Replayed': 'true' }), made, parse)).to.deep.equal({ kind: 'duplicate', entity });
    expect(classifyWrite(res(200, { id: 't-1', version: 4 }), gone, parse)).to.deep.equal({ kind: 'applied' });
    expect(classifyWrite(res(204), edit, parse)).to.deep.equal({ kind: 'applied' });
  });

  it('a 2xx whose body is not JSON or not an entity is a clear validation rejection, never a throw', () => {
    const bad = classifyWrite(res(200, '<html>oops'), edit, parse);
    expect(bad.kind).to.equal('rejected');
    expect(bad.kind === 'rejected' && bad.code).to.equal('validation');
    expect(bad.kind === 'rejected' && bad.message).to.contain('not JSON');
    const invalid = classifyWrite(res(200, { id: 't-1' }), edit, parse);
    expect(invalid.kind === 'rejected' && invalid.message).to.contain('has no version');
  });

  it('maps the error statuses', () => {
    const table: [number, Mutation, string, string?][] = [
      [401, edit, 'auth'],
      [403, edit, 'rejected', 'forbidden'],
      [404, edit, 'rejected', 'not-found'],
      [404, gone, 'applied'],
      [410, gone, 'applied'],
      [400, edit, 'rejected', 'validation'],
      [422, made, 'rejected', 'validation'],
      [405, edit, 'rejected', 'validation'],
      [408, edit, 'retry', 'timeout'],
      [429, edit, 'retry', 'rate-limited'],
      [500, edit, 'retry', 'server'],
      [502, made, 'retry', 'server'],
      [503, gone, 'retry', 'server'],
      [504, edit, 'retry', 'server'],
    ];
    for (const [status, mutation, kind, code] of table) {
      const outcome = classifyWrite(res(status, { error: { code: 'x', message: `because ${status}` } }), mutation, parse);
      expect(outcome.kind, `${status} ${mutation.kind}`).to.equal(kind);
      if (code !== undefined) expect((outcome as { code: string }).code, `${status}`).to.equal(code);
      if (kind === 'rejected' && status !== 405) expect((outcome as { message: string }).message).to.equal(`because ${status}`);
    }
  });

  it('409 and 412 are conflicts, with `current` from the body when it parses', () => {
    const current = makeTask('t-1', { version: 7 });
    expect(classifyWrite(res(409, { error: { code: 'conflict', message: 'stale' }, current }), edit, parse)).to.deep.equal({ kind: 'conflict', current });
    expect(classifyWrite(res(412, ''), edit, parse)).to.deep.equal({ kind: 'conflict' });
    expect(classifyWrite(res(409, { current: { id: 't-1' } }), edit, parse)).to.deep.equal({ kind: 'conflict' });
  });

  it('honours Retry-After in seconds and as an HTTP date', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(classifyWrite(res(429, {}, { 'Retry-After': '3' }), edit, parse, now)).to.include({ kind: 'retry', retryAfterMs: 3000 });
    expect(classifyWrite(res(503, {}, { 'Retry-After': 'Thu, 26 Nov 2026 10:00:10 GMT' }), edit, parse, now)).to.include({ retryAfterMs: 10_000 });
    expect(classifyWrite(res(500, {}), edit, parse, now)).to.not.have.property('retryAfterMs');
  });

  it('an outcome set by the response hook wins', () => {
    const response = { ...res(500, 'Insert failed, duplicate id'), outcome: { kind: 'duplicate' as const } };
    expect(classifyWrite(response, made, parse)).to.deep.equal({ kind: 'duplicate' });
  });

  it('reads the reason from error.message, problem+json detail, message, or falls back to the status', () => {
    expect(reasonOf(res(422, { error: { message: 'Title is empty' } }))).to.equal('Title is empty');
    expect(reasonOf(res(422, { type: 'about:blank', title: 'Bad', detail: 'Due before start' }))).to.equal('Due before start');
    expect(reasonOf(res(422, { message: 'plain' }))).to.equal('plain');
    expect(reasonOf(res(403, { error: 'nope' }))).to.equal('nope');
    expect(reasonOf(res(500, 'not json'))).to.equal('The backend answered 500.');
  });
});

describe('adapter-rest classify: reads', () => {
  const ok = (response: RestResponse) => ({ ok: true as const, response });
  function error(run: () => unknown): AdapterError {
    try {
      run();
    } catch (caught) {
      return caught as AdapterError;
    }
    throw new Error('did not throw');
  }

  it('passes 2xx and throws typed errors for the rest', () => {
    expect(classifyRead(ok(res(200, [])), 'x').status).to.equal(200);
    expect(error(() => classifyRead(ok(res(401)), 'x')).code).to.equal('forbidden');
    expect(error(() => classifyRead(ok(res(403, { error: { message: 'private' } })), 'Reading reads')).message).to.equal('Reading reads: private');
    expect(error(() => classifyRead(ok(res(404)), 'x')).code).to.equal('not-found');
    expect(error(() => classifyRead(ok(res(408)), 'x')).code).to.equal('timeout');
    const busy = error(() => classifyRead(ok(res(429, {}, { 'Retry-After': '2' })), 'x'));
    expect(busy.code).to.equal('network');
    expect(busy.retryAfterMs).to.equal(2000);
    expect(error(() => classifyRead(ok(res(503)), 'x')).retryable).to.equal(true);
    expect(error(() => classifyRead(ok(res(418)), 'x')).code).to.equal('validation');
    expect(error(() => classifyRead({ ok: false, code: 'timeout', message: 'slow' }, 'x')).code).to.equal('timeout');
  });
});

describe('adapter-rest retry bounds', () => {
  it('Retry-After: seconds, dates, past dates, garbage, and the cap', () => {
    const now = 1_000_000;
    expect(parseRetryAfter('5', now)).to.equal(5000);
    expect(parseRetryAfter(new Date(now + 1500).toUTCString(), now)).to.be.within(0, 1500);
    expect(parseRetryAfter(new Date(now - 60_000).toUTCString(), now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter('86400', now)).to.equal(MAX_RETRY_AFTER_MS);
  });

  it('full jitter: 1000 draws per attempt stay within [0, min(cap, base * 2^n)] and spread out', () => {
    const bounds = { baseMs: 500, maxMs: 30_000 };
    for (const attempt of [0, 1, 3, 6, 12]) {
      const ceiling = Math.min(bounds.maxMs, bounds.baseMs * 2 ** attempt);
      const draws = Array.from({ length: 1000 }, () => backoffDelay(attempt, bounds));
      expect(Math.min(...draws)).to.be.at.least(0);
      expect(Math.max(...draws)).to.be.below(ceiling);
      expect(Math.max(...draws) - Math.min(...draws)).to.be.above(ceiling * 0.8);
    }
  });
});

describe('adapter-rest http client', () => {
  const auth = () => new AuthSession({ header: async () => ({ Authorization: 'Bearer t' }) });

  it('a request that outlives timeoutMs is a timeout, not a throw', async () => {
    const fake = fakeFetch(never);
    const client = new HttpClient({ fetch: fake.fetch, timeoutMs: 50, auth: auth() });
    const result = await client.send({ method: 'GET', url: 'http://x.test/a' }, { purpose: 'list' });
    expect(result).to.deep.include({ ok: false, code: 'timeout' });
  });

  it('an unreachable backend (TypeError) is a network failure; a cancelled one too', async () => {
    const down = new HttpClient({ fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch, timeoutMs: 1000, auth: auth() });
    const result = await down.send({ method: 'GET', url: 'http://x.test/a' }, { purpose: 'list' });
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.code).to.equal('network');
    expect(!result.ok && result.message).to.contain('Failed to fetch');
    const controller = new AbortController();
    const pending = new HttpClient({ fetch: fakeFetch(never).fetch, timeoutMs: 5000, auth: auth() }).send({ method: 'GET', url: 'http://x.test/a' }, { purpose: 'list' }, controller.signal);
    controller.abort();
    expect(await pending).to.deep.include({ ok: false, code: 'network' });
  });

  it('sends JSON with Content-Type, the auth header and the request hook\'s changes; the response hook may rewrite', async () => {
    const fake = fakeFetch(() => json(200, { a: 1 }));
    const client = new HttpClient({
      fetch: fake.fetch,
      timeoutMs: 1000,
      auth: auth(),
      request: (request) => ({ ...request, headers: { ...request.headers, 'X-Signed': 'yes' } }),
      response: (response) => ({ ...response, body: { rewritten: true } }),
    });
    const result = await client.send({ method: 'POST', url: 'http://x.test/a', body: { b: 2 } }, { purpose: 'write' });
    const call = fake.calls[0]!;
    expect(call.headers.get('Content-Type')).to.equal('application/json');
    expect(call.headers.get('Authorization')).to.equal('Bearer t');
    expect(call.headers.get('X-Signed')).to.equal('yes');
    expect(call.body).to.deep.equal({ b: 2 });
    expect(result.ok && result.response.body).to.deep.equal({ rewritten: true });
  });
});
