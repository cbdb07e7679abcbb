import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import type { CwmStore } from '@cwm/core';
import { storeContext } from '@cwm/ui';
import { CountingSource, TestWidget } from './fixtures.js';

/** A stand-in store: one counting source per key, so tests see every subscription. */
class FakeStore {
  readonly sources = new Map<string, CountingSource<string>>();
  constructor(readonly label: string) {}
  value$(key: string) {
    let source = this.sources.get(key);
    if (source === undefined) {
      source = new CountingSource(`${this.label}:${key}`);
      this.sources.set(key, source);
    }
    return source.observable;
  }
  source(key: string): CountingSource<string> {
    const source = this.sources.get(key);
    if (source === undefined) throw new Error(`no source ${key}`);
    return source;
  }
}

const asStore = (fake: FakeStore) => fake as unknown as CwmStore;

/** A plain element that provides `store` to its subtree, like a workspace does. */
async function provide(store: FakeStore | undefined) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const provider = new ContextProvider(host, { context: storeContext, initialValue: store && asStore(store) });
  provider.hostConnected();
  return { host, provider };
}

async function mount(host: HTMLElement, key = 'a'): Promise<TestWidget> {
  const widget = document.createElement('test-widget') as TestWidget;
  widget.key = key;
  host.append(widget);
  await widget.updateComplete;
  return widget;
}

function text(widget: TestWidget): string {
  return widget.shadowRoot?.querySelector('output')?.textContent ?? '';
}

describe('StoreController', () => {
  beforeEach(() => {
    TestWidget.source = (store: FakeStore, key: string) => store.value$(key);
  });

  it('subscribes when connected under a provider and renders the first value in the first render', async () => {
    const store = new FakeStore('one');
    const { host } = await provide(store);
    const widget = await mount(host);
    expect(widget.store).to.equal(asStore(store));
    expect(store.source('a').active).to.equal(1);
    expect(text(widget)).to.equal('one:a');
    store.source('a').emit('changed');
    await widget.updateComplete;
    expect(text(widget)).to.equal('changed');
  });

  it('unsubscribes on disconnect and subscribes again on reconnect', async () => {
    const store = new FakeStore('one');
    const { host } = await provide(store);
    const widget = await mount(host);
    widget.remove();
    expect(store.source('a').active).to.equal(0);
    expect(widget.binding.active).to.equal(false);
    host.append(widget);
    await widget.updateComplete;
    expect(store.source('a').active).to.equal(1);
    expect(store.source('a').subscribes).to.equal(2);
  });

  it('re-subscribes when a dependency changes, and only then', async () => {
    const store = new FakeStore('one');
    const { host } = await provide(store);
    const widget = await mount(host);
    widget.requestUpdate();
    await widget.updateComplete;
    expect(store.source('a').subscribes, 'an unrelated render must not re-subscribe').to.equal(1);
    widget.key = 'b';
    await widget.updateComplete;
    expect(store.source('a').active).to.equal(0);
    expect(store.source('b').active).to.equal(1);
    expect(text(widget)).to.equal('one:b');
  });

  it('follows a store swap through the context', async () => {
    const first = new FakeStore('one');
    const second = new FakeStore('two');
    const { host, provider } = await provide(first);
    const widget = await mount(host);
    provider.setValue(asStore(second));
    await widget.updateComplete;
    expect(widget.store).to.equal(asStore(second));
    expect(first.source('a').active).to.equal(0);
    expect(second.source('a').active).to.equal(1);
    expect(text(widget)).to.equal('two:a');
  });

  it('stays idle without a store and binds as soon as one is set directly', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const widget = await mount(host);
    expect(widget.store).to.equal(undefined);
    expect(widget.binding.active).to.equal(false);
    const store = new FakeStore('direct');
    widget.store = asStore(store);
    await widget.updateComplete;
    expect(store.source('a').active).to.equal(1);
    expect(text(widget)).to.equal('direct:a');
  });

  it('does not retry a failed source on every render', async () => {
    const store = new FakeStore('one');
    const { host } = await provide(store);
    const widget = await mount(host);
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      store.source('a').fail(new Error('boom'));
      widget.requestUpdate();
      await widget.updateComplete;
      widget.requestUpdate();
      await widget.updateComplete;
    } finally {
      console.error = original;
    }
    expect(store.source('a').subscribes).to.equal(1);
    expect(logged).to.have.length(1);
    widget.key = 'b';
    await widget.updateComplete;
    expect(store.source('b').active, 'a new dependency value binds again').to.equal(1);
  });
});

describe('CwmElement.dispatch', () => {
  it('fires bubbling, composed events and reports cancellation', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const widget = await mount(host);
    const seen: Event[] = [];
    const listener = (event: Event) => seen.push(event);
    document.addEventListener('cwm-error', listener);
    try {
      expect(widget.fire(true)).to.equal(true);
      const veto = (event: Event) => event.preventDefault();
      host.addEventListener('cwm-error', veto);
      expect(widget.fire(true)).to.equal(false);
      expect(widget.fire(false), 'a non-cancelable event cannot be vetoed').to.equal(true);
      host.removeEventListener('cwm-error', veto);
    } finally {
      document.removeEventListener('cwm-error', listener);
    }
    expect(seen).to.have.length(3);
    expect(seen[0]!.bubbles).to.equal(true);
    expect(seen[0]!.composed).to.equal(true);
    expect((seen[0] as CustomEvent).detail.kind).to.equal('offline');
  });
});
