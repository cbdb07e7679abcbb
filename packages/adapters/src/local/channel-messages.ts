import type { PresenceState, RemoteChange } from '@cwm/core';

/**
 * What LocalAdapters of one workspace tell each other over their BroadcastChannel. `from` is the
 * sender's client id (one per adapter instance), so a tab can tell its own messages from others'.
 */
export type ChannelMessage =
  /** Changes a push applied (entity and side effects), already committed to IndexedDB. */
  | { readonly kind: 'changes'; readonly from: string; readonly changes: readonly RemoteChange[] }
  /** One client's presence in a room; `null` when it leaves. Repeated as a heartbeat. */
  | { readonly kind: 'presence'; readonly from: string; readonly room: string; readonly state: PresenceState | null }
  /** A client just connected and asks everyone to announce their presence now, not at the next heartbeat. */
  | { readonly kind: 'hello'; readonly from: string }
  /** The workspace was wiped from this device (sign-out). */
  | { readonly kind: 'wiped'; readonly from: string };

/** Messages are structured clones from any same-origin script: check the shape before believing one. */
export function isChannelMessage(data: unknown): data is ChannelMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as { kind?: unknown; from?: unknown };
  if (typeof message.from !== 'string') return false;
  switch (message.kind) {
    case 'changes':
      return Array.isArray((data as { changes?: unknown }).changes);
    case 'presence':
      return typeof (data as { room?: unknown }).room === 'string';
    case 'hello':
    case 'wiped':
      return true;
    default:
      return false;
  }
}
