import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore, type Person, type StoreError } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { CwmWorkspace, defineElement, TOKENS, type WorkspaceSeed } from '@cwm/ui';
import { TestWidget } from './fixtures.js';

defineElement('cwm-workspace', CwmWorkspace);

const smallSeed: WorkspaceSeed = (workspaceId) => generateWorkspace({ workspaceId, projects: 1, people: 5, tasks: 12 });

function statusText(workspace: CwmWorkspace): string {
  return workspace.shadowRoot?.querySelector('[role=status]')?.textContent?.trim() ?? '';
}

/** Resolves when `store` is disposed (its state stream completes). */
function watchDisposal(store: CwmStore): () => boolean {
  let disposed = false;
  store.state$.subscribe({ complete: () => (disposed = true) });
  return () => disposed;
}

async function memoryWorkspace(user = 'u-2') {
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace adapter="memory" tenant="t-ui" user=${user} .seed=${smallSeed}>
      <test-widget></test-widget>
    </cwm-workspace>
  `);
  const widget = workspace.querySelector('test-widget') as TestWidget;
  if (workspace.activeStore?.state.sync.phase !== 'ready') await loaded(workspace);
  await widget.updateComplete;
  return { workspace, widget };
}

/** Waits for the workspace to load, failing at once (with the reason) when it reports a load failure. */
async function loaded(workspace: CwmWorkspace): Promise<void> {
  const failure = oneEvent(workspace, 'cwm-workspace-error').then((event) => {
    throw new Error(`workspace failed to load: ${JSON.stringify((event as CustomEvent<StoreError>).detail)}`);
  });
  await Promise.race([oneEvent(workspace, 'cwm-workspace-ready'), failure]);
}

function givenStore(options: { online?: boolean; userId?: string } = {}) {
  const adapter = new MemoryAdapter({ seed: generateWorkspace({ workspaceId: 'host', projects: 1, people: 5, tasks: 12 }) });
  if (options.online === false) adapter.setOnline(false);
  const store = new CwmStore({ adapter, workspaceId: 'host', userId: options.userId ?? 'u-1' });
  return { adapter, store };
}

describe('<cwm-workspace>', () => {
  beforeEach(() => {
    TestWidget.source = (store: CwmStore) => store.me$();
  });

  it('makes a memory adapter and store from its attributes and provides it to the widgets inside', async () => {
    const { workspace, widget } = await memoryWorkspace();
    const store = workspace.activeStore;
    expect(store).to.be.instanceOf(CwmStore);
    expect(store?.workspaceId).to.equal('t-ui');
    expect(store?.userId).to.equal('u-2');
    expect(widget.store).to.equal(store);
    const me = widget.value as Person;
    expect(me.id).to.equal('u-2');
    expect(store?.state.tasks.size).to.equal(12);
  });

  it('re-creates the store when the user changes, and disposes the one it made', async () => {
    const { workspace, widget } = await memoryWorkspace();
    const first = workspace.activeStore!;
    const firstDisposed = watchDisposal(first);
    const ready = oneEvent(workspace, 'cwm-workspace-ready');
    workspace.user = 'u-3';
    const event = await ready;
    const second = workspace.activeStore!;
    expect(event.detail.store).to.equal(second);
    expect(second).to.not.equal(first);
    expect(second.userId).to.equal('u-3');
    expect(firstDisposed()).to.equal(true);
    await widget.updateComplete;
    expect(widget.store).to.equal(second);
    expect((widget.value as Person).id).to.equal('u-3');
  });

  it('re-creates the store when the tenant or adapter changes', async () => {
    const { workspace } = await memoryWorkspace();
    const first = workspace.activeStore;
    const ready = oneEvent(workspace, 'cwm-workspace-ready');
    workspace.tenant = 't-ui-2';
    await ready;
    expect(workspace.activeStore).to.not.equal(first);
    expect(workspace.activeStore?.workspaceId).to.equal('t-ui-2');
  });

  it('uses a .store from JavaScript over its attributes and never disposes it', async () => {
    const { store } = givenStore();
    const disposed = watchDisposal(store);
    const workspace = await fixture<CwmWorkspace>(html`
      <cwm-workspace adapter="memory" tenant="ignored" user="u-4" .store=${store}><test-widget></test-widget></cwm-workspace>
    `);
    const widget = workspace.querySelector('test-widget') as TestWidget;
    if (store.state.sync.phase !== 'ready') await oneEvent(workspace, 'cwm-workspace-ready');
    expect(workspace.activeStore).to.equal(store);
    expect(widget.store).to.equal(store);
    workspace.tenant = 'still-ignored';
    workspace.user = 'u-5';
    await workspace.updateComplete;
    expect(workspace.activeStore, 'attribute changes do not replace a given store').to.equal(store);
    workspace.remove();
    await Promise.resolve();
    await Promise.resolve();
    expect(disposed()).to.equal(false);
    expect(store.state.sync.phase).to.equal('ready');
  });

  it('keeps its store through a DOM move and releases it when removed', async () => {
    const { workspace } = await memoryWorkspace();
    const store = workspace.activeStore!;
    const disposed = watchDisposal(store);
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(workspace);
    await new Promise((resolve) => setTimeout(resolve));
    expect(disposed(), 'a move is not a removal').to.equal(false);
    expect(workspace.activeStore).to.equal(store);
    workspace.remove();
    await new Promise((resolve) => setTimeout(resolve));
    expect(disposed()).to.equal(true);
    expect(workspace.activeStore).to.equal(undefined);
    elsewhere.remove();
  });

  it('re-emits store errors as cwm-error and announces a rejected write', async () => {
    const { adapter, store } = givenStore({ userId: 'u-1' });
    const workspace = await fixture<CwmWorkspace>(html`<cwm-workspace lang="en" .store=${store}></cwm-workspace>`);
    if (store.state.sync.phase !== 'ready') await oneEvent(workspace, 'cwm-workspace-ready');
    const task = store.state.tasks.values()[0]!;
    adapter.failNext('forbidden');
    const reported = oneEvent(document, 'cwm-error');
    const result = store.updateTask(task.id, { title: 'Renamed' });
    expect(result.ok).to.equal(true);
    const event = (await reported) as CustomEvent<StoreError>;
    expect(event.detail.kind).to.equal('write-rejected');
    await workspace.updateComplete;
    expect(statusText(workspace)).to.equal('Your change was undone: you are not allowed to do this');
    expect(store.state.tasks.get(task.id)?.title, 'rolled back').to.equal(task.title);
  });

  it('reports a load failure with cwm-workspace-error and a localized live announcement', async () => {
    const { store } = givenStore({ online: false });
    const workspace = document.createElement('cwm-workspace');
    workspace.setAttribute('lang', 'de');
    workspace.store = store;
    const failed = oneEvent(workspace, 'cwm-workspace-error');
    document.body.append(workspace);
    try {
      const event = (await failed) as CustomEvent<StoreError>;
      expect(event.detail.kind).to.equal('load-failed');
      await workspace.updateComplete;
      expect(statusText(workspace)).to.equal('Der Arbeitsbereich konnte nicht geladen werden: der Server ist nicht erreichbar');
      await expect(workspace).to.be.accessible();
    } finally {
      workspace.remove();
    }
  });

  it('fails clearly for an unknown adapter name', async () => {
    const workspace = document.createElement('cwm-workspace');
    workspace.setAttribute('adapter', 'carrier-pigeon');
    const failed = oneEvent(workspace, 'cwm-workspace-error');
    document.body.append(workspace);
    try {
      const event = (await failed) as CustomEvent<StoreError>;
      expect(event.detail.kind === 'load-failed' && event.detail.message).to.contain('unknown adapter "carrier-pigeon"');
    } finally {
      workspace.remove();
    }
  });

  it('reaches widgets that upgraded before the workspace was defined', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div><late-workspace adapter="memory" tenant="t-late" user="u-2"><test-widget></test-widget></late-workspace></div>
    `);
    const late = wrapper.querySelector('late-workspace') as CwmWorkspace;
    late.seed = smallSeed;
    const widget = wrapper.querySelector('test-widget') as TestWidget;
    await widget.updateComplete;
    expect(widget.store).to.equal(undefined);
    const ready = oneEvent(late, 'cwm-workspace-ready');
    defineElement('cwm-workspace', CwmWorkspace, { prefix: 'late' });
    await ready;
    await widget.updateComplete;
    expect(widget.store).to.equal(late.activeStore);
    expect((widget.value as Person).id).to.equal('u-2');
  });

  it('is accessible when loaded', async () => {
    const { workspace } = await memoryWorkspace();
    await expect(workspace).to.be.accessible();
  });

  it('sets color-scheme from theme, which the widgets inside follow', async () => {
    const { workspace, widget } = await memoryWorkspace();
    const paragraph = () => widget.shadowRoot!.querySelector('p')!;
    workspace.theme = 'light';
    await workspace.updateComplete;
    const light = getComputedStyle(paragraph()).color;
    workspace.theme = 'dark';
    await workspace.updateComplete;
    const dark = getComputedStyle(paragraph()).color;
    expect(light).to.equal('rgb(29, 32, 36)');
    expect(dark).to.equal('rgb(232, 234, 237)');
    expect(TOKENS['color-text'].dark).to.equal('#e8eaed');
    workspace.theme = 'auto';
    await workspace.updateComplete;
    const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(getComputedStyle(paragraph()).color).to.equal(prefersDark ? dark : light);
  });

  it('passes its lang to the widgets inside', async () => {
    const { workspace, widget } = await memoryWorkspace();
    workspace.setAttribute('lang', 'de');
    await waitUntil(() => widget.shadowRoot?.querySelector('p')?.textContent === 'Rückgängig');
    workspace.setAttribute('lang', 'en');
    await waitUntil(() => widget.shadowRoot?.querySelector('p')?.textContent === 'Undo');
  });

  it('seeds the local adapter on first run and forgets everything on wipe()', async () => {
    const tenant = `ui-local-${Math.random().toString(36).slice(2)}`;
    let seeded = 0;
    const seed: WorkspaceSeed = (workspaceId) => {
      seeded++;
      return smallSeed(workspaceId);
    };
    const workspace = document.createElement('cwm-workspace');
    Object.assign(workspace, { tenant, user: 'u-1', seed });
    const ready = oneEvent(workspace, 'cwm-workspace-ready');
    document.body.append(workspace);
    try {
      await ready;
      expect(workspace.adapter).to.equal('local');
      expect(workspace.activeStore?.state.tasks.size).to.equal(12);
      expect(seeded).to.equal(1);
      const again = oneEvent(workspace, 'cwm-workspace-ready');
      workspace.user = 'u-2';
      await again;
      expect(seeded, 'the second store finds the data already stored').to.equal(1);
      await workspace.wipe();
      expect(workspace.activeStore).to.equal(undefined);
      const databases = await indexedDB.databases();
      expect(databases.some((database) => database.name?.includes(tenant))).to.equal(false);
    } finally {
      workspace.remove();
    }
  });
});
