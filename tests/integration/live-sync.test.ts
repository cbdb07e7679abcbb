import { expect } from '@open-wc/testing';
import { filter, firstValueFrom, timeout } from 'rxjs';
import type { CwmStore, Task } from '@cwm/core';
import { openTab, type Tab } from './tab-page.js';

const unique = (name: string): string => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** Opens the workspace in an iframe: another realm with its own store and adapter, like another tab. */
async function openFrameTab(workspaceId: string, userId: string): Promise<{ frame: HTMLIFrameElement; tab: Tab }> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><script type="module">
    import { openTab } from '/tests/integration/tab-page.ts';
    window.cwmTab = openTab(${JSON.stringify(workspaceId)}, ${JSON.stringify(userId)});
  </script>`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window;
  for (let i = 0; i < 200 && !win.cwmTab; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!win.cwmTab) throw new Error('The frame tab did not start.');
  return { frame, tab: await win.cwmTab };
}

function taskWhere(store: CwmStore, id: string, predicate: (task: Task) => boolean): Promise<Task | undefined> {
  return firstValueFrom(store.task$(id).pipe(filter((task) => task !== undefined && predicate(task)), timeout(3000)));
}

function anyOpenTask(store: CwmStore): Task {
  const task = store.state.tasks.values().find((item) => item.parentId !== undefined && item.status !== 'done');
  if (!task) throw new Error('The seed has no open subtask.');
  return task;
}

describe('live sync between tabs on the local adapter', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('shows a change made by one person in another tab acting as another person', async () => {
    const workspace = unique('sync');
    const mine = await openTab(workspace, 'u-1');
    const { frame, tab: theirs } = await openFrameTab(workspace, 'u-2');
    cleanups.push(async () => {
      theirs.store.dispose();
      theirs.adapter.close();
      frame.remove();
      mine.store.dispose();
      await mine.adapter.wipe();
      mine.adapter.close();
    });
    expect(theirs.store.userId).to.equal('u-2');
    const task = anyOpenTask(mine.store);
    const started = performance.now();
    const result = mine.store.updateTask(task.id, { title: 'Renamed in tab one' });
    expect(result.ok).to.equal(true);
    const seen = await taskWhere(theirs.store, task.id, (item) => item.title === 'Renamed in tab one');
    const elapsed = performance.now() - started;
    expect(seen?.version).to.equal(task.version + 1);
    expect(elapsed).to.be.below(1000);

    // And back: the other person's edit reaches the first tab.
    theirs.store.updateTask(task.id, { priority: 'urgent' });
    const back = await taskWhere(mine.store, task.id, (item) => item.priority === 'urgent');
    expect(back?.title).to.equal('Renamed in tab one');
  });

  it('keeps the workspace across a reload of the tab', async () => {
    const workspace = unique('reload');
    const { frame, tab } = await openFrameTab(workspace, 'u-1');
    const task = anyOpenTask(tab.store);
    const result = tab.store.updateTask(task.id, { title: 'Survives a reload' });
    if (result.ok) expect((await result.confirmed).status).to.equal('applied');
    // A real reload of the frame: a new realm that reads everything back from IndexedDB.
    const reloaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.contentWindow!.location.reload();
    await reloaded;
    const win = frame.contentWindow as Window;
    for (let i = 0; i < 200 && !win.cwmTab; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    const after = await win.cwmTab!;
    expect(after.store.state.tasks.get(task.id)?.title).to.equal('Survives a reload');
    expect(after.store.state.tasks.size).to.equal(tab.store.state.tasks.size);
    after.store.dispose();
    await after.adapter.wipe();
    after.adapter.close();
    frame.remove();
  });

  it('never lets one tenant see another tenant\'s changes', async () => {
    const first = await openTab(unique('tenant-a'), 'u-1');
    const second = await openTab(unique('tenant-b'), 'u-1');
    cleanups.push(async () => {
      for (const tab of [first, second]) {
        tab.store.dispose();
        await tab.adapter.wipe();
        tab.adapter.close();
      }
    });
    const task = anyOpenTask(first.store);
    const before = second.store.state.tasks.get(task.id);
    const result = first.store.updateTask(task.id, { title: 'Tenant A only' });
    if (result.ok) await result.confirmed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(second.store.state.tasks.get(task.id)).to.equal(before);
    expect(second.store.state.tasks.get(task.id)?.title).to.not.equal('Tenant A only');
  });

  it('records who changed what in the activity log, live in the other tab', async () => {
    const workspace = unique('activity');
    const mine = await openTab(workspace, 'u-1');
    const theirs = await openTab(workspace, 'u-2');
    cleanups.push(async () => {
      theirs.store.dispose();
      theirs.adapter.close();
      mine.store.dispose();
      await mine.adapter.wipe();
      mine.adapter.close();
    });
    const task = anyOpenTask(mine.store);
    const entries = theirs.store.activity$({ taskId: task.id });
    await firstValueFrom(entries.pipe(filter((list) => list.length > 0), timeout(3000)));
    const result = mine.store.updateTask(task.id, { title: 'Logged change' });
    if (result.ok) await result.confirmed;
    const log = await firstValueFrom(
      entries.pipe(
        filter((list) => list.some((entry) => entry.changes.some((change) => change.field === 'title' && change.to === 'Logged change'))),
        timeout(3000),
      ),
    );
    const entry = log.find((item) => item.changes.some((change) => change.to === 'Logged change'))!;
    expect(entry.actorId).to.equal('u-1');
    expect(entry.changes.find((change) => change.field === 'title')?.from).to.equal(task.title);
  });
});
