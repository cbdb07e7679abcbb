import type { EntityMeta } from '../model/common.js';
import type { DocumentLink } from '../model/task.js';
import type { EntityReader } from './reader.js';

/**
 * The bookkeeping fields every entity has. A missing `version` is read as 0 (a backend without
 * versioning); a present one must be a number >= 0.
 */
export function readMeta(reader: EntityReader, id: string): EntityMeta {
  return {
    id,
    version: reader.numberOr('version', 0, { min: 0 }),
    createdAt: reader.timestamp('createdAt'),
    updatedAt: reader.timestamp('updatedAt'),
  };
}

/** A document link (task documents, message attachments). `type` defaults to `""` (unknown kind). */
export function readDocumentLink(reader: EntityReader): DocumentLink {
  return {
    id: reader.nonEmptyString('id'),
    name: reader.string('name'),
    url: reader.nonEmptyString('url'),
    type: reader.optionalString('type') ?? '',
  };
}

/** Copies the optional fields that are present, so results carry no `key: undefined` noise. */
export function withOptional<T extends object>(target: T, optional: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}
