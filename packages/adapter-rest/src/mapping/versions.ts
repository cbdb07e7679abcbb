import type { CollectionName, Id } from '@cwm/core';
import { isRecord, stableJson } from './json.js';

/**
 * The version in an ETag: `"v7"`, `"7"`, `W/"v7"` and the bare `v7`/`7` all read 7. Anything else
 * (an opaque hash) is undefined: such a backend needs `versioning: { field }` or `'none'`.
 */
export function parseEtag(header: string | null | undefined): number | undefined {
  if (header === null || header === undefined) return undefined;
  const match = /^(?:W\/)?"?v?(\d{1,15})"?$/i.exec(header.trim());
  return match ? Number(match[1]) : undefined;
}

/** The reference server's `If-Match` value for a base version: `"v7"`. */
export function defaultIfMatch(version: number): string {
  return `"v${version}"`;
}

/**
 * Puts the ETag's version on an entity that carries none (a backend that versions by header only).
 * An entity with its own numeric version keeps it.
 */
export function withEtagVersion(entity: unknown, etag: string | null): unknown {
  if (!isRecord(entity) || typeof entity['version'] === 'number') return entity;
  const version = parseEtag(etag);
  return version === undefined ? entity : { ...entity, version };
}

/**
 * Versions for a backend that keeps none (`versioning: 'none'`). The store only believes a change
 * newer than what it holds, so each entity's revisions are numbered here: the number goes up by one
 * whenever the entity's content (all but `version`) differs from the last time it was seen, and stays
 * when it does not (a poll that finds nothing new). Numbers are this page's own, from 1.
 */
export class RevisionCounter {
  private readonly seen = new Map<string, { readonly content: string; readonly version: number }>();

  /** The entity with its revision number set (non-objects and entities without an id pass unchanged). */
  stamp(collection: CollectionName, entity: unknown): unknown {
    if (!isRecord(entity) || typeof entity['id'] !== 'string') return entity;
    const key = `${collection}/${entity['id']}`;
    const { version: _ignored, ...rest } = entity;
    const content = stableJson(rest);
    const previous = this.seen.get(key);
    const version = previous === undefined ? 1 : previous.content === content ? previous.version : previous.version + 1;
    this.seen.set(key, { content, version });
    return { ...rest, version };
  }

  /** Forgets a deleted entity: if it comes back, it is new. Keeps counting up so an old copy never wins. */
  forget(collection: CollectionName, id: Id): void {
    const key = `${collection}/${id}`;
    const previous = this.seen.get(key);
    if (previous) this.seen.set(key, { content: '', version: previous.version + 1 });
  }

  /** The revision last given to an entity, if any. */
  current(collection: CollectionName, id: Id): number | undefined {
    return this.seen.get(`${collection}/${id}`)?.version;
  }

  clear(): void {
    this.seen.clear();
  }
}
