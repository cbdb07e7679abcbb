// Issue 8 fault test: three tabs of one person queue writes; the tab that sends is closed mid-send; another
// tab takes over and finishes; every write is applied exactly once. With Web Locks and with the
// BroadcastChannel heartbeat fallback.
import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import type { ConnectionState } from '@cwm/core';
import { faultStats, reportFigures, setFaults, startServer, stopServer, type StartedServer } from '../harness/browser/servers.js';
import {
  appliedCounts,
  closeTab,
  disposeTab,
  drainReport,
  drained,
  editor,
  openTab,
  serverTab,
  tally,
  waitFor,
  type FrameTab,
  type RestTab,
} from './tabs.js';

const EDITS_PER_TAB = 8;

async function connectionOf(tab: RestTab): Promise<ConnectionState | undefined> {
  const connection = tab.adapter.connection?.();
  return connection ? firstValueFrom(connection) : undefined;
}

for (const leader of ['auto', 'heartbeat'] as const) {
  describe(`faults: the sending tab is closed mid-send (leader: ${leader})`, function () {
    this.timeout(120_000);
    let server: StartedServer;
    const tabs: FrameTab[] = [];

    before(async () => {
      server = await startServer({ seed: 'test' });
    });
    after(async () => {
      for (const opened of tabs) disposeTab(opened);
      await setFaults({ mode: 'pass' });
      await stopServer();
    });

    it('lets another tab finish the queue, sending nothing twice', async () => {
      const started = performance.now();
      const person = await editor(server);
      for (let i = 0; i < 3; i++) tabs.push(await openTab(serverTab(server, person, { leader })));
      const taskIds = tabs[0]!.tab.store.state.tasks.values().slice(0, 6).map((task) => task.id);
      // Slow answers, so the close lands while requests are on the wire.
      await setFaults({ mode: 'pass', delayMs: 400 });
      const ids: string[] = [];
      tabs.forEach((opened, tabIndex) => {
        for (let i = 0; i < EDITS_PER_TAB; i++) {
          const taskId = taskIds[(i + tabIndex * 2) % taskIds.length]!;
          const acted = opened.tab.act((store) => store.updateTask(taskId, { title: `tab ${tabIndex} edit ${i}` }));
          expect(acted.result.ok, `edit ${i} in tab ${tabIndex}`).to.equal(true);
          ids.push(...acted.mutationIds);
        }
      });
      // Who sends: exactly one tab; the others say another tab does.
      const states = await waitFor(
        'one sending tab and two "other-tab"',
        async () => {
          const all = await Promise.all(tabs.map((opened) => connectionOf(opened.tab)));
          const sending = all.filter((state) => state?.sending === 'sending').length;
          const others = all.filter((state) => state?.sending === 'other-tab').length;
          return sending === 1 && others === 2 ? all : undefined;
        },
        leader === 'heartbeat' ? 10_000 : 5_000,
        async () => JSON.stringify(await Promise.all(tabs.map((opened) => connectionOf(opened.tab)))),
        10,
      );
      const sender = tabs[states.findIndex((state) => state?.sending === 'sending')]!;
      // Mid-send: the sender has started, and not finished.
      await waitFor(
        'the sending tab to be sending',
        async () => (await connectionOf(sender.tab))?.sending === 'sending',
        10_000,
        async () => JSON.stringify(await connectionOf(sender.tab)),
        10,
      );
      // Some writes done, some on the wire: close now.
      const forwardedBeforeClose = await waitFor(
        'the first writes to reach the server',
        async () => {
          const { forwarded } = await faultStats();
          return forwarded >= 4 ? forwarded : undefined;
        },
        10_000,
        undefined,
        20,
      );
      closeTab(sender.frame);
      const closedAt = performance.now();
      const survivors = tabs.filter((opened) => opened !== sender);

      const takeover = await waitFor(
        'a surviving tab to take over sending',
        async () => {
          for (const opened of survivors) {
            const state = await connectionOf(opened.tab);
            if (state && state.sending !== 'other-tab') return performance.now() - closedAt;
          }
          return undefined;
        },
        leader === 'heartbeat' ? 10_000 : 5_000,
        async () => JSON.stringify(await Promise.all(survivors.map((opened) => connectionOf(opened.tab)))),
        20,
      );
      await setFaults({ mode: 'pass' });
      for (const opened of survivors) await waitFor('the surviving tabs to drain', () => drained(opened.tab), 30_000, () => drainReport(opened.tab));

      const stats = await faultStats();
      const resent = ids.filter((id) => (stats.byKey[id]?.attempts ?? 0) > 1).length;
      const counts = await appliedCounts(ids);
      const { lost, duplicated } = tally(counts);
      expect(lost, 'writes never applied').to.deep.equal([]);
      expect(duplicated, 'writes applied twice').to.deep.equal([]);
      for (const opened of survivors) expect(opened.tab.uncaught, 'uncaught errors').to.deep.equal([]);
      // It was mid-send: the rest went out from another tab (the closed tab's own writes included,
      // they were in the shared outbox).
      expect(forwardedBeforeClose, 'writes forwarded before the close').to.be.below(ids.length);
      expect(takeover, 'takeover time, ms').to.be.below(leader === 'heartbeat' ? 6_000 : 1_500);
      await reportFigures({
        test: leader === 'heartbeat' ? 'tab-close (heartbeat)' : 'tab-close (web locks)',
        operations: ids.length,
        faultsInjected: 1,
        lost: lost.length,
        duplicated: duplicated.length,
        ms: Math.round(performance.now() - started),
        notes: `3 tabs, sender closed mid-send after ${forwardedBeforeClose} of ${ids.length} writes reached the server; takeover after ${Math.round(takeover)} ms; ${resent} keys sent twice (answered once)`,
      });
    });
  });
}
