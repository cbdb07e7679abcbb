import { AdapterError, type AnyEntity, type Mutation } from '@cwm/core';
import type { RestResponse } from '../options.js';
import type { SendOutcome } from '../send-outcome.js';
import { isRecord } from '../mapping/json.js';
import { parseRetryAfter } from './retry.js';
import type { HttpResult } from './request.js';

/** Turns a wire entity into a valid one of ours, or says why it is not. */
export type EntityParser = (raw: unknown, response: RestResponse) => { readonly ok: true; readonly entity: AnyEntity } | { readonly ok: false; readonly message: string };

/** The body as JSON: the hook's `body` when set, else the parsed text; `undefined` for an empty body. */
export function parseBody(response: RestResponse): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string } {
  if (response.body !== undefined) return { ok: true, value: response.body };
  if (response.text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(response.text) as unknown };
  } catch {
    return { ok: false, message: `The backend's answer (${response.status}) is not JSON.` };
  }
}

/**
 * The reason a backend gave for an error, for people to read: `error.message` (the reference server),
 * a problem+json `detail` or `title`, a top-level `message`, or a string `error`; else the status.
 */
export function reasonOf(response: RestResponse): string {
  const parsed = parseBody(response);
  const body = parsed.ok ? parsed.value : undefined;
  if (isRecord(body)) {
    const error = body['error'];
    const candidates = [isRecord(error) ? error['message'] : error, body['detail'], body['message'], body['title']];
    for (const candidate of candidates) if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return `The backend answered ${response.status}.`;
}

/** True when a 2xx write answer says it replays an earlier one (`Idempotent-Replayed: true`). */
export function isReplay(response: RestResponse): boolean {
  return response.headers.get('Idempotent-Replayed')?.trim().toLowerCase() === 'true';
}

/**
 * Classifies the answer to one write (interfaces section 1, design section 5):
 * 2xx -> applied (duplicate when replayed) with the entity parsed from the body; 401 -> auth;
 * 403 -> rejected forbidden; 404/410 -> rejected not-found, except for a delete (already gone:
 * applied); 409/412 -> conflict with `current` from the body when it parses; 400/422 -> rejected
 * validation; 408 -> retry timeout; 429 -> retry rate-limited; 5xx -> retry server (both with
 * Retry-After); anything else -> rejected validation. A 2xx whose body cannot be read as the entity
 * is rejected `validation` with a message saying so (never a thrown TypeError).
 */
export function classifyWrite(response: RestResponse, mutation: Mutation, parseEntity: EntityParser, now: number = Date.now()): SendOutcome {
  if (response.outcome) return response.outcome;
  const { status } = response;
  if (status >= 200 && status < 300) {
    const kind = isReplay(response) ? 'duplicate' : 'applied';
    if (mutation.kind === 'delete') return { kind };
    const body = parseBody(response);
    if (!body.ok) return unreadable(mutation, body.message);
    if (body.value === undefined) return { kind };
    const entity = parseEntity(body.value, response);
    return entity.ok ? { kind, entity: entity.entity } : unreadable(mutation, entity.message);
  }
  if (status === 401) return { kind: 'auth', message: reasonOf(response) };
  if (status === 403) return { kind: 'rejected', code: 'forbidden', message: reasonOf(response) };
  if (status === 404 || status === 410) {
    return mutation.kind === 'delete' ? { kind: 'applied' } : { kind: 'rejected', code: 'not-found', message: reasonOf(response) };
  }
  if (status === 409 || status === 412) {
    const body = parseBody(response);
    const raw = body.ok && isRecord(body.value) ? body.value['current'] : undefined;
    const current = raw === undefined ? undefined : parseEntity(raw, response);
    return current?.ok ? { kind: 'conflict', current: current.entity } : { kind: 'conflict' };
  }
  if (status === 400 || status === 422) return { kind: 'rejected', code: 'validation', message: reasonOf(response) };
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
  const retry = (code: 'timeout' | 'rate-limited' | 'server'): SendOutcome =>
    retryAfterMs === undefined ? { kind: 'retry', code, message: reasonOf(response) } : { kind: 'retry', code, message: reasonOf(response), retryAfterMs };
  if (status === 408) return retry('timeout');
  if (status === 429) return retry('rate-limited');
  if (status >= 500) return retry('server');
  return { kind: 'rejected', code: 'validation', message: `The backend refused this change: ${reasonOf(response)}` };
}

/** No answer at all (unreachable, timed out) as a write outcome: always worth another try. */
export function unanswered(result: Extract<HttpResult, { ok: false }>): SendOutcome {
  return { kind: 'retry', code: result.code, message: result.message };
}

function unreadable(mutation: Mutation, why: string): SendOutcome {
  return {
    kind: 'rejected',
    code: 'validation',
    message: `The backend accepted this change (${mutation.intent}) but its answer could not be read: ${why} Reload to see the result.`,
  };
}

/**
 * Classifies the answer to a read: the response for a 2xx, else throws the `AdapterError` the store
 * expects (design section 3): no answer -> network/timeout; 401 (after a refresh) -> forbidden;
 * 403 forbidden; 404/410 not-found; 408 timeout; 429 and 5xx -> network with Retry-After; other
 * statuses -> validation.
 */
export function classifyRead(result: HttpResult, what: string, now: number = Date.now()): RestResponse {
  if (!result.ok) throw new AdapterError(result.code, `${what}: ${result.message}`);
  const { response } = result;
  const { status } = response;
  if (status >= 200 && status < 300) return response;
  const reason = `${what}: ${reasonOf(response)}`;
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
  const retry = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (status === 401) throw new AdapterError('forbidden', `${what}: the backend no longer accepts this sign-in.`);
  if (status === 403) throw new AdapterError('forbidden', reason);
  if (status === 404 || status === 410) throw new AdapterError('not-found', reason);
  if (status === 408) throw new AdapterError('timeout', reason, retry);
  if (status === 429 || status >= 500) throw new AdapterError('network', reason, retry);
  throw new AdapterError('validation', reason);
}

/** A read's body as JSON, or a `validation` AdapterError saying it is not JSON. */
export function readJson(response: RestResponse, what: string): unknown {
  const body = parseBody(response);
  if (!body.ok) throw new AdapterError('validation', `${what}: ${body.message}`);
  return body.value;
}
