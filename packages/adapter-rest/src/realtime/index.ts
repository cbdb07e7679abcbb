/** Live changes: the Server-Sent Events reader, the reference server's event format, the version gate and the poller. */
export type { SseEvent, WireChange } from './types.js';
export { SseParser } from './sse-parser.js';
export { parseCwmEvent } from './cwm-event.js';
export {
  DEFAULT_EARLIEST_RETRY_MS,
  DEFAULT_HEALTHY_MS,
  DEFAULT_SSE_BACKOFF,
  DEFAULT_WATCHDOG_MS,
  SseConnection,
  type SseConnectionOptions,
  type SseConnectionState,
} from './sse-connection.js';
export { VersionGate, type VersionGateOptions } from './version-gate.js';
export { Poller, type PollerOptions } from './poller.js';
