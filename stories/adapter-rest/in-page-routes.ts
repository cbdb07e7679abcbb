// Story fixture: the workspace routes of the in-page backend (see in-page-backend.ts), answered from a
// MemoryBackend: every write goes through its `push` (the same `decide` rules as the reference
// server), and only the HTTP around it lives here: Idempotency-Key replay, If-Match, ETags, 409 with
// `current`, cursor pages, private collections, unread counts.
import type { MemoryBackend } from '@cwm/adapters';
import { COLLECTIONS, FILTERS, matchesFilters, type AnyEntity, type CollectionName, type Id, type Mutation } from '@cwm/core';
import type { InPageEventLog } from './in-page-events.js';
import { apiCodeOf, baseVersionOf, etagOf, json, problem } from './in-page-http.js';

/** What the routes count for the story's control bar. */
export interface RouteCounters {
  applied(): void;
  replayed(): void;
  conflict(): void;
}

/** The first 2xx answer to one person's Idempotency-Key, sent again for the same key. */
interface StoredAnswer {
  readonly request: string;
  readonly status: number;
  readonly body: unknown;
  readonly etag?: string;
}

const KNOWN: ReadonlySet<string> = new Set(COLLECTIONS);
const PRIVATE: ReadonlySet<CollectionName> = new Set<CollectionName>(['notifications', 'reads']);
const DEFAULT_LIMIT = 500;

/** The routes under `/workspaces/:ws/...` for one signed-in person. */
export class InPageRoutes {
  private readonly answers = new Map<string, StoredAnswer>();

  constructor(
    private readonly backend: MemoryBackend,
    private readonly events: InPageEventLog,
    private readonly counters: RouteCounters,
  ) {}

  /** Answers `parts` (the path after `/workspaces/:ws`, decoded) for `personId`. */
  async answer(request: Request, personId: Id, parts: readonly string[]): Promise<Response> {
    const [first, second] = parts;
    if (first === undefined) return json(200, this.backend.workspace);
    if (first === 'events' && second === undefined && request.method === 'GET') {
      return new Response(this.events.open(personId, request.headers.get('Last-Event-ID'), request.signal), {
        headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' },
      });
    }
    if (first === 'unread' && second !== undefined && request.method === 'GET') {
      if (second !== personId) return problem('forbidden', 'Unread counts are private: ask for your own.');
      const summary = this.backend.unreadCounts(personId);
      return json(200, { countedAt: summary.countedAt, tasks: Object.fromEntries(summary.tasks) });
    }
    if (!KNOWN.has(first) || parts.length > 2) return problem('not-found', `There is no route /${parts.join('/')} here.`);
    const collection = first as CollectionName;
    const url = new URL(request.url);
    switch (request.method) {
      case 'GET':
        return second === undefined ? this.list(collection, url.searchParams, personId) : this.item(collection, second, request, personId);
      case 'POST': {
        if (second !== undefined) break;
        const body = await readObject(request);
        if (body === undefined) return problem('bad-request', 'The body must be a JSON object.');
        const id = typeof body['id'] === 'string' && body['id'] !== '' ? body['id'] : crypto.randomUUID();
        return this.write(request, personId, { kind: 'create', collection, entityId: id, value: { ...body, id } });
      }
      case 'PATCH': {
        if (second === undefined) break;
        const body = await readObject(request);
        if (body === undefined) return problem('bad-request', 'The body must be a JSON object.');
        return this.write(request, personId, { kind: 'update', collection, entityId: second, patch: body });
      }
      case 'DELETE':
        if (second === undefined) break;
        return this.write(request, personId, { kind: 'delete', collection, entityId: second });
    }
    return problem('not-found', `${request.method} /${parts.join('/')} is not a route here.`);
  }

  private list(collection: CollectionName, query: URLSearchParams, personId: Id): Response {
    const asked = query.get('personId');
    if (PRIVATE.has(collection) && asked !== null && asked !== personId) return problem('forbidden', `${collection} are private: you can only list your own.`);
    const filters = FILTERS[collection].flatMap((name) => {
      const value = name === 'personId' && PRIVATE.has(collection) ? personId : query.get(name);
      return value === null ? [] : [[name, value] as const];
    });
    let items = this.backend.all(collection).filter((entity) => matchesFilters(entity, filters));
    if (collection === 'messages' && query.get('order') === 'newest') {
      items = items.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
    }
    // A fixture's cursor: the offset of the next page (the reference server's is a position).
    const from = Number(query.get('cursor') ?? 0) || 0;
    const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? DEFAULT_LIMIT) || DEFAULT_LIMIT));
    const next = from + limit < items.length ? { nextCursor: String(from + limit) } : {};
    return json(200, { items: items.slice(from, from + limit), total: items.length, ...next }, { 'X-Total-Count': String(items.length) });
  }

  private item(collection: CollectionName, id: Id, request: Request, personId: Id): Response {
    const entity = this.backend.get(collection, id);
    if (entity === undefined) return problem('not-found', `There is no ${collection} "${id}".`);
    if (PRIVATE.has(collection) && (entity as { personId?: Id }).personId !== personId) return problem('forbidden', 'That belongs to someone else.');
    const etag = etagOf(entity.version);
    if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    return json(200, entity, { ETag: etag });
  }

  /** One write: replayed when its key was answered before, else `MemoryBackend.push` decides. */
  private async write(request: Request, personId: Id, what: WriteShape): Promise<Response> {
    const key = request.headers.get('Idempotency-Key');
    if (key === null || key.trim() === '') return problem('bad-request', 'Writes need an Idempotency-Key header (the mutation id).');
    const fingerprint = `${request.method} ${new URL(request.url).pathname}\n${JSON.stringify(what.kind === 'create' ? what.value : what.kind === 'update' ? what.patch : null)}`;
    const stored = this.answers.get(`${personId}\u0000${key}`);
    if (stored !== undefined) {
      if (stored.request !== fingerprint) return problem('validation', 'This Idempotency-Key was used for a different request.');
      this.counters.replayed();
      return json(stored.status, stored.body, { 'Idempotent-Replayed': 'true', ...(stored.etag ? { ETag: stored.etag } : {}) });
    }
    const baseVersion = what.kind === 'create' ? undefined : baseVersionOf(request);
    if (baseVersion instanceof Response) return baseVersion;
    const before = this.backend.get(what.collection, what.entityId);
    const mutation = {
      ...what,
      id: key,
      actorId: personId,
      at: new Date().toISOString(),
      intent: request.headers.get('X-Cwm-Intent') ?? `${what.collection}.${what.kind}`,
      ...(baseVersion === undefined ? {} : { baseVersion }),
    } as Mutation;
    if (what.kind === 'delete' && before !== undefined) this.events.expectDeletion(what.collection, what.entityId, before.version + 1);
    const [result] = this.backend.push([mutation]).results;
    if (result === undefined) return problem('internal', 'The backend answered nothing.');
    if (result.status === 'conflict') {
      this.counters.conflict();
      return problem('conflict', 'Someone else changed this first.', { current: result.current }, { ETag: etagOf(result.current.version) });
    }
    if (result.status === 'rejected') return problem(apiCodeOf(result.error.code), result.error.message);
    const entity: AnyEntity | undefined = result.entity;
    const answer: StoredAnswer =
      what.kind === 'delete'
        ? { request: fingerprint, status: 200, body: { id: what.entityId, version: (before?.version ?? 0) + 1 } }
        : { request: fingerprint, status: what.kind === 'create' ? 201 : 200, body: entity, ...(entity ? { etag: etagOf(entity.version) } : {}) };
    this.answers.set(`${personId}\u0000${key}`, answer);
    this.counters.applied();
    return json(answer.status, answer.body, answer.etag ? { ETag: answer.etag } : {});
  }
}

/** A write as the HTTP request says it, before the route adds who, when and which key. */
type WriteShape =
  | { readonly kind: 'create'; readonly collection: CollectionName; readonly entityId: Id; readonly value: Record<string, unknown> }
  | { readonly kind: 'update'; readonly collection: CollectionName; readonly entityId: Id; readonly patch: Record<string, unknown> }
  | { readonly kind: 'delete'; readonly collection: CollectionName; readonly entityId: Id };

async function readObject(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body = (await request.json()) as unknown;
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
