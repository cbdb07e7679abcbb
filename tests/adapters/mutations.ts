// Builders for the adapter tests: readable mutations with fresh ids.
import { AdapterError, type CollectionName, type EntityOf, type Id, type Mutation, type Patch } from '@cwm/core';

let clock = Date.parse('2026-06-01T10:00:00.000Z');

/** A strictly increasing timestamp, so activity and notifications sort the way they happened. */
export function tick(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function update<C extends CollectionName>(
  collection: C,
  entityId: Id,
  patch: Patch<C>,
  extra: { baseVersion?: number; actorId?: Id; id?: string; intent?: string } = {},
): Mutation {
  return {
    id: extra.id ?? crypto.randomUUID(),
    kind: 'update',
    collection,
    entityId,
    patch,
    actorId: extra.actorId ?? 'u-1',
    at: tick(),
    intent: extra.intent ?? `${collection}.update`,
    ...(extra.baseVersion === undefined ? {} : { baseVersion: extra.baseVersion }),
  } as Mutation;
}

export function create<C extends CollectionName>(collection: C, value: EntityOf<C>, extra: { actorId?: Id; id?: string } = {}): Mutation {
  return {
    id: extra.id ?? crypto.randomUUID(),
    kind: 'create',
    collection,
    entityId: value.id,
    value,
    actorId: extra.actorId ?? 'u-1',
    at: tick(),
    intent: `${collection}.create`,
  } as Mutation;
}

export function remove(collection: CollectionName, entityId: Id, extra: { baseVersion?: number; actorId?: Id } = {}): Mutation {
  return {
    id: crypto.randomUUID(),
    kind: 'delete',
    collection,
    entityId,
    actorId: extra.actorId ?? 'u-1',
    at: tick(),
    intent: `${collection}.delete`,
    ...(extra.baseVersion === undefined ? {} : { baseVersion: extra.baseVersion }),
  } as Mutation;
}

/** The `AdapterError` a call fails with; fails the test when the call succeeds or throws something else. */
export async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
