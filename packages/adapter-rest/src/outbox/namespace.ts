import type { Id } from '@cwm/core';

/**
 * The storage namespace of one person's queue in one tenant: `cwm:<tenant>:<16 hex of sha256>`.
 * The hash covers tenant and user (joined by a NUL, which neither can contain in a sensible id), so
 * two people never share a database, channel or lock, and the user id is not written in clear into
 * names another script on the origin can list.
 */
export async function outboxNamespace(tenant: string, userId: Id): Promise<string> {
  const bytes = new TextEncoder().encode(`${tenant}\u0000${userId}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `cwm:${tenant}:${hex}`;
}

/** Name of the IndexedDB database that holds a namespace's queue. */
export const outboxDatabaseName = (namespace: string): string => `${namespace}:outbox`;

/** Name of the BroadcastChannel the tabs of a namespace talk over. */
export const outboxChannelName = (namespace: string): string => `${namespace}:outbox`;

/** Name of the Web Lock whose holder is the one tab that sends the namespace's queue. */
export const outboxLockName = (namespace: string): string => `${namespace}:drain`;
