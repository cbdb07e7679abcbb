// Issue 8 fault test: two people edit the same task. Different fields merge; on the same field the server's
// (first) value is kept and the person whose change lost is told; the server's history shows no update
// overwritten blindly.
//
// To make "at the same time" deterministic, A works through the fault proxy, which is down while A edits,
// and B straight to the server: B's edit lands first, A's arrives later on a stale base version (409).
import { expect } from '@open-wc/testing';
import type { StoreError, Task } from '@cwm/core';
import { reportFigures, setFaults, startServer, stopServer, type StartedServer } from '../harness/browser/servers.js';
import {
  appliedCount,
  disposeTab,
  drainReport,
  drained,
  editor,
  openTab,
  serverHistory,
  serverItems,
  serverTab,
  waitFor,
  withDeadline,
  type FrameTab,
  type HistoryRow,
  type RestTab,
} from './tabs.js';

type Merged = Extract<StoreError, { kind: 'write-merged' }>;

function entityOf(row: HistoryRow): Partial<Task> {
  const data = typeof row.data === 'string' ? (JSON.parse(row.data) as unknown) : row.data;
  return (data ?? {}) as Partial<Task>;
}

async function serverTask(id: string): Promise<Task> {
  const task = (await serverItems<Task>('tasks')).find((item) => item.id === id);
  if (!task) throw new Error(`The server has no task ${id}.`);
  return task;
}

/** Waits until a tab shows the task as the server has it (live changes reached it). */
async function converged(tab: RestTab, id: string, what: string): Promise<void> {
  await waitFor(
    `${what} to show the server's task ${id}`,
    async () => {
      const server = await serverTask(id);
      const mine = tab.store.state.tasks.get(id);
      return mine?.version === server.version && mine.title === server.title && mine.priority === server.priority;
    },
    10_000,
    async () => `tab has ${JSON.stringify(tab.store.state.tasks.get(id))}, server ${JSON.stringify(await serverTask(id))}`,
  );
}

describe('faults: two users edit the same task', function () {
  this.timeout(90_000);
  let server: StartedServer;
  let a: FrameTab | undefined;
  let b: FrameTab | undefined;
  let personA: string;
  let personB: string;
  let operations = 0;
  let lostUpdates = 0;
  const started = performance.now();

  before(async () => {
    server = await startServer({ seed: 'test' });
    personA = await editor(server);
    personB = await editor(server, [personA]);
    a = await openTab(serverTab(server, personA));
    b = await openTab(serverTab(server, personB, { api: server.directUrl }));
  });
  after(async () => {
    disposeTab(a);
    disposeTab(b);
    await setFaults({ mode: 'pass' });
    await reportFigures({
      test: 'two-users',
      operations,
      faultsInjected: 3,
      lost: lostUpdates,
      duplicated: 0,
      ms: Math.round(performance.now() - started),
      notes: '3 races (different fields, same field, mixed); faults = offline windows forcing a stale base version',
    });
    await stopServer();
  });

  /** A edits offline, B edits online, then A's network returns; resolves when A's write is answered. */
  async function race(taskId: string, patchA: Partial<Task>, patchB: Partial<Task>) {
    const tabA = a!.tab;
    const tabB = b!.tab;
    const before = await serverTask(taskId);
    await setFaults({ mode: 'down' });
    const actA = tabA.act((store) => store.updateTask(taskId, patchA));
    const actB = tabB.act((store) => store.updateTask(taskId, patchB));
    expect(actA.result.ok && actB.result.ok, 'both edits accepted locally').to.equal(true);
    operations += 2;
    if (!actB.result.ok) throw new Error('unreachable');
    expect((await withDeadline(actB.result.confirmed, 10_000, "the server to answer B")).status, "B's edit").to.equal('applied');
    const errorsBefore = tabA.errors.length;
    await setFaults({ mode: 'pass' });
    if (!actA.result.ok) throw new Error('unreachable');
    const outcomeA = await withDeadline(actA.result.confirmed, 20_000, "A's write to settle after the network returned");
    await waitFor("A's outbox to drain", () => drained(tabA), 20_000, () => drainReport(tabA));
    const merged = tabA.errors.slice(errorsBefore).filter((error): error is Merged => error.kind === 'write-merged');
    const after = await serverTask(taskId);
    const history = (await serverHistory('tasks', taskId)).filter((row) => row.seq > 0 && entityOf(row).version !== undefined && entityOf(row).version! > before.version);
    return { before, after, outcomeA, merged, history, idA: actA.mutationIds[0]!, idB: actB.mutationIds[0]! };
  }

  it('merges edits of different fields: both are kept', async () => {
    const taskId = a!.tab.store.state.tasks.values()[0]!.id;
    const { after, outcomeA, merged, history, idA, idB } = await race(taskId, { priority: 'urgent' }, { title: 'B renamed it' });
    expect(outcomeA.status).to.equal('applied');
    expect(merged, 'nothing of A was dropped').to.deep.equal([]);
    expect(after.title, 'B kept').to.equal('B renamed it');
    expect(after.priority, 'A kept').to.equal('urgent');
    // History: B's write, then A's write made on top of it (B's title still there).
    expect(history.map((row) => row.mutationId), 'history after the race').to.deep.equal([idB, idA]);
    expect(entityOf(history[1]!).title, "A's write did not put the old title back").to.equal('B renamed it');
    expect(await appliedCount(idA)).to.equal(1);
    expect(await appliedCount(idB)).to.equal(1);
    await converged(a!.tab, taskId, 'A');
    await converged(b!.tab, taskId, 'B');
  });

  it('keeps the first value on the same field and tells the person whose change lost', async () => {
    const taskId = a!.tab.store.state.tasks.values()[1]!.id;
    const { after, outcomeA, merged, history, idA, idB } = await race(taskId, { title: 'A wants this' }, { title: 'B was first' });
    expect(outcomeA.status, 'A settles: merged, not rejected').to.equal('applied');
    expect(after.title, 'the server kept B').to.equal('B was first');
    expect(merged.length, 'A was told').to.equal(1);
    expect(merged[0]!.entityId).to.equal(taskId);
    expect(merged[0]!.kept).to.deep.equal(['title']);
    // No blind overwrite: nothing after B's write carries A's title.
    expect(history.map((row) => row.mutationId)[0], 'B first').to.equal(idB);
    const overwritten = history.filter((row) => entityOf(row).title === 'A wants this');
    if (overwritten.length > 0) lostUpdates++;
    expect(overwritten, 'history rows with A overwriting B').to.deep.equal([]);
    expect(await appliedCount(idA), 'A had nothing left to write').to.be.at.most(1);
    await converged(a!.tab, taskId, 'A');
    expect(a!.tab.store.state.tasks.get(taskId)?.title, "A's view shows the kept value").to.equal('B was first');
  });

  it('merges a mixed patch field by field', async () => {
    const taskId = a!.tab.store.state.tasks.values()[2]!.id;
    const { after, merged, history, idA, idB } = await race(taskId, { title: 'A title', progress: 42 }, { title: 'B title' });
    expect(after.title, 'same field: B kept').to.equal('B title');
    expect(after.progress, 'other field: A applied').to.equal(42);
    expect(merged.map((error) => error.kept), 'A told about the title only').to.deep.equal([['title']]);
    expect(history.map((row) => row.mutationId), 'history after the race').to.deep.equal([idB, idA]);
    expect(entityOf(history[1]!).title, "A's write kept B's title").to.equal('B title');
    await converged(a!.tab, taskId, 'A');
    await converged(b!.tab, taskId, 'B');
    expect(a!.tab.uncaught.concat(b!.tab.uncaught), 'uncaught errors').to.deep.equal([]);
  });
});
