import { COLLECTIONS, type CollectionName, type Id } from '@cwm/core';
import type { BackoffBounds } from '../http/retry.js';
import type { ResourceMapping, RestAdapterOptions, RestAuth } from '../options.js';

/** What `cwmServerOptions` needs to know. */
export interface CwmServerPresetOptions {
  /** The server's API root: `'http://127.0.0.1:8787/api/v1'`. */
  readonly baseUrl: string;
  /** The workspace this adapter serves (`{workspaceId}` in every route). */
  readonly workspaceId: Id;
  /** The signed-in person's credentials (a bearer token from `POST /auth/login`). */
  readonly auth: RestAuth;
  /** Outbox namespace's tenant; default the workspace id. */
  readonly tenant?: string;
  /** The offline outbox (default on, in IndexedDB); `false`: online only. */
  readonly offline?: false | { readonly leader?: 'auto' | 'heartbeat'; readonly settleWaitMs?: number; readonly storage?: 'indexeddb' | 'memory' };
  /** Per-request time limit, ms (default 10 000). */
  readonly timeoutMs?: number;
  /** Backoff of failed writes (default 500 ms doubling up to 30 s). */
  readonly retry?: Partial<BackoffBounds>;
  /** The `fetch` to use (tests); default the global one. */
  readonly fetch?: typeof fetch;
}

/**
 * Options for the reference server (`@cwm/server`): every collection at
 * `/workspaces/{workspaceId}/<collection>` with our own field names, ETag versions and `If-Match`,
 * `Idempotency-Key`, cursor paging, Server-Sent Events at `/workspaces/{workspaceId}/events`, the
 * backend's unread counts, presence (who is viewing or typing), and the offline outbox.
 */
export function cwmServerOptions(preset: CwmServerPresetOptions): RestAdapterOptions {
  const workspace = `/workspaces/${encodeURIComponent(preset.workspaceId)}`;
  const resources: { [C in CollectionName]?: ResourceMapping } = {};
  for (const collection of COLLECTIONS) resources[collection] = { path: `${workspace}/${collection}` };
  return {
    baseUrl: preset.baseUrl,
    auth: preset.auth,
    resources,
    workspace: { path: workspace },
    versioning: 'etag',
    idempotency: { header: 'Idempotency-Key' },
    paging: { style: 'cursor' },
    realtime: { kind: 'sse', path: `${workspace}/events` },
    unread: { path: `${workspace}/unread/{personId}` },
    presence: { path: `${workspace}/presence` },
    offline: preset.offline === false ? false : { tenant: preset.tenant ?? preset.workspaceId, ...preset.offline },
    ...(preset.timeoutMs === undefined ? {} : { timeoutMs: preset.timeoutMs }),
    ...(preset.retry === undefined ? {} : { retry: preset.retry }),
    ...(preset.fetch === undefined ? {} : { fetch: preset.fetch }),
  };
}
