import { expect } from '@open-wc/testing';
import { AdapterError, type RemoteChange, type Task } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { MemoryAdapter, MemoryBackend } from '@cwm/adapters';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { rejection, update } from './mutations.js';

const seed = generateWorkspace({ tasks: 60, messagesPerTask: 2, workspaceId: 'mem' });
const session = { workspaceId: 'mem', userId: 'u-2' };


async function listAll(adapter: MemoryAdapter, collection: 'tasks' | 'messages' | 'activity' | 'notifications', query = {}, limit = 7) {
  const items: { id: string }[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await adapter.list(collection, { ...query, limit, ...(cursor === undefined ? {} : { cursor }) });
    items.push(...(page.items as { id: string }[]));
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== undefined);
  return { items, pages };
}

describe('MemoryAdapter', () => {
  it('opens its workspace, and refuses another one as not-found', async () => {
    const adapter = new MemoryAdapter({ seed });
    expect((await adapter.open(session)).id).to.equal('mem');
    expect((await rejection(adapter.open({ workspaceId: 'other', userId: 'u-1' }))).code).to.equal('not-found');
    expect((await rejection(new MemoryAdapter().open(session))).code).to.equal('not-found');
  });

  it('pages with an opaque cursor until everything is read, once', async () => {
    const adapter = new MemoryAdapter({ seed });
    const { items, pages } = await listAll(adapter, 'tasks');
    expect(items.map((item) => item.id)).to.deep.equal(seed.tasks.map((task) => task.id));
    expect(pages).to.equal(Math.ceil(60 / 7));
    const first = await adapter.list('tasks', { limit: 7 });
    expect(first.total).to.equal(60);
    expect(first.nextCursor).to.be.a('string').and.not.match(/^\d+$/);
    expect((await adapter.list('tasks')).items).to.have.length(60);
    expect((await new MemoryAdapter({ seed, pageSize: 25 }).list('tasks')).items).to.have.length(25);
    expect((await rejection(adapter.list('tasks', { cursor: 'garbage' }))).code).to.equal('validation');
    expect((await rejection(adapter.list('widgets' as never))).message).to.match(/Unknown collection "widgets"/);
  });

  it('filters tasks and activity by project, messages and activity by task, notifications by person', async () => {
    const adapter = new MemoryAdapter({ seed });
    const p2 = await listAll(adapter, 'tasks', { projectId: 'p-2' });
    expect(p2.items.map((item) => item.id)).to.deep.equal(seed.tasks.filter((task) => task.projectId === 'p-2').map((task) => task.id));
    const messages = await listAll(adapter, 'messages', { taskId: 't-5' });
    expect(messages.items.map((item) => item.id)).to.deep.equal(seed.messages.filter((message) => message.taskId === 't-5').map((message) => message.id));
    const activity = await listAll(adapter, 'activity', { projectId: 'p-1', taskId: 't-3' });
    expect(activity.items.length).to.be.greaterThan(0);
    expect(activity.items.length).to.equal(seed.activity.filter((entry) => entry.taskId === 't-3').length);
    const inbox = await listAll(adapter, 'notifications', { personId: 'u-4' });
    expect(inbox.items.length).to.equal(seed.notifications.filter((notice) => notice.personId === 'u-4').length);
    expect((await listAll(adapter, 'activity', { projectId: 'p-2', taskId: 't-3' })).items).to.have.length(0);
  });

  it('propagates a push through a shared backend to every adapter on it', async () => {
    const backend = new MemoryBackend({ seed });
    const alice = new MemoryAdapter({ backend });
    const bob = new MemoryAdapter({ backend });
    const heard = firstValueFrom(bob.changes());
    const task = seed.tasks[4]!;
    const [result] = await alice.push([update('tasks', task.id, { title: 'From Alice' }, { baseVersion: task.version, actorId: 'u-2' })]);
    expect(result!.status).to.equal('applied');
    const changes = await heard;
    const upsert = changes.find((change) => change.type === 'upsert' && change.collection === 'tasks');
    expect(upsert?.type === 'upsert' && (upsert.entity as Task).title).to.equal('From Alice');
    expect(((await bob.list('tasks', { limit: 5 })).items[4] as Task).title).to.equal('From Alice');
  });

  it('goes offline: reads and writes throw network, and coming back asks for a reset if changes were missed', async () => {
    const backend = new MemoryBackend({ seed });
    const adapter = new MemoryAdapter({ backend });
    const heard: RemoteChange[][] = [];
    adapter.changes().subscribe((changes) => heard.push([...changes]));
    adapter.setOnline(false);
    expect((await rejection(adapter.push([update('tasks', 't-1', { title: 'x' })]))).code).to.equal('network');
    expect((await rejection(adapter.list('tasks'))).code).to.equal('network');
    expect((backend.get('tasks', 't-1') as Task).title).not.to.equal('x');
    adapter.remote('u-3').update('tasks', 't-2', { title: 'While you were away' });
    expect(heard).to.have.length(0);
    adapter.setOnline(true);
    expect(heard).to.deep.equal([[{ type: 'reset' }]]);
    expect((await adapter.push([update('tasks', 't-1', { title: 'x' })]))[0]!.status).to.equal('applied');
  });

  it('fails the next pushes on request: network throws, other codes answer rejected', async () => {
    const adapter = new MemoryAdapter({ seed });
    adapter.failNext('network');
    adapter.failNext('forbidden', 2);
    expect((await rejection(adapter.push([update('tasks', 't-1', { title: 'a' })]))).code).to.equal('network');
    for (let attempt = 0; attempt < 2; attempt++) {
      const [result] = await adapter.push([update('tasks', 't-1', { title: 'b' })]);
      expect(result!.status === 'rejected' && result!.error.code).to.equal('forbidden');
    }
    expect((adapter.backend.get('tasks', 't-1') as Task).title).to.equal(seed.tasks[0]!.title);
    adapter.failNext('conflict');
    expect((await adapter.push([update('tasks', 't-1', { title: 'c' })]))[0]!.status).to.equal('conflict');
    expect((await adapter.push([update('tasks', 't-1', { title: 'd' })]))[0]!.status).to.equal('applied');
  });

  it('delays answers by latencyMs', async () => {
    const adapter = new MemoryAdapter({ seed, latencyMs: 60 });
    const started = performance.now();
    await adapter.push([update('tasks', 't-1', { title: 'slow' })]);
    expect(performance.now() - started).to.be.at.least(55);
  });

  it('holds pushes while paused and answers them in order on resume', async () => {
    const adapter = new MemoryAdapter({ seed });
    adapter.pause();
    let settled = 0;
    const first = adapter.push([update('tasks', 't-1', { title: 'one' })]).then((results) => (settled++, results));
    const second = adapter.push([update('tasks', 't-1', { title: 'two' })]).then((results) => (settled++, results));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).to.equal(0);
    expect((adapter.backend.get('tasks', 't-1') as Task).title).to.equal(seed.tasks[0]!.title);
    adapter.resume();
    const results = await Promise.all([first, second]);
    expect(results.map(([result]) => result!.status)).to.deep.equal(['applied', 'applied']);
    expect((adapter.backend.get('tasks', 't-1') as Task).title).to.equal('two');
  });

  it('asks its authorize hook (the adapter\'s 403)', async () => {
    const adapter = new MemoryAdapter({
      seed,
      authorize: (mutation) => (mutation.actorId === 'u-11' ? new AdapterError('forbidden', 'Guests may only comment.') : undefined),
    });
    const [result] = await adapter.push([update('tasks', 't-1', { title: 'guest edit' }, { actorId: 'u-11' })]);
    expect(result!.status === 'rejected' && result!.error.message).to.equal('Guests may only comment.');
  });

  it('lets a remote person change data, delivered on changes()', async () => {
    const adapter = new MemoryAdapter({ seed });
    const heard = firstValueFrom(adapter.changes());
    const target = seed.tasks.find((task) => task.status !== 'review')!;
    const result = adapter.remote('u-5').update('tasks', target.id, { status: 'review' });
    expect(result.status).to.equal('applied');
    const changes = await heard;
    const task = changes.find((change) => change.type === 'upsert' && change.collection === 'tasks');
    expect(task?.type === 'upsert' && (task.entity as Task).status).to.equal('review');
    const activity = changes.find((change) => change.type === 'upsert' && change.collection === 'activity');
    expect(activity?.type === 'upsert' && (activity.entity as { actorId: string }).actorId).to.equal('u-5');
  });

  it('shares presence between adapters on one backend', async () => {
    const backend = new MemoryBackend({ seed });
    const alice = new MemoryAdapter({ backend });
    const bob = new MemoryAdapter({ backend });
    await alice.open({ workspaceId: 'mem', userId: 'u-2' });
    await bob.open({ workspaceId: 'mem', userId: 'u-3' });
    const seen = lastValueFrom(bob.presence('t-1').pipe(take(3), toArray()));
    alice.setPresence('t-1', { typing: true });
    alice.setPresence('t-1', null);
    const rosters = await seen;
    expect(rosters.map((roster) => roster.map((state) => `${state.personId}:${String(state.typing)}`))).to.deep.equal([[], ['u-2:true'], []]);
  });

  it('completes changes() on close and refuses calls afterwards', async () => {
    const adapter = new MemoryAdapter({ seed });
    let completed = false;
    adapter.changes().subscribe({ complete: () => (completed = true) });
    adapter.close();
    expect(completed).to.equal(true);
    expect((await rejection(adapter.list('tasks'))).code).to.equal('network');
  });
});
