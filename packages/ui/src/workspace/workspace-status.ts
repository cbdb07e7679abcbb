import type { SyncState } from '@cwm/core';

/** What the workspace knows besides the sync state: things only the store's error stream said. */
export interface StatusContext {
  /** The store reported `storage-unavailable`: writes cannot be kept on this device. */
  readonly storageUnavailable: boolean;
}

/** The one thing the status line says, most urgent first; `none` shows nothing at all. */
export type WorkspaceStatus =
  | { readonly kind: 'none' }
  /** The backend no longer accepts the sign-in: writes wait until the host signs in again. */
  | { readonly kind: 'signed-out' }
  /** Writes cannot reach the backend; `waiting` of them are kept, retried at `retryAt`. */
  | { readonly kind: 'offline'; readonly waiting: number; readonly retryAt?: number }
  /** The live connection dropped; changes made meanwhile are caught up on reconnect. */
  | { readonly kind: 'reconnecting' }
  /** This browser cannot store unsent writes, so they survive only while online. */
  | { readonly kind: 'online-only' };

/**
 * Decides what the workspace's status line says. Nothing while all is well: the line is a warning,
 * not permanent chrome. Writes that cannot go out come before a dropped live connection, because lost
 * work matters more than a late update.
 */
export function workspaceStatus(sync: SyncState, context: StatusContext): WorkspaceStatus {
  if (sync.sending === 'paused-auth') return { kind: 'signed-out' };
  if (sync.phase !== 'ready') return { kind: 'none' };
  if (sync.sending === 'waiting' || !sync.online) {
    // The outbox counts every queued write of this person (other tabs' too); the store only its own.
    const waiting = Math.max(sync.queued, sync.pendingWrites);
    const retryAt = sync.retryAt;
    return retryAt === undefined ? { kind: 'offline', waiting } : { kind: 'offline', waiting, retryAt };
  }
  if (sync.realtime === 'reconnecting') return { kind: 'reconnecting' };
  if (context.storageUnavailable && !sync.durable) return { kind: 'online-only' };
  return { kind: 'none' };
}

/** Whole seconds until `retryAt` (rounded up, so "0 s" never shows while a retry is still ahead). */
export function secondsUntil(retryAt: number, now: number): number {
  return Math.max(0, Math.ceil((retryAt - now) / 1000));
}
