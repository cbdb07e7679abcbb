import type { Id } from '@cwm/core';

/** Prefix of every database, channel and lock name this library makes. Vendors may choose their own. */
export const DEFAULT_NAMESPACE = 'cwm';

/** Parts are URI-encoded so `a:b` + `c` can never collide with `a` + `b:c`. */
function part(value: string): string {
  return encodeURIComponent(value);
}

/**
 * Name shared by everything of one workspace (tenant) on this device: its IndexedDB database and its
 * BroadcastChannel, `cwm:<workspaceId>`. Everyone acting in the workspace from this browser shares it;
 * other workspaces never do.
 */
export function workspaceName(workspaceId: Id, namespace = DEFAULT_NAMESPACE): string {
  return `${namespace}:${part(workspaceId)}`;
}

/**
 * Name for anything that belongs to one person in one workspace (`cwm:<workspaceId>:<userId>`): drafts,
 * an outbox, read markers. Nothing uses it yet; it exists so nobody invents a second scheme.
 */
export function userName(workspaceId: Id, userId: Id, namespace = DEFAULT_NAMESPACE): string {
  return `${workspaceName(workspaceId, namespace)}:${part(userId)}`;
}
