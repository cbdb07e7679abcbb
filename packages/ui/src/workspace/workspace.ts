import { ContextProvider } from '@lit/context';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Subscription } from 'rxjs';
import { CwmStore, type CwmAdapter, type Policy, type StoreError } from '@cwm/core';
import { storeContext } from '../context/store-context.js';
import { dispatchCwmEvent } from '../events/events.js';
import { notifyLocaleChanged } from '../i18n/locale-changes.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { visuallyHiddenStyles } from '../base/base.styles.js';
import { createWorkspaceAdapter, type WorkspaceAdapterKind, type WorkspaceSeed } from './workspace-adapter.js';
import { workspaceStyles } from './workspace.styles.js';

/** Values of the `theme` attribute. */
export type WorkspaceTheme = 'light' | 'dark' | 'auto';

const DEFAULT_ADAPTER: WorkspaceAdapterKind = 'local';
const DEFAULT_TENANT = 'demo';

/** Properties from which the workspace makes its own store; a change of any of them re-creates it. */
const SOURCE_PROPERTIES: readonly string[] = ['store', 'adapter', 'tenant', 'user', 'policy', 'seed'];

/** What a workspace made itself, and therefore must clean up. */
interface Owned {
  readonly store: CwmStore;
  readonly adapter: CwmAdapter;
}

/**
 * Holds the live store for every widget inside it: creates an adapter and a store from its attributes
 * (or takes a ready store from JavaScript), connects it, and provides it through `@lit/context`.
 *
 * It renders nothing visible and takes no room (`display: contents`), except a visually hidden live
 * region (`role=status`) that tells screen-reader users when loading fails or a change was undone.
 *
 * @tagname cwm-workspace
 * @summary Provider of the shared store: adapter, tenant and acting person for the widgets inside it.
 *
 * @slot - The page content and widgets that use this workspace's store.
 *
 * @attribute {string} lang - The language of the widgets inside (the global attribute; widgets follow the nearest `lang`).
 *
 * @event {CustomEvent<WorkspaceReadyDetail>} cwm-workspace-ready - The store has loaded (again, after a switch of tenant or user). `detail.store` is it.
 * @event {CustomEvent<StoreError>} cwm-workspace-error - Loading failed. `detail` is the `load-failed` store error.
 * @event {CustomEvent<StoreError>} cwm-error - Every problem the store reported (invalid data skipped, write refused or rebased, offline), for logging.
 *
 * @csspart status - The visually hidden live region.
 */
export class CwmWorkspace extends LitElement {
  // Not a CwmElement: the provider must not consume an outer workspace's store, and its children are
  // the page's own content, which must not get the widgets' base typography.
  static override styles = [workspaceStyles, visuallyHiddenStyles];

  /** The backend when no `.store` is given: `local` (IndexedDB, shared between tabs) or `memory` (this page only). */
  @property({ reflect: true }) adapter: WorkspaceAdapterKind = DEFAULT_ADAPTER;

  /** The workspace (tenant) id. Storage and live channels are namespaced by it. */
  @property({ reflect: true }) tenant = DEFAULT_TENANT;

  /** The id of the acting person. Without one nobody acts: every widget is read-only. */
  @property({ reflect: true }) user: string | undefined;

  /**
   * `light`, `dark` or `auto` (follows the operating system). Sets `color-scheme`, which the widgets
   * inherit; without it they follow the page's own `color-scheme`.
   */
  @property({ reflect: true }) theme: WorkspaceTheme | undefined;

  /** A store made by the host application. When set, `adapter`, `tenant`, `user`, `policy` and `seed` are ignored, and the workspace never disposes it. */
  @property({ attribute: false }) store: CwmStore | undefined;

  /** Who may do what (from `createPolicy()`); the default policy when absent. */
  @property({ attribute: false }) policy: Policy | undefined;

  /** Seed data for an empty workspace (first run of the local adapter, every memory adapter). Default: generated sample data. */
  @property({ attribute: false }) seed: WorkspaceSeed | undefined;

  @state() private announcement = '';

  private readonly localize = new LocalizeController(this);
  private readonly provider = new ContextProvider(this, { context: storeContext });
  private owned: Owned | undefined;
  private provided: CwmStore | undefined;
  private errorSubscription: Subscription | undefined;
  /** Bumped by every (re)build and teardown, so a slow build that lost the race cleans up after itself. */
  private generation = 0;
  private lastLoadError: StoreError | undefined;
  private langObserver: MutationObserver | undefined;

  /** The tenant in effect (a removed `tenant` attribute means the default one). */
  private get workspaceId(): string {
    return this.tenant || DEFAULT_TENANT;
  }

  /** The store the widgets inside use right now: the given one, or the one this workspace made. */
  get activeStore(): CwmStore | undefined {
    return this.provided;
  }

  /**
   * Sign-out: forgets everything this workspace stored on this device (the local adapter's database)
   * and stops providing a store. Setting `tenant` or `user` again, or re-attaching the element, starts
   * afresh. A store given through `.store` is not this workspace's to wipe: it only stops providing it.
   */
  async wipe(): Promise<void> {
    const owned = this.detach();
    if (owned === undefined) return;
    owned.store.dispose();
    try {
      await owned.adapter.wipe?.();
    } finally {
      owned.adapter.close();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A `lang` on the workspace inside someone's shadow root is out of the document observer's reach.
    this.langObserver = new MutationObserver(notifyLocaleChanged);
    this.langObserver.observe(this, { attributes: true, attributeFilter: ['lang'] });
    if (this.hasUpdated && this.provided === undefined) void this.rebuild();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.langObserver?.disconnect();
    this.langObserver = undefined;
    // A DOM move disconnects and reconnects in one task: keep the store through it.
    queueMicrotask(() => {
      if (!this.isConnected) this.teardown();
    });
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.isConnected) return;
    // With a given store, the attributes are ignored by contract: only a new (or removed) store counts.
    const relevant = this.store !== undefined ? ['store'] : SOURCE_PROPERTIES;
    if (relevant.some((key) => changed.has(key))) void this.rebuild();
  }

  protected override render() {
    return html`<slot></slot>
      <div class="visually-hidden" part="status" role="status">${this.announcement}</div>`;
  }

  private async rebuild(): Promise<void> {
    const generation = ++this.generation;
    this.announcement = '';
    this.lastLoadError = undefined;
    if (this.store !== undefined) {
      this.swapTo(this.store, undefined);
      await this.connectStore(this.store, generation);
      return;
    }
    let adapter: CwmAdapter;
    try {
      adapter = await createWorkspaceAdapter({
        kind: this.adapter ?? DEFAULT_ADAPTER,
        workspaceId: this.workspaceId,
        seed: this.seed,
      });
    } catch (error) {
      if (generation !== this.generation) return;
      this.swapTo(undefined, undefined);
      this.reportLoadFailure({ kind: 'load-failed', code: 'network', message: messageOf(error) });
      return;
    }
    if (generation !== this.generation) {
      adapter.close();
      return;
    }
    const store = new CwmStore({
      adapter,
      workspaceId: this.workspaceId,
      userId: this.user ?? '',
      ...(this.policy === undefined ? {} : { policy: this.policy }),
    });
    this.swapTo(store, { store, adapter });
    await this.connectStore(store, generation);
  }

  /** Provides `store` and only then releases the previous one, so widgets never see a gap. */
  private swapTo(store: CwmStore | undefined, owned: Owned | undefined): void {
    const previous = this.owned;
    this.errorSubscription?.unsubscribe();
    this.errorSubscription = store?.errors$.subscribe((error) => this.handleStoreError(error));
    this.owned = owned;
    this.provided = store;
    this.provider.setValue(store);
    if (previous !== undefined) release(previous);
  }

  private async connectStore(store: CwmStore, generation: number): Promise<void> {
    try {
      await store.connect();
    } catch (error) {
      // The store reports failures on errors$ rather than rejecting; this is a second net.
      this.lastLoadError ??= { kind: 'load-failed', code: 'network', message: messageOf(error) };
    }
    if (generation !== this.generation) return;
    if (store.state.sync.phase === 'ready') {
      dispatchCwmEvent(this, 'cwm-workspace-ready', { store });
      return;
    }
    const error = this.lastLoadError ?? { kind: 'load-failed', code: 'network', message: 'The workspace could not be loaded.' };
    this.reportLoadFailure(error, false);
  }

  private handleStoreError(error: StoreError): void {
    dispatchCwmEvent(this, 'cwm-error', error);
    if (error.kind === 'load-failed') this.lastLoadError = error;
    // Announce what changes the user's picture of their work; skipped invalid data is for developers.
    if (error.kind === 'write-rejected' || error.kind === 'offline' || error.kind === 'write-rebased') {
      this.announcement = this.localize.describeError(error);
    }
  }

  private reportLoadFailure(error: StoreError, emitAsStoreError = true): void {
    if (emitAsStoreError) dispatchCwmEvent(this, 'cwm-error', error);
    this.announcement = this.localize.describeError(error);
    dispatchCwmEvent(this, 'cwm-workspace-error', error);
  }

  private teardown(): void {
    const owned = this.detach();
    if (owned !== undefined) release(owned);
  }

  /** Stops providing (and cancels a build in flight); hands back what this workspace made, still open. */
  private detach(): Owned | undefined {
    this.generation++;
    const owned = this.owned;
    this.owned = undefined;
    this.swapTo(undefined, undefined);
    return owned;
  }
}

function release(owned: Owned): void {
  owned.store.dispose();
  owned.adapter.close();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

declare global {
  interface HTMLElementTagNameMap {
    'cwm-workspace': CwmWorkspace;
  }
}
