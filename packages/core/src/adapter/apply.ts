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
    case 'update': {
      // An update of something deleted meanwhile stays deleted; the backend will answer not-found.
      if (current === undefined) return undefined;
      const next: Record<string, unknown> = { ...current };
      for (const [field, value] of Object.entries(mutation.patch)) {
        // `null` (what JSON can carry) and `undefined` both clear an optional field.
        if (value === null || value === undefined) delete next[field];
        else next[field] = value;
      }
      next['updatedAt'] = mutation.at;
      return next as unknown as EntityOf<C>;
    }
    case 'delete':
      return undefined;
  }
}

/** Field names a mutation touches; `create` and `delete` touch the whole entity. */
export function touchedFields(mutation: Mutation): readonly string[] | 'all' {
  return mutation.kind === 'update' ? Object.keys(mutation.patch) : 'all';
}
