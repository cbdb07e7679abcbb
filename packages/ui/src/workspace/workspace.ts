import { ContextProvider } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Observable, Subscription } from 'rxjs';
import { CwmStore, type CwmAdapter, type Policy, type StoreError, type SyncState } from '@cwm/core';
import { storeContext } from '../context/store-context.js';
import { dispatchCwmEvent } from '../events/events.js';
import { notifyLocaleChanged } from '../i18n/locale-changes.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { visuallyHiddenStyles } from '../base/base.styles.js';
import { createWorkspaceAdapter, type WorkspaceAdapterKind, type WorkspaceAuth, type WorkspaceSeed } from './workspace-adapter.js';
import { secondsUntil, workspaceStatus, type WorkspaceStatus } from './workspace-status.js';
import { workspaceStatusStyles, workspaceStyles } from './workspace.styles.js';

/** Values of the `theme` attribute. */
export type WorkspaceTheme = 'light' | 'dark' | 'auto';

const DEFAULT_ADAPTER: WorkspaceAdapterKind = 'local';
const DEFAULT_TENANT = 'demo';

/** Properties from which the workspace makes its own store; a change of any of them re-creates it. */
const SOURCE_PROPERTIES: readonly string[] = ['store', 'adapter', 'tenant', 'workspaceId', 'user', 'policy', 'seed', 'api', 'auth'];

/** What a workspace made itself, and therefore must clean up. */
interface Owned {
  readonly store: CwmStore;
  readonly adapter: CwmAdapter;
}

/**
 * Holds the live store for every widget inside it: creates an adapter and a store from its attributes
 * (or takes a ready store from JavaScript), connects it, and provides it through `@lit/context`.
 *
 * It takes no room (`display: contents`). While all is well it shows nothing; when writes cannot reach
 * the backend, the live connection dropped, the sign-in expired or this browser cannot keep unsent
 * changes, a small status line appears in the bottom corner of the viewport (a polite live region,
 * with "Retry now" while writes wait). A visually hidden live region tells screen-reader users when
 * loading fails or a change was undone or merged.
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
 * @csspart status - The status line (offline, reconnecting, signed out, online only); empty and boxless while all is well.
 * @csspart status-retry - The status line's "Retry now" button.
 * @csspart announcement - The visually hidden live region for load failures and undone or merged changes.
 *
 * @cssproperty --cwm-workspace-status-inset - Distance of the status line from the viewport's bottom and start edges (default 1rem).
 * @cssproperty --cwm-workspace-status-z-index - Stacking of the status line over the page (default 1000).
 */
export class CwmWorkspace extends LitElement {
  // Not a CwmElement: the provider must not consume an outer workspace's store, and its children are
  // the page's own content, which must not get the widgets' base typography.
  static override styles = [workspaceStyles, workspaceStatusStyles, visuallyHiddenStyles];

  /**
   * The backend when no `.store` is given: `local` (IndexedDB, shared between tabs), `memory` (this page
   * only) or `rest` (a server at `api`, signed in with `token` or `auth`; its code loads only then).
   */
  @property({ reflect: true }) adapter: WorkspaceAdapterKind = DEFAULT_ADAPTER;

  /** The tenant. Storage on this device and live channels are namespaced by it. */
  @property({ reflect: true }) tenant = DEFAULT_TENANT;

  /** The workspace's id at the backend; the tenant when absent (the two differ only for hosts that say so). */
  @property({ attribute: 'workspace-id', reflect: true }) workspaceId: string | undefined;

  /** `adapter="rest"`: the API's base URL, e.g. `http://127.0.0.1:8787/api/v1`. */
  @property({ reflect: true }) api: string | undefined;

  /**
   * `adapter="rest"`: the bearer token of the signed-in person. A new token does not rebuild the
   * store: it is used from the next request on, and writes paused by an expired sign-in resume.
   * Property only, so it never shows in the DOM.
   */
  @property({ attribute: false }) token: string | undefined;

  /** `adapter="rest"`: full control over signing requests (headers, refresh on 401); wins over `token`. */
  @property({ attribute: false }) auth: WorkspaceAuth | undefined;

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
  @state() private sync: SyncState | undefined;
  /** Another tab signed this person out (and wiped the outbox): no store until the host signs in again. */
  @state() private signedOutElsewhere = false;
  /** The store said it cannot keep writes on this device (reported once per store). */
  @state() private storageUnavailable = false;

  private readonly localize = new LocalizeController(this);
  private readonly provider = new ContextProvider(this, { context: storeContext });
  private owned: Owned | undefined;
  private provided: CwmStore | undefined;
  private errorSubscription: Subscription | undefined;
  private syncSubscription: Subscription | undefined;
  private signOutSubscription: Subscription | undefined;
  /** Re-renders the "retry in N s" countdown once a second while it shows. */
  private countdownTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every (re)build and teardown, so a slow build that lost the race cleans up after itself. */
  private generation = 0;
  private lastLoadError: StoreError | undefined;
  private langObserver: MutationObserver | undefined;

  /** The tenant in effect (a removed `tenant` attribute means the default one). */
  private get tenantInEffect(): string {
    return this.tenant || DEFAULT_TENANT;
  }

  /** The backend's workspace id in effect. */
  private get workspaceIdInEffect(): string {
    return this.workspaceId || this.tenantInEffect;
  }

  /** The store the widgets inside use right now: the given one, or the one this workspace made. */
  get activeStore(): CwmStore | undefined {
    return this.provided;
  }

  /**
   * Sign-out: forgets everything this workspace stored on this device (the local adapter's database,
   * the REST adapter's outbox of unsent writes and its cache) and stops providing a store. Setting
   * `user` (and `token`) for the next person, or re-attaching the element, starts afresh from the
   * backend: nothing of the previous person is shown or sent. A store given through `.store` is not this
   * workspace's to wipe: it only stops providing it.
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

  /**
   * The host renewed the sign-in behind `auth` (after the status line said "Signed out – sign in
   * again"): writes paused because the backend refused the old credentials are sent again. A new
   * `token` does this by itself. Without a REST adapter there is nothing to resume.
   */
  resumeAuth(): void {
    const adapter = this.owned?.adapter as (CwmAdapter & { resumeAuth?: () => void }) | undefined;
    adapter?.resumeAuth?.();
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
    clearTimeout(this.countdownTimer);
    this.countdownTimer = undefined;
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
    else if (changed.has('token')) this.tokenChanged();
  }

  protected override render() {
    // The announcer comes first: it is the workspace's original live region, and hosts' tests find it so.
    return html`<slot></slot>
      <div class="visually-hidden" part="announcement" role="status">${this.announcement}</div>
      ${this.renderStatus(this.currentStatus())}`;
  }

  protected override updated(): void {
    this.scheduleCountdown(this.currentStatus());
  }

  private currentStatus(): WorkspaceStatus {
    if (this.signedOutElsewhere) return { kind: 'signed-out' };
    if (this.sync === undefined) return { kind: 'none' };
    return workspaceStatus(this.sync, { storageUnavailable: this.storageUnavailable });
  }

  /**
   * The status line. While all is well its live region stays in the accessibility tree, empty and
   * visually hidden (not `display: none`): a region that appears together with its text is often not
   * announced.
   */
  private renderStatus(status: WorkspaceStatus) {
    const retryIn = status.kind === 'offline' && status.retryAt !== undefined ? secondsUntil(status.retryAt, Date.now()) : 0;
    return html`<div part="status" role="status" aria-live="polite" class=${status.kind === 'none' ? 'status visually-hidden' : `status status-${status.kind}`}>
      ${status.kind === 'none'
        ? nothing
        : html`<span>${this.statusText(status)}${retryIn > 0
                ? // Visible only: a live region re-reading a countdown every second would drown everything else.
                  html` <span aria-hidden="true">${this.localize.t('status.retry-in', { seconds: retryIn })}</span>`
                : nothing}</span>${status.kind === 'offline'
              ? html`<button part="status-retry" type="button" @click=${this.retryNow}>${this.localize.t('status.retry-now')}</button>`
              : nothing}`}
    </div>`;
  }

  private statusText(status: Exclude<WorkspaceStatus, { kind: 'none' }>): string {
    switch (status.kind) {
      case 'signed-out':
        return this.localize.t('status.signed-out');
      case 'offline':
        return this.localize.t('status.offline', { count: status.waiting });
      case 'reconnecting':
        return this.localize.t('status.reconnecting');
      case 'online-only':
        return this.localize.t('status.online-only');
    }
  }

  private readonly retryNow = (): void => {
    this.provided?.retryNow();
  };

  private scheduleCountdown(status: WorkspaceStatus): void {
    clearTimeout(this.countdownTimer);
    this.countdownTimer = undefined;
    if (status.kind !== 'offline' || status.retryAt === undefined || !this.isConnected) return;
    const left = status.retryAt - Date.now();
    if (left <= 0) return;
    // Wake at the next whole second of the countdown, so the number steps evenly.
    this.countdownTimer = setTimeout(() => this.requestUpdate(), (left % 1000) + 5);
  }

  /**
   * A new token for the same person: the REST adapter reads it on its next request; writes paused by
   * an expired sign-in are resumed. A `rest` workspace that could not start for want of a token starts now.
   */
  private tokenChanged(): void {
    if (this.store !== undefined) return;
    if (this.owned === undefined) {
      if (this.adapter === 'rest' && this.token) void this.rebuild();
      return;
    }
    if (this.token) this.resumeAuth();
  }

  /** Signs requests with `token`, read at each request so a refreshed token needs no rebuild. */
  private authInEffect(): WorkspaceAuth | undefined {
    if (this.auth !== undefined) return this.auth;
    if (this.token === undefined) return undefined;
    return {
      header: async () => (this.token ? { Authorization: `Bearer ${this.token}` } : undefined),
      userId: () => this.user,
    };
  }

  private async rebuild(): Promise<void> {
    const generation = ++this.generation;
    this.announcement = '';
    this.lastLoadError = undefined;
    this.storageUnavailable = false;
    this.signedOutElsewhere = false;
    if (this.store !== undefined) {
      this.swapTo(this.store, undefined);
      await this.connectStore(this.store, generation);
      return;
    }
    let adapter: CwmAdapter;
    try {
      adapter = await createWorkspaceAdapter({
        kind: this.adapter ?? DEFAULT_ADAPTER,
        workspaceId: this.workspaceIdInEffect,
        seed: this.seed,
        api: this.api,
        tenant: this.tenantInEffect,
        auth: this.authInEffect(),
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
      workspaceId: this.workspaceIdInEffect,
      userId: this.user ?? '',
      ...(this.policy === undefined ? {} : { policy: this.policy }),
    });
    this.swapTo(store, { store, adapter });
    this.followSignOut(adapter);
    await this.connectStore(store, generation);
  }

  /**
   * Another tab of this browser signed this person out: its wipe deleted the outbox this adapter
   * sends from, so this tab's store must go too, or it would keep showing (and editing) the person's
   * data. The status line then says "Signed out – sign in again" until the host starts a new session.
   */
  private followSignOut(adapter: CwmAdapter): void {
    const signedOut$ = (adapter as CwmAdapter & { signedOut$?: Observable<void> }).signedOut$;
    this.signOutSubscription = signedOut$?.subscribe(() => {
      if (this.owned?.adapter !== adapter) return;
      this.teardown();
      this.signedOutElsewhere = true;
    });
  }

  /** Provides `store` and only then releases the previous one, so widgets never see a gap. */
  private swapTo(store: CwmStore | undefined, owned: Owned | undefined): void {
    const previous = this.owned;
    this.errorSubscription?.unsubscribe();
    this.errorSubscription = store?.errors$.subscribe((error) => this.handleStoreError(error));
    this.syncSubscription?.unsubscribe();
    this.signOutSubscription?.unsubscribe();
    this.signOutSubscription = undefined;
    this.sync = undefined;
    this.syncSubscription = store?.sync$().subscribe((sync) => (this.sync = sync));
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
    if (error.kind === 'storage-unavailable') this.storageUnavailable = true;
    // Announce what changes the user's picture of their work; skipped invalid data is for developers.
    if (ANNOUNCED.has(error.kind)) this.announcement = this.localize.describeError(error);
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

/** Store errors read out to screen-reader users (`offline` is the status line's, itself a live region). */
const ANNOUNCED: ReadonlySet<StoreError['kind']> = new Set<StoreError['kind']>([
  'write-rejected',
  'write-rebased',
  'write-merged',
  'storage-unavailable',
]);

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
