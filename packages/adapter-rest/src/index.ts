/**
 * @cwm/adapter-rest: connects the cwm-elements store to a REST backend (see README.md). `RestAdapter`
 * with `cwmServerOptions` talks to the reference server; any other backend is described by
 * `RestAdapterOptions` (routes, field names, paging, versions, auth) and its hooks.
 */
export { RestAdapter } from './rest-adapter.js';
export { cwmServerOptions, type CwmServerPresetOptions } from './mapping/presets.js';
export type {
  FieldMap,
  HookContext,
  OfflineOptions,
  PagingCommon,
  PagingMapping,
  PresenceMapping,
  RealtimeOptions,
  ResourceMapping,
  RestAdapterOptions,
  RestAuth,
  RestRequest,
  RestResponse,
  SendContext,
  UnreadMapping,
  WorkspaceMapping,
} from './options.js';
export type { ReadCurrent, SendMutation, SendOutcome } from './send-outcome.js';
export { backoffDelay, parseRetryAfter, DEFAULT_BACKOFF, MAX_RETRY_AFTER_MS, type BackoffBounds } from './http/retry.js';
export { classifyRead, classifyWrite, reasonOf, type EntityParser } from './http/classify.js';
export { expandRoute, joinUrl, routeVariables } from './mapping/routes.js';
export { parseEtag } from './mapping/versions.js';
export type { SseEvent, WireChange } from './realtime/types.js';
export { SseParser } from './realtime/sse-parser.js';
export { parseCwmEvent, parsePresenceEvent, type PresenceEvent } from './realtime/cwm-event.js';
export { VersionGate } from './realtime/version-gate.js';
export { Outbox } from './outbox/outbox.js';
export { outboxNamespace } from './outbox/namespace.js';
export { ReadCache, cacheDatabaseName, deleteCacheDatabase } from './cache/index.js';
