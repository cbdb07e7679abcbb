// Issue 8 fault test: offline edits + reload + reconnect. A reload with the backend unreachable shows every
// task with the queued edits on top (the adapter's read replica); every mutation then reaches the server
// exactly once and the server ends up with what the user saw.
import { expect } from '@open-wc/testing';
import type { Task } from '@cwm/core';
import { faultStats, reportFigures, setFaults, startServer, stopServer, type StartedServer } from '../harness/browser/servers.js';
import { OperationLog, OperationMaker, taskDifferences, taskFields, type OperationKind } from './operations.js';
import {
  appliedCounts,
  disposeTab,
  drainReport,
  drained,
  editor,
  openTab,
  reloadTab,
  serverItems,
  serverTab,
  tally,
  waitFor,
  type FrameTab,
  type RestTab,
} from './tabs.js';

const EDITS = 40;
const KINDS: readonly OperationKind[] = ['title', 'priority', 'move', 'comment', 'create', 'progress'];

describe('faults: offline edits, reload, reconnect', function () {
  this.timeout(120_000);
  let server: StartedServer;
  let opened: FrameTab | undefined;

  before(async () => {
    server = await startServer({ seed: 'test' });
  });
  after(async () => {
    disposeTab(opened);
    await setFaults({ mode: 'pass' });
    await stopServer();
  });

  it('keeps 40 offline edits across two reloads and sends each exactly once when the network returns', async () => {
    const started = performance.now();
    const person = await editor(server);
    opened = await openTab(serverTab(server, person));
    let tab = opened.tab;
    const taskIds = tab.store.state.tasks.values().slice(0, 8).map((task) => task.id);
    expect(taskIds.length, 'the test seed has tasks').to.equal(8);

    // Offline: every socket to the server is cut, reads and writes alike.
    await setFaults({ mode: 'down' });
    const log = new OperationLog();
    const maker = new OperationMaker(8_001, taskIds, log);
    for (let i = 0; log.operations.length < EDITS && i < EDITS * 3; i++) maker.run(tab, KINDS, KINDS[i % KINDS.length]);
    expect(log.operations.length, `accepted operations (refused ${log.refused})`).to.equal(EDITS);
    const ids = log.mutationIds;
    const touched = [...new Set(log.operations.filter((op) => op.collection === 'tasks').map((op) => op.entityId))];
    const expected = new Map<string, Task | undefined>(touched.map((id) => [id, tab.store.state.tasks.get(id)]));
    const comments = log.operations.filter((op) => op.kind === 'comment').map((op) => ({ id: op.entityId, body: tab.store.state.messages.get(op.entityId)?.body }));

    // Recorded on the device before anything could be sent.
    await waitFor(
      `all ${ids.length} mutations recorded in the outbox`,
      async () => ((await tab.adapter.queued?.()) ?? []).length === ids.length,
      10_000,
      async () => `outbox has ${((await tab.adapter.queued?.()) ?? []).length}`,
    );

    // Reload while fully offline (reads and writes cut): the adapter answers the store's first load from
    // its offline read replica, and the queued edits show again on top of it, exactly as the user left them.
    const before = snapshot(tab);
    const reloadStarted = performance.now();
    tab = await reloadTab(opened.frame);
    const offlineLoadMs = Math.round(performance.now() - reloadStarted);
    expect(tab.store.state.sync.phase, 'the offline reload reaches ready').to.equal('ready');
    const queuedOffline = ((await tab.adapter.queued?.()) ?? []).map((mutation) => mutation.id);
    expect([...queuedOffline].sort(), 'the outbox after an offline reload').to.deep.equal([...ids].sort());
    await waitFor(
      'the queued edits to show again after the offline reload',
      () => tab.store.state.sync.pendingWrites === ids.length,
      5_000,
      () => `pendingWrites ${tab.store.state.sync.pendingWrites} of ${ids.length}`,
    );
    const after = snapshot(tab);
    expect([...after.tasks.keys()].sort(), 'every task after the offline reload').to.deep.equal([...before.tasks.keys()].sort());
    expect(taskDifferences(before.tasks, after.tasks), 'tasks after the offline reload vs before it').to.deep.equal([]);
    for (const [id, task] of expected) expect(taskFields(tab.store.state.tasks.get(id)), `task ${id} after the offline reload`).to.deep.equal(taskFields(task));
    for (const comment of comments) expect(tab.store.state.messages.get(comment.id)?.body, `comment ${comment.id} after the offline reload`).to.equal(comment.body);
    expect(after.messages, 'messages after the offline reload').to.equal(before.messages);
    expect(tab.store.state.sync.realtime, 'the status line while offline').to.equal('reconnecting');
    expect(tab.errors.filter((error) => error.kind === 'write-rejected'), 'writes rejected while offline').to.deep.equal([]);
    expect(tab.uncaught, 'uncaught errors in the tab after the offline reload').to.deep.equal([]);
    expect(tally(await appliedCounts(ids)).lost.length, 'writes that reached the server while it was down').to.equal(ids.length);

    // Reload while the server answers reads but refuses every write (503): the edits show again on top
    // of the loaded state, still pending, and nothing reached the server.
    await setFaults({ mode: 'pass', rates: { '503': 1 } });
    tab = await reloadTab(opened.frame);
    await waitFor(
      'the queued edits to show again after the reload',
      () => tab.store.state.sync.pendingWrites === ids.length,
      10_000,
      () => `pendingWrites ${tab.store.state.sync.pendingWrites} of ${ids.length}`,
    );
    for (const [id, task] of expected) expect(tab.store.state.tasks.get(id)?.title, `task ${id} after reload`).to.equal(task?.title);
    for (const comment of comments) expect(tab.store.state.messages.get(comment.id)?.body, `comment ${comment.id} after reload`).to.equal(comment.body);
    const early = tally(await appliedCounts(ids));
    expect(early.lost.length, 'writes that reached the server while it refused them').to.equal(ids.length);

    // The network returns: everything drains, once each.
    await setFaults({ mode: 'pass' });
    const reconnected = performance.now();
    await waitFor('the outbox to drain', () => drained(tab), 30_000, () => drainReport(tab));
    const drainMs = Math.round(performance.now() - reconnected);
    const counts = await appliedCounts(ids);
    const { lost, duplicated } = tally(counts);
    expect(lost, 'mutations never applied').to.deep.equal([]);
    expect(duplicated, 'mutations applied twice').to.deep.equal([]);

    const onServer = new Map((await serverItems<Task>('tasks')).map((task) => [task.id, task]));
    expect(taskDifferences(expected, onServer), 'server tasks vs what the user saw').to.deep.equal([]);
    const messages = new Map((await serverItems<{ id: string; body: string }>('messages')).map((message) => [message.id, message]));
    for (const comment of comments) expect(messages.get(comment.id)?.body, `comment ${comment.id} on the server`).to.equal(comment.body);
    expect(tab.errors.filter((error) => error.kind === 'write-rejected'), 'writes rejected').to.deep.equal([]);
    expect(tab.uncaught, 'uncaught errors in the tab').to.deep.equal([]);

    const stats = await faultStats();
    const injected = Object.values(stats.injected).reduce((sum, count) => sum + count, 0);
    await reportFigures({
      test: 'offline-reload',
      operations: log.operations.length,
      faultsInjected: injected,
      lost: lost.length,
      duplicated: duplicated.length,
      ms: Math.round(performance.now() - started),
      notes: `${ids.length} mutations, 2 reloads: fully offline (ready from the read replica in ${offlineLoadMs} ms, ${before.tasks.size} tasks, ${ids.length} edits pending on top), then writes refused (503); drained ${drainMs} ms after reconnect`,
    });
  });
});

/** What the user sees of a tab: every task, and every message body by id. */
function snapshot(tab: RestTab): { tasks: Map<string, Task>; messages: string } {
  const tasks = new Map(tab.store.state.tasks.values().map((task) => [task.id, task]));
  const messages = JSON.stringify(
    tab.store.state.messages
      .values()
      .map((message) => [message.id, message.body])
      .sort(),
  );
  return { tasks, messages };
}
