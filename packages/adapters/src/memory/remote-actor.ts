import type { CollectionName, EntityOf, Id, Mutation, MutationResult, Patch } from '@cwm/core';
import { randomId } from '@cwm/core';

/**
 * Another person changing data on the shared backend, for tests and stories: "Sam moves the card
 * while you look at it". Each call builds a proper mutation (fresh id, the entity's current version
 * as base) and applies it at once.
 */
export interface RemoteActor {
  readonly actorId: Id;
  create<C extends CollectionName>(collection: C, value: EntityOf<C>, intent?: string): MutationResult;
  update<C extends CollectionName>(collection: C, id: Id, patch: Patch<C>, intent?: string): MutationResult;
  delete(collection: CollectionName, id: Id, intent?: string): MutationResult;
}

/** What a `RemoteActor` needs from its adapter. */
export interface RemoteTarget {
  currentVersion(collection: CollectionName, id: Id): number | undefined;
  applyRemote(mutation: Mutation): MutationResult;
}

/** A `RemoteActor` for `actorId` that applies its mutations through `target`. */
export function createRemoteActor(target: RemoteTarget, actorId: Id): RemoteActor {
  const base = (collection: CollectionName, entityId: Id, intent: string) => {
    const baseVersion = target.currentVersion(collection, entityId);
    return {
      id: randomId('mut'),
      collection,
      entityId,
      actorId,
      at: new Date().toISOString(),
      intent,
      ...(baseVersion === undefined ? {} : { baseVersion }),
    };
  };
  return {
    actorId,
    create: (collection, value, intent = `${collection}.create`) =>
      target.applyRemote({ ...base(collection, value.id, intent), kind: 'create', value } as Mutation),
    update: (collection, id, patch, intent = `${collection}.update`) =>
      target.applyRemote({ ...base(collection, id, intent), kind: 'update', patch } as Mutation),
    delete: (collection, id, intent = `${collection}.delete`) =>
      target.applyRemote({ ...base(collection, id, intent), kind: 'delete' } as Mutation),
  };
}
