import {
  AdapterError,
  COLLECTIONS,
  type AnyEntity,
  type CollectionName,
  type Id,
  type Mutation,
  type MutationResult,
  type ReadMarker,
  type RemoteChange,
  type Task,
  applyMutation,
  validateEntity,
} from '@cwm/core';
import { notificationsFor, taskActivity } from './side-effects.js';

/**
 * The server's permission check for one mutation (an adapter's 403). Return an `AdapterError`
 * (usually `forbidden`) to refuse, nothing to allow. It runs inside storage transactions, so it must
 * be synchronous.
 */
export type AuthorizeHook = (mutation: Mutation, current: AnyEntity | undefined) => AdapterError | undefined | void;

/** One entity to store (`entity`) or to remove (`entity: undefined`). */
export interface EntityWrite {
  readonly collection: CollectionName;
  readonly id: Id;
  readonly entity: AnyEntity | undefined;
}

/** What the server does about one mutation. */
export interface Decision {
  readonly result: MutationResult;
  /** The target entity afterwards; absent when nothing is written (duplicate, conflict, rejection). */
  readonly write?: EntityWrite;
  /** Activity entries and notifications written alongside. */
  readonly sideEffects: readonly EntityWrite[];
}

/** What `decide` needs besides the entity and the mutation. */
export interface DecideOptions {
  readonly authorize?: AuthorizeHook | undefined;
}

const KNOWN_COLLECTIONS: ReadonlySet<string> = new Set(COLLECTIONS);

function refuse(mutation: Mutation, error: AdapterError): Decision {
  return { result: { mutationId: mutation.id, status: 'rejected', error }, sideEffects: [] };
}

function describe(mutation: Mutation): string {
  return `${mutation.kind} of ${mutation.collection} "${mutation.entityId}"`;
}

/** Malformed mutations are refused before anything else looks at them. */
function shapeProblem(mutation: Mutation): string | undefined {
  if (typeof mutation.id !== 'string' || mutation.id === '') return 'it has no id';
  if (!KNOWN_COLLECTIONS.has(mutation.collection)) return `"${String(mutation.collection)}" is not a collection`;
  if (typeof mutation.entityId !== 'string' || mutation.entityId === '') return 'it names no entity';
  if (typeof mutation.at !== 'string' || Number.isNaN(Date.parse(mutation.at))) return '"at" is not a timestamp';
  if (typeof mutation.actorId !== 'string' || mutation.actorId === '') return 'it has no actor';
  switch (mutation.kind) {
    case 'create':
      if (typeof mutation.value !== 'object' || mutation.value === null) return 'it has no value';
      if (mutation.value.id !== mutation.entityId) return `its value's id "${String(mutation.value.id)}" differs from entityId`;
      return undefined;
    case 'update':
      return typeof mutation.patch === 'object' && mutation.patch !== null ? undefined : 'it has no patch';
    case 'delete':
      return undefined;
    default:
      return `"${String((mutation as { kind?: unknown }).kind)}" is not a mutation kind`;
  }
}

/** The entity after the mutation, with the bookkeeping only the server may set. */
function nextEntity(current: AnyEntity | undefined, mutation: Mutation): AnyEntity | undefined {
  const applied = applyMutation(current, mutation);
  if (applied === undefined) return undefined;
  const entersStatus =
    mutation.collection === 'tasks' &&
    (current === undefined || (applied as Task).status !== (current as Task).status);
  return {
    ...applied,
    // Only the server knows when a task really entered its status; boards age cards from it.
    ...(entersStatus ? { statusChangedAt: mutation.at } : {}),
    // Whatever the client sent, ids, versions and timestamps are the server's.
    id: mutation.entityId,
    version: current === undefined ? 1 : current.version + 1,
    createdAt: current?.createdAt ?? mutation.at,
    updatedAt: mutation.at,
  } as AnyEntity;
}

/**
 * Read markers have a fixed id per person and task, so two tabs of one person may both create the
 * same one: the later create moves the marker instead of failing on a taken id.
 */
function markerCreateAsUpdate(current: AnyEntity | undefined, mutation: Mutation): Mutation {
  if (mutation.collection !== 'reads' || mutation.kind !== 'create' || current === undefined) return mutation;
  const value = mutation.value as ReadMarker;
  const { value: _value, baseVersion: _base, ...rest } = mutation;
  return { ...rest, kind: 'update', patch: { personId: value.personId, taskId: value.taskId, lastReadMessageId: value.lastReadMessageId, lastReadAt: value.lastReadAt } } as Mutation;
}

/** A read marker says what one person has seen: only that person writes or removes it. */
function markerOwnerProblem(mutation: Mutation, current: AnyEntity | undefined, after: AnyEntity | undefined): AdapterError | undefined {
  if (mutation.collection !== 'reads') return undefined;
  for (const marker of [current, after] as (ReadMarker | undefined)[]) {
    if (marker !== undefined && marker.personId !== mutation.actorId) {
      return new AdapterError('forbidden', `Read marker "${mutation.entityId}" belongs to ${marker.personId}; ${mutation.actorId} cannot change it.`);
    }
  }
  return undefined;
}

/**
 * How a server answers one mutation, as a pure function of the entity as it is now, the mutation, and
 * whether this mutation id was applied before. The checks run in this order: idempotency (`duplicate`
 * with the entity as it is now), existence (`not-found` for update/delete of a missing entity,
 * `validation` for a create over an existing id), version (`conflict` when `baseVersion` is given and
 * stale), permission (`authorize`), validation of the resulting entity (core's `validateEntity`), and
 * then the write: version + 1 (creates start at 1), timestamps from the mutation's `at`, plus the
 * activity entry and notifications a server would write. Read markers are their person's alone
 * (`forbidden` for anyone else), and creating one that exists moves it.
 *
 * Storage-agnostic: the memory backend calls it on its maps, the local adapter inside an IndexedDB
 * transaction. Only `applied` mutations should be remembered as seen (a rejected one may be retried).
 */
export function decide(current: AnyEntity | undefined, sent: Mutation, seen: boolean, options: DecideOptions = {}): Decision {
  const problem = shapeProblem(sent);
  const mutation = problem === undefined ? markerCreateAsUpdate(current, sent) : sent;
  if (problem !== undefined) return refuse(mutation, new AdapterError('validation', `Malformed mutation: ${problem}.`));
  if (seen) {
    return {
      result: current === undefined
        ? { mutationId: mutation.id, status: 'duplicate' }
        : { mutationId: mutation.id, status: 'duplicate', entity: current },
      sideEffects: [],
    };
  }
  if (mutation.kind !== 'create' && current === undefined) {
    return refuse(mutation, new AdapterError('not-found', `Cannot ${describe(mutation)}: it does not exist (deleted meanwhile?).`));
  }
  if (mutation.kind === 'create' && current !== undefined) {
    return refuse(mutation, new AdapterError('validation', `Cannot ${describe(mutation)}: that id is already taken.`));
  }
  if (current !== undefined && mutation.baseVersion !== undefined && mutation.baseVersion !== current.version) {
    return { result: { mutationId: mutation.id, status: 'conflict', current }, sideEffects: [] };
  }
  const denial = options.authorize?.(mutation, current);
  if (denial instanceof AdapterError) return refuse(mutation, denial);

  const candidate = nextEntity(current, mutation);
  let after: AnyEntity | undefined;
  if (candidate !== undefined) {
    const checked = validateEntity(mutation.collection, candidate);
    if (!checked.ok) return refuse(mutation, new AdapterError('validation', checked.issue.message));
    after = checked.value as AnyEntity;
  }
  const notOwner = markerOwnerProblem(mutation, current, after);
  if (notOwner) return refuse(mutation, notOwner);

  const sideEffects: EntityWrite[] = [];
  const activity = taskActivity(mutation, current, after);
  if (activity !== undefined) sideEffects.push({ collection: 'activity', id: activity.id, entity: activity });
  for (const notice of notificationsFor(mutation, current, after)) {
    sideEffects.push({ collection: 'notifications', id: notice.id, entity: notice });
  }
  return {
    result: after === undefined
      ? { mutationId: mutation.id, status: 'applied' }
      : { mutationId: mutation.id, status: 'applied', entity: after },
    write: { collection: mutation.collection, id: mutation.entityId, entity: after },
    sideEffects,
  };
}

/** The live changes other clients should hear about after a decision: the entity and its side effects. */
export function changesOf(decision: Decision): RemoteChange[] {
  const writes = decision.write === undefined ? decision.sideEffects : [decision.write, ...decision.sideEffects];
  return writes.map((write): RemoteChange =>
    write.entity === undefined
      ? { type: 'delete', collection: write.collection, id: write.id }
      : { type: 'upsert', collection: write.collection, entity: write.entity },
  );
}
