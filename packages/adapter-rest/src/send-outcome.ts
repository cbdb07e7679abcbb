import type { AnyEntity, Mutation } from '@cwm/core';

/**
 * What one attempt to send one mutation to the backend came to. The HTTP layer classifies responses
 * into these; the outbox's drainer decides from them what happens next (settle, rebase, retry, pause).
 */
export type SendOutcome =
  /** The backend applied it; `entity` is the entity afterwards when the backend said (absent for deletes). */
  | { readonly kind: 'applied'; readonly entity?: AnyEntity }
  /** The backend had already applied this mutation id (a resend after a lost answer). */
  | { readonly kind: 'duplicate'; readonly entity?: AnyEntity }
  /** The base version is stale (409/412); `current` is the entity as the backend has it, when sent along. */
  | { readonly kind: 'conflict'; readonly current?: AnyEntity }
  /** A final answer: never retried; the store rolls the change back and shows `message`. */
  | { readonly kind: 'rejected'; readonly code: 'forbidden' | 'validation' | 'not-found' | 'conflict'; readonly message: string }
  /** Worth trying again later: unreachable, timed out, 5xx or 429; `retryAfterMs` from Retry-After. */
  | { readonly kind: 'retry'; readonly code: 'network' | 'timeout' | 'server' | 'rate-limited'; readonly message: string; readonly retryAfterMs?: number }
  /** The backend refused the credentials and refreshing them did not help: sending pauses. */
  | { readonly kind: 'auth'; readonly message: string };

/**
 * Sends one mutation once (no retries: the drainer owns retrying) and classifies the answer. Never
 * throws: failures are outcomes. `signal` aborts the request (the drainer stops, the tab closes).
 * `ifMatch` overrides the version sent as `If-Match` (a rebase re-sends on the current version).
 */
export type SendMutation = (mutation: Mutation, signal: AbortSignal) => Promise<SendOutcome>;

/** Reads the entity a mutation targets as the backend has it now (a 409 without a body). */
export type ReadCurrent = (mutation: Mutation, signal: AbortSignal) => Promise<AnyEntity | undefined>;
