import type { FieldMap, ResourceMapping } from '../options.js';
import { isRecord } from './json.js';

/** A resource's field map resolved both ways, built once per collection. */
export interface FieldTable {
  /** Our field name -> its wire name and converters. */
  readonly byOurs: ReadonlyMap<string, Required<Pick<FieldMap, 'wire'>> & FieldMap>;
  /** Wire name -> our field name. */
  readonly byWire: ReadonlyMap<string, string>;
}

/** Resolves `ResourceMapping.fields` into lookups both ways. */
export function fieldTable(fields: ResourceMapping['fields'] = {}): FieldTable {
  const byOurs = new Map<string, Required<Pick<FieldMap, 'wire'>> & FieldMap>();
  const byWire = new Map<string, string>();
  for (const [ours, spec] of Object.entries(fields)) {
    const map = typeof spec === 'string' ? { wire: spec } : { ...spec, wire: spec.wire ?? ours };
    byOurs.set(ours, map);
    byWire.set(map.wire, ours);
  }
  return { byOurs, byWire };
}

/** Our name of a field as the backend calls it. */
export function wireName(table: FieldTable, ours: string): string {
  return table.byOurs.get(ours)?.wire ?? ours;
}

/**
 * Our entity or patch in the backend's names and values. Fields not in the map pass unchanged;
 * `undefined` values are left out and `null` (a cleared field in a patch) is kept as `null`.
 */
export function toWireFields(table: FieldTable, body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const [ours, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const map = table.byOurs.get(ours);
    if (!map) {
      // A field named like another field's wire name would overwrite it on the wire: leave it out.
      if (!table.byWire.has(ours)) wire[ours] = value;
      continue;
    }
    wire[map.wire] = map.toWire && value !== null ? map.toWire(value) : value;
  }
  return wire;
}

/**
 * A backend entity in our names and values. Unmapped fields pass unchanged (the store's validation
 * ignores what it does not know); a mapped field's `fromWire` runs even when the value is absent, so
 * it can supply a default. Anything that is not an object comes back as it is, for the validation to refuse.
 */
export function fromWireFields(table: FieldTable, raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const ours: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const mapped = table.byWire.get(name);
    if (mapped !== undefined) continue;
    // A field whose our-name is mapped elsewhere on the wire is not ours under this name.
    if (table.byOurs.has(name)) continue;
    ours[name] = value;
  }
  for (const [name, map] of table.byOurs) {
    const value = raw[map.wire];
    const converted = map.fromWire ? map.fromWire(value) : value;
    if (converted !== undefined) ours[name] = converted;
  }
  return ours;
}
