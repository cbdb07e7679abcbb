import type { AdapterSession, CollectionName, Id, Mutation, UnreadSummary, Workspace } from '@cwm/core';
import type { BackoffBounds } from './http/retry.js';
import type { SendOutcome } from './send-outcome.js';
import type { SseEvent, WireChange } from './realtime/types.js';

/**
 * How `RestAdapter` talks to one backend. Everything a backend does differently from the reference
 * server (URLs, field names, paging, versions, auth) is said here; what cannot be said here goes into
 * the `request` / `response` / `send` hooks, so a new backend never needs a new adapter.
 */
export interface RestAdapterOptions {
  /** Prefix of every route, without a trailing slash: `'http://127.0.0.1:8787/api/v1'`. */
  readonly baseUrl: string;
  /** Credentials from the host page, asked for on every request and never stored by the adapter. */
  readonly auth?: RestAuth;
  /**
   * One entry per collection. `false`: the backend has no such thing (lists are empty, writes are
   * refused `forbidden` with a message saying so). Absent: `{ path: '/<collection>' }` with the same
   * field names as ours.
   */
  readonly resources: { readonly [C in CollectionName]?: ResourceMapping | false };
  /** Where the workspace (name, work calendar) comes from: a route, or a function for anything else. */
  readonly workspace: WorkspaceMapping | ((session: AdapterSession) => Promise<Workspace>);
  /**
   * Where entity versions come from. `'etag'` (default): the `ETag` header (`"v7"`, `"7"`, `W/"7"`) or
   * the entity's own `version` field. `{ field }`: that wire field of each entity. Both send the base
   * version as `If-Match: "v<version>"` (see `ifMatch`) so the backend can refuse stale writes (409/412).
   * `'none'`: the backend keeps no versions; no `If-Match` is sent (last writer wins) and the adapter
   * numbers each entity's revisions itself, counting up whenever it sees the content change.
   */
  readonly versioning?: 'etag' | { readonly field: string } | 'none';
  /** Formats a base version for `If-Match`; default `"v<version>"` (the reference server's ETags). */
  readonly ifMatch?: (version: number) => string;
  /**
   * The header carrying each mutation's id, so a resend after a lost answer is recognised (default
   * `{ header: 'Idempotency-Key' }`). `'none'`: the backend cannot; a `response` hook may still tell a
   * replay apart (see the README's json-server example).
   */
  readonly idempotency?: { readonly header: string } | 'none';
  /** Header carrying the mutation's intent (`task.move`...), default `'X-Cwm-Intent'`; `false` sends none. */
  readonly intentHeader?: string | false;
  /** How lists are paged; default cursor paging as the reference server does it. */
  readonly paging?: PagingMapping;
  /** Page size asked for when the caller gives none (page and offset paging need one), default 100. */
  readonly pageSize?: number;
  /** Live changes: Server-Sent Events, polling, or none (default none). */
  readonly realtime?: RealtimeOptions;
  /**
   * Who is viewing or typing where (`capabilities.presence`; needs `realtime: { kind: 'sse' }`, whose
   * `presence` events bring the others'). Absent: no presence.
   */
  readonly presence?: PresenceMapping;
  /** Reads the backend's unread counts (`capabilities.unreadCounts`); absent: the store counts itself. */
  readonly unread?: UnreadMapping;
  /**
   * The offline outbox: writes are kept in IndexedDB (namespaced by `tenant` and the signed-in person)
   * until the backend confirms them, and one tab sends for all. `false` (default): online only, writes
   * are sent directly and a failed send is retried by the store.
   */
  readonly offline?: false | OfflineOptions;
  /** Per-request time limit in ms, default 10 000. */
  readonly timeoutMs?: number;
  /** Backoff between resends of a failed write (full jitter), default 500 ms doubling up to 30 s. */
  readonly retry?: Partial<BackoffBounds>;
  /** Last say over every request before it is sent (extra headers, signing, URL rewrites). */
  readonly request?: (request: RestRequest, context: HookContext) => RestRequest | Promise<RestRequest>;
  /**
   * Sees every response before it is classified: return it changed (a different `body` or `status`),
   * with an `outcome` to classify a write yourself, or `undefined` to keep it as it is.
   */
  readonly response?: (response: RestResponse, context: HookContext) => RestResponse | undefined | Promise<RestResponse | undefined>;
  /** Replaces how one write is sent; answer `undefined` to fall back to the mapped request. */
  readonly send?: (mutation: Mutation, context: SendContext) => Promise<SendOutcome | undefined>;
  /** The `fetch` to use (tests pass a fake); default the global one. */
  readonly fetch?: typeof fetch;
}

/** Credentials provided by the host page. The adapter never stores them. */
export interface RestAuth {
  /** Headers to authenticate one request (`{ Authorization: 'Bearer …' }`); asked for on every request. */
  header(): Promise<Record<string, string> | undefined>;
  /**
   * Called when the backend answers 401; resolve `true` once new credentials are in place. Concurrent
   * 401s share one call. `false` (or absent): writes pause until `RestAdapter.resumeAuth()`.
   */
  refresh?(): Promise<boolean>;
  /** Who the credentials belong to; writes queued by anyone else are never sent with them. */
  userId?(): Id | undefined;
}

/** Options of the offline outbox. */
export interface OfflineOptions {
  /** The outbox namespace's tenant (with the signed-in person's id): one queue per tenant and person. */
  readonly tenant: string;
  /** How the sending tab is elected: Web Locks (`auto`) or the BroadcastChannel heartbeat (tests). */
  readonly leader?: 'auto' | 'heartbeat';
  /** How long `push` waits for the outbox to settle a write before the store is told to wait, ms. */
  readonly settleWaitMs?: number;
  /** `indexeddb` (default) or `memory` (nothing survives a reload). */
  readonly storage?: 'indexeddb' | 'memory';
  /** Entities with a write in flight at once, default 4. */
  readonly concurrency?: number;
}

/** Where the workspace is read from. */
export interface WorkspaceMapping {
  /** Route, with `{workspaceId}` and `{userId}` filled in: `'/workspaces/{workspaceId}'`. */
  readonly path: string;
  /** Turns the body into a `Workspace`; default: the body itself, with the default work calendar when absent. */
  readonly fromWire?: (raw: unknown) => unknown;
}

/** A field's wire name and, when the values differ too, how to convert them. */
export interface FieldMap {
  /** The field's name on the wire; default the same as ours. */
  readonly wire?: string;
  /** Our value to the backend's (not called for `undefined`). */
  readonly toWire?: (value: unknown) => unknown;
  /** The backend's value to ours (called for absent values too, so defaults can be filled). */
  readonly fromWire?: (value: unknown) => unknown;
}

/** How one collection is served. */
export interface ResourceMapping {
  /**
   * Route of the list (GET) and of creates (POST): `'/tasks'`, `'/projects/{projectId}/tasks'`. Route
   * variables are filled from the session (`workspaceId`, `userId`), the list query, or the entity,
   * and URL-encoded.
   */
  readonly path: string;
  /** Route of one entity (GET, PATCH/PUT, DELETE); default `<path>/{id}`. */
  readonly item?: string;
  /** Our field name -> wire name, or a `FieldMap`. Fields not listed keep their names. */
  readonly fields?: Readonly<Record<string, string | FieldMap>>;
  /**
   * Query parameter names of the list filters. Default: the filtered field's wire name (see `fields`);
   * `false`: the backend cannot filter by it (the store filters what it gets).
   */
  readonly filters?: Readonly<Partial<Record<'projectId' | 'taskId' | 'personId', string | false>>>;
  /** How updates are sent: `PATCH` with the changed fields (default) or `PUT` with the merged entity. */
  readonly update?: 'PATCH' | 'PUT';
  /** Runs after the field renames on every entity read: fill defaults, reshape. */
  readonly fromWire?: (raw: Record<string, unknown>) => unknown;
  /** Runs after the field renames on every body written (`kind` says which write). */
  readonly toWire?: (body: Record<string, unknown>, kind: Mutation['kind']) => unknown;
}

/** How list responses are paged and where the items are in the body. */
export type PagingMapping =
  | (PagingCommon & {
      /** An opaque cursor from each page names the next one (the reference server). */
      readonly style: 'cursor';
      /** Query parameter of the cursor, default `cursor`. */
      readonly cursorParam?: string;
      /** Query parameter of the page size, default `limit`. */
      readonly limitParam?: string;
      /** The next page's cursor, default `body.nextCursor`. */
      readonly next?: (body: unknown, response: RestResponse) => string | undefined;
    })
  | (PagingCommon & {
      /** Numbered pages (`?_page=2&_limit=50`). */
      readonly style: 'page';
      /** Query parameter of the page number, default `page`. */
      readonly pageParam?: string;
      /** Query parameter of the page size, default `limit`. */
      readonly limitParam?: string;
      /** Number of the first page, default 1. */
      readonly firstPage?: number;
    })
  | (PagingCommon & {
      /** Skip and take (`?offset=100&limit=50`). */
      readonly style: 'offset';
      /** Query parameter of the offset, default `offset`. */
      readonly offsetParam?: string;
      /** Query parameter of the page size, default `limit`. */
      readonly limitParam?: string;
    })
  | (PagingCommon & {
      /** Every list comes whole. */
      readonly style: 'none';
    });

/** What every paging style may say. */
export interface PagingCommon {
  /** The items of a page; default the body when it is an array, else `body.items` or `body.data`. */
  readonly items?: (body: unknown) => unknown;
  /** How many items the whole list has; default `body.total`, else the `X-Total-Count` header. */
  readonly total?: (body: unknown, response: RestResponse) => number | undefined;
  /**
   * Query parameters that ask for newest-first (a chat read from its end); default `{ order: 'newest' }`.
   * `false`: the backend cannot, lists come in its own order.
   */
  readonly newest?: Readonly<Record<string, string>> | false;
}

/** Live changes from the backend. */
export type RealtimeOptions =
  | {
      /** Server-Sent Events read with `fetch` (so the auth header can be sent), resumed by `Last-Event-ID`. */
      readonly kind: 'sse';
      /** Route of the stream, e.g. `'/workspaces/{workspaceId}/events'`. */
      readonly path: string;
      /** Reads one event; default the reference server's format (`change`/`reset` events). */
      readonly parse?: (event: SseEvent) => WireChange | undefined;
      /** Reconnect after this long without a byte (the server pings), default 45 000 ms. */
      readonly watchdogMs?: number;
      /** Reconnect backoff, default 250 ms doubling up to 5 s. */
      readonly backoff?: BackoffBounds;
    }
  | {
      /** Lists the given collections every `intervalMs` and reports what changed. */
      readonly kind: 'poll';
      readonly intervalMs: number;
      readonly collections: readonly CollectionName[];
    }
  | { readonly kind: 'none' };

/**
 * Where this person's presence is reported: `POST <path>` with `{ room, taskId?, typing? }`, or
 * `{ room, leave: true }` on leaving. Best effort: failures are ignored, nothing is queued.
 */
export interface PresenceMapping {
  /** Route, with `{workspaceId}` and `{userId}`: `'/workspaces/{workspaceId}/presence'`. */
  readonly path: string;
}

/** Where a person's unread counts are read from. */
export interface UnreadMapping {
  /** Route, with `{workspaceId}` and `{personId}`: `'/workspaces/{workspaceId}/unread/{personId}'`. */
  readonly path: string;
  /** Turns the body into an `UnreadSummary`; default reads `{ countedAt, tasks: { [taskId]: { count, newestAt, newestId } } }`. */
  readonly fromWire?: (raw: unknown) => UnreadSummary;
}

/** One HTTP request as the adapter is about to send it; the `request` hook may return a changed copy. */
export interface RestRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The absolute URL, query included. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON body (serialised after the hook), absent for GET and DELETE. */
  readonly body?: unknown;
}

/** One HTTP response, its body read once. */
export interface RestResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The raw body text ('' when there was none). */
  readonly text: string;
  /** The body as JSON; set it in the `response` hook to replace what `text` parses to. */
  readonly body?: unknown;
  /** A write's outcome decided by the `response` hook; the adapter's own classification is skipped. */
  readonly outcome?: SendOutcome;
}

/** What a hook is told about the request it sees. */
export interface HookContext {
  /** What the request is for. */
  readonly purpose: 'workspace' | 'list' | 'read' | 'write' | 'unread' | 'presence';
  readonly collection?: CollectionName;
  /** The write being sent (purpose `write`). */
  readonly mutation?: Mutation;
  readonly session?: AdapterSession;
}

/** What a `send` hook gets to do its own write. */
export interface SendContext {
  readonly signal: AbortSignal;
  readonly session: AdapterSession | undefined;
  /** Sends a request with the adapter's auth, timeout and single-flight refresh; never throws for HTTP statuses. */
  request(request: Omit<RestRequest, 'headers'> & { readonly headers?: Readonly<Record<string, string>> }): Promise<RestResponse>;
  /** Our entity or patch in the backend's field names. */
  toWire(body: Record<string, unknown>): Record<string, unknown>;
  /** A backend entity in our field names (not validated yet). */
  fromWire(raw: unknown): unknown;
  /** The URL of a route with its variables filled in. */
  url(route: string, variables?: Readonly<Record<string, unknown>>): string;
}
