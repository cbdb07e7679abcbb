// Issue 8 fault test: IndexedDB fails in the tab (a full quota, or an open that stays blocked). The tab says
// so (a `storage-unavailable` notice, `durable: false`), goes online-only, its writes still reach the server
// exactly once, and nothing is thrown uncaught.
import { expect } from '@open-wc/testing';
import type { Task } from '@cwm/core';
import { reportFigures, startServer, stopServer, type StartedServer } from '../harness/browser/servers.js';
import { appliedCounts, disposeTab, drainReport, drained, editor, openTab, serverItems, serverTab, tally, waitFor, type FrameTab } from './tabs.js';

const WRITES = 6;

describe('faults: storage unavailable', function () {
  this.timeout(90_000);
  let server: StartedServer;
  let opened: FrameTab | undefined;
  const pageErrors: string[] = [];
  const onError = (event: ErrorEvent): void => void pageErrors.push(event.message);
  const onRejection = (event: PromiseRejectionEvent): void => void pageErrors.push(String(event.reason));

  before(async () => {
    server = await startServer({ seed: 'test' });
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    disposeTab(opened);
    opened = undefined;
  });
  after(async () => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    await stopServer();
  });

  for (const failure of ['quota', 'blocked'] as const) {
    it(`${failure === 'quota' ? 'a quota error' : 'a blocked open'}: notice, online-only, writes reach the server, no uncaught error`, async () => {
      const started = performance.now();
      const person = await editor(server);
      opened = await openTab(serverTab(server, person, { idb: failure }));
      const tab = opened.tab;
      const taskIds = tab.store.state.tasks.values().slice(0, WRITES).map((task) => task.id);
      const ids: string[] = [];
      for (const [i, id] of taskIds.entries()) {
        const acted = tab.act((store) => store.updateTask(id, { title: `Saved online only (${failure} ${i})` }));
        expect(acted.result.ok).to.equal(true);
        ids.push(...acted.mutationIds);
      }

      // The notice: reported once, and the status says writes are not kept on this device.
      await waitFor(
        'a storage-unavailable notice and durable: false',
        () => tab.errors.some((error) => error.kind === 'storage-unavailable') && tab.store.state.sync.durable === false,
        10_000,
        () => `errors ${JSON.stringify(tab.errors.map((error) => error.kind))}, sync ${JSON.stringify(tab.store.state.sync)}`,
      );
      expect(tab.errors.filter((error) => error.kind === 'storage-unavailable').length, 'the notice comes once').to.equal(1);

      await waitFor('the writes to be answered', () => drained(tab), 20_000, () => drainReport(tab));
      const { lost, duplicated } = tally(await appliedCounts(ids));
      expect(lost, 'writes that never reached the server').to.deep.equal([]);
      expect(duplicated, 'writes applied twice').to.deep.equal([]);
      const onServer = new Map((await serverItems<Task>('tasks')).map((task) => [task.id, task]));
      for (const [i, id] of taskIds.entries()) expect(onServer.get(id)?.title).to.equal(`Saved online only (${failure} ${i})`);
      expect(tab.errors.filter((error) => error.kind === 'write-rejected'), 'writes rejected').to.deep.equal([]);
      expect(tab.uncaught, 'uncaught errors in the tab').to.deep.equal([]);
      expect(pageErrors, 'uncaught errors in the test page').to.deep.equal([]);

      await reportFigures({
        test: `storage-failure (${failure})`,
        operations: ids.length,
        faultsInjected: 1,
        lost: lost.length,
        duplicated: duplicated.length,
        ms: Math.round(performance.now() - started),
        notes: failure === 'quota' ? 'IndexedDB writes abort with QuotaExceededError' : 'indexedDB.open stays blocked',
      });
    });
  }
});
