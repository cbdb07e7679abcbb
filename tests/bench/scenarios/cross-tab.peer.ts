/**
 * Tab B of the cross-tab scenario: opens the same local workspace as another person and notes, on the
 * shared clock, when its store first shows each edit (and when each raw channel message arrives).
 */
import type { Subscription } from 'rxjs';
import { CwmStore } from '@cwm/core';
import { LocalAdapter } from '@cwm/adapters';

const WAIT_MS = 10_000;

let adapter: LocalAdapter | undefined;
let store: CwmStore | undefined;
let subscription: Subscription | undefined;
let rawChannel: BroadcastChannel | undefined;
const seenTitles = new Map<string, number>();
const seenRaw = new Map<number, number>();

const sharedNow = (): number => performance.timeOrigin + performance.now();

export async function connect(workspaceId: string, userId: string, taskId: string): Promise<void> {
  adapter = new LocalAdapter({});
  store = new CwmStore({ adapter, workspaceId, userId });
  await store.connect();
  subscription = store.task$(taskId).subscribe((task) => {
    if (task && !seenTitles.has(task.title)) seenTitles.set(task.title, sharedNow());
  });
}

export function listenRaw(name: string): void {
  rawChannel = new BroadcastChannel(name);
  rawChannel.onmessage = (event: MessageEvent<{ run: number }>) => {
    seenRaw.set(event.data.run, sharedNow());
  };
}

/** When this tab's store first emitted the task with `title`; waits for it if it has not yet. */
export function whenTitleSeen(title: string): Promise<number> {
  return waitFor(() => seenTitles.get(title), `the edit "${title}" never reached this tab's store`);
}

export function whenRawSeen(run: number): Promise<number> {
  return waitFor(() => seenRaw.get(run), `raw message ${run} never arrived`);
}

export function disconnect(): void {
  subscription?.unsubscribe();
  store?.dispose();
  adapter?.close();
  rawChannel?.close();
}

function waitFor(read: () => number | undefined, failure: string): Promise<number> {
  const deadline = performance.now() + WAIT_MS;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      const value = read();
      if (value !== undefined) resolve(value);
      else if (performance.now() > deadline) reject(new Error(failure));
      // Polling only decides when to answer; the time itself was taken by the subscriber.
      else setTimeout(poll, 1);
    };
    poll();
  });
}
