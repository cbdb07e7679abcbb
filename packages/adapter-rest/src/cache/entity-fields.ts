import type { Id } from '@cwm/core';

/**
 * An entity's id, or `undefined` when it has none usable as a key (the replica is keyed by
 * `[collection, id]`, so an entity without a non-empty string id cannot be stored or found again).
 */
export function entityId(entity: unknown): Id | undefined {
  const id = typeof entity === 'object' && entity !== null ? (entity as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** An entity's numeric version, or `undefined` (no version field, or `versioning: 'none'`). */
export function entityVersion(entity: unknown): number | undefined {
  const version = typeof entity === 'object' && entity !== null ? (entity as { version?: unknown }).version : undefined;
  return typeof version === 'number' ? version : undefined;
}
