// Issue 8 fault test: A queues writes offline and signs out; B signs in on the same browser (the same page
// reloaded, and another tab). Nothing of A is visible to B, A's database is gone, and A's queue is never sent.
import { expect } from '@open-wc/testing';
import type { Task } from '@cwm/core';
import { outboxNamespace } from '@cwm/adapter-rest';
import { reportFigures, setFaults, startServer, stopServer, type StartedServer } from '../harness/browser/servers.js';
import {
  appliedCounts,
  disposeTab,
  editor,
  FILE_TENANT,
  navigateTab,
  openTab,
  serverItems,
  serverTab,
  sleep,
  waitFor,
  withDeadline,
  type FrameTab,
} from './tabs.js';

async function databasesOf(namespace: string): Promise<string[]> {
  const all = await indexedDB.databases();
  return all.map((database) => database.name ?? '').filter((name) => name.startsWith(namespace));
}

describe('faults: sign-out, then another person signs in', function () {
  this.timeout(90_000);
  let server: StartedServer;
  const opened: FrameTab[] = [];

  before(async () => {
    server = await startServer({ seed: 'test' });
  });
  after(async () => {
    for (const tab of opened) disposeTab(tab);
    await setFaults({ mode: 'pass' });
    await stopServer();
  });

  it("leaves nothing of A visible, stored or sent after A signs out and B signs in", async () => {
    const started = performance.now();
    const personA = await editor(server);
    const personB = await editor(server, [personA]);
    const first = await openTab(serverTab(server, personA));
    opened.push(first);
    const tabA = first.tab;
    // A second tab of A: it shares A's outbox, holds its database open, and may be the one sending.
    const secondA = await openTab(serverTab(server, personA));
    opened.push(secondA);
    const tasks = tabA.store.state.tasks.values().slice(0, 4);
    const projectId = tasks[0]!.projectId;

    // A works offline: edits, a new task and a comment wait in A's outbox.
    await setFaults({ mode: 'down' });
    const ids: string[] = [];
    const secrets: string[] = [];
    for (const [i, task] of tasks.entries()) {
      const title = `A's private draft ${i}`;
      secrets.push(title);
      ids.push(...tabA.act((store) => store.updateTask(task.id, { title })).mutationIds);
    }
    const created = tabA.act((store) => store.createTask({ projectId, title: "A's unsent task" }));
    secrets.push("A's unsent task");
    ids.push(...created.mutationIds);
    const createdId = created.result.ok ? created.result.id : '';
    ids.push(...tabA.act((store) => store.postMessage({ taskId: tasks[0]!.id, body: "A's unsent comment" })).mutationIds);
    expect(ids.length, 'mutations queued by A').to.equal(tasks.length + 2);
    await waitFor('A\'s writes to be recorded', async () => ((await tabA.adapter.queued?.()) ?? []).length === ids.length, 10_000);

    const namespaceA = await outboxNamespace(FILE_TENANT, personA);
    expect((await databasesOf(namespaceA)).length, "A's outbox database exists before sign-out").to.be.above(0);
    await withDeadline(tabA.signOut(), 10_000, 'A to sign out');
    expect(await databasesOf(namespaceA), "A's databases after sign-out").to.deep.equal([]);
    // A's other tab heard it and dropped its store: it cannot send A's queue when the network returns.
    await waitFor("A's other tab to follow the sign-out", () => secondA.tab.signedOutElsewhere, 5_000);
    expect(secondA.tab.uncaught, "uncaught errors in A's other tab").to.deep.equal([]);

    // The network is back; B signs in on the same page (reloaded with B's session) and in another tab.
    await setFaults({ mode: 'pass' });
    const samePage = await navigateTab(first.frame, serverTab(server, personB));
    expect(samePage.store.userId, 'the reloaded page is B').to.equal(personB);
    const second = await openTab(serverTab(server, personB));
    opened.push(second);

    // Several send cycles, then look everywhere.
    await sleep(3_000);
    for (const tab of [samePage, second.tab]) {
      const visible = JSON.stringify([...tab.store.state.tasks.values(), ...tab.store.state.messages.values()]);
      for (const secret of secrets) expect(visible.includes(secret), `B sees "${secret}"`).to.equal(false);
      expect(tab.store.state.tasks.get(createdId), "A's unsent task in B's view").to.equal(undefined);
      expect((await tab.adapter.queued?.()) ?? [], "B's queue").to.deep.equal([]);
      expect(tab.store.state.sync.pendingWrites, "B's pending writes").to.equal(0);
    }
    const counts = await appliedCounts(ids);
    const sent = [...counts].filter(([, count]) => count > 0).map(([id]) => id);
    expect(sent, "A's mutations the server applied").to.deep.equal([]);
    const onServer = JSON.stringify(await serverItems<Task>('tasks'));
    for (const secret of secrets) expect(onServer.includes(secret), `the server has "${secret}"`).to.equal(false);
    expect(samePage.uncaught.concat(second.tab.uncaught), 'uncaught errors').to.deep.equal([]);

    await reportFigures({
      test: 'sign-out',
      operations: ids.length,
      faultsInjected: 1,
      lost: 0,
      duplicated: 0,
      ms: Math.round(performance.now() - started),
      notes: `A queued ${ids.length} offline in one of two tabs and signed out (the other tab followed); B signed in on the same page and a second tab; applied count of A's keys 0`,
    });
  });
});
