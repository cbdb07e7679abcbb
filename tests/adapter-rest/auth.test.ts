import { expect } from '@open-wc/testing';
import { AdapterError, type ConnectionState } from '@cwm/core';
import { RestAdapter, type RestAdapterOptions } from '@cwm/adapter-rest';
import { AuthSession } from '../../packages/adapter-rest/src/http/auth.js';
import { HttpClient } from '../../packages/adapter-rest/src/http/request.js';
import { makeTask } from '../fixtures/entities.js';
import { update } from '../adapters/mutations.js';
import { fakeFetch, json, settle, type FakeCall } from './fake-fetch.js';

const session = { workspaceId: 'ws', userId: 'u-1' };
const workspace = { id: 'ws', name: 'WS' };

/** A backend that accepts only the current token. */
function guarded(valid: () => string, answer: (call: FakeCall) => Response = () => json(200, { items: [] })) {
  return fakeFetch((call) => {
    if (call.headers.get('Authorization') !== `Bearer ${valid()}`) return json(401, { error: { code: 'unauthorized', message: 'Token expired' } });
    if (call.url.pathname.endsWith('/ws')) return json(200, workspace);
    return answer(call);
  });
}

function options(fetcher: typeof fetch, auth: RestAdapterOptions['auth']): RestAdapterOptions {
  return { baseUrl: 'http://api.test', workspace: { path: '/ws' }, resources: {}, fetch: fetcher, auth };
}

function lastState(adapter: RestAdapter): ConnectionState {
  let state: ConnectionState | undefined;
  adapter.connection().subscribe((value) => (state = value)).unsubscribe();
  return state!;
}

describe('adapter-rest auth', () => {
  it('asks the host for the header on every request', async () => {
    let token = 'a';
    let asked = 0;
    const fake = guarded(() => token);
    const adapter = new RestAdapter(options(fake.fetch, { header: async () => (asked++, { Authorization: `Bearer ${token}` }) }));
    await adapter.open(session);
    token = 'b';
    await adapter.list('tasks');
    expect(asked).to.equal(2);
    expect(fake.calls.map((call) => call.headers.get('Authorization'))).to.deep.equal(['Bearer a', 'Bearer b']);
    adapter.close();
  });

  it('three concurrent 401s make one refresh, then each request is sent once more with the new token', async () => {
    let token = 'old';
    let refreshes = 0;
    const fake = guarded(() => 'new');
    const client = new HttpClient({
      fetch: fake.fetch,
      timeoutMs: 1000,
      auth: new AuthSession({
        header: async () => ({ Authorization: `Bearer ${token}` }),
        refresh: async () => {
          refreshes++;
          await settle(10);
          token = 'new';
          return true;
        },
      }),
    });
    const results = await Promise.all([1, 2, 3].map((n) => client.send({ method: 'GET', url: `http://api.test/tasks?n=${n}` }, { purpose: 'list' })));
    expect(refreshes).to.equal(1);
    expect(results.map((result) => result.ok && result.response.status)).to.deep.equal([200, 200, 200]);
    expect(fake.calls).to.have.length(6);
    expect(fake.calls.slice(3).map((call) => call.headers.get('Authorization'))).to.deep.equal(['Bearer new', 'Bearer new', 'Bearer new']);
  });

  it('a 401 on a request sent before a finished refresh is resent without refreshing again', async () => {
    let token = 'old';
    let refreshes = 0;
    const session = new AuthSession({ header: async () => ({ Authorization: token }), refresh: async () => ((token = 'new'), ++refreshes > 0) });
    const before = await session.headers();
    expect(await session.recover(before.generation)).to.equal(true);
    expect(await session.recover(before.generation)).to.equal(true);
    expect(refreshes).to.equal(1);
  });

  it('a refused refresh pauses writes (paused-auth) until resumeAuth; the write is kept for the store to resend', async () => {
    let hostToken = 'old';
    let refreshes = 0;
    const fake = guarded(() => 'new', (call) => json(200, { ...makeTask('t-1', { version: 2 }), ...(call.body as object) }));
    const adapter = new RestAdapter(options(fake.fetch, { header: async () => ({ Authorization: `Bearer ${hostToken}` }), refresh: async () => (refreshes++, false) }));
    hostToken = 'new';
    await adapter.open(session);
    hostToken = 'expired';
    const mutation = update('tasks', 't-1', { title: 'x' }, { baseVersion: 1 });
    const failure = await adapter.push([mutation]).catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(AdapterError);
    expect((failure as AdapterError).retryable).to.equal(true);
    expect(refreshes).to.equal(1);
    expect(lastState(adapter).sending).to.equal('paused-auth');
    // While paused a 401 does not refresh again.
    await adapter.push([mutation]).catch(() => undefined);
    expect(refreshes).to.equal(1);
    // The host signs in again and says so.
    hostToken = 'new';
    adapter.resumeAuth();
    expect(lastState(adapter).sending).to.equal('idle');
    const [result] = await adapter.push([mutation]);
    expect(result!.status).to.equal('applied');
    adapter.close();
  });

  it('a second 401 after a successful refresh is final: auth outcome, paused', async () => {
    let refreshes = 0;
    const fake = fakeFetch(() => json(401, { error: { message: 'Account disabled' } }));
    const auth = new AuthSession({ header: async () => ({ Authorization: 'Bearer x' }), refresh: async () => (refreshes++, true) });
    const client = new HttpClient({ fetch: fake.fetch, timeoutMs: 1000, auth });
    const result = await client.send({ method: 'GET', url: 'http://api.test/a' }, { purpose: 'list' });
    expect(result.ok && result.response.status).to.equal(401);
    expect(refreshes).to.equal(1);
    expect(fake.calls).to.have.length(2);
    expect(auth.isPaused).to.equal(true);
  });

  it('never sends one person\'s writes with another person\'s credentials', async () => {
    const fake = guarded(() => 'b');
    const adapter = new RestAdapter(options(fake.fetch, { header: async () => ({ Authorization: 'Bearer b' }), userId: () => 'u-2' }));
    await adapter.open(session);
    const failure = await adapter.push([update('tasks', 't-1', { title: 'x' }, { baseVersion: 1 })]).catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(AdapterError);
    expect(fake.of('PATCH')).to.have.length(0);
    expect(lastState(adapter).sending).to.equal('paused-auth');
    adapter.close();
  });
});
