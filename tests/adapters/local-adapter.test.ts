import { expect } from '@open-wc/testing';
import type { PresenceState, RemoteChange, Task } from '@cwm/core';
import { generateWorkspace, type GeneratedWorkspace } from '@cwm/core/testing';
import { LocalAdapter, type LocalAdapterOptions, workspaceName } from '@cwm/adapters';
import { firstValueFrom, filter } from 'rxjs';
import { makeTask } from '../fixtures/entities.js';
import { create, rejection, update } from './mutations.js';

/** A workspace id no other test (or earlier run) uses. */
function uniqueWorkspace(label: string): string {
  return `test-${label}-${crypto.randomUUID().slice(0, 8)}`;
}

const opened: LocalAdapter[] = [];
const workspaces = new Set<string>();

function adapter(options: LocalAdapterOptions = {}): LocalAdapter {
  const created = new LocalAdapter(options);
  opened.push(created);
  return created;
}

/** A seed function that counts its calls. */
function seeder(tasks = 30): { seed: (workspaceId: string) => GeneratedWorkspace; calls: () => number } {
  let calls = 0;
  return {
    seed: (workspaceId) => {
      calls++;
      workspaces.add(workspaceId);
      return generateWorkspace({ workspaceId, tasks, messagesPerTask: 1 });
    },
    calls: () => calls,
  };
}

async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((info) => info.name === name);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}


async function allTasks(local: LocalAdapter, query = {}): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await local.list('tasks', { ...query, ...(cursor === undefined ? {} : { cursor }) });
    tasks.push(...(page.items as Task[]));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return tasks;
}

function nextTick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('LocalAdapter', () => {
  afterEach(async () => {
    for (const local of opened.splice(0)) local.close();
    for (const id of workspaces) await deleteDatabase(workspaceName(id));
    workspaces.clear();
  });

  it('seeds an empty workspace on first open, and only then', async () => {
    const workspaceId = uniqueWorkspace('seed');
    const source = seeder(30);
    const first = adapter({ seed: source.seed });
    const workspace = await first.open({ workspaceId, userId: 'u-1' });
    expect(workspace.id).to.equal(workspaceId);
    const page = await first.list('tasks');
    expect(page.total).to.equal(30);
    expect(page.items).to.have.length(30);
    expect((await first.list('people')).items).to.have.length(12);
    const second = adapter({ seed: source.seed });
    await second.open({ workspaceId, userId: 'u-2' });
    expect(source.calls()).to.equal(1);
    expect(await databaseExists(`cwm:${workspaceId}`)).to.equal(true);
  });

  it('starts an empty workspace when no seed is given', async () => {
    const workspaceId = uniqueWorkspace('empty');
    workspaces.add(workspaceId);
    const local = adapter();
    expect((await local.open({ workspaceId, userId: 'u-1' })).name).to.equal(workspaceId);
    expect((await local.list('tasks')).items).to.deep.equal([]);
  });

  it('keeps data across a reload (a new instance on the same workspace)', async () => {
    const workspaceId = uniqueWorkspace('persist');
    const source = seeder(20);
    const before = adapter({ seed: source.seed });
    await before.open({ workspaceId, userId: 'u-1' });
    const task = (await before.list('tasks', { limit: 1 })).items[0] as Task;
    const [result] = await before.push([update('tasks', task.id, { title: 'Survives reload' }, { baseVersion: task.version })]);
    expect(result!.status).to.equal('applied');
    before.close();

    const after = adapter({ seed: source.seed });
    await after.open({ workspaceId, userId: 'u-1' });
    const reloaded = (await after.list('tasks', { limit: 1 })).items[0] as Task;
    expect([reloaded.id, reloaded.title, reloaded.version]).to.deep.equal([task.id, 'Survives reload', task.version + 1]);
    expect(source.calls()).to.equal(1);
    const [again] = await after.push([update('tasks', task.id, { title: 'x' }, { baseVersion: task.version })]);
    expect(again!.status, 'the version survived too').to.equal('conflict');
  });

  it('pages in id order and filters by project, task and person', async () => {
    const workspaceId = uniqueWorkspace('paging');
    const source = seeder(45);
    const local = adapter({ seed: source.seed, pageSize: 7 });
    await local.open({ workspaceId, userId: 'u-1' });
    const data = source.seed(workspaceId);
    const tasks = await allTasks(local);
    expect(tasks.map((task) => task.id)).to.deep.equal(data.tasks.map((task) => task.id).sort());
    const p2 = await allTasks(local, { projectId: 'p-2' });
    expect(p2.map((task) => task.id)).to.deep.equal(data.tasks.filter((task) => task.projectId === 'p-2').map((task) => task.id).sort());
    expect((await local.list('tasks', { projectId: 'p-2', limit: 3 })).total).to.equal(p2.length);
    const thread = await local.list('messages', { taskId: 't-4' });
    expect(thread.items.map((item) => (item as { id: string }).id)).to.deep.equal(data.messages.filter((message) => message.taskId === 't-4').map((message) => message.id));
    const activity = await local.list('activity', { projectId: 'p-1', taskId: 't-2', limit: 100 });
    expect(activity.items).to.have.length(data.activity.filter((entry) => entry.taskId === 't-2').length);
    const inbox = await local.list('notifications', { personId: 'u-3', limit: 1000 });
    expect(inbox.items).to.have.length(data.notifications.filter((notice) => notice.personId === 'u-3').length);
    expect((await rejection(local.list('tasks', { cursor: 'nope' }))).code).to.equal('validation');
    expect((await rejection(local.list('widgets' as never))).message).to.match(/Unknown collection "widgets"/);
  });

  it('answers a re-sent mutation as duplicate, and writes activity and notifications', async () => {
    const workspaceId = uniqueWorkspace('idem');
    const local = adapter({ seed: seeder(10).seed });
    await local.open({ workspaceId, userId: 'u-2' });
    const mutation = create('tasks', makeTask('t-new', { assigneeIds: ['u-4'] }), { actorId: 'u-2' });
    const heard = firstValueFrom(local.changes());
    expect((await local.push([mutation]))[0]!.status).to.equal('applied');
    expect((await local.push([mutation]))[0]!.status).to.equal('duplicate');
    const echoed = (await heard).map((change) => (change.type === 'upsert' ? change.collection : change.type));
    expect(echoed).to.deep.equal(['tasks', 'activity', 'notifications']);
    const inbox = await local.list('notifications', { personId: 'u-4', limit: 1000 });
    expect(inbox.items.some((item) => (item as { taskId?: string }).taskId === 't-new')).to.equal(true);
  });

  it('propagates a change to another instance of the workspace through BroadcastChannel within a few ms', async () => {
    const workspaceId = uniqueWorkspace('live');
    const source = seeder(10);
    const alice = adapter({ seed: source.seed });
    const bob = adapter({ seed: source.seed });
    await alice.open({ workspaceId, userId: 'u-2' });
    await bob.open({ workspaceId, userId: 'u-3' });
    const timings: number[] = [];
    for (let round = 0; round < 5; round++) {
      const received = firstValueFrom(bob.changes());
      const task = (await alice.list('tasks', { limit: 1 })).items[0] as Task;
      // End to end: the IndexedDB write transaction, the broadcast, and delivery in the other instance.
      const started = performance.now();
      const pushed = alice.push([update('tasks', task.id, { title: `Round ${round}` }, { actorId: 'u-2' })]);
      const changes = await received;
      timings.push(performance.now() - started);
      const [result] = await pushed;
      expect(result!.status).to.equal('applied');
      const upsert = changes.find((change) => change.type === 'upsert' && change.collection === 'tasks');
      expect(upsert?.type === 'upsert' && (upsert.entity as Task).title).to.equal(`Round ${round}`);
    }
    timings.sort((a, b) => a - b);
    console.log(`[local adapter] push to other instance's changes(), median ${timings[2]!.toFixed(2)} ms, max ${timings[4]!.toFixed(2)} ms`);
    expect(timings[2]).to.be.lessThan(50);
  });

  it('lets exactly one of two instances win a concurrent write with the same base version', async () => {
    const workspaceId = uniqueWorkspace('conflict');
    const source = seeder(10);
    const alice = adapter({ seed: source.seed });
    const bob = adapter({ seed: source.seed });
    await alice.open({ workspaceId, userId: 'u-2' });
    await bob.open({ workspaceId, userId: 'u-3' });
    const task = (await alice.list('tasks', { limit: 1 })).items[0] as Task;
    const [fromAlice, fromBob] = await Promise.all([
      alice.push([update('tasks', task.id, { title: 'Alice' }, { baseVersion: task.version, actorId: 'u-2' })]),
      bob.push([update('tasks', task.id, { title: 'Bob' }, { baseVersion: task.version, actorId: 'u-3' })]),
    ]);
    const statuses = [fromAlice[0]!.status, fromBob[0]!.status];
    expect([...statuses].sort()).to.deep.equal(['applied', 'conflict']);
    const loser = statuses[0] === 'conflict' ? fromAlice[0]! : fromBob[0]!;
    const winnerTitle = statuses[0] === 'applied' ? 'Alice' : 'Bob';
    expect(loser.status === 'conflict' && (loser.current as Task).title).to.equal(winnerTitle);
    expect(((await bob.list('tasks', { limit: 1 })).items[0] as Task).version).to.equal(task.version + 1);
  });

  it('keeps tenants apart: no data and no live changes cross workspaces', async () => {
    const tenantA = uniqueWorkspace('tenant-a');
    const tenantB = uniqueWorkspace('tenant-b');
    workspaces.add(tenantB);
    const a = adapter({ seed: seeder(15).seed });
    const b = adapter();
    await a.open({ workspaceId: tenantA, userId: 'u-1' });
    await b.open({ workspaceId: tenantB, userId: 'u-1' });
    const heardByB: RemoteChange[][] = [];
    b.changes().subscribe((changes) => heardByB.push([...changes]));
    await a.push([create('tasks', makeTask('t-secret'))]);
    await nextTick(50);
    expect(heardByB).to.deep.equal([]);
    expect((await b.list('tasks')).items).to.deep.equal([]);
    expect((await b.list('people')).items).to.deep.equal([]);
    expect((await a.list('tasks', { limit: 1000 })).items.some((item) => (item as Task).id === 't-secret')).to.equal(true);
  });

  it('wipes the workspace database on sign-out and tells other tabs to reset', async () => {
    const workspaceId = uniqueWorkspace('wipe');
    const source = seeder(5);
    const local = adapter({ seed: source.seed });
    const otherTab = adapter({ seed: source.seed });
    await local.open({ workspaceId, userId: 'u-1' });
    await otherTab.open({ workspaceId, userId: 'u-2' });
    const reset = firstValueFrom(otherTab.changes().pipe(filter((changes) => changes.some((change) => change.type === 'reset'))));
    await local.wipe();
    await reset;
    expect(await databaseExists(workspaceName(workspaceId))).to.equal(false);
    expect((await rejection(local.list('tasks'))).code).to.equal('not-found');
    // Opening again is a first open: seeded anew.
    await local.open({ workspaceId, userId: 'u-1' });
    expect(source.calls()).to.equal(2);
  });

  it('shares presence between instances: join, leave, and expiry of a silent tab', async () => {
    const workspaceId = uniqueWorkspace('presence');
    const source = seeder(5);
    const alice = adapter({ seed: source.seed });
    const bob = adapter({ seed: source.seed, presenceHeartbeatMs: 40, presenceTimeoutMs: 150 });
    await alice.open({ workspaceId, userId: 'u-2' });
    await bob.open({ workspaceId, userId: 'u-3' });
    const rosters: (readonly PresenceState[])[] = [];
    bob.presence('t-1').subscribe((roster) => rosters.push(roster));
    const people = () => rosters[rosters.length - 1]!.map((state) => `${state.personId}${state.typing === true ? ' typing' : ''}`);

    alice.setPresence('t-1', { typing: true });
    await nextTick(30);
    expect(people()).to.deep.equal(['u-2 typing']);
    alice.setPresence('t-1', null);
    await nextTick(30);
    expect(people()).to.deep.equal([]);

    // A tab that dies says nothing; its last state expires after presenceTimeoutMs.
    const ghost = new BroadcastChannel(workspaceName(workspaceId));
    ghost.postMessage({ kind: 'presence', from: 'dead-tab', room: 't-1', state: { personId: 'u-9', at: Date.now() } });
    await nextTick(30);
    expect(people()).to.deep.equal(['u-9']);
    await nextTick(250);
    expect(people()).to.deep.equal([]);
    ghost.close();

    // A newcomer learns who is there at once, not at the next heartbeat.
    bob.setPresence('t-1', {});
    const carol = adapter({ seed: source.seed });
    await carol.open({ workspaceId, userId: 'u-4' });
    const seen = await firstValueFrom(carol.presence('t-1').pipe(filter((roster) => roster.length > 0)));
    expect(seen.map((state) => state.personId)).to.deep.equal(['u-3']);
  });

  it('loads 10,000 tasks with getAll pages well under 300 ms', async function () {
    this.timeout(60_000);
    const workspaceId = uniqueWorkspace('load');
    workspaces.add(workspaceId);
    const local = adapter({ seed: (id) => generateWorkspace({ workspaceId: id, tasks: 10_000, messagesPerTask: 0 }) });
    await local.open({ workspaceId, userId: 'u-1' });
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const tasks = await allTasks(local);
      runs.push(performance.now() - started);
      expect(tasks).to.have.length(10_000);
    }
    runs.sort((a, b) => a - b);
    console.log(`[local adapter] 10,000 tasks in pages of 500: median ${runs[1]!.toFixed(1)} ms`);
    // The benchmark holds the real target; this only catches a per-item cursor creeping back in.
    expect(runs[1]).to.be.lessThan(600);
  });

  it('refuses calls before open and after close, and completes changes() on close', async () => {
    const local = adapter();
    expect((await rejection(local.list('tasks'))).code).to.equal('not-found');
    let completed = false;
    local.changes().subscribe({ complete: () => (completed = true) });
    local.close();
    expect(completed).to.equal(true);
    expect((await rejection(local.push([]))).code).to.equal('network');
  });

  it('forgets applied mutation ids older than the idempotency window when a workspace opens', async () => {
    const { seed } = seeder(5);
    const workspaceId = uniqueWorkspace('prune');
    const first = adapter({ seed });
    await first.open({ workspaceId, userId: 'u-1' });
    const old = { ...update('tasks', 't-1', { title: 'Long ago' }), at: new Date(Date.now() - 40 * 86_400_000).toISOString() };
    const recent = { ...update('tasks', 't-2', { title: 'Just now' }), at: new Date().toISOString() };
    const [oldResult, recentResult] = await first.push([old, recent]);
    expect([oldResult!.status, recentResult!.status]).to.deep.equal(['applied', 'applied']);
    first.close();

    const second = adapter({ seed });
    await second.open({ workspaceId, userId: 'u-1' });
    // The prune runs after open, off the critical path: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [oldAgain, recentAgain] = await second.push([old, recent]);
    expect(recentAgain!.status, 'a recent id is still remembered').to.equal('duplicate');
    expect(oldAgain!.status, 'an id older than 30 days is forgotten').to.equal('applied');
  });
});
