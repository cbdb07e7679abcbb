// A story-only control bar for the in-page backend: plain labelled buttons that cut this browser's
// network, make the server flaky or slow, or play the other person editing. It sits inside the
// workspace, so it reads the store (names, the first card) through context like any widget.
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Subscription } from 'rxjs';
import type { Id, Task } from '@cwm/core';
import { CwmElement, token } from '@cwm/ui';
import type { InPageBackend, InPageStats } from './in-page-backend.js';
import type { InPageLink } from './in-page-link.js';
import { firstCard } from './rest-story-setup.js';

/** The buttons a story can ask for. */
export type BackendAction = 'network' | 'flaky' | 'rename-first' | 'rename-task' | 'slow-stream';

/** Share of requests the "Flaky server" button answers 503. */
const FLAKY_RATE = 0.3;
/** Live-update lag of the "Slow live updates" button, ms. */
const SLOW_STREAM_MS = 10_000;

/**
 * `<story-backend-controls>`: labelled buttons acting on an `InPageBackend` (story fixture). Toggles
 * show their state with `aria-pressed` or their label; what a button did is said in a polite status.
 */
export class StoryBackendControls extends CwmElement {
  static override styles = [
    ...CwmElement.styles,
    css`
      :host {
        display: block;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-s')};
      }
      button {
        min-block-size: 2rem;
        padding: 0 ${token('space-m')};
        border: 1px solid ${token('color-border')};
        border-radius: ${token('radius-m')};
        background: ${token('color-surface')};
        color: ${token('color-text')};
        font: inherit;
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        border-color: ${token('color-accent')};
        box-shadow: inset 0 0 0 1px ${token('color-accent')};
      }
      button:focus-visible {
        outline: 2px solid ${token('color-focus-ring')};
        outline-offset: 2px;
      }
      p {
        margin: ${token('space-xs')} 0 0;
        font-size: ${token('font-size-s')};
        color: ${token('color-text-muted')};
      }
    `,
  ];

  /** The backend the buttons act on. */
  @property({ attribute: false }) backend: InPageBackend | undefined;
  /** This browser's connection, for "Go offline". */
  @property({ attribute: false }) link: InPageLink | undefined;
  /** Which buttons show, in this order. */
  @property({ attribute: false }) actions: readonly BackendAction[] = [];
  /** Who the other person is. */
  @property({ attribute: false }) other: Id = 'u-2';
  /** `rename-task`: the task the other person renames. */
  @property({ attribute: false }) taskId: Id | undefined;
  /** The accessible name of the button group (tells two bars on one page apart). */
  @property() label = 'Story controls';
  /** Leaves out the line of server figures (when another bar on the page shows it). */
  @property({ type: Boolean, attribute: 'no-stats' }) noStats = false;

  @state() private stats: InPageStats | undefined;
  @state() private said = '';
  private statsSubscription: Subscription | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.statsSubscription?.unsubscribe();
    this.statsSubscription = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('backend') || (this.statsSubscription === undefined && this.backend)) {
      this.statsSubscription?.unsubscribe();
      this.statsSubscription = this.backend?.stats$.subscribe((stats) => (this.stats = stats));
    }
  }

  protected override render() {
    return html`<div class="buttons" role="group" aria-label=${this.label}>${this.actions.map((action) => this.renderAction(action))}</div>
      <p role="status">${this.said}</p>
      ${this.stats && !this.noStats
        ? html`<p>
            Server so far: ${count(this.stats.applied, 'write')} applied, ${count(this.stats.replayed, 'resend')} answered from the stored
            reply, ${count(this.stats.conflicts, 'conflict')} (409), ${count(this.stats.failures, 'failure')} injected (503).
          </p>`
        : nothing}`;
  }

  private renderAction(action: BackendAction) {
    const backend = this.backend;
    switch (action) {
      case 'network':
        return html`<button type="button" @click=${this.toggleNetwork}>${this.link?.online === false ? 'Back online' : 'Go offline'}</button>`;
      case 'flaky':
        return html`<button type="button" aria-pressed=${backend?.failRate ? 'true' : 'false'} @click=${this.toggleFlaky}>Flaky server (30% 503)</button>`;
      case 'slow-stream':
        return html`<button type="button" aria-pressed=${backend?.streamDelayMs ? 'true' : 'false'} @click=${this.toggleSlowStream}>
          Slow live updates (10 s)
        </button>`;
      case 'rename-first':
        return html`<button type="button" @click=${() => this.rename(this.backend ? firstCard(this.backend, 'p-1') : undefined)}>
          Someone else renames the first card
        </button>`;
      case 'rename-task':
        return html`<button type="button" @click=${() => this.rename(this.taskId ? (this.backend?.memory.get('tasks', this.taskId) as Task | undefined) : undefined)}>
          ${this.otherName()} renames this task now
        </button>`;
    }
  }

  private readonly toggleNetwork = (): void => {
    if (!this.link) return;
    this.link.online = !this.link.online;
    if (this.link.online) {
      // What a browser does when its network returns; the adapter's outbox and stream wake up on it.
      window.dispatchEvent(new Event('online'));
      this.said = 'Back online: waiting changes are sent, the live stream catches up.';
    } else {
      this.said = 'Offline: every request to the server fails now. Keep working; your changes wait on this device.';
    }
  };

  private readonly toggleFlaky = (): void => {
    if (!this.backend) return;
    this.backend.failRate = this.backend.failRate ? 0 : FLAKY_RATE;
    this.said = this.backend.failRate
      ? 'The server now answers 30% of requests with 503: writes are retried with backoff, none is lost or applied twice.'
      : 'The server answers every request again.';
  };

  private readonly toggleSlowStream = (): void => {
    if (!this.backend) return;
    this.backend.streamDelayMs = this.backend.streamDelayMs ? 0 : SLOW_STREAM_MS;
    this.said = this.backend.streamDelayMs ? 'Live updates now reach you 10 s late.' : 'Live updates arrive at once again.';
  };

  private rename(task: Task | undefined): void {
    if (!this.backend || !task) {
      this.said = 'There is no task to rename yet.';
      return;
    }
    const name = this.otherName();
    const time = new Date().toLocaleTimeString('en-GB');
    // Keep the original words, so repeated clicks do not pile up suffixes.
    const base = task.title.replace(/ \(renamed by .*\)$/, '');
    const title = `${base} (renamed by ${name}, ${time})`;
    const result = this.backend.editAs(this.other, task.id, { title });
    this.said = result?.status === 'applied' ? `${name} renamed “${base}” on the server.` : `${name}'s rename was refused (${result?.status ?? 'no answer'}).`;
  }

  private otherName(): string {
    return this.store?.state.people.get(this.other)?.name.split(' ')[0] ?? 'Someone else';
  }
}

/** "1 write", "3 writes": the figures line is English story text, not a widget message. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

if (!customElements.get('story-backend-controls')) customElements.define('story-backend-controls', StoryBackendControls);
