import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { BehaviorSubject, Subject } from 'rxjs';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore, type ConnectionState, type StoreError, type SyncState } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { CwmWorkspace, defineElement } from '@cwm/ui';

defineElement('cwm-workspace', CwmWorkspace);


const ALL_WELL: SyncState = { phase: 'ready', online: true, pendingWrites: 0, realtime: 'live', sending: 'idle', durable: true, queued: 0 };

/**
 * Just what `<cwm-workspace .store>` uses of a store, with the sync state and errors under the test's
 * control: the status line is about what the store says, not how it came to say it.
 */
class FakeStore {
  readonly errors$ = new Subject<StoreError>();
  readonly syncState = new BehaviorSubject<SyncState>(ALL_WELL);
  retries = 0;

  get state(): { sync: SyncState } {
    return { sync: this.syncState.value };
  }

  sync$() {
    return this.syncState;
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  retryNow(): void {
    this.retries++;
  }

  dispose(): void {}

  set(patch: Partial<SyncState>): void {
    this.syncState.next({ ...this.syncState.value, ...patch });
  }
}

async function workspaceWith(store: FakeStore, lang = 'en', theme: 'light' | 'dark' = 'light') {
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace lang=${lang} theme=${theme} .store=${store as unknown as CwmStore}><p>Page content</p></cwm-workspace>
  `);
  await workspace.updateComplete;
  return workspace;
}

function statusLine(workspace: CwmWorkspace): HTMLElement {
  return workspace.shadowRoot!.querySelector<HTMLElement>('[part=status]')!;
}

/** What the status line shows: its pieces (message, countdown, button) in order, one space apart. */
function statusText(workspace: CwmWorkspace): string {
  return [...statusLine(workspace).children].map((piece) => piece.textContent?.trim() ?? '').join(' ');
}

function announcement(workspace: CwmWorkspace): string {
  return workspace.shadowRoot!.querySelector('[part=announcement]')?.textContent?.trim() ?? '';
}

function retryButton(workspace: CwmWorkspace): HTMLButtonElement | null {
  return workspace.shadowRoot!.querySelector<HTMLButtonElement>('[part=status-retry]');
}

async function settle(workspace: CwmWorkspace): Promise<void> {
  await workspace.updateComplete;
}

describe('<cwm-workspace> status line', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('shows nothing while all is well, but keeps its polite live region in place', async () => {
    const store = new FakeStore();
    const workspace = await workspaceWith(store);
    const line = statusLine(workspace);
    expect(line.getAttribute('role')).to.equal('status');
    expect(line.getAttribute('aria-live')).to.equal('polite');
    expect(statusText(workspace)).to.equal('');
    const box = line.getBoundingClientRect();
    expect(box.width <= 1 && box.height <= 1, 'no visible box').to.equal(true);
    expect(getComputedStyle(line).display, 'still in the accessibility tree').to.not.equal('none');
    expect(retryButton(workspace)).to.equal(null);
  });

  it('says "Reconnecting…" while the live connection is lost, and goes away when it is back', async () => {
    const store = new FakeStore();
    const workspace = await workspaceWith(store);
    store.set({ realtime: 'reconnecting' });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('Reconnecting…');
    expect(getComputedStyle(statusLine(workspace)).display).to.equal('flex');
    expect(statusLine(workspace).getBoundingClientRect().width).to.be.greaterThan(50);
    expect(retryButton(workspace), 'nothing to retry: no write waits').to.equal(null);
    store.set({ realtime: 'live' });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('');
  });

  it('counts the waiting writes and the seconds to the next retry, and "Retry now" retries (mouse and keyboard)', async () => {
    const store = new FakeStore();
    const workspace = await workspaceWith(store);
    store.set({ sending: 'waiting', queued: 12, pendingWrites: 3, retryAt: Date.now() + 7_600 });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('Offline – 12 changes waiting (retry in 8 s) Retry now');
    const countdown = statusLine(workspace).querySelector('[aria-hidden=true]');
    expect(countdown?.textContent, 'the ticking part is not re-announced every second').to.equal('(retry in 8 s)');
    const button = retryButton(workspace)!;
    expect(button.textContent?.trim()).to.equal('Retry now');
    button.click();
    expect(store.retries).to.equal(1);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(store.retries).to.equal(3);
  });

  it('counts down once a second', async () => {
    const store = new FakeStore();
    const workspace = await workspaceWith(store);
    store.set({ sending: 'waiting', queued: 1, retryAt: Date.now() + 2_500 });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('Offline – 1 change waiting (retry in 3 s) Retry now');
    await waitUntil(() => statusText(workspace).includes('(retry in 2 s)'), 'countdown did not step', { timeout: 1_500 });
    // Once the retry is due, the time goes and the count stays.
    await waitUntil(() => statusText(workspace) === 'Offline – 1 change waiting Retry now', 'countdown did not end', { timeout: 3_500 });
  });

  it('uses the store\'s own retry time when the adapter gives none', async () => {
    const store = new FakeStore();
    const workspace = await workspaceWith(store);
    // As the store reports going offline: the retry time in its sync state, and the news on errors$.
    store.set({ online: false, pendingWrites: 2, retryAt: Date.now() + 4_600 });
    store.errors$.next({ kind: 'offline', message: 'down', retryInMs: 4_600 });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('Offline – 2 changes waiting (retry in 5 s) Retry now');
    expect(announcement(workspace), 'the status line says it: no second announcement').to.equal('');
    store.set({ online: true, pendingWrites: 0 });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('');
  });

  it('says "Signed out – sign in again" when the backend refuses the sign-in, before anything else', async () => {
    const store = new FakeStore();
    const workspace = await workspaceWith(store);
    store.set({ sending: 'paused-auth', queued: 4, realtime: 'reconnecting' });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('Signed out – sign in again');
    expect(retryButton(workspace)).to.equal(null);
  });

  it('says writes are kept only while online after a storage failure, and not for adapters that never store', async () => {
    const store = new FakeStore();
    store.set({ durable: false });
    const workspace = await workspaceWith(store);
    expect(statusText(workspace), 'memory/local adapters are never durable: no news').to.equal('');
    store.errors$.next({ kind: 'storage-unavailable', message: 'QuotaExceededError' });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('Saved only while online: this browser cannot keep unsent changes');
    expect(announcement(workspace)).to.equal('This browser cannot store your changes. They are still sent, but only while you are online.');
  });

  it('announces a merged write with the fields whose other value was kept', async () => {
    const store = new FakeStore();
    const workspace = await workspaceWith(store);
    const reported = oneEvent(workspace, 'cwm-error');
    store.errors$.next({ kind: 'write-merged', collection: 'tasks', entityId: 't-1', intent: 'task.update', kept: ['title', 'due'] });
    expect(((await reported) as CustomEvent<StoreError>).detail.kind).to.equal('write-merged');
    await settle(workspace);
    expect(announcement(workspace)).to.equal(
      'Your change was saved, except the title and due date: someone else had changed them first, and their values were kept.',
    );
    store.errors$.next({ kind: 'write-merged', collection: 'tasks', entityId: 't-1', intent: 'task.update', kept: ['customField'] });
    await settle(workspace);
    expect(announcement(workspace), 'a field without a label is named as the data names it').to.equal(
      'Your change was saved, except the customField: someone else had changed it first, and their value was kept.',
    );
  });

  it('speaks German', async () => {
    const store = new FakeStore();
    const workspace = await workspaceWith(store, 'de');
    store.set({ sending: 'waiting', queued: 3, retryAt: Date.now() + 9_500 });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('Offline – 3 Änderungen warten (neuer Versuch in 10 s) Jetzt erneut versuchen');
    store.set({ sending: 'idle', queued: 0, realtime: 'reconnecting' });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('Verbindung wird wiederhergestellt…');
    store.set({ sending: 'paused-auth' });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('Abgemeldet – bitte erneut anmelden');
    store.errors$.next({ kind: 'write-merged', collection: 'tasks', entityId: 't-1', intent: 'task.update', kept: ['title'] });
    await settle(workspace);
    expect(announcement(workspace)).to.equal('Ihre Änderung wurde gespeichert, außer Titel: Das hatte jemand anderes zuvor geändert, dessen Wert bleibt.');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible in ${theme} mode in every state`, async () => {
      const store = new FakeStore();
      const workspace = await workspaceWith(store, 'en', theme);
      for (const patch of [
        { sending: 'waiting', queued: 12, retryAt: Date.now() + 8_000 },
        { sending: 'idle', queued: 0, realtime: 'reconnecting' },
        { sending: 'paused-auth' },
      ] as const) {
        store.set({ ...ALL_WELL, ...patch });
        await settle(workspace);
        expect(statusText(workspace)).to.not.equal('');
        await expect(workspace).to.be.accessible();
      }
    });
  }

  it('fits a 320 px wide screen, wrapping rather than overflowing', async () => {
    await setViewport({ width: 320, height: 640 });
    const store = new FakeStore();
    const workspace = await workspaceWith(store, 'de');
    store.set({ sending: 'waiting', queued: 128, retryAt: Date.now() + 28_000 });
    await settle(workspace);
    const line = statusLine(workspace).getBoundingClientRect();
    const button = retryButton(workspace)!.getBoundingClientRect();
    expect(line.left).to.be.at.least(0);
    expect(line.right).to.be.at.most(320);
    expect(button.right).to.be.at.most(320);
    expect(button.height, 'a touch target, not a link-sized button').to.be.at.least(32);
    expect(line.bottom).to.be.at.most(640);
  });

  it('follows a real store fed by its adapter\'s connection', async () => {
    const connection = new BehaviorSubject<ConnectionState>({ realtime: 'live', sending: 'idle', durable: true, queued: 0 });
    const adapter = Object.assign(new MemoryAdapter({ seed: generateWorkspace({ workspaceId: 'w-real', projects: 1, people: 3, tasks: 4 }) }), {
      connection: () => connection.asObservable(),
    });
    const store = new CwmStore({ adapter, workspaceId: 'w-real', userId: 'u-1' });
    const workspace = await fixture<CwmWorkspace>(html`<cwm-workspace lang="en" .store=${store}></cwm-workspace>`);
    if (store.state.sync.phase !== 'ready') await oneEvent(workspace, 'cwm-workspace-ready');
    await settle(workspace);
    expect(statusText(workspace)).to.equal('');
    connection.next({ realtime: 'reconnecting', sending: 'idle', durable: true, queued: 0 });
    await waitUntil(() => statusText(workspace) === 'Reconnecting…', `status line says "${statusText(workspace)}"`);
    connection.next({ realtime: 'live', sending: 'waiting', durable: true, queued: 5, retryAt: Date.now() + 3_400 });
    await waitUntil(() => statusText(workspace) === 'Offline – 5 changes waiting (retry in 4 s) Retry now', `status line says "${statusText(workspace)}"`);
    connection.next({ realtime: 'live', sending: 'idle', durable: true, queued: 0 });
    await waitUntil(() => statusText(workspace) === '', `status line says "${statusText(workspace)}"`);
    store.dispose();
  });

  it('is gone with the store', async () => {
    const store = new FakeStore();
    const workspace = await workspaceWith(store);
    store.set({ realtime: 'reconnecting' });
    await settle(workspace);
    expect(statusText(workspace)).to.equal('Reconnecting…');
    await workspace.wipe();
    await settle(workspace);
    expect(statusText(workspace)).to.equal('');
  });
});
