import { AdapterError, type AdapterErrorCode, type AnyEntity, type Mutation, type MutationResult } from '@cwm/core';

/** Version of the entry layout. Entries of another schema are left alone, never sent. */
export const ENTRY_SCHEMA = 1;

/** One queued mutation as the outbox keeps it until the backend settles it. */
export interface OutboxEntry {
  /** The mutation id (the idempotency key). */
  readonly id: string;
  /** Position in the namespace's queue, shared by every tab: the send order. */
  readonly seq: number;
  readonly mutation: Mutation;
  /** `sending` while some tab's attempt is out; a new leader re-sends such entries (same key: safe). */
  readonly state: 'queued' | 'sending';
  /** Attempts made so far; the backoff grows with it. */
  readonly attempts: number;
  /** Not sent again before this time, ms since epoch (0: at once). */
  readonly nextAttemptAt: number;
  /**
   * The part of that wait the backend asked for (Retry-After), ms since epoch: a hurried pass (back
   * online, realtime reconnected) skips our own backoff but never sends before this.
   */
  readonly notBefore?: number;
  readonly lastError?: string;
  /** Fields a rebase already dropped (someone else's value kept), reported when it settles. */
  readonly kept?: readonly string[];
  /** The tab that recorded or last sent it (diagnostics). */
  readonly tabId?: string;
  readonly schema: number;
}

/** A mutation result that survives structured cloning: an `AdapterError` loses its class on the way. */
export type SerializedResult =
  | Exclude<MutationResult, { status: 'rejected' }>
  | { readonly mutationId: string; readonly status: 'rejected'; readonly error: { readonly code: AdapterErrorCode; readonly message: string } };

/** A settled mutation's result, kept a while so a tab that reloads still learns the outcome. */
export interface SettledRecord {
  readonly mutationId: string;
  readonly result: SerializedResult;
  /** When it settled, ms since epoch. */
  readonly at: number;
}

/** How long settled results are kept. */
export const SETTLED_TTL_MS = 15 * 60_000;

/** A result as it can be stored and posted: a rejection's `AdapterError` becomes `{ code, message }`. */
export function serializeResult(result: MutationResult): SerializedResult {
  if (result.status !== 'rejected') return result;
  return { mutationId: result.mutationId, status: 'rejected', error: { code: result.error.code, message: result.error.message } };
}

/** Back from storage or the channel: a rejection gets its `AdapterError` again. */
export function deserializeResult(result: SerializedResult): MutationResult {
  if (result.status !== 'rejected') return result;
  return { mutationId: result.mutationId, status: 'rejected', error: new AdapterError(result.error.code, result.error.message) };
}

/** Key of the entity a mutation targets: entries with the same key are sent strictly in order. */
export const entityKey = (mutation: Mutation): string => `${mutation.collection}\u0000${mutation.entityId}`;

/** A new queue entry for a mutation. */
export function newEntry(mutation: Mutation, seq: number, tabId: string | undefined): OutboxEntry {
  return { id: mutation.id, seq, mutation, state: 'queued', attempts: 0, nextAttemptAt: 0, schema: ENTRY_SCHEMA, ...(tabId === undefined ? {} : { tabId }) };
}

/** The entity a result leaves behind, when the backend said. */
export function resultEntity(result: SerializedResult): AnyEntity | undefined {
  return result.status === 'applied' || result.status === 'duplicate' ? result.entity : undefined;
}

/**
 * A later entry of an entity after an earlier one was applied at `version`: it was made on top of the
 * earlier change, so it is sent against the version that change produced. Creates carry no base, and a
 * mutation without a base (no version check) stays without one.
 *
 * Except when the earlier change lost fields to someone else (`kept`) and this entry changes one of
 * them too: it was made on top of a value that never reached the backend, so it keeps its old base.
 * The backend then answers 409 and the merge (`rebasePatch`) keeps their value for that field as
 * well, instead of this entry overwriting it blindly.
 */
export function rebasedOnVersion(entry: OutboxEntry, version: number, kept: readonly string[] = []): OutboxEntry {
  const mutation = entry.mutation;
  if (mutation.kind === 'create' || mutation.baseVersion === undefined || mutation.baseVersion >= version) return entry;
  if (mutation.kind === 'update' && kept.some((field) => field in mutation.patch)) return entry;
  return { ...entry, mutation: { ...mutation, baseVersion: version } };
}

/** Fields of an applied update that someone else's earlier edit kept (see `rebasedOnVersion`). */
export function keptFields(result: SerializedResult): readonly string[] {
  return result.status === 'applied' ? (result.kept ?? []) : [];
}
