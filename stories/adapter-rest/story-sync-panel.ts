// A story-only widget that spells out what the store knows about syncing, read through context like
// every real widget: the live stream, the sender, how many writes wait on this device, and the last
// notices about merged or undone writes (the workspace announces those in a hidden live region; here
// they stay on screen, so the story shows them).
import { css, html } from 'lit';
import { state } from 'lit/decorators.js';
import type { StoreError, SyncState } from '@cwm/core';
import { CwmElement, token } from '@cwm/ui';

/** Store reports worth keeping on screen: what happened to the user's own writes. */
const SHOWN: ReadonlySet<StoreError['kind']> = new Set<StoreError['kind']>(['write-merged', 'write-rejected', 'write-rebased', 'storage-unavailable']);

const REALTIME: Record<SyncState['realtime'], string> = {
  live: 'live',
  connecting: 'connecting…',
  reconnecting: 'reconnecting…',
  polling: 'polling',
  off: 'off',
};

const SENDING: Record<SyncState['sending'], string> = {
  idle: 'nothing to send',
  sending: 'sending…',
  waiting: 'waiting to retry',
  'paused-auth': 'paused: sign in again',
  'other-tab': 'another tab sends',
};

/** `<story-sync-panel>`: the store's sync state and the latest notices about the user's writes, as text (story only). */
export class StorySyncPanel extends CwmElement {
  static override styles = [
    ...CwmElement.styles,
    css`
      :host {
        display: block;
        font-size: ${token('font-size-s')};
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: ${token('space-2xs')} ${token('space-m')};
        margin: 0;
      }
      dt {
        color: ${token('color-text-muted')};
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      h3 {
        margin: ${token('space-s')} 0 ${token('space-xs')};
        font-size: inherit;
      }
      ol {
        margin: 0;
        padding-inline-start: ${token('space-m')};
      }
      .none {
        margin: 0;
        color: ${token('color-text-muted')};
      }
    `,
  ];

  @state() private sync: SyncState | undefined;
  @state() private notices: readonly string[] = [];

  constructor() {
    super();
    this.observe((store) => store.sync$(), (sync) => (this.sync = sync));
    this.observe(
      (store) => store.errors$,
      (error) => {
        if (SHOWN.has(error.kind)) this.notices = [this.localize.describeError(error), ...this.notices].slice(0, 3);
      },
    );
  }

  protected override render() {
    const sync = this.sync;
    const waiting = sync === undefined ? 0 : Math.max(sync.queued, sync.pendingWrites);
    return html`<dl>
        <dt>Live updates</dt>
        <dd>${sync ? REALTIME[sync.realtime] : '–'}</dd>
        <dt>Writes</dt>
        <dd>${sync ? SENDING[sync.sending] : '–'}</dd>
        <dt>Waiting to be sent</dt>
        <dd data-queued>${waiting}</dd>
        <dt>Kept on this device</dt>
        <dd>${sync === undefined ? '–' : sync.durable ? 'yes (IndexedDB outbox)' : 'no: online only'}</dd>
      </dl>
      <h3>What happened to your changes</h3>
      ${this.notices.length === 0
        ? html`<p class="none">Nothing to report.</p>`
        : html`<ol>
            ${this.notices.map((notice) => html`<li>${notice}</li>`)}
          </ol>`}`;
  }
}

if (!customElements.get('story-sync-panel')) customElements.define('story-sync-panel', StorySyncPanel);
