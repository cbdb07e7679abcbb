import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { StoreError, Task } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { CwmWorkspace, defineElement, type WorkspaceSeed } from '@cwm/ui';

defineElement('cwm-workspace', CwmWorkspace);

const API = 'http://cwm-fake.test/api/v1';
const WORKSPACE_ID = 'w-rest';

interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
  readonly body: string;
}

/**
 * A stand-in for the reference server behind `fetch`, speaking the wire protocol of issue 8 just far
 * enough for a workspace to load, follow events and write. `down` answers every write with 503.
 */
class FakeServer {
  readonly requests: SeenRequest[] = [];
  down = false;
  private readonly data = generateWorkspace({ workspaceId: WORKSPACE_ID, projects: 1, people: 3, tasks: 5 });
  private readonly original = window.fetch;

  install(): void {
    window.fetch = (input, init) => this.answer(new Request(input, init));
  }

  uninstall(): void {
    window.fetch = this.original;
  }

  get tasks(): readonly Task[] {
    return this.data.tasks;
  }

  writes(): SeenRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  private async answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/v1', '');
    const body = request.method === 'GET' ? '' : await request.text();
    this.requests.push({ method: request.method, path, authorization: request.headers.get('Authorization'), body });
    if (!request.headers.get('Authorization')?.startsWith('Bearer tok-')) return json(401, { error: { code: 'unauthorized', message: 'no token' } });
    const [, workspaces, workspaceId, collection, id] = path.split('/');
    if (workspaces !== 'workspaces' || workspaceId !== WORKSPACE_ID) return json(404, { error: { code: 'not-found', message: path } });
    if (collection === undefined) return json(200, this.data.workspace);
    if (collection === 'events') return this.events(request.signal);
    if (request.method === 'GET') {
      const items = (this.data as unknown as Record<string, unknown[] | undefined>)[collection];
      if (items === undefined) return json(404, { error: { code: 'not-found', message: collection } });
      return json(200, { items, total: items.length });
    }
    if (this.down) return json(503, { error: { code: 'unavailable', message: 'down for the test' } });
    if (request.method === 'PATCH' && collection === 'tasks') {
      const task = this.data.tasks.find((candidate) => candidate.id === id);
      if (!task) return json(404, { error: { code: 'not-found', message: String(id) } });
      const updated = { ...task, ...(JSON.parse(body) as object), version: task.version + 1 };
      return json(200, updated, { ETag: `"v${updated.version}"` });
    }
    return json(400, { error: { code: 'bad-request', message: 'not in this fake' } });
  }

  /** An event stream that says hello and then stays open until the client goes. */
  private events(signal: AbortSignal): Response {
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('retry: 2000\n\nid: 1\nevent: hello\ndata: {"seq":1}\n\n'));
        signal.addEventListener('abort', () => controller.close());
      },
    });
    return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function uniqueTenant(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2)}`;
}

async function restAdapterAvailable(): Promise<boolean> {
  const rest = (await import('@cwm/adapter-rest')) as Record<string, unknown>;
  return typeof rest['RestAdapter'] === 'function' && typeof rest['cwmServerOptions'] === 'function';
}

/** A workspace added to the page with its properties set first; resolves once it loaded (or fails). */
async function mount(properties: Partial<CwmWorkspace>): Promise<CwmWorkspace> {
  const workspace = document.createElement('cwm-workspace');
  Object.assign(workspace, properties);
  const ready = oneEvent(workspace, 'cwm-workspace-ready');
  const failed = oneEvent(workspace, 'cwm-workspace-error').then((event) => {
    throw new Error(`workspace failed: ${JSON.stringify((event as CustomEvent<StoreError>).detail)}`);
  });
  document.body.append(workspace);
  await Promise.race([ready, failed]);
  return workspace;
}

async function loadFailure(properties: Partial<CwmWorkspace>): Promise<StoreError> {
  const workspace = document.createElement('cwm-workspace');
  Object.assign(workspace, properties);
  const failed = oneEvent(workspace, 'cwm-workspace-error');
  document.body.append(workspace);
  try {
    return ((await failed) as CustomEvent<StoreError>).detail;
  } finally {
    workspace.remove();
  }
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((database) => database.name ?? '');
}

describe('<cwm-workspace adapter="rest">', () => {
  it('fails clearly without an api URL or without a way to sign requests', async () => {
    const noApi = await loadFailure({ adapter: 'rest', tenant: 't', token: 'tok-1' });
    expect(noApi.kind === 'load-failed' && noApi.message).to.contain('needs the API\'s base URL');
    const noToken = await loadFailure({ adapter: 'rest', tenant: 't', api: API });
    expect(noToken.kind === 'load-failed' && noToken.message).to.contain('needs a `token` or an `auth` object');
  });

  describe('against a fake server', function () {
    let server: FakeServer;

    before(async function () {
      // The adapter is helper B's work in progress: until it is exported there is nothing to drive.
      if (!(await restAdapterAvailable())) this.skip();
    });

    beforeEach(() => {
      server = new FakeServer();
      server.install();
    });

    afterEach(() => {
      server.uninstall();
      for (const workspace of document.querySelectorAll('cwm-workspace')) workspace.remove();
    });

    it('loads from the API with the token, and takes a new token without a new store', async () => {
      const workspace = await mount({ adapter: 'rest', api: API, tenant: uniqueTenant('t-rest'), workspaceId: WORKSPACE_ID, user: 'u-1', token: 'tok-a' });
      const store = workspace.activeStore!;
      expect(store.workspaceId).to.equal(WORKSPACE_ID);
      expect(store.state.tasks.size).to.equal(server.tasks.length);
      const reads = server.requests.filter((request) => request.path.startsWith(`/workspaces/${WORKSPACE_ID}`));
      expect(reads.length).to.be.greaterThan(0);
      expect(reads.every((request) => request.authorization === 'Bearer tok-a')).to.equal(true);

      workspace.token = 'tok-b';
      await workspace.updateComplete;
      expect(workspace.activeStore, 'a refreshed token is not a new session').to.equal(store);
      const task = server.tasks[0]!;
      store.updateTask(task.id, { title: 'Renamed with the new token' });
      await waitUntil(() => server.writes().length > 0, 'no write reached the server');
      expect(server.writes()[0]!.authorization).to.equal('Bearer tok-b');
      await workspace.wipe();
    });

    it('signs out: the outbox is deleted and the next person neither sees nor sends the first one\'s writes', async () => {
      const tenant = uniqueTenant('t-signout');
      const workspace = await mount({ adapter: 'rest', api: API, tenant, workspaceId: WORKSPACE_ID, user: 'u-1', token: 'tok-u1' });
      const first = workspace.activeStore!;
      const task = server.tasks[0]!;
      server.down = true;
      first.updateTask(task.id, { title: 'Only for the first person' });
      expect(first.state.tasks.get(task.id)?.title).to.equal('Only for the first person');
      // Kept on this device: the outbox database of this tenant and person exists.
      await waitUntil(async () => (await databaseNames()).some((name) => name.startsWith(`cwm:${tenant}:`)), 'no outbox database');

      await workspace.wipe();
      expect(workspace.activeStore).to.equal(undefined);
      expect((await databaseNames()).filter((name) => name.includes(tenant)), 'nothing of the tenant is left').to.deep.equal([]);

      server.down = false;
      const writesBefore = server.writes().length;
      const ready = oneEvent(workspace, 'cwm-workspace-ready');
      workspace.token = 'tok-u2';
      workspace.user = 'u-2';
      await ready;
      const second = workspace.activeStore!;
      expect(second).to.not.equal(first);
      expect(second.state.tasks.get(task.id)?.title).to.equal(task.title);
      expect(second.state.sync.pendingWrites).to.equal(0);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(server.writes().slice(writesBefore), 'the first person\'s queue was not sent').to.deep.equal([]);
      await workspace.wipe();
    });

    it('drops its store when another tab signs the same person out, and says so', async () => {
      const tenant = uniqueTenant('t-two-tabs');
      const same = { adapter: 'rest' as const, api: API, tenant, workspaceId: WORKSPACE_ID, user: 'u-1', token: 'tok-u1' };
      const thisTab = await mount(same);
      const otherTab = await mount(same);
      // Both tabs write, so both have opened the person's outbox.
      server.down = true;
      thisTab.activeStore!.updateTask(server.tasks[0]!.id, { title: 'From this tab' });
      otherTab.activeStore!.updateTask(server.tasks[1]!.id, { title: 'From the other tab' });
      await waitUntil(async () => (await databaseNames()).some((name) => name.startsWith(`cwm:${tenant}:`)), 'no outbox database');

      await otherTab.wipe();
      await waitUntil(() => thisTab.activeStore === undefined, 'this tab kept the signed-out person\'s store', { timeout: 3_000 });
      await thisTab.updateComplete;
      const line = thisTab.shadowRoot!.querySelector('[part=status]')!;
      expect(line.textContent?.trim()).to.equal('Signed out – sign in again');

      const ready = oneEvent(thisTab, 'cwm-workspace-ready');
      thisTab.user = 'u-2';
      thisTab.token = 'tok-u2';
      await ready;
      await thisTab.updateComplete;
      expect(line.textContent?.trim(), 'a new session clears it').to.equal('');
      await thisTab.wipe();
    });
  });
});

describe('<cwm-workspace> sign-out on the local adapter', () => {
  it('forgets the first person\'s changes: the next person starts from the backend\'s data', async () => {
    const tenant = uniqueTenant('t-local-signout');
    const seed: WorkspaceSeed = (workspaceId) => generateWorkspace({ workspaceId, projects: 1, people: 4, tasks: 6 });
    const workspace = await mount({ tenant, user: 'u-1', seed });
    try {
      const first = workspace.activeStore!;
      const task = first.state.tasks.values()[0]!;
      const result = first.updateTask(task.id, { title: 'Private draft of u-1' });
      expect(result.ok).to.equal(true);
      if (result.ok) await result.confirmed;
      expect((await databaseNames()).some((name) => name.includes(tenant))).to.equal(true);

      await workspace.wipe();
      expect(workspace.activeStore).to.equal(undefined);
      expect((await databaseNames()).some((name) => name.includes(tenant)), 'the local database is deleted').to.equal(false);

      const ready = oneEvent(workspace, 'cwm-workspace-ready');
      workspace.user = 'u-2';
      await ready;
      const second = workspace.activeStore!;
      expect(second.userId).to.equal('u-2');
      expect(second.state.tasks.get(task.id)?.title).to.equal(task.title);
      expect(second.state.tasks.values().some((candidate) => candidate.title === 'Private draft of u-1')).to.equal(false);
      expect(second.state.sync.pendingWrites).to.equal(0);
    } finally {
      await workspace.wipe();
      workspace.remove();
    }
  });
});
