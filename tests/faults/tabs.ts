// Shared by the fault tests: open, reload and close iframe "tabs" (tests/harness/browser/rest-tab.html),
// wait with a deadline, and read the reference server's own state and history.
import type { RestTab } from '../harness/browser/rest-tab.js';
import { control, type StartedServer } from '../harness/browser/servers.js';

export type { RestTab } from '../harness/browser/rest-tab.js';

/** Query string of one tab; see rest-tab.ts for what each parameter means. */
export interface TabParams {
  readonly api: string;
  readonly ws: string;
  readonly user: string;
  readonly token?: string;
  readonly tenant?: string;
  readonly leader?: 'auto' | 'heartbeat';
  readonly offline?: '0';
  readonly storage?: 'memory';
  readonly idb?: 'quota' | 'blocked';
  readonly preset?: 'json-server';
  readonly timeout?: number;
  readonly retryBase?: number;
  readonly retryMax?: number;
  readonly settle?: number;
  readonly poll?: number;
  readonly chaos?: 'sse';
}

export interface FrameTab {
  readonly frame: HTMLIFrameElement;
  /** The tab as of now: a reload replaces it, so read it again after one. */
  readonly tab: RestTab;
}

const TAB_START_MS = 20_000;

/**
 * The outbox tenant of this test file's tabs. Every file starts its own server, but the browser profile
 * (and so IndexedDB) is shared by the run: a per-file tenant keeps one file's leftovers from being sent
 * to the next file's server.
 */
export const FILE_TENANT = `faults-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** Params for a tab signed in as `personId` on a started server, through the fault proxy by default. */
export function serverTab(server: StartedServer, personId: string, extra: Partial<TabParams> = {}): TabParams {
  const token = server.tokens[personId];
  if (!token) throw new Error(`The server gave no token for ${personId}; it has tokens for ${Object.keys(server.tokens).join(', ')}.`);
  return { api: server.apiUrl, ws: server.workspaceId, user: personId, token, tenant: FILE_TENANT, ...extra };
}

function tabUrl(params: TabParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, String(value));
  return `/tests/harness/browser/rest-tab.html?${query.toString()}`;
}

/** Opens a tab in an iframe and waits until its store has loaded. */
export async function openTab(params: TabParams): Promise<FrameTab> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 10px; height: 10px; border: 0;';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = tabUrl(params);
  document.body.append(frame);
  await withDeadline(loaded, TAB_START_MS, 'the tab page to load');
  return { frame, tab: await tabOf(frame) };
}

/** Reloads the tab's page (a new realm, a new store and adapter) and waits until it has loaded again. */
export async function reloadTab(frame: HTMLIFrameElement): Promise<RestTab> {
  const before = frame.contentWindow?.cwmRestTab;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.contentWindow!.location.reload();
  await withDeadline(loaded, TAB_START_MS, 'the tab page to load');
  const tab = await tabOf(frame);
  if (tab === before) throw new Error('The tab did not reload.');
  return tab;
}

/** Navigates the tab to another session (sign-in as someone else in the same tab) and waits until it has loaded. */
export async function navigateTab(frame: HTMLIFrameElement, params: TabParams): Promise<RestTab> {
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = tabUrl(params);
  await withDeadline(loaded, TAB_START_MS, 'the tab page to load');
  return tabOf(frame);
}

async function tabOf(frame: HTMLIFrameElement): Promise<RestTab> {
  const win = await waitFor('the tab page to define window.cwmRestTab', () => frame.contentWindow?.cwmRestTab, TAB_START_MS);
  await withDeadline(win.ready, TAB_START_MS, 'the tab store to finish its first load');
  if (win.store.state.sync.phase !== 'ready') throw new Error(`The tab store did not load: phase ${win.store.state.sync.phase}; errors ${JSON.stringify(win.errors)}`);
  return win;
}

/** Closes a tab the way a browser does: its document goes away with whatever it was doing. */
export function closeTab(frame: HTMLIFrameElement): void {
  frame.remove();
}

/** Closes a tab politely (store disposed, adapter closed) when a test is over with it. */
export function disposeTab(opened: FrameTab | undefined): void {
  if (!opened) return;
  const tab = opened.frame.contentWindow?.cwmRestTab;
  try {
    tab?.store.dispose();
    tab?.adapter.close();
  } catch {
    // Already closed by the test.
  }
  opened.frame.remove();
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it returns something other than `undefined`/`false`, or fails after `deadlineMs`
 * with `what` and, when given, `missing()` saying what was still not there.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  deadlineMs: number,
  missing?: () => string | Promise<string>,
  everyMs = 50,
): Promise<T> {
  const until = performance.now() + deadlineMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() >= until) {
      const detail = missing ? await missing() : lastError ? String(lastError) : '';
      throw new Error(`Timed out after ${deadlineMs} ms waiting for ${what}${detail ? `: ${detail}` : ''}`);
    }
    await sleep(everyMs);
  }
}

/** `promise`, or a failure naming `what` after `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// ------------------------------------------------------------------ the server's own view

/** One row of the server's history (`changes` table). */
export interface HistoryRow {
  readonly seq: number;
  readonly op: 'upsert' | 'delete';
  readonly version: number;
  readonly actorId: string | null;
  readonly mutationId: string | null;
  readonly data: unknown;
}

/** Every entity of a collection as the server holds it. */
export async function serverItems<T>(collection: string): Promise<T[]> {
  const body = await control<{ items: T[] }>(`state?collection=${encodeURIComponent(collection)}`);
  return body.items;
}

export async function serverHistory(collection: string, id?: string): Promise<HistoryRow[]> {
  const query = new URLSearchParams({ collection });
  if (id !== undefined) query.set('id', id);
  return control<HistoryRow[]>(`history?${query.toString()}`);
}

/** How many changes rows the server wrote for this idempotency key (its target entity only). */
export async function appliedCount(mutationId: string): Promise<number> {
  const body = await control<{ count: number }>(`applied?key=${encodeURIComponent(mutationId)}`);
  return body.count;
}

/** Applied counts of many keys, a few requests at a time. */
export async function appliedCounts(mutationIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const queue = [...mutationIds];
  const worker = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) counts.set(id, await appliedCount(id));
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return counts;
}

/** Lost = applied 0 times, duplicated = applied more than once. */
export function tally(counts: ReadonlyMap<string, number>): { lost: string[]; duplicated: string[] } {
  const lost: string[] = [];
  const duplicated: string[] = [];
  for (const [id, count] of counts) {
    if (count === 0) lost.push(id);
    else if (count > 1) duplicated.push(id);
  }
  return { lost, duplicated };
}

/** A person of the server's seed who may edit every task (the default policy's admin or manager). */
export async function editor(server: StartedServer, exclude: readonly string[] = []): Promise<string> {
  const people = await serverItems<{ id: string; role: string; kind: string }>('people');
  const signable = new Set(Object.keys(server.tokens));
  for (const role of ['admin', 'manager']) {
    const found = people.find((person) => person.role === role && person.kind === 'person' && signable.has(person.id) && !exclude.includes(person.id));
    if (found) return found.id;
  }
  throw new Error(`The seed has no admin or manager with a token besides ${exclude.join(', ')}: ${JSON.stringify(people.map((p) => [p.id, p.role]))}`);
}

/** The outbox is empty and the store has nothing pending: everything this tab wrote was answered. */
export async function drained(tab: RestTab): Promise<boolean> {
  const queued = (await tab.adapter.queued?.())?.length ?? 0;
  return queued === 0 && tab.store.state.sync.pendingWrites === 0;
}

/** What `drained` is still waiting for, for a timeout message. */
export async function drainReport(tab: RestTab): Promise<string> {
  const queued = (await tab.adapter.queued?.())?.length ?? 0;
  return `outbox still holds ${queued}, store pendingWrites ${tab.store.state.sync.pendingWrites}, sync ${JSON.stringify(tab.store.state.sync)}`;
}
