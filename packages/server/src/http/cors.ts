import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';

/** Request headers a browser client may send. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'Last-Event-ID', 'X-Cwm-Intent'];
/** Response headers a browser client may read. */
const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'Idempotent-Replayed', 'X-Total-Count'];
const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d{1,5}$/;

/**
 * CORS for the demo and the tests: any loopback origin (Vite, web-test-runner and the demo pick
 * their own ports), plus the exact origins given with `--cors`. Bearer tokens, no cookies: no
 * credentials mode needed.
 */
export function corsFor(extraOrigins: readonly string[]): MiddlewareHandler {
  const extra = new Set(extraOrigins);
  return cors({
    origin: (origin) => (LOOPBACK_ORIGIN.test(origin) || extra.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
}
