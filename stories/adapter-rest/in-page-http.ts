// Story fixture: small HTTP helpers of the in-page backend (see in-page-backend.ts), shaped like the
// reference server's answers (packages/server/README.md): JSON bodies, `{ error: { code, message } }`
// errors, `ETag: "v<version>"`.
// The wire format itself (error bodies, statuses, entity tags) is the reference server's own code, so the
// fixture cannot drift from what the adapter meets in the demo and the fault tests.
import { ApiError, apiCodeOf, errorBody, statusOf, type ApiErrorCode } from '../../packages/server/src/http/errors.js';
import { etagOf, parseIfMatch } from '../../packages/server/src/http/etag.js';

export { apiCodeOf, etagOf };

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

/**
 * An error answer as the server writes it, `{ error: { code, message } }`, plus anything in `extra`
 * (a 409's `current`); `status` overrides the code's own (a made-up 503).
 */
export function problem(code: ApiErrorCode, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}, status = statusOf(code)): Response {
  return json(status, { ...errorBody(code, message), ...extra }, headers);
}

/** The base version of a write's `If-Match` by the server's rule, or the 400 answer the server gives. */
export function baseVersionOf(request: Request): number | undefined | Response {
  try {
    return parseIfMatch(request.headers.get('If-Match') ?? undefined);
  } catch (error) {
    if (error instanceof ApiError) return problem(error.code, error.message);
    throw error;
  }
}

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts (as fetch does). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** What fetch rejects with when its signal aborts. */
export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}
