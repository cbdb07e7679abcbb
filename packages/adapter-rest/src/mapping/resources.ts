import { COLLECTIONS, type CollectionName, type Mutation } from '@cwm/core';
import type { ResourceMapping, RestAdapterOptions } from '../options.js';
import { fieldTable, fromWireFields, toWireFields, wireName, type FieldTable } from './fields.js';
import { isRecord } from './json.js';

/** A collection's mapping with every default filled in. */
export interface ResolvedResource {
  readonly collection: CollectionName;
  /** List and create route. */
  readonly path: string;
  /** One entity's route. */
  readonly item: string;
  readonly update: 'PATCH' | 'PUT';
  readonly fields: FieldTable;
  /** Query parameter name of a list filter, or undefined when the backend cannot filter by it. */
  filterParam(filter: 'projectId' | 'taskId' | 'personId'): string | undefined;
  /** A wire entity in our names, after the resource's own `fromWire` (not validated). */
  decode(raw: unknown): unknown;
  /** Our entity or patch as the body the backend expects. */
  encode(body: Readonly<Record<string, unknown>>, kind: Mutation['kind']): unknown;
}

/** Resolves every collection: a `ResolvedResource`, or `false` when the backend does not serve it. */
export function resolveResources(options: Pick<RestAdapterOptions, 'resources' | 'versioning'>): ReadonlyMap<CollectionName, ResolvedResource | false> {
  const resolved = new Map<CollectionName, ResolvedResource | false>();
  for (const collection of COLLECTIONS) {
    const mapping = options.resources[collection];
    resolved.set(collection, mapping === false ? false : resolveResource(collection, mapping ?? { path: `/${collection}` }, options.versioning));
  }
  return resolved;
}

function resolveResource(collection: CollectionName, mapping: ResourceMapping, versioning: RestAdapterOptions['versioning']): ResolvedResource {
  // `versioning: { field }` names the wire field holding the version: read it as ours unless mapped explicitly.
  const fields =
    typeof versioning === 'object' && mapping.fields?.['version'] === undefined
      ? { ...mapping.fields, version: versioning.field }
      : mapping.fields;
  const table = fieldTable(fields);
  const path = mapping.path;
  return {
    collection,
    path,
    item: mapping.item ?? `${path.replace(/\/+$/, '')}/{id}`,
    update: mapping.update ?? 'PATCH',
    fields: table,
    filterParam(filter) {
      const named = mapping.filters?.[filter];
      if (named === false) return undefined;
      return named ?? wireName(table, filter);
    },
    decode(raw) {
      const renamed = fromWireFields(table, raw);
      return mapping.fromWire && isRecord(renamed) ? mapping.fromWire(renamed) : renamed;
    },
    encode(body, kind) {
      const wire = toWireFields(table, body);
      return mapping.toWire ? mapping.toWire(wire, kind) : wire;
    },
  };
}
