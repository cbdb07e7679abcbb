// Issue 8 fault test: the realtime stream is dropped for a minute while someone else makes 50 changes;
// the view says it is reconnecting, and converges to the server within seconds of reconnecting.
// Duplicate and stale (older) events are injected into the stream throughout and must all be ignored.
//
// The gap is 60 s. Locally `CWM_FAULT_QUICK=1` in the runner's environment shortens it, read through the
// harness plugin's `cwm-fault-env` command; when the plugin does not answer that command the full minute
// runs, so CI always runs the full minute.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { firstValueFrom } from 'rxjs';
import type { ConnectionState, Task } from '@cwm/core';
import { control, faultStats, reportFigures, setFaults, startServer, stopServer, type StartedServer } from '../harness/browser/servers.js';
import { disposeTab, editor, openTab, serverItems, serverTab, sleep, waitFor, type FrameTab, type RestTab } from './tabs.js';

const FULL_GAP_MS = 60_000;
const QUICK_GAP_MS = 5_000;
const CHANGES = 50;

/** The gap length: the full minute unless the runner was started with CWM_FAULT_QUICK=1. */
async function gapMs(): Promise<number> {
  try {
    const env = await executeServerCommand<{ quick?: boolean } | undefined, undefined>('cwm-fault-env', undefined);
    return env?.quick === true ? QUICK_GAP_MS : FULL_GAP_MS;
  } catch {
    return FULL_GAP_MS;
  }
}

async function realtimeOf(tab: RestTab): Promise<ConnectionState['realtime'] | undefined> {
  const connection = tab.adapter.connection?.();
  return connection ? (await firstValueFrom(connection)).realtime : undefined;
}

/** Tasks whose version or title in the tab differs from the server's. */
async function divergent(tab: RestTab): Promise<string[]> {
  const server = await serverItems<Task>('tasks');
  return server
    .filter((task) => {
      const mine = tab.store.state.tasks.get(task.id);
      return mine?.version !== task.version || mine.title !== task.title;
    })
    .map((task) => `${task.id} (tab v${tab.store.state.tasks.get(task.id)?.version ?? '-'}, server v${task.version})`);
}

describe('faults: realtime dropped for a minute', function () {
  this.timeout(150_000);
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

  it('shows reconnecting during the gap and converges within seconds of reconnecting', async () => {
    const gap = await gapMs();
    console.log(`realtime-gap: dropping the stream for ${gap} ms`);
    const started = performance.now();
    const person = await editor(server);
    const other = await editor(server, [person]);
    // The stream is unreliable on top of the gap: every change arrives twice and older ones come again.
    opened = await openTab(serverTab(server, person, { chaos: 'sse' }));
    const tab = opened.tab;
    await waitFor('the stream to be live', async () => (await realtimeOf(tab)) === 'live', 10_000, async () => `realtime is ${await realtimeOf(tab)}`);
    const taskIds = tab.store.state.tasks.values().slice(0, 10).map((task) => task.id);

    // Live first: two edits of each of five tasks reach the tab, through the duplicates and stale repeats.
    for (let i = 0; i < 10; i++) {
      await control('edit', { body: { as: other, collection: 'tasks', id: taskIds[i % 5]!, patch: { title: `Live edit ${i}` } } });
    }
    await waitFor('the live edits to show', async () => (await divergent(tab)).length === 0, 10_000, async () => `differs: ${(await divergent(tab)).join(', ')}`);

    await setFaults({ mode: 'pass', sse: 'drop', dropForMs: gap });
    const dropped = performance.now();
    await waitFor('the tab to say it is reconnecting', async () => (await realtimeOf(tab)) === 'reconnecting', 10_000, async () => `realtime is ${await realtimeOf(tab)}`);
    expect(tab.store.state.sync.realtime, 'the store passes the state on to the widgets').to.equal('reconnecting');

    // Someone else works meanwhile: 50 edits spread over the gap.
    for (let i = 0; i < CHANGES; i++) {
      const id = taskIds[i % taskIds.length]!;
      await control('edit', { body: { as: other, collection: 'tasks', id, patch: { title: `Edited during the gap ${i}` } } });
      await sleep(Math.max(0, (gap * 0.8) / CHANGES - 5));
    }
    const missedBeforeRestore = (await divergent(tab)).length;
    expect(missedBeforeRestore, 'the tab missed the changes while the stream was down').to.be.above(0);

    // Wait out the rest of the gap, then for the stream and the view.
    await sleep(Math.max(0, gap - (performance.now() - dropped)));
    const restored = performance.now();
    await waitFor('the stream to be live again', async () => (await realtimeOf(tab)) === 'live', 20_000, async () => `realtime is ${await realtimeOf(tab)}`);
    const reconnected = performance.now();
    await waitFor('the view to equal the server', async () => (await divergent(tab)).length === 0, 5_000, async () => `differs: ${(await divergent(tab)).join(', ')}`);
    const convergedMs = Math.round(performance.now() - reconnected);
    const reconnectMs = Math.round(reconnected - restored);
    expect(tab.store.state.sync.realtime).to.equal('live');
    expect(tab.uncaught, 'uncaught errors in the tab').to.deep.equal([]);
    expect(tab.errors.filter((error) => error.kind === 'invalid-data'), 'invalid data from the replay').to.deep.equal([]);
    // Duplicates and stale events really came, and none of them took a task back.
    expect(tab.injected.duplicates, 'duplicate events injected').to.be.above(CHANGES);
    expect(tab.injected.stale, 'stale events injected').to.be.above(CHANGES / 2);
    expect(tab.regressions, 'tasks that went back to an older version').to.deep.equal([]);

    const stats = await faultStats();
    await reportFigures({
      test: 'realtime-gap',
      operations: CHANGES + 10,
      faultsInjected: (stats.injected['sseDrop'] ?? 1) + tab.injected.duplicates + tab.injected.stale,
      lost: (await divergent(tab)).length,
      duplicated: 0,
      ms: Math.round(performance.now() - started),
      notes: `stream dropped ${gap} ms; ${tab.injected.duplicates} duplicate and ${tab.injected.stale} stale events injected, 0 applied; ${missedBeforeRestore} tasks behind at restore; reconnected ${reconnectMs} ms after restore; view equal ${convergedMs} ms after reconnect`,
    });
  });
});
