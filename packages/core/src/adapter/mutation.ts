import type { CollectionName, Id, IsoDateTime, Version } from '../model/common.js';
import type { EntityOf } from '../model/entities.js';

/** Fields a client may change; the backend owns the bookkeeping ones. */
export type Patch<C extends CollectionName> = Partial<Omit<EntityOf<C>, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

interface MutationBase<C extends CollectionName> {
  /** Unique id: the idempotency key. Sending the same mutation twice applies it once. */
  readonly id: string;
  readonly collection: C;
  readonly entityId: Id;
  /** Version of the entity the change was made against; absent for creates. A mismatch is a conflict. */
  readonly baseVersion?: Version;
  /** Who did it. The backend decides whether they may. */
  readonly actorId: Id;
  readonly at: IsoDateTime;
  /**
   * What the user meant (`task.move`, `task.assign`, `message.edit`...), so a backend can authorize
   * the intent and not only the fields.
   */
  readonly intent: string;
}

export interface CreateMutation<C extends CollectionName = CollectionName> extends MutationBase<C> {
  readonly kind: 'create';
  /** The new entity. Its `version` is ignored; the backend sets it. */
  readonly value: EntityOf<C>;
}

export interface UpdateMutation<C extends CollectionName = CollectionName> extends MutationBase<C> {
  readonly kind: 'update';
  /**
   * Field-level patch: only these fields change, so a rebase keeps everyone else's edits. A field set to
   * `null` is cleared (the store sends `null`, never `undefined`, so the patch survives JSON).
   */
  readonly patch: Patch<C>;
  /**
   * The patched fields' values at `baseVersion`, as the user saw them before editing. With them a
   * conflict can be merged field by field (`rebasePatch`): a field nobody else touched is applied, a
   * field someone else changed keeps their value. Absent: the patch wins field by field (last writer).
   */
  readonly baseValues?: Patch<C>;
}

export interface DeleteMutation<C extends CollectionName = CollectionName> extends MutationBase<C> {
  readonly kind: 'delete';
}

/** The single write path: every change any widget makes is one of these. */
export type Mutation<C extends CollectionName = CollectionName> =
  | CreateMutation<C>
  | UpdateMutation<C>
  | DeleteMutation<C>;
