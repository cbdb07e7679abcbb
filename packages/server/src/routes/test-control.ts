import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { COLLECTIONS, type CollectionName } from '@cwm/core';
import type { AppEnv, ServerContext } from '../context.js';
import { SEED_NAMES, type SeedName } from '../db/seed.js';
import { readJsonObject } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { signInPeople } from './auth.js';

function collectionParam(value: unknown): CollectionName {
  if (typeof value !== 'string' || !(COLLECTIONS as readonly string[]).includes(value)) throw new ApiError('bad-request', `collection must be one of ${COLLECTIONS.join(', ')}.`);
  return value as CollectionName;
}

/**
 * `/__test/*`: what the tests need to set up and to check the server from outside, mounted only
 * with `--test-control` (no authentication: loopback test runs only). See the README for each route.
 */
export function testControlRoutes(context: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { repository } = context;

  routes.post('/reset', async (c) => {
    const text = await c.req.text();
    const body = text.trim() === '' ? {} : (JSON.parse(text) as { seed?: unknown });
    const seed = body.seed ?? repository.meta('seed') ?? 'test';
    if (!SEED_NAMES.includes(seed as SeedName)) throw new ApiError('bad-request', `seed must be one of ${SEED_NAMES.join(', ')}.`);
    context.reseed(seed as SeedName);
    return c.json({ ok: true, seed, workspaceId: repository.workspace()?.id });
  });

  routes.get('/tokens', (c) => c.json(Object.fromEntries(signInPeople(context).map((person) => [person.id, context.tokens.currentAccess(person.id)]))));

  routes.post('/expire-tokens', (c) => {
    context.tokens.expireAccessTokens();
    return c.json({ ok: true });
  });

  routes.get('/history', (c) => {
    const collection = collectionParam(c.req.query('collection'));
    const id = c.req.query('id') ?? '';
    return c.json(
      repository.history(collection, id).map((row) => ({
        seq: row.seq,
        op: row.op,
        version: row.version,
        actorId: row.actorId,
        mutationId: row.mutationId,
        data: row.data === null ? null : (JSON.parse(row.data) as unknown),
      })),
    );
  });

  routes.get('/applied', (c) => c.json({ count: repository.appliedCount(c.req.query('key') ?? '') }));

  routes.get('/state', (c) => c.json({ items: repository.all(collectionParam(c.req.query('collection'))) }));

  /** Another person's edit, as if they had sent a PATCH without If-Match. */
  routes.post('/edit', async (c) => {
    const { as, collection, id, patch } = await readJsonObject(c.req.raw);
    if (typeof as !== 'string' || typeof id !== 'string' || typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw new ApiError('bad-request', 'Send { "as": personId, "collection": ..., "id": ..., "patch": { ... } }.');
    }
    const key = `test-edit-${randomUUID()}`;
    const answer = context.writes.apply({
      actorId: as,
      key,
      requestHash: key,
      collection: collectionParam(collection),
      kind: 'update',
      entityId: id,
      body: patch as Record<string, unknown>,
      intent: 'test.edit',
    });
    context.fanOut.publish(answer.changes);
    return c.body(answer.body, answer.status as 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  /** Sets how long a presence lasts without a repeat (`{ ttlMs }`), so expiry can be tested quickly. */
  routes.post('/presence', async (c) => {
    const { ttlMs } = await readJsonObject(c.req.raw);
    if (typeof ttlMs !== 'number' || !Number.isInteger(ttlMs) || ttlMs < 1) throw new ApiError('bad-request', 'ttlMs must be a whole number >= 1.');
    context.presence.ttlMs = ttlMs;
    return c.json({ ok: true, ttlMs });
  });

  /** Drops the change log up to all but the newest `keep` changes: older stream positions get `reset`. */
  routes.post('/prune', async (c) => {
    const text = await c.req.text();
    const keep = text.trim() === '' ? 0 : Number((JSON.parse(text) as { keep?: unknown }).keep ?? 0);
    if (!Number.isInteger(keep) || keep < 0) throw new ApiError('bad-request', 'keep must be a whole number >= 0.');
    context.writes.prune(keep);
    return c.json({ ok: true, floor: Number(repository.meta('changeFloor') ?? '0'), latest: repository.latestSeq() });
  });

  return routes;
}
