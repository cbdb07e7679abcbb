import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { BehaviorSubject, Subject } from 'rxjs';
import type { CwmStore, StoreError, SyncState } from '@cwm/core';
import type { WorkspaceTheme } from '@cwm/ui';

interface StatusArgs {
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
}


const ALL_WELL: SyncState = { phase: 'ready', online: true, pendingWrites: 0, realtime: 'live', sending: 'idle', durable: true, queued: 0 };

/**
 * A stand-in store that only says how syncing goes: the status line reads nothing else, and a real
 * store cannot be put into "offline with 12 writes waiting" on demand.
 */
function storeSaying(sync: Partial<SyncState>, errors: readonly StoreError[] = []): CwmStore {
  const errors$ = new Subject<StoreError>();
  const state = new BehaviorSubject<SyncState>({ ...ALL_WELL, ...sync });
  const fake = {
    errors$,
    get state() {
      return { sync: state.value };
    },
    sync$: () => state,
    connect: () => Promise.resolve(),
    retryNow: () => console.info('[story] Retry now'),
    dispose: () => {},
  };
  // After the workspace subscribed, as a real store reports them.
  setTimeout(() => errors.forEach((error) => errors$.next(error)));
  return fake as unknown as CwmStore;
}

const meta: Meta<StatusArgs> = {
  title: 'Foundation/Workspace status line',
  component: 'cwm-workspace',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'de'] },
  },
  args: { theme: 'light', lang: 'en' },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'What `<cwm-workspace>` shows when syncing needs attention: a small polite live region in the bottom corner (`part="status"`). Nothing at all while all is well. The store here is a stand-in that reports one sync state.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<StatusArgs>;

function page(store: CwmStore, { theme, lang }: StatusArgs) {
  return html`
    <cwm-workspace .store=${store} theme=${theme} lang=${lang}>
      <div style="min-block-size: 12rem; padding: 1rem; background: Canvas; color: CanvasText; font-family: system-ui">
        <p style="margin: 0">The host page's content. The status line sits over it in the bottom corner and takes no room.</p>
      </div>
    </cwm-workspace>
  `;
}

/** All well: the live region is there, but nothing shows. */
export const AllWell: Story = { render: (args) => page(storeSaying({}), args) };

/** The live connection dropped; changes made meanwhile are caught up on reconnect. */
export const Reconnecting: Story = { render: (args) => page(storeSaying({ realtime: 'reconnecting' }), args) };

/** Writes cannot reach the server: how many wait, when the next try is, and "Retry now". */
export const OfflineWithWritesWaiting: Story = {
  render: (args) => page(storeSaying({ sending: 'waiting', queued: 12, retryAt: Date.now() + 8_400 }), args),
};

/** The server refused the sign-in and refreshing it failed: writes wait until the host signs in again. */
export const SignedOut: Story = { render: (args) => page(storeSaying({ sending: 'paused-auth', queued: 3 }), args) };

/** IndexedDB is blocked or full: writes still go out, but only while online (announced once, shown until fixed). */
export const OnlineOnly: Story = {
  render: (args) => page(storeSaying({ durable: false }, [{ kind: 'storage-unavailable', message: 'QuotaExceededError' }]), args),
};
