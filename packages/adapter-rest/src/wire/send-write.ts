import { AdapterError, sameValue, type Mutation } from '@cwm/core';
import type { SendContext } from '../options.js';
import type { ReadCurrent, SendMutation, SendOutcome } from '../send-outcome.js';
import { classifyWrite, parseBody, unanswered } from '../http/classify.js';
import type { OutgoingRequest } from '../http/request.js';
import type { ResolvedResource } from '../mapping/resources.js';
import { defaultIfMatch } from '../mapping/versions.js';
import { isRecord } from '../mapping/json.js';
import type { RestContext } from './rest-context.js';

/** Told about every write answer that changed something, so live echoes of it can be dropped. */
export type WrittenListener = (mutation: Mutation, outcome: SendOutcome, deletedVersion: number | undefined) => void;

/** The bookkeeping fields a backend sets itself: not compared when a create meets an existing id. */
const META_FIELDS = new Set(['version', 'createdAt', 'updatedAt']);

/**
 * The `SendMutation` the outbox's drainer (and the direct, online-only path) uses: sends one mutation
 * once, mapped by the options, and classifies the answer. Never throws.
 */
export function createSender(context: RestContext, onWritten?: WrittenListener): SendMutation {
  const readCurrent = createReader(context);
  return async (mutation, signal) => {
    let outcome: SendOutcome;
    let deletedVersion: number | undefined;
    try {
      const resource = context.resource(mutation.collection);
      if (resource === false) {
        return {
          kind: 'rejected',
          code: 'forbidden',
          message: `This backend does not keep ${mutation.collection}, so the change (${mutation.intent}) cannot be saved.`,
        };
      }
      const custom = context.options.send ? await context.options.send(mutation, sendContext(context, resource, signal)) : undefined;
      if (custom) outcome = custom;
      else ({ outcome, deletedVersion } = await sendMapped(context, resource, mutation, signal, readCurrent));
    } catch (error) {
      outcome = failed(error);
    }
    if (outcome.kind === 'applied' || outcome.kind === 'duplicate') onWritten?.(mutation, outcome, deletedVersion);
    return outcome;
  };
}

/** The `ReadCurrent` of the drainer: a GET of the mutation's entity; undefined when absent or unreadable. Never throws. */
export function createReader(context: RestContext): ReadCurrent {
  return async (mutation, signal) => {
    try {
      const resource = context.resource(mutation.collection);
      if (resource === false) return undefined;
      const result = await context.http.send(
        { method: 'GET', url: context.url(resource.item, { id: mutation.entityId }) },
        { purpose: 'read', collection: mutation.collection, mutation, ...session(context) },
        signal,
      );
      if (!result.ok || result.response.status < 200 || result.response.status >= 300) return undefined;
      const body = parseBody(result.response);
      if (!body.ok || body.value === undefined) return undefined;
      const parsed = context.entityParser(resource)(body.value, result.response);
      return parsed.ok ? parsed.entity : undefined;
    } catch {
      return undefined;
    }
  };
}

async function sendMapped(
  context: RestContext,
  resource: ResolvedResource,
  mutation: Mutation,
  signal: AbortSignal,
  readCurrent: ReadCurrent,
): Promise<{ outcome: SendOutcome; deletedVersion?: number }> {
  const prepared = await prepare(context, resource, mutation, signal, readCurrent);
  if ('outcome' in prepared) return prepared;
  const result = await context.http.send(prepared.request, { purpose: 'write', collection: mutation.collection, mutation, ...session(context) }, signal);
  if (!result.ok) return { outcome: unanswered(result) };
  const outcome = classifyWrite(result.response, mutation, context.entityParser(resource));
  if (mutation.kind === 'create' && outcome.kind === 'conflict') return { outcome: await createMet(mutation, signal, readCurrent) };
  if (mutation.kind === 'delete') {
    const body = parseBody(result.response);
    const deletedVersion = body.ok ? context.deletedVersion(body.value) : undefined;
    return deletedVersion === undefined ? { outcome } : { outcome, deletedVersion };
  }
  return { outcome };
}

/** The request for a mutation, or an outcome decided before sending (a PUT over a newer version). */
async function prepare(
  context: RestContext,
  resource: ResolvedResource,
  mutation: Mutation,
  signal: AbortSignal,
  readCurrent: ReadCurrent,
): Promise<{ request: OutgoingRequest } | { outcome: SendOutcome }> {
  const headers = writeHeaders(context, mutation);
  switch (mutation.kind) {
    case 'create': {
      const value = mutation.value as unknown as Record<string, unknown>;
      return { request: { method: 'POST', url: context.url(resource.path, value), headers, body: resource.encode(value, 'create') } };
    }
    case 'delete':
      return { request: { method: 'DELETE', url: context.url(resource.item, { id: mutation.entityId }), headers } };
    case 'update': {
      const patch = mutation.patch as Record<string, unknown>;
      const url = context.url(resource.item, { ...patch, id: mutation.entityId });
      if (resource.update === 'PATCH') return { request: { method: 'PATCH', url, headers, body: resource.encode(patch, 'update') } };
      // PUT replaces the whole entity: merge the patch over the entity as the backend has it now.
      const current = await readCurrent(mutation, signal);
      if (!current) return { outcome: { kind: 'rejected', code: 'not-found', message: `The ${mutation.collection} entity "${mutation.entityId}" no longer exists.` } };
      if (context.revisions === undefined && mutation.baseVersion !== undefined && current.version !== mutation.baseVersion) {
        return { outcome: { kind: 'conflict', current } };
      }
      const merged: Record<string, unknown> = { ...(current as unknown as Record<string, unknown>) };
      for (const [field, value] of Object.entries(patch)) {
        // A cleared field is left out of a whole-entity body: absent is how a PUT clears it.
        if (value === null || value === undefined) delete merged[field];
        else merged[field] = value;
      }
      return { request: { method: 'PUT', url, headers, body: resource.encode(merged, 'update') } };
    }
  }
}

function writeHeaders(context: RestContext, mutation: Mutation): Record<string, string> {
  const { options } = context;
  const headers: Record<string, string> = {};
  const idempotency = options.idempotency ?? { header: 'Idempotency-Key' };
  if (idempotency !== 'none') headers[idempotency.header] = mutation.id;
  if (options.versioning !== 'none' && mutation.kind !== 'create' && mutation.baseVersion !== undefined) {
    headers['If-Match'] = (options.ifMatch ?? defaultIfMatch)(mutation.baseVersion);
  }
  const intent = options.intentHeader ?? 'X-Cwm-Intent';
  if (intent !== false) headers[intent] = mutation.intent;
  return headers;
}

/**
 * A create refused because the id exists: our own earlier create whose answer was lost (duplicate)
 * when the entity there is ours field by field, else a real clash (rejected).
 */
async function createMet(mutation: Extract<Mutation, { kind: 'create' }>, signal: AbortSignal, readCurrent: ReadCurrent): Promise<SendOutcome> {
  const current = await readCurrent(mutation, signal);
  if (current === undefined) return { kind: 'retry', code: 'server', message: 'The backend reported a clash but the entity could not be read.' };
  const ours = mutation.value as unknown as Record<string, unknown>;
  const theirs = current as unknown as Record<string, unknown>;
  const same = Object.keys(ours).every((field) => META_FIELDS.has(field) || sameValue(ours[field], theirs[field]));
  return same
    ? { kind: 'duplicate', entity: current }
    : { kind: 'rejected', code: 'validation', message: `Another ${mutation.collection} entity already has the id "${mutation.entityId}".` };
}

function sendContext(context: RestContext, resource: ResolvedResource, signal: AbortSignal): SendContext {
  return {
    signal,
    session: context.session,
    request: async (request) => {
      const result = await context.http.send(request, { purpose: 'write', collection: resource.collection, ...session(context) }, signal);
      if (!result.ok) throw new AdapterError(result.code, result.message);
      return result.response;
    },
    toWire: (body) => {
      const wire = resource.encode(body, 'update');
      return isRecord(wire) ? wire : {};
    },
    fromWire: (raw) => context.decode(resource, raw),
    url: (route, variables) => context.url(route, variables),
  };
}

function session(context: RestContext): { session?: NonNullable<RestContext['session']> } {
  return context.session ? { session: context.session } : {};
}

/** Anything thrown while preparing or by a hook, as an outcome: a bad route is final, the rest is retried. */
function failed(error: unknown): SendOutcome {
  if (error instanceof AdapterError && !error.retryable) {
    const code = error.code === 'forbidden' || error.code === 'not-found' || error.code === 'conflict' ? error.code : 'validation';
    return { kind: 'rejected', code, message: error.message };
  }
  const code = error instanceof AdapterError && error.code === 'timeout' ? 'timeout' : 'network';
  const message = error instanceof Error && error.message !== '' ? error.message : 'The change could not be sent.';
  return { kind: 'retry', code, message };
}
