import { expect } from '@open-wc/testing';
import { AdapterError, CwmStore, taskDefaults, type ListQuery, type Mutation, type StoreError, type Task } from '@cwm/core';
import { RestAdapter, type PagingMapping, type RestAdapterOptions, type RestResponse } from '@cwm/adapter-rest';
import { expandRoute, joinUrl, routeVariables } from '../../packages/adapter-rest/src/mapping/routes.js';
import { fieldTable, fromWireFields, toWireFields } from '../../packages/adapter-rest/src/mapping/fields.js';
import { pageParams, readPage } from '../../packages/adapter-rest/src/mapping/paging.js';
import { parseEtag, RevisionCounter } from '../../packages/adapter-rest/src/mapping/versions.js';
import { AT, makePerson, makeProject, makeTask } from '../fixtures/entities.js';
import { create, update } from '../adapters/mutations.js';
import { fakeFetch, json, type FakeCall } from './fake-fetch.js';

function response(body: unknown, headers: Record<string, string> = {}, status = 200): RestResponse {
  return { status, headers: new Headers(headers), text: JSON.stringify(body) };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('adapter-rest mapping: routes', () => {
  it('fills variables and encodes each as one path segment', () => {
    expect(expandRoute('/projects/{projectId}/tasks/{id}', { projectId: 'p 1', id: 'a/b?c#d' })).to.equal('/projects/p%201/tasks/a%2Fb%3Fc%23d');
    expect(expandRoute('/w/{workspaceId}/n/{n}', { workspaceId: 'ws', n: 7 })).to.equal('/w/ws/n/7');
    expect(routeVariables('/projects/{projectId}/tasks/{id}')).to.deep.equal(['projectId', 'id']);
  });

  it('refuses a missing, empty or non-scalar variable with a validation error naming it', () => {
    const missing = thrown(() => expandRoute('/projects/{projectId}/tasks', {}));
    expect(missing).to.be.instanceOf(AdapterError);
    expect((missing as AdapterError).code).to.equal('validation');
    expect((missing as AdapterError).message).to.contain('{projectId}');
    expect((thrown(() => expandRoute('/t/{id}', { id: '' })) as AdapterError).code).to.equal('validation');
    expect((thrown(() => expandRoute('/t/{id}', { id: { x: 1 } })) as AdapterError).code).to.equal('validation');
  });

  it('joins base and path with one slash and leaves undefined parameters out', () => {
    expect(joinUrl('http://h/api/', '/tasks', { a: 'x y', b: undefined, c: 2 })).to.equal('http://h/api/tasks?a=x+y&c=2');
    expect(joinUrl('http://h/api', 'tasks')).to.equal('http://h/api/tasks');
  });
});

describe('adapter-rest mapping: fields', () => {
  const table = fieldTable({
    title: 'heading',
    status: 'lane',
    due: { wire: 'due_on', fromWire: (value) => value ?? undefined },
    progress: { toWire: (value) => Math.round((value as number) * 100), fromWire: (value) => (typeof value === 'number' ? value / 100 : 0) },
  });

  it('renames and converts our fields to the wire; unmapped fields pass, undefined is dropped, null is kept', () => {
    expect(toWireFields(table, { title: 'T', status: 'todo', due: null, progress: 0.5, priority: 'high', estimate: undefined })).to.deep.equal({
      heading: 'T',
      lane: 'todo',
      due_on: null,
      progress: 50,
      priority: 'high',
    });
  });

  it('renames and converts wire fields back, fills defaults through fromWire, ignores clashing names', () => {
    expect(fromWireFields(table, { id: 't', heading: 'T', lane: 'doing', due_on: null, progress: 25, title: 'stale', extra: 1 })).to.deep.equal({
      id: 't',
      title: 'T',
      status: 'doing',
      progress: 0.25,
      extra: 1,
    });
    expect(fromWireFields(table, { id: 't' })).to.deep.equal({ id: 't', progress: 0 });
    expect(fromWireFields(table, 'junk')).to.equal('junk');
  });
});

describe('adapter-rest mapping: paging', () => {
  const cursor: PagingMapping = { style: 'cursor' };
  const page: PagingMapping = { style: 'page', pageParam: '_page', limitParam: '_limit' };
  const offset: PagingMapping = { style: 'offset' };

  it('cursor: passes the cursor and limit, reads nextCursor and total', () => {
    expect(pageParams(cursor, { cursor: 'abc', limit: 5 }, 100)).to.deep.equal({ cursor: 'abc', limit: 5 });
    expect(pageParams(cursor, { order: 'newest' }, 100)).to.deep.equal({ order: 'newest', cursor: undefined, limit: undefined });
    expect(readPage(cursor, {}, 100, { items: [1, 2], nextCursor: 'n', total: 9 }, response({}))).to.deep.equal({ items: [1, 2], nextCursor: 'n', total: 9 });
    expect(readPage(cursor, {}, 100, { items: [1] }, response({}))).to.deep.equal({ items: [1] });
  });

  it('page: numbers pages from 1, total from X-Total-Count, no next after the last page', () => {
    expect(pageParams(page, {}, 2)).to.deep.equal({ _page: 1, _limit: 2 });
    expect(pageParams(page, { cursor: '2', limit: 2 }, 100)).to.deep.equal({ _page: 3, _limit: 2 });
    const headers = { 'X-Total-Count': '5' };
    expect(readPage(page, { limit: 2 }, 100, [1, 2], response([], headers))).to.deep.equal({ items: [1, 2], nextCursor: '1', total: 5 });
    expect(readPage(page, { cursor: '2', limit: 2 }, 100, [5], response([], headers))).to.deep.equal({ items: [5], total: 5 });
    // Without a total a full page may have a next one; a short page is the last.
    expect(readPage(page, { limit: 2 }, 100, [1, 2], response([]))).to.deep.equal({ items: [1, 2], nextCursor: '1' });
    expect(readPage(page, { limit: 2 }, 100, [1], response([]))).to.deep.equal({ items: [1] });
  });

  it('offset: the cursor is the offset of the next page', () => {
    expect(pageParams(offset, { cursor: '40', limit: 20 }, 100)).to.deep.equal({ offset: 40, limit: 20 });
    expect(readPage(offset, { cursor: '40', limit: 20 }, 100, { data: new Array(20).fill(0), total: 70 }, response({}))).to.deep.include({ nextCursor: '60', total: 70 });
    expect(readPage(offset, { cursor: '60', limit: 20 }, 100, { data: new Array(10).fill(0), total: 70 }, response({})).nextCursor).to.equal(undefined);
  });

  it('none: one page; a body without a list is a validation error; a bad cursor too', () => {
    expect(readPage({ style: 'none' }, {}, 100, [1, 2, 3], response([]))).to.deep.equal({ items: [1, 2, 3] });
    expect((thrown(() => readPage(cursor, {}, 100, { nope: true }, response({}))) as AdapterError).code).to.equal('validation');
    expect((thrown(() => pageParams(page, { cursor: 'x' } as ListQuery, 10)) as AdapterError).code).to.equal('validation');
  });

  it('custom newest parameters, or none', () => {
    expect(pageParams({ style: 'none', newest: { _sort: 'createdAt', _order: 'desc' } }, { order: 'newest' }, 10)).to.deep.equal({ _sort: 'createdAt', _order: 'desc' });
    expect(pageParams({ style: 'none', newest: false }, { order: 'newest' }, 10)).to.deep.equal({});
  });
});

describe('adapter-rest mapping: versions', () => {
  it('reads the reference server ETag and the common variants; opaque tags are unknown', () => {
    expect(parseEtag('"v7"')).to.equal(7);
    expect(parseEtag('W/"v12"')).to.equal(12);
    expect(parseEtag('"3"')).to.equal(3);
    expect(parseEtag('"33a7b-ff"')).to.equal(undefined);
    expect(parseEtag(null)).to.equal(undefined);
  });

  it('numbers revisions for a backend without versions: same content same number, a change counts up', () => {
    const revisions = new RevisionCounter();
    expect(revisions.stamp('tasks', { id: 't', title: 'A', version: 99 })).to.deep.equal({ id: 't', title: 'A', version: 1 });
    expect(revisions.stamp('tasks', { title: 'A', id: 't' })).to.deep.equal({ id: 't', title: 'A', version: 1 });
    expect(revisions.stamp('tasks', { id: 't', title: 'B' })).to.deep.equal({ id: 't', title: 'B', version: 2 });
    revisions.forget('tasks', 't');
    expect((revisions.stamp('tasks', { id: 't', title: 'B' }) as Task).version).to.equal(4);
  });
});

// ------------------------------------------------------------------ through the adapter

const session = { workspaceId: 'ws', userId: 'u-1' };
const workspace = { id: 'ws', name: 'WS', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };

function adapterWith(options: Partial<RestAdapterOptions>, respond: (call: FakeCall) => Response | Promise<Response>) {
  const fake = fakeFetch((call) => (call.url.pathname === '/api/workspace' ? json(200, workspace) : respond(call)));
  const adapter = new RestAdapter({ baseUrl: 'http://backend.test/api', workspace: { path: '/workspace' }, resources: {}, fetch: fake.fetch, ...options });
  return { adapter, fake };
}

describe('adapter-rest mapping: resources through the adapter', () => {
  it('a `false` resource lists empty without a request and refuses writes as forbidden with a message', async () => {
    const { adapter, fake } = adapterWith({ resources: { notifications: false } }, () => json(500, {}));
    await adapter.open(session);
    const before = fake.calls.length;
    expect(await adapter.list('notifications', { personId: 'u-1' })).to.deep.equal({ items: [], total: 0 });
    const mutation = create('notifications', { id: 'n-1' } as never);
    const [result] = await adapter.push([mutation]);
    expect(result!.status).to.equal('rejected');
    expect(result!.status === 'rejected' && result!.error.code).to.equal('forbidden');
    expect(result!.status === 'rejected' && result!.error.message).to.contain('does not keep notifications');
    expect(fake.calls.length).to.equal(before);
    adapter.close();
  });

  it('filters go into the route when it names them, else by their wire names; `false` filters here', async () => {
    const { adapter, fake } = adapterWith(
      {
        paging: { style: 'none' },
        resources: {
          tasks: { path: '/projects/{projectId}/cards', fields: { projectId: 'board_id' } },
          messages: { path: '/comments', fields: { taskId: 'card_id' } },
          activity: { path: '/log', filters: { taskId: false } },
        },
      },
      (call) => {
        if (call.url.pathname === '/api/log') return json(200, [{ id: 'a', taskId: 't-1' }, { id: 'b', taskId: 't-2' }]);
        return json(200, []);
      },
    );
    await adapter.open(session);
    await adapter.list('tasks', { projectId: 'p/1' });
    await adapter.list('messages', { taskId: 't-9' });
    const activity = await adapter.list('activity', { taskId: 't-2' });
    const [tasks, messages] = fake.of('GET').slice(1);
    expect(tasks!.url.pathname).to.equal('/api/projects/p%2F1/cards');
    expect(tasks!.url.search).to.equal('');
    expect(messages!.url.searchParams.get('card_id')).to.equal('t-9');
    expect(activity.items.map((item) => (item as { id: string }).id)).to.deep.equal(['b']);
    adapter.close();
  });

  it('PUT sends the whole entity: the current one read back, the patch over it, cleared fields left out, in wire names', async () => {
    const current = { ...makeTask('t-1', { version: 3, due: '2026-12-01', description: 'old' }), title: undefined, heading: 'Old title' };
    const { adapter, fake } = adapterWith(
      { resources: { tasks: { path: '/cards', update: 'PUT', fields: { title: 'heading' } } } },
      (call) => (call.method === 'GET' ? json(200, current) : json(200, { ...(call.body as object), version: 4 })),
    );
    await adapter.open(session);
    const mutation = update('tasks', 't-1', { title: 'New title', due: null } as never, { baseVersion: 3 });
    const [result] = await adapter.push([mutation]);
    const put = fake.of('PUT')[0]!;
    expect(put.url.pathname).to.equal('/api/cards/t-1');
    const body = put.body as Record<string, unknown>;
    expect(body['heading']).to.equal('New title');
    expect(body['description']).to.equal('old');
    expect(body).to.not.have.property('due');
    expect(body).to.not.have.property('title');
    expect(put.headers.get('If-Match')).to.equal('"v3"');
    expect(result!.status).to.equal('applied');
    expect(result!.status === 'applied' && (result!.entity as Task).title).to.equal('New title');
    adapter.close();
  });

  it('PUT over a newer version is a conflict with the current entity, without writing', async () => {
    const current = makeTask('t-1', { version: 5, title: 'Theirs' });
    const { adapter, fake } = adapterWith({ resources: { tasks: { path: '/tasks', update: 'PUT' } } }, () => json(200, current));
    await adapter.open(session);
    const [result] = await adapter.push([update('tasks', 't-1', { title: 'Mine' }, { baseVersion: 3 })]);
    expect(result!.status).to.equal('conflict');
    expect(result!.status === 'conflict' && result!.current.version).to.equal(5);
    expect(fake.of('PUT')).to.have.length(0);
    adapter.close();
  });
});

describe('adapter-rest mapping: the README example (json-server shaped backend)', () => {
  // The backend of the README: { boards, cards, users, comments, workspace } with its own field names.
  const card = { id: 'c-1', board_id: 'b-1', heading: 'Write the docs', lane: 'todo', owner_ids: ['u-1'], due_on: null, rank: 'i',
    createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z', createdBy: 'u-1' };

  function readmeOptions(fetcher: typeof fetch): RestAdapterOptions {
    return {
      baseUrl: 'http://json.test',
      fetch: fetcher,
      workspace: { path: '/workspace' },
      versioning: 'none',
      idempotency: 'none',
      paging: { style: 'page', pageParam: '_page', limitParam: '_limit', newest: { _sort: 'createdAt', _order: 'desc' } },
      resources: {
        projects: { path: '/boards', fields: { name: 'title' } },
        tasks: {
          path: '/cards',
          fields: { projectId: 'board_id', title: 'heading', status: 'lane', assigneeIds: 'owner_ids', due: { wire: 'due_on', fromWire: (v) => v ?? undefined } },
          fromWire: (raw) => ({ ...taskDefaults(), ...raw }),
        },
        people: { path: '/users' },
        messages: { path: '/comments', fields: { taskId: 'card_id' } },
        notifications: false,
        reads: false,
        activity: false,
        templates: false,
      },
      response: (res, ctx) =>
        ctx.mutation?.kind === 'create' && res.status === 500 && /duplicate id/i.test(res.text) ? { ...res, outcome: { kind: 'duplicate' } } : res,
    };
  }

  it('lists cards as tasks, filtered by board, paged by _page/_limit with X-Total-Count', async () => {
    const fake = fakeFetch((call) => {
      if (call.url.pathname === '/workspace') return json(200, { id: 'ws', name: 'Acme' });
      return json(200, [card], { 'X-Total-Count': '1' });
    });
    const adapter = new RestAdapter(readmeOptions(fake.fetch));
    const ws = await adapter.open(session);
    expect(ws.calendar.workingDays).to.deep.equal([1, 2, 3, 4, 5]);
    const page = await adapter.list('tasks', { projectId: 'b-1' });
    const call = fake.calls.at(-1)!;
    expect(call.url.pathname).to.equal('/cards');
    expect(Object.fromEntries(call.url.searchParams)).to.deep.equal({ board_id: 'b-1', _page: '1', _limit: '100' });
    expect(page.total).to.equal(1);
    expect(page.nextCursor).to.equal(undefined);
    const task = page.items[0] as Task;
    expect(task).to.include({ id: 'c-1', projectId: 'b-1', title: 'Write the docs', status: 'todo', priority: 'none', version: 1 });
    expect(task.assigneeIds).to.deep.equal(['u-1']);
    expect(task).to.not.have.property('due');
    expect(adapter.capabilities).to.include({ versioning: false, idempotency: false, paging: true, offline: false, realtime: false });
    adapter.close();
  });

  it('writes in the wire names without If-Match or Idempotency-Key; a replayed create answered 500 duplicate id is a duplicate', async () => {
    let creates = 0;
    const fake = fakeFetch((call) => {
      if (call.url.pathname === '/workspace') return json(200, { id: 'ws', name: 'Acme' });
      if (call.method === 'POST') return ++creates === 1 ? json(201, call.body) : json(500, 'Error: Insert failed, duplicate id');
      return json(200, { ...card, ...(call.body as object) });
    });
    const adapter = new RestAdapter(readmeOptions(fake.fetch));
    await adapter.open(session);
    const task = makeTask('c-2', { projectId: 'b-1', title: 'New card' });
    const made: Mutation = create('tasks', task);
    const [first] = await adapter.push([made]);
    expect(first!.status).to.equal('applied');
    const post = fake.of('POST')[0]!;
    expect(post.body).to.include({ heading: 'New card', board_id: 'b-1', lane: 'todo' });
    expect(post.body).to.not.have.property('title');
    expect(post.headers.has('Idempotency-Key')).to.equal(false);
    const [again] = await adapter.push([{ ...made, id: 'other-id' }]);
    expect(again!.status).to.equal('duplicate');
    const [moved] = await adapter.push([update('tasks', 'c-1', { status: 'doing' }, { baseVersion: 1 })]);
    const patch = fake.of('PATCH')[0]!;
    expect(patch.body).to.deep.equal({ lane: 'doing' });
    expect(patch.headers.has('If-Match')).to.equal(false);
    expect(moved!.status === 'applied' && (moved!.entity as Task).status).to.equal('doing');
    adapter.close();
  });
});

describe('adapter-rest mapping: the README example under the store', () => {
  it('the store connects over the mapped backend, shows cards as tasks and saves a move as a PATCH of `lane`', async () => {
    const { version: _p, name, ...board } = makeProject('b-1', { memberIds: ['u-1'] });
    const { version: _u, ...user } = makePerson('u-1');
    const db: Record<string, Record<string, unknown>[]> = {
      boards: [{ ...board, title: name }],
      users: [user],
      cards: [{ id: 'c-1', board_id: 'b-1', heading: 'Write the docs', lane: 'todo', rank: 'i', owner_ids: ['u-1'], due_on: null, createdBy: 'u-1', createdAt: AT, updatedAt: AT }],
      comments: [],
    };
    const fake = fakeFetch((call) => {
      const [, collection, id] = call.url.pathname.split('/');
      if (collection === 'workspace') return json(200, { id: 'ws', name: 'Acme' });
      const rows = db[collection!];
      if (!rows) return json(404, {});
      if (call.method === 'GET') {
        const filtered = rows.filter((row) => [...call.url.searchParams].every(([key, value]) => key.startsWith('_') || row[key] === value));
        return json(200, filtered, { 'X-Total-Count': String(filtered.length) });
      }
      const row = rows.find((candidate) => candidate['id'] === id);
      if (call.method === 'PATCH' && row) return json(200, Object.assign(row, call.body as object));
      return json(500, {});
    });
    const adapter = new RestAdapter({
      baseUrl: 'http://json.test',
      fetch: fake.fetch,
      workspace: { path: '/workspace' },
      versioning: 'none',
      idempotency: 'none',
      paging: { style: 'page', pageParam: '_page', limitParam: '_limit', newest: { _sort: 'createdAt', _order: 'desc' } },
      resources: {
        projects: { path: '/boards', fields: { name: 'title' } },
        tasks: {
          path: '/cards',
          fields: { projectId: 'board_id', title: 'heading', status: 'lane', assigneeIds: 'owner_ids', due: { wire: 'due_on', fromWire: (v) => v ?? undefined } },
          fromWire: (raw) => ({ ...taskDefaults(), ...raw }),
        },
        people: { path: '/users' },
        messages: { path: '/comments', fields: { taskId: 'card_id' } },
        notifications: false,
        reads: false,
        activity: false,
        templates: false,
      },
    });
    const store = new CwmStore({ adapter, workspaceId: 'ws', userId: 'u-1' });
    const errors: StoreError[] = [];
    store.errors$.subscribe((error) => errors.push(error));
    await store.connect();
    expect(store.state.projects.get('b-1')?.name).to.equal(name);
    const task = store.state.tasks.get('c-1')!;
    expect(task).to.include({ title: 'Write the docs', status: 'todo', projectId: 'b-1', version: 1 });
    const moved = store.moveTask('c-1', { status: 'doing' });
    expect(moved.ok).to.equal(true);
    expect(moved.ok && (await moved.confirmed)).to.deep.include({ status: 'applied' });
    const patch = fake.of('PATCH')[0]!;
    expect(patch.url.pathname).to.equal('/cards/c-1');
    expect(patch.body).to.include({ lane: 'doing' });
    expect(patch.body).to.not.have.property('status');
    expect(db['cards']![0]!['lane']).to.equal('doing');
    expect(store.state.tasks.get('c-1')).to.include({ status: 'doing', version: 2 });
    expect(errors.filter((error) => error.kind !== 'load-failed')).to.deep.equal([]);
    store.dispose();
    adapter.close();
  });
});
