// The reference server (packages/server) through real HTTP from the browser, cross-origin like the
// demo: CRUD with ETags, paging, conflicts, idempotent replays, the policy's refusals, validation,
// tokens, and the event stream (live, resume, reset, private changes). Talks to the server directly
// (`directUrl`, no fault proxy); the fault tests cover the proxy.
import { expect } from '@open-wc/testing';
import { checkTransition, checkWipLimit, createPolicy, validateEntity, type Notification, type Person, type Project, type Task } from '@cwm/core';
import { control, startServer, stopServer, type StartedServer } from '../harness/browser/servers.js';

interface Answer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
  readonly current?: Task;
}

interface ListBody<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
  readonly total: number;
}

let server: StartedServer;
let tokens: Record<string, string>;
let people: Person[];

/** Roles of the test seed: one of each. */
const ADMIN = 'u-1';
const MANAGER = 'u-2';
const MEMBER = 'u-3';
const GUEST = 'u-4';
const VIEWER = 'u-5';

function url(path: string): string {
  return `${server.directUrl}/workspaces/${server.workspaceId}${path}`;
}

async function call<T = unknown>(
  path: string,
  init: { as?: string; method?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.as !== undefined) headers['Authorization'] = `Bearer ${tokens[init.as]}`;
  if (init.body !== undefined || init.raw !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path.startsWith('http') ? path : url(path), {
    method: init.method ?? 'GET',
    headers,
    ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

function write<T = unknown>(method: string, path: string, as: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return call<T>(path, { as, method, ...(body === undefined ? {} : { body }), headers: { 'Idempotency-Key': crypto.randomUUID(), ...headers } });
}

async function serverTask(id: string): Promise<Task | undefined> {
  const state = await control<{ items: Task[] }>('state?collection=tasks');
  return state.items.find((task) => task.id === id);
}

function newTask(id: string, overrides: Partial<Task> = {}): Partial<Task> {
  return {
    id,
    projectId: 'p-1',
    title: `Task ${id}`,
    status: 'todo',
    rank: 'zz',
    assigneeIds: [],
    resourceIds: [],
    followerIds: [],
    priority: 'none',
    tags: [],
    progress: 0,
    dependencies: [],
    checklist: [],
    documents: [],
    createdBy: MEMBER,
    ...overrides,
  };
}

/** An open event stream, read incrementally. */
class EventStream {
  private text = '';
  private readonly decoder = new TextDecoder();

  private constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly abort: AbortController,
  ) {}

  static async open(as: string, lastEventId?: string): Promise<EventStream> {
    const abort = new AbortController();
    const headers: Record<string, string> = { Authorization: `Bearer ${tokens[as]}`, Accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch(url('/events'), { headers, signal: abort.signal });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/event-stream/);
    return new EventStream((response.body as ReadableStream<Uint8Array>).getReader(), abort);
  }

  /** Parsed events (comments and the retry preamble skipped) once `until` holds for them. */
  async until(until: (events: ParsedEvent[]) => boolean, timeoutMs = 5_000): Promise<ParsedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const events = parseEvents(this.text);
      if (until(events)) return events;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`event stream: condition not met within ${timeoutMs} ms; got:\n${this.text.slice(-2000)}`);
      const chunk = await Promise.race([this.reader.read(), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), left))]);
      if (chunk === 'timeout') continue;
      if (chunk.done) throw new Error(`event stream ended; got:\n${this.text.slice(-2000)}`);
      this.text += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  close(): void {
    this.abort.abort();
  }
}

interface ParsedEvent {
  readonly id?: string;
  readonly event: string;
  readonly data: Record<string, unknown>;
}

function parseEvents(text: string): ParsedEvent[] {
  const events: ParsedEvent[] = [];
  for (const block of text.split('\n\n').slice(0, -1)) {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) events.push({ ...(id === undefined ? {} : { id }), event, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
  }
  return events;
}

function changes(events: readonly ParsedEvent[]): ParsedEvent[] {
  return events.filter((event) => event.event === 'change');
}

describe('reference server: HTTP API', function () {
  this.timeout(30_000);

  before(async function () {
    this.timeout(60_000);
    server = await startServer({ seed: 'test' });
  });

  after(async () => {
    await stopServer();
  });

  beforeEach(async () => {
    await control('reset', { body: { seed: 'test' } });
    tokens = await control<Record<string, string>>('tokens');
    people = (await control<{ items: Person[] }>('state?collection=people')).items;
  });

  describe('entry points', () => {
    it('lists who can sign in, with the workspace they share', async () => {
      const answer = await call<{ workspaceId: string; people: { id: string; name: string }[] }>(`${server.directUrl}/demo/people`);
      expect(answer.status).to.equal(200);
      expect(answer.body.workspaceId).to.equal('test');
      expect(answer.body.people.map((person) => person.id)).to.deep.equal([ADMIN, MANAGER, MEMBER, GUEST, VIEWER]);
      expect(people.map((person) => person.role)).to.deep.equal(['admin', 'manager', 'member', 'guest', 'viewer']);
    });

    it('answers the workspace, and 404 for another one', async () => {
      const answer = await call<{ id: string; calendar: unknown }>('', { as: MEMBER });
      expect(answer.status).to.equal(200);
      expect(answer.body.id).to.equal('test');
      expect(answer.body.calendar).to.be.an('object');
      const other = await call<ErrorBody>(`${server.directUrl}/workspaces/elsewhere/tasks`, { as: MEMBER });
      expect(other.status).to.equal(404);
      expect(other.body.error.code).to.equal('not-found');
    });

    it('says what it is on GET /', async () => {
      const response = await fetch(`${server.controlUrl}/`);
      expect(response.headers.get('content-type')).to.match(/^text\/plain/);
      expect(await response.text()).to.contain('reference server').and.contain('/api/v1');
    });
  });

  describe('CRUD with ETags', () => {
    it('creates, reads, updates and deletes a task, versions in ETags', async () => {
      const created = await write<Task>('POST', '/tasks', MEMBER, newTask('t-new'));
      expect(created.status).to.equal(201);
      expect(created.headers.get('ETag')).to.equal('"v1"');
      expect(created.body.version).to.equal(1);
      expect(created.body.title).to.equal('Task t-new');

      const read = await call<Task>('/tasks/t-new', { as: VIEWER });
      expect(read.status).to.equal(200);
      expect(read.headers.get('ETag')).to.equal('"v1"');
      expect(read.body).to.deep.equal(created.body);

      const updated = await write<Task>('PATCH', '/tasks/t-new', MEMBER, { title: 'Renamed', description: 'With **markdown**' }, { 'If-Match': '"v1"' });
      expect(updated.status).to.equal(200);
      expect(updated.headers.get('ETag')).to.equal('"v2"');
      expect(updated.body.title).to.equal('Renamed');
      expect((await serverTask('t-new'))?.description).to.equal('With **markdown**');

      const deleted = await write<{ id: string; version: number }>('DELETE', '/tasks/t-new', MEMBER, undefined, { 'If-Match': '"v2"' });
      expect(deleted.status).to.equal(200);
      expect(deleted.body).to.deep.equal({ id: 't-new', version: 3 });
      expect((await call('/tasks/t-new', { as: MEMBER })).status).to.equal(404);
      expect(await serverTask('t-new')).to.equal(undefined);
    });

    it('writes the activity entry and notifications of a write as changes with the same key', async () => {
      const key = crypto.randomUUID();
      const answer = await write('PATCH', '/tasks/t-1', MANAGER, { assigneeIds: [MEMBER] }, { 'Idempotency-Key': key });
      expect(answer.status).to.equal(200);
      const activity = (await control<{ items: { id: string; taskId: string }[] }>('state?collection=activity')).items.find((entry) => entry.id === `a-${key}`);
      expect(activity?.taskId).to.equal('t-1');
      const notices = (await control<{ items: Notification[] }>('state?collection=notifications')).items.filter((notice) => notice.id.startsWith(`n-${key}`));
      expect(notices.map((notice) => [notice.personId, notice.kind])).to.deep.include([MEMBER, 'assignment']);
      expect((await control<{ count: number }>(`applied?key=${key}`)).count).to.equal(1);
    });

    it('answers 304 to If-None-Match with the current ETag', async () => {
      const answer = await call('/tasks/t-1', { as: MEMBER });
      const again = await fetch(url('/tasks/t-1'), { headers: { Authorization: `Bearer ${tokens[MEMBER]}`, 'If-None-Match': answer.headers.get('ETag') as string } });
      expect(again.status).to.equal(304);
    });
  });

  describe('paging', () => {
    it('pages a collection by cursor: every task once, total and X-Total-Count on each page', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const answer = await call<ListBody<Task>>(`/tasks?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { as: VIEWER });
        expect(answer.status).to.equal(200);
        expect(answer.body.total).to.equal(30);
        expect(answer.headers.get('X-Total-Count')).to.equal('30');
        seen.push(...answer.body.items.map((task) => task.id));
        cursor = answer.body.nextCursor;
        pages++;
      } while (cursor !== undefined);
      expect(pages).to.equal(5);
      expect(new Set(seen).size).to.equal(30);
      const all = (await control<{ items: Task[] }>('state?collection=tasks')).items.map((task) => task.id);
      expect([...seen].sort()).to.deep.equal([...all].sort());
    });

    it('keeps pages stable while others insert: no repeats, no skips of what existed', async () => {
      const first = await call<ListBody<Task>>('/tasks?limit=10', { as: VIEWER });
      // Ids before and after the cursor's position, created between two page reads.
      await write('POST', '/tasks', MEMBER, newTask('a-early'));
      await write('POST', '/tasks', MEMBER, newTask('zz-late'));
      const rest: string[] = [];
      let cursor = first.body.nextCursor;
      while (cursor !== undefined) {
        const page = await call<ListBody<Task>>(`/tasks?limit=10&cursor=${encodeURIComponent(cursor)}`, { as: VIEWER });
        rest.push(...page.body.items.map((task) => task.id));
        cursor = page.body.nextCursor;
      }
      const ids = [...first.body.items.map((task) => task.id), ...rest];
      expect(new Set(ids).size).to.equal(ids.length);
      expect(ids).to.not.include('a-early');
      expect(ids).to.include('zz-late');
      expect(ids.length).to.equal(31);
    });

    it('filters by project, and reads messages newest first across pages', async () => {
      const p1 = await call<ListBody<Task>>('/tasks?projectId=p-1', { as: VIEWER });
      expect(p1.body.items.length).to.be.greaterThan(0);
      expect(p1.body.items.every((task) => task.projectId === 'p-1')).to.equal(true);
      expect(p1.body.total).to.equal(p1.body.items.length);

      const all = (await control<{ items: { id: string; taskId: string; createdAt: string }[] }>('state?collection=messages')).items;
      const taskId = all[0]?.taskId as string;
      const thread = all.filter((message) => message.taskId === taskId);
      await write('POST', '/messages', MEMBER, {
        id: 'm-new', taskId, authorId: MEMBER, kind: 'user', body: 'Newest', mentions: [], reactions: {}, attachments: [],
      });
      const order: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call<ListBody<{ id: string; createdAt: string }>>(`/messages?taskId=${taskId}&order=newest&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { as: MEMBER });
        order.push(...page.body.items.map((message) => message.id));
        cursor = page.body.nextCursor;
      } while (cursor !== undefined);
      expect(order[0]).to.equal('m-new');
      expect(order.length).to.equal(thread.length + 1);
      const expected = [...thread].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1)).map((message) => message.id);
      expect(order.slice(1)).to.deep.equal(expected);
    });

    it('refuses a cursor it did not hand out and a bad limit with 400', async () => {
      expect((await call<ErrorBody>('/tasks?cursor=not-ours', { as: VIEWER })).status).to.equal(400);
      const limit = await call<ErrorBody>('/tasks?limit=0', { as: VIEWER });
      expect(limit.status).to.equal(400);
      expect(limit.body.error.code).to.equal('bad-request');
    });
  });

  describe('versions and conflicts', () => {
    it('answers a stale If-Match with 409 and the entity as it is now', async () => {
      const v = (await serverTask('t-2'))?.version as number;
      expect((await write('PATCH', '/tasks/t-2', MANAGER, { title: 'First' }, { 'If-Match': `"v${v}"` })).status).to.equal(200);
      const stale = await write<ErrorBody>('PATCH', '/tasks/t-2', MEMBER, { title: 'Second' }, { 'If-Match': `"v${v}"` });
      expect(stale.status).to.equal(409);
      expect(stale.body.error.code).to.equal('conflict');
      expect(stale.body.current?.version).to.equal(v + 1);
      expect(stale.body.current?.title).to.equal('First');
      expect(stale.headers.get('ETag')).to.equal(`"v${v + 1}"`);
      expect((await serverTask('t-2'))?.title).to.equal('First');
    });

    it('applies a write without If-Match on the current version (last writer wins)', async () => {
      const answer = await write<Task>('PATCH', '/tasks/t-2', MANAGER, { title: 'No check' });
      expect(answer.status).to.equal(200);
      expect(answer.body.title).to.equal('No check');
    });

    it('refuses an If-Match that is not one of its ETags with 400', async () => {
      const answer = await write<ErrorBody>('PATCH', '/tasks/t-2', MANAGER, { title: 'x' }, { 'If-Match': 'seven' });
      expect(answer.status).to.equal(400);
      expect(answer.body.error.message).to.contain('If-Match');
    });
  });

  describe('idempotency', () => {
    it('applies the same key once and replays the stored answer with Idempotent-Replayed', async () => {
      const key = crypto.randomUUID();
      const first = await write<Task>('PATCH', '/tasks/t-3', MEMBER, { title: 'Once' }, { 'Idempotency-Key': key });
      const second = await write<Task>('PATCH', '/tasks/t-3', MEMBER, { title: 'Once' }, { 'Idempotency-Key': key });
      expect(first.status).to.equal(200);
      expect(first.headers.get('Idempotent-Replayed')).to.equal(null);
      expect(second.status).to.equal(200);
      expect(second.headers.get('Idempotent-Replayed')).to.equal('true');
      expect(second.body).to.deep.equal(first.body);
      expect(second.headers.get('ETag')).to.equal(first.headers.get('ETag'));
      expect((await control<{ count: number }>(`applied?key=${key}`)).count).to.equal(1);
      const history = await control<{ mutationId: string }[]>('history?collection=tasks&id=t-3');
      expect(history.filter((row) => row.mutationId === key).length).to.equal(1);
    });

    it('replays a create as 201 and does not create twice', async () => {
      const key = crypto.randomUUID();
      const first = await write('POST', '/tasks', MEMBER, newTask('t-once'), { 'Idempotency-Key': key });
      const second = await write('POST', '/tasks', MEMBER, newTask('t-once'), { 'Idempotency-Key': key });
      expect([first.status, second.status]).to.deep.equal([201, 201]);
      expect(second.headers.get('Idempotent-Replayed')).to.equal('true');
      expect((await control<{ count: number }>(`applied?key=${key}`)).count).to.equal(1);
    });

    it('refuses the same key with another body (422), and a write without a key (400)', async () => {
      const key = crypto.randomUUID();
      await write('PATCH', '/tasks/t-3', MEMBER, { title: 'A' }, { 'Idempotency-Key': key });
      const other = await write<ErrorBody>('PATCH', '/tasks/t-3', MEMBER, { title: 'B' }, { 'Idempotency-Key': key });
      expect(other.status).to.equal(422);
      expect(other.body.error.message).to.contain('Idempotency-Key');
      const missing = await call<ErrorBody>('/tasks/t-3', { as: MEMBER, method: 'PATCH', body: { title: 'C' } });
      expect(missing.status).to.equal(400);
      expect(missing.body.error.message).to.contain('Idempotency-Key');
      expect((await serverTask('t-3'))?.title).to.equal('A');
    });

    it('keys are per person: the same key from someone else is their own write', async () => {
      const key = crypto.randomUUID();
      await write('PATCH', '/tasks/t-3', MEMBER, { title: 'Mine' }, { 'Idempotency-Key': key });
      const theirs = await write<Task>('PATCH', '/tasks/t-3', MANAGER, { title: 'Theirs' }, { 'Idempotency-Key': key });
      expect(theirs.status).to.equal(200);
      expect(theirs.headers.get('Idempotent-Replayed')).to.equal(null);
      expect(theirs.body.title).to.equal('Theirs');
    });

    it('does not store a refusal: the same key may be retried after a 409', async () => {
      const key = crypto.randomUUID();
      const v = (await serverTask('t-4'))?.version as number;
      const stale = await write('PATCH', '/tasks/t-4', MEMBER, { title: 'Retry' }, { 'Idempotency-Key': key, 'If-Match': `"v${v - 1}"` });
      expect(stale.status).to.equal(409);
      const retry = await write<Task>('PATCH', '/tasks/t-4', MEMBER, { title: 'Retry' }, { 'Idempotency-Key': key, 'If-Match': `"v${v}"` });
      expect(retry.status).to.equal(200);
      expect(retry.headers.get('Idempotent-Replayed')).to.equal(null);
      expect((await control<{ count: number }>(`applied?key=${key}`)).count).to.equal(1);
    });
  });

  describe('permissions', () => {
    const policy = createPolicy();
    const person = (id: string): Person => people.find((candidate) => candidate.id === id) as Person;

    it('refuses what the policy refuses, with the policy\'s own reason', async () => {
      const viewer = await write<ErrorBody>('PATCH', '/tasks/t-5', VIEWER, { title: 'Nope' });
      expect(viewer.status).to.equal(403);
      expect(viewer.body.error.code).to.equal('forbidden');
      const viewerDenial = policy.can(person(VIEWER), 'task.edit');
      expect(viewerDenial.allowed).to.equal(false);
      expect(viewer.body.error.message).to.equal(viewerDenial.allowed ? '' : viewerDenial.reason);

      const guest = await write<ErrorBody>('POST', '/tasks', GUEST, newTask('t-guest', { createdBy: GUEST }));
      const guestDenial = policy.can(person(GUEST), 'task.create');
      expect(guest.status).to.equal(403);
      expect(guest.body.error.message).to.equal(guestDenial.allowed ? '' : guestDenial.reason);

      // Members may take a task themselves, not hand it to someone else.
      const task = (await serverTask('t-5')) as Task;
      const other = [MANAGER, ADMIN, GUEST].find((id) => !task.assigneeIds.includes(id)) as string;
      const assign = await write<ErrorBody>('PATCH', '/tasks/t-5', MEMBER, { assigneeIds: [...task.assigneeIds, other] });
      const assignDenial = policy.can(person(MEMBER), 'task.assign', { task, person: person(other) });
      expect(assign.status).to.equal(403);
      expect(assign.body.error.message).to.equal(assignDenial.allowed ? '' : assignDenial.reason);
      const take = await write<Task>('PATCH', '/tasks/t-5', MEMBER, { assigneeIds: [...task.assigneeIds.filter((id) => id !== MEMBER), MEMBER] });
      expect(take.status).to.equal(200);
      expect(await serverTask('t-5')).to.deep.equal(take.body);
    });

    it('lets guests talk but not post in someone else\'s name', async () => {
      const message = { taskId: 't-1', kind: 'user', body: 'Hello', mentions: [], reactions: {}, attachments: [] };
      expect((await write('POST', '/messages', GUEST, { ...message, id: 'm-guest', authorId: GUEST })).status).to.equal(201);
      const forged = await write<ErrorBody>('POST', '/messages', GUEST, { ...message, id: 'm-forged', authorId: ADMIN });
      expect(forged.status).to.equal(403);
      const edit = await write<ErrorBody>('PATCH', '/messages/m-guest', MEMBER, { body: 'Edited by someone else' });
      expect(edit.status).to.equal(403);
      expect(edit.body.error.message).to.equal('Only the author can edit this message.');
    });

    it('keeps notifications, read markers and unread counts private (403)', async () => {
      const notices = (await control<{ items: Notification[] }>('state?collection=notifications')).items;
      const othersNotice = notices.find((notice) => notice.personId !== MEMBER) as Notification;
      expect((await call(`/notifications?personId=${othersNotice.personId}`, { as: MEMBER })).status).to.equal(403);
      expect((await call(`/notifications/${othersNotice.id}`, { as: MEMBER })).status).to.equal(403);
      expect((await write('PATCH', `/notifications/${othersNotice.id}`, MEMBER, { readAt: new Date().toISOString() })).status).to.equal(403);
      expect((await call(`/unread/${othersNotice.personId}`, { as: MEMBER })).status).to.equal(403);

      const mine = await call<ListBody<Notification>>('/notifications', { as: othersNotice.personId });
      expect(mine.body.items.length).to.be.greaterThan(0);
      expect(mine.body.items.every((notice) => notice.personId === othersNotice.personId)).to.equal(true);
      const marker = { id: `${MANAGER}:t-1`, personId: MANAGER, taskId: 't-1', lastReadMessageId: 'm-1', lastReadAt: new Date().toISOString() };
      expect((await write('POST', '/reads', MEMBER, marker)).status).to.equal(403);
    });
  });

  describe('unread counts', () => {
    it('counts a person\'s unread messages over every task, and a new message by someone else adds one', async () => {
      const before = await call<{ countedAt: string; tasks: Record<string, { count: number; newestId: string }> }>(`/unread/${MEMBER}`, { as: MEMBER });
      expect(before.status).to.equal(200);
      expect(Date.parse(before.body.countedAt)).to.be.greaterThan(0);
      const count = before.body.tasks['t-12']?.count ?? 0;
      const posted = await write('POST', '/messages', MANAGER, {
        id: 'm-unread', taskId: 't-12', authorId: MANAGER, kind: 'user', body: 'News', mentions: [], reactions: {}, attachments: [],
      });
      expect(posted.status).to.equal(201);
      const after = await call<{ tasks: Record<string, { count: number; newestId: string }> }>(`/unread/${MEMBER}`, { as: MEMBER });
      expect(after.body.tasks['t-12']).to.include({ count: count + 1, newestId: 'm-unread' });
      // One's own message is never unread news.
      const own = await call<{ tasks: Record<string, { count: number; newestId: string }> }>(`/unread/${MANAGER}`, { as: MANAGER });
      expect(own.body.tasks['t-12']?.newestId).to.not.equal('m-unread');
    });
  });

  describe('domain rules beyond one entity', () => {
    it('keeps to the workflow: no unknown status, no move its transitions forbid (the store\'s reason)', async () => {
      expect((await write('POST', '/tasks', MEMBER, newTask('c-1', { status: 'backlog' }))).status).to.equal(201);
      const project = (await control<{ items: Project[] }>('state?collection=projects')).items.find((candidate) => candidate.id === 'p-1') as Project;
      const expected = checkTransition(project, 'backlog', 'done');
      expect(expected).to.not.equal(undefined);
      const jump = await write<ErrorBody>('PATCH', '/tasks/c-1', MEMBER, { status: 'done' });
      expect(jump.status).to.equal(422);
      expect(jump.body.error.message).to.equal(expected?.reason);
      const unknown = await write<ErrorBody>('POST', '/tasks', MEMBER, newTask('c-2', { status: 'archived' }));
      expect(unknown.status).to.equal(422);
      expect(unknown.body.error.message).to.contain('archived');
      expect((await write('PATCH', '/tasks/c-1', MEMBER, { status: 'todo' })).status).to.equal(200);
      expect((await serverTask('c-1'))?.status).to.equal('todo');
    });

    it('keeps a blocking WIP limit, which only admins and managers may set', async () => {
      const project = (await control<{ items: Project[] }>('state?collection=projects')).items.find((candidate) => candidate.id === 'p-2') as Project;
      const inReview = (await control<{ items: Task[] }>('state?collection=tasks')).items.filter((task) => task.projectId === 'p-2' && task.status === 'review').length;
      const workflow = {
        ...project.workflow,
        wipPolicy: 'block',
        statuses: project.workflow.statuses.map((status) => (status.id === 'review' ? { ...status, wipLimit: inReview + 1 } : status)),
      };
      const member = await write<ErrorBody>('PATCH', '/projects/p-2', MEMBER, { workflow });
      expect(member.status).to.equal(403);
      expect(member.body.error.message).to.equal('The role "member" does not allow you to change projects.');
      const admin = await write<Project>('PATCH', '/projects/p-2', ADMIN, { workflow });
      expect(admin.status).to.equal(200);

      await write('POST', '/tasks', MEMBER, newTask('c-w1', { projectId: 'p-2', status: 'in-progress' }));
      await write('POST', '/tasks', MEMBER, newTask('c-w2', { projectId: 'p-2', status: 'in-progress' }));
      expect((await write('PATCH', '/tasks/c-w1', MEMBER, { status: 'review' })).status).to.equal(200);
      const full = await write<ErrorBody>('PATCH', '/tasks/c-w2', MEMBER, { status: 'review' });
      expect(full.status).to.equal(422);
      expect(full.body.error.message).to.equal(checkWipLimit(admin.body, 'review', inReview + 1).reason);
      expect((await serverTask('c-w2'))?.status).to.equal('in-progress');
    });

    it('refuses a dependency loop and a task under its own subtask', async () => {
      await write('POST', '/tasks', MEMBER, newTask('c-a'));
      await write('POST', '/tasks', MEMBER, newTask('c-b', { parentId: 'c-a', dependencies: [{ predecessorId: 'c-a', type: 'FS', lag: 0 }] }));
      const loop = await write<ErrorBody>('PATCH', '/tasks/c-a', MEMBER, { dependencies: [{ predecessorId: 'c-b', type: 'FS', lag: 0 }] });
      expect(loop.status).to.equal(422);
      expect(loop.body.error.message).to.equal('This dependency would create a loop: c-b -> c-a -> c-b.');
      const parent = await write<ErrorBody>('PATCH', '/tasks/c-a', MEMBER, { parentId: 'c-b' });
      expect(parent.status).to.equal(422);
      expect(parent.body.error.message).to.equal('A task cannot be placed under its own subtask: c-a -> c-b -> c-a.');
      expect((await serverTask('c-a'))?.dependencies).to.deep.equal([]);
    });

    it('refuses references to what does not exist', async () => {
      const project = await write<ErrorBody>('POST', '/tasks', MEMBER, newTask('c-3', { projectId: 'p-none' }));
      expect(project.status).to.equal(422);
      expect(project.body.error.message).to.contain('p-none');
      const assignee = await write<ErrorBody>('PATCH', '/tasks/t-1', MANAGER, { assigneeIds: ['u-nobody'] });
      expect(assignee.status).to.equal(422);
      expect(assignee.body.error.message).to.contain('u-nobody');
    });
  });

  describe('bad input', () => {
    it('refuses an invalid entity with 422 and core\'s validation message', async () => {
      const body = newTask('t-bad', { priority: 'urgent-ish' as Task['priority'] });
      const answer = await write<ErrorBody>('POST', '/tasks', MEMBER, body);
      expect(answer.status).to.equal(422);
      expect(answer.body.error.code).to.equal('validation');
      const at = new Date().toISOString();
      const checked = validateEntity('tasks', { ...body, version: 1, createdAt: at, updatedAt: at });
      expect(checked.ok).to.equal(false);
      expect(answer.body.error.message).to.equal(checked.ok ? '' : checked.issue.message);
      expect(await serverTask('t-bad')).to.equal(undefined);
    });

    it('answers bad JSON, unknown collections and too large bodies with clear errors', async () => {
      const json = await call<ErrorBody>('/tasks', { as: MEMBER, method: 'POST', raw: '{"id": ', headers: { 'Idempotency-Key': 'k-json' } });
      expect(json.status).to.equal(400);
      expect(json.body.error.message).to.contain('not valid JSON');
      const unknown = await call<ErrorBody>('/gadgets', { as: MEMBER });
      expect(unknown.status).to.equal(404);
      expect(unknown.body.error.message).to.contain('gadgets');
      const large = await call<ErrorBody>('/tasks/t-1', { as: MEMBER, method: 'PATCH', raw: JSON.stringify({ description: 'x'.repeat(1_100_000) }), headers: { 'Idempotency-Key': 'k-large' } });
      expect(large.status).to.equal(413);
      expect(large.body.error.code).to.equal('bad-request');
    });

    it('stores user text as data, whatever it looks like', async () => {
      const title = `Robert'); DROP TABLE entities;-- <script>alert(1)</script>`;
      const answer = await write<Task>('PATCH', '/tasks/t-6', MEMBER, { title });
      expect(answer.status).to.equal(200);
      expect((await serverTask('t-6'))?.title).to.equal(title);
      expect((await call<ListBody<Task>>('/tasks', { as: MEMBER })).body.total).to.equal(30);
    });
  });

  describe('tokens', () => {
    it('answers 401 without a valid token, and a refresh token buys a new one exactly once', async () => {
      const none = await call<ErrorBody>('/tasks');
      expect(none.status).to.equal(401);
      expect(none.body.error.code).to.equal('unauthorized');
      const wrong = await call<ErrorBody>(`${server.directUrl}/auth/login`, { method: 'POST', body: { personId: MEMBER, password: 'guess' } });
      expect(wrong.status).to.equal(401);

      const login = await call<{ token: string; refreshToken: string; personId: string; workspaceId: string; expiresAt: string }>(`${server.directUrl}/auth/login`, {
        method: 'POST',
        body: { personId: MEMBER, password: 'demo' },
      });
      expect(login.status).to.equal(200);
      expect(login.body.personId).to.equal(MEMBER);
      expect(login.body.workspaceId).to.equal('test');
      expect(Date.parse(login.body.expiresAt)).to.be.greaterThan(Date.now());
      tokens = { ...tokens, [MEMBER]: login.body.token };
      expect((await call('/tasks', { as: MEMBER })).status).to.equal(200);

      await control('expire-tokens', { method: 'POST' });
      const expired = await call<ErrorBody>('/tasks', { as: MEMBER });
      expect(expired.status).to.equal(401);
      expect(expired.body.error.message).to.contain('expired');

      const refreshed = await call<{ token: string; personId: string }>(`${server.directUrl}/auth/refresh`, { method: 'POST', body: { refreshToken: login.body.refreshToken } });
      expect(refreshed.status).to.equal(200);
      expect(refreshed.body.personId).to.equal(MEMBER);
      tokens = { ...tokens, [MEMBER]: refreshed.body.token };
      expect((await call('/tasks', { as: MEMBER })).status).to.equal(200);
      const spent = await call(`${server.directUrl}/auth/refresh`, { method: 'POST', body: { refreshToken: login.body.refreshToken } });
      expect(spent.status).to.equal(401);
    });
  });

  describe('event stream', () => {
    const streams: EventStream[] = [];
    const open = async (as: string, lastEventId?: string): Promise<EventStream> => {
      const stream = await EventStream.open(as, lastEventId);
      streams.push(stream);
      return stream;
    };
    const edit = (as: string, id: string, patch: object): Promise<Task> => control<Task>('edit', { body: { as, collection: 'tasks', id, patch } });

    afterEach(() => {
      for (const stream of streams.splice(0)) stream.close();
    });

    it('starts with hello at the newest position, then delivers changes live', async () => {
      await edit(MANAGER, 't-7', { title: 'Before the stream' });
      const stream = await open(MEMBER);
      const [hello] = await stream.until((events) => events.length >= 1);
      expect(hello?.event).to.equal('hello');
      const start = Number(hello?.id);
      expect(hello?.data['seq']).to.equal(start);
      expect(start).to.be.greaterThan(0);

      const task = await edit(MANAGER, 't-7', { title: 'Live' });
      const events = await stream.until((all) => changes(all).some((event) => event.data['id'] === 't-7'));
      const change = changes(events).find((event) => event.data['id'] === 't-7') as ParsedEvent;
      expect(Number(change.id)).to.be.greaterThan(start);
      expect(change.data).to.include({ collection: 'tasks', op: 'upsert', id: 't-7', version: task.version, seq: Number(change.id) });
      expect((change.data['entity'] as Task).title).to.equal('Live');
    });

    it('sends deletes with their version', async () => {
      const stream = await open(MEMBER);
      await stream.until((events) => events.length >= 1);
      await write('POST', '/tasks', MEMBER, newTask('t-gone'));
      const removed = await write<{ version: number }>('DELETE', '/tasks/t-gone', MEMBER);
      const events = await stream.until((all) => changes(all).some((event) => event.data['op'] === 'delete'));
      const deletion = changes(events).find((event) => event.data['op'] === 'delete') as ParsedEvent;
      expect(deletion.data).to.deep.equal({ seq: Number(deletion.id), collection: 'tasks', op: 'delete', id: 't-gone', version: removed.body.version });
    });

    it('replays what was missed after Last-Event-ID, in order, then goes on live', async () => {
      const first = await open(MEMBER);
      const [hello] = await first.until((events) => events.length >= 1);
      first.close();
      await edit(MANAGER, 't-8', { title: 'Missed 1' });
      await edit(MANAGER, 't-8', { title: 'Missed 2' });

      const resumed = await open(MEMBER, hello?.id);
      const replayed = await resumed.until((events) => changes(events).filter((event) => event.data['id'] === 't-8').length >= 2);
      const titles = changes(replayed).filter((event) => event.data['id'] === 't-8').map((event) => (event.data['entity'] as Task).title);
      expect(titles).to.deep.equal(['Missed 1', 'Missed 2']);
      const seqs = changes(replayed).map((event) => Number(event.id));
      expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
      expect(seqs[0]).to.be.greaterThan(Number(hello?.id));
      expect(replayed.some((event) => event.event === 'hello')).to.equal(false);

      await edit(MANAGER, 't-8', { title: 'Live again' });
      const live = await resumed.until((events) => changes(events).some((event) => (event.data['entity'] as Task | undefined)?.title === 'Live again'));
      expect(changes(live).filter((event) => event.data['id'] === 't-8').length).to.equal(3);
    });

    it('sends reset when the position is older than the log or unknown, with a position to go on from', async () => {
      const first = await open(MEMBER);
      const [hello] = await first.until((events) => events.length >= 1);
      await edit(MANAGER, 't-9', { title: 'Pruned away' });
      await edit(MANAGER, 't-9', { title: 'Pruned too' });
      await control('prune', { body: { keep: 0 } });

      const stale = await open(MEMBER, hello?.id);
      const [reset] = await stale.until((events) => events.length >= 1);
      expect(reset?.event).to.equal('reset');
      expect(reset?.data).to.deep.equal({ reason: 'gap' });
      const position = Number(reset?.id);
      expect(position).to.be.greaterThan(Number(hello?.id));

      const future = await open(MEMBER, String(position + 1000));
      const [unknown] = await future.until((events) => events.length >= 1);
      expect(unknown?.event).to.equal('reset');
      expect(Number(unknown?.id)).to.equal(position);

      // From the reset's position on, the stream resumes normally.
      const after = await open(MEMBER, reset?.id);
      await edit(MANAGER, 't-9', { title: 'After reset' });
      const events = await after.until((all) => changes(all).length >= 1);
      expect(events[0]?.event).to.equal('change');
    });

    it('tells a client that was at the newest position before a re-seed to reload', async () => {
      const first = await open(MEMBER);
      const [hello] = await first.until((events) => events.length >= 1);
      first.close();
      await control('reset', { body: { seed: 'test' } });
      const resumed = await open(MEMBER, hello?.id);
      const [reset] = await resumed.until((events) => events.length >= 1);
      expect(reset?.event).to.equal('reset');
      expect(Number(reset?.id)).to.be.greaterThan(Number(hello?.id));
    });

    it('tells open streams to reload when the data is re-seeded', async () => {
      const stream = await open(MEMBER);
      await stream.until((events) => events.length >= 1);
      await control('reset', { body: { seed: 'test' } });
      const events = await stream.until((all) => all.some((event) => event.event === 'reset'));
      expect(events.find((event) => event.event === 'reset')?.data).to.deep.equal({ reason: 'reseeded' });
    });

    it('delivers notifications and read markers only to their person', async () => {
      const member = await open(MEMBER);
      const manager = await open(MANAGER);
      await member.until((events) => events.length >= 1);
      await manager.until((events) => events.length >= 1);

      // The admin assigns the member: a task change for everyone, a notification for the member only.
      const tasks = (await control<{ items: Task[] }>('state?collection=tasks')).items;
      const task = tasks.find((candidate) => !candidate.assigneeIds.includes(MEMBER) && candidate.id !== 't-11') as Task;
      const key = crypto.randomUUID();
      expect((await write('PATCH', `/tasks/${task.id}`, ADMIN, { assigneeIds: [...task.assigneeIds, MEMBER] }, { 'Idempotency-Key': key })).status).to.equal(200);
      // The manager moves their own read marker: theirs alone.
      const marker = { id: `${MANAGER}:${task.id}`, personId: MANAGER, taskId: task.id, lastReadMessageId: 'm-1', lastReadAt: new Date().toISOString() };
      expect((await write('POST', '/reads', MANAGER, marker)).status).to.equal(201);
      // A last public change marks the end of what each stream can have been sent.
      await edit(ADMIN, 't-11', { title: 'End marker' });
      const isEnd = (events: ParsedEvent[]): boolean => changes(events).some((event) => event.data['id'] === 't-11');

      const memberEvents = changes(await member.until(isEnd));
      const managerEvents = changes(await manager.until(isEnd));
      const notice = memberEvents.find((event) => event.data['collection'] === 'notifications');
      expect((notice?.data['entity'] as Notification | undefined)?.personId).to.equal(MEMBER);
      expect(notice?.data['id']).to.equal(`n-${key}-${MEMBER}`);
      expect(memberEvents.some((event) => event.data['collection'] === 'reads')).to.equal(false);
      expect(managerEvents.some((event) => event.data['id'] === task.id)).to.equal(true);
      expect(managerEvents.some((event) => event.data['collection'] === 'notifications' && (event.data['entity'] as Notification).personId !== MANAGER)).to.equal(false);
      expect(managerEvents.find((event) => event.data['collection'] === 'reads')?.data['id']).to.equal(`${MANAGER}:${task.id}`);
    });

    it('refuses a stream without a valid token', async () => {
      const response = await fetch(url('/events'), { headers: { Accept: 'text/event-stream' } });
      expect(response.status).to.equal(401);
    });
  });
});
