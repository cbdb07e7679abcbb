import type { ConnectionState } from '../adapter/contract.js';
import type { SyncState } from './state.js';

/** The part of `SyncState` that an adapter's `connection()` feeds. */
export type ConnectionSync = Pick<SyncState, 'realtime' | 'sending' | 'durable' | 'queued' | 'retryAt'>;

/**
 * Maps an adapter's connection state into the store's sync state. `storageFailed`: the store saw
 * `record` reject, so writes are not durable whatever the adapter says. `retryAt` only while waiting.
 */
export function syncOfConnection(state: ConnectionState, storageFailed: boolean): ConnectionSync {
  return {
    realtime: state.realtime,
    sending: state.sending,
    durable: state.durable && !storageFailed,
    queued: Math.max(0, Math.floor(state.queued)),
    retryAt: state.sending === 'waiting' ? state.retryAt : undefined,
  };
}

/** Sender states in which the store's own pushes wait (the adapter answered "waiting to send"). */
const HELD: ReadonlySet<ConnectionState['sending']> = new Set(['waiting', 'paused-auth']);

/**
 * True when the adapter's sender just came out of waiting (backend reachable again, sign-in renewed):
 * the store then retries its own writes at once instead of at its next backoff.
 */
export function senderResumed(previous: ConnectionState['sending'] | undefined, next: ConnectionState['sending']): boolean {
  return previous !== undefined && HELD.has(previous) && !HELD.has(next);
}
