import { createHash, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { COLLECTIONS, FILTERS, UnreadTally, type CollectionName, type Message, type Mutation, type ReadMarker } from '@cwm/core';
import type { AppEnv, ServerContext } from '../context.js';
import { PRIVATE_COLLECTIONS, audienceOf } from '../db/columns.js';
import { decodeCursor } from '../db/cursor.js';
import type { ListFilter } from '../db/repository.js';
import type { WriteAnswer } from '../domain/writes.js';
import { readJsonObject } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { etagOf, parseIfMatch } from '../http/etag.js';
import { openEventStream } from '../realtime/event-stream.js';
import { readPresenceReport } from '../realtime/presence.js';

/** Page size without `limit`, and the most one page may hold. */
export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 1000;
const MAX_KEY_LENGTH = 200;

const KNOWN: ReadonlySet<string> = new Set(COLLECTIONS);

function collectionOf(name: string): CollectionName {
  if (!KNOWN.has(name)) throw new ApiError('not-found', `There is no collection "${name.slice(0, 60)}"; the collections are ${COLLECTIONS.join(', ')}.`);
  return name as CollectionName;
}

function limitOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIMIT;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new ApiError('bad-request', `limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  return limit;
}

function idempotencyKey(c: Context<AppEnv>): string {
  const key = c.req.header('idempotency-key');
  if (key === undefined || key.trim() === '') throw new ApiError('bad-request', 'Writes need an Idempotency-Key header (the mutation id).');
  if (key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) throw new ApiError('bad-request', `The Idempotency-Key must be at most ${MAX_KEY_LENGTH} visible ASCII characters.`);
  return key;
}

function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${body === undefined ? '' : JSON.stringify(body)}`).digest('hex');
}

/** A private entity (notification, read marker) of someone else: 403, with no detail of it. */
function assertOwn(collection: CollectionName, entity: unknown, personId: string): void {
  const audience = audienceOf(collection, entity as never);
  if (audience !== null && audience !== personId) throw new ApiError('forbidden', `This ${collection === 'reads' ? 'read marker' : 'notification'} belongs to someone else.`);
}

/**
 * The workspace's routes under `/workspaces/:ws` (the auth middleware has already named the caller):
 * the workspace, lists and single entities with ETags, writes (idempotent, `If-Match` checked,
 * authorized by the policy for the caller), the event stream and unread counts.
 */
export function workspaceRoutes(context: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { repository } = context;

  const send = (c: Context<AppEnv>, answer: WriteAnswer): Response => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
    // The written entity's version, or on a 409 the current one's (what to send If-Match with next).
    if (answer.version !== undefined && (answer.status < 300 || answer.status === 409)) headers['ETag'] = etagOf(answer.version);
    if (answer.replayed) headers['Idempotent-Replayed'] = 'true';
    // Committed: now everyone else hears about it.
    context.fanOut.publish(answer.changes);
    return c.body(answer.body, answer.status as 200, headers);
  };

  const write = (c: Context<AppEnv>, kind: Mutation['kind'], collection: CollectionName, entityId: string, body: Record<string, unknown> | undefined, hash: string): Response => {
    const baseVersion = kind === 'create' ? undefined : parseIfMatch(c.req.header('if-match'));
    const intent = c.req.header('x-cwm-intent');
    return send(
      c,
      context.writes.apply({
        actorId: c.get('personId'),
        key: idempotencyKey(c),
        requestHash: hash,
        collection,
        kind,
        entityId,
        ...(body === undefined ? {} : { body }),
        ...(baseVersion === undefined ? {} : { baseVersion }),
        ...(intent === undefined || intent === '' ? {} : { intent: intent.slice(0, 100) }),
      }),
    );
  };

  routes.use('/:ws/*', async (c, next) => {
    const workspace = repository.workspace();
    if (workspace === undefined || c.req.param('ws') !== workspace.id) throw new ApiError('not-found', `There is no workspace "${c.req.param('ws').slice(0, 60)}" here.`);
    await next();
  });

  routes.get('/:ws', (c) => {
    const workspace = repository.workspace();
    if (workspace === undefined || c.req.param('ws') !== workspace.id) throw new ApiError('not-found', `There is no workspace "${c.req.param('ws').slice(0, 60)}" here.`);
    return c.json(workspace);
  });

  routes.get('/:ws/events', (c) =>
    openEventStream(repository, context.fanOut, c.get('personId'), c.req.header('last-event-id'), c.req.raw.signal, () => context.presence.snapshot()),
  );

  // Presence (who is viewing or typing where): memory only, no idempotency key, nothing to answer.
  routes.post('/:ws/presence', async (c) => {
    context.presence.report(c.get('personId'), readPresenceReport(await readJsonObject(c.req.raw)));
    return c.body(null, 204);
  });

  routes.get('/:ws/unread/:personId', (c) => {
    const personId = c.req.param('personId');
    if (personId !== c.get('personId')) throw new ApiError('forbidden', 'Unread counts are private: ask for your own.');
    const markers = new Map<string, ReadMarker>();
    for (const marker of repository.all('reads') as ReadMarker[]) if (marker.personId === personId) markers.set(marker.taskId, marker);
    const tally = new UnreadTally(personId, markers);
    for (const message of repository.all('messages') as Message[]) tally.add(message);
    const summary = tally.result(new Date().toISOString());
    // JSON has no Map: tasks become an object keyed by task id.
    return c.json({ countedAt: summary.countedAt, tasks: Object.fromEntries(summary.tasks) });
  });

  routes.get('/:ws/:collection', (c) => {
    const collection = collectionOf(c.req.param('collection'));
    const caller = c.get('personId');
    const query = c.req.query();
    const filter: { -readonly [K in keyof ListFilter]: string } = {};
    for (const name of FILTERS[collection]) {
      const value = query[name];
      if (value !== undefined) filter[name] = value;
    }
    if (PRIVATE_COLLECTIONS.has(collection)) {
      if (filter.personId !== undefined && filter.personId !== caller) throw new ApiError('forbidden', `${collection} are private: you can only list your own.`);
      filter.personId = caller;
    }
    const cursorText = query['cursor'];
    const cursor = cursorText === undefined || cursorText === '' ? undefined : decodeCursor(cursorText);
    if (cursorText !== undefined && cursorText !== '' && cursor === undefined) throw new ApiError('bad-request', 'The cursor is not one this server handed out.');
    const order = query['order'];
    if (order !== undefined && order !== '' && order !== 'newest') throw new ApiError('bad-request', 'order can only be "newest".');
    const newest = order === 'newest' && collection === 'messages';
    if (cursor !== undefined && ('before' in cursor) !== newest) throw new ApiError('bad-request', 'The cursor belongs to another order.');
    const page = repository.list(collection, filter, cursor, limitOf(query['limit']), newest);
    c.header('X-Total-Count', String(page.total));
    return c.json(page);
  });

  routes.get('/:ws/:collection/:id', (c) => {
    const collection = collectionOf(c.req.param('collection'));
    const entity = repository.get(collection, c.req.param('id'));
    if (entity === undefined) throw new ApiError('not-found', `There is no ${collection} "${c.req.param('id').slice(0, 100)}".`);
    assertOwn(collection, entity, c.get('personId'));
    const etag = etagOf(entity.version);
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(entity);
  });

  routes.post('/:ws/:collection', async (c) => {
    const collection = collectionOf(c.req.param('collection'));
    const body = await readJsonObject(c.req.raw);
    const hash = requestHash('POST', c.req.path, body);
    if ('id' in body && (typeof body['id'] !== 'string' || body['id'] === '')) throw new ApiError('bad-request', '"id" of a new entity must be a non-empty string (or left out: the server picks one).');
    const entityId = typeof body['id'] === 'string' ? body['id'] : randomUUID();
    return write(c, 'create', collection, entityId, { ...body, id: entityId }, hash);
  });

  routes.patch('/:ws/:collection/:id', async (c) => {
    const collection = collectionOf(c.req.param('collection'));
    const body = await readJsonObject(c.req.raw);
    return write(c, 'update', collection, c.req.param('id'), body, requestHash('PATCH', c.req.path, body));
  });

  routes.delete('/:ws/:collection/:id', (c) => {
    const collection = collectionOf(c.req.param('collection'));
    return write(c, 'delete', collection, c.req.param('id'), undefined, requestHash('DELETE', c.req.path, undefined));
  });

  return routes;
}
