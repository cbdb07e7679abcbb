import type { CollectionName } from '../model/common.js';
import type { EntityOf } from '../model/entities.js';
import type { Mutation } from './mutation.js';

/**
 * The effect of a mutation on one entity, without bookkeeping: what the user should see before the
 * backend confirms. The store applies it optimistically; backends apply it and then bump `version`
 * and `updatedAt`. Returns `undefined` when the entity is gone afterwards.
 */
export function applyMutation<C extends CollectionName>(
  current: EntityOf<C> | undefined,
  mutation: Mutation<C>,
): EntityOf<C> | undefined {
  switch (mutation.kind) {
    case 'create':
      return mutation.value;
    case 'update':
      // An update of something deleted meanwhile stays deleted; the backend will answer not-found.
      return current === undefined ? undefined : ({ ...current, ...mutation.patch, updatedAt: mutation.at } as EntityOf<C>);
    case 'delete':
      return undefined;
  }
}

/** Field names a mutation touches; `create` and `delete` touch the whole entity. */
export function touchedFields(mutation: Mutation): readonly string[] | 'all' {
  return mutation.kind === 'update' ? Object.keys(mutation.patch) : 'all';
}
