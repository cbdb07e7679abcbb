// Story fixture: small HTTP helpers of the in-page backend (see in-page-backend.ts), shaped like the
// reference server's answers (packages/server/README.md): JSON bodies, `{ error: { code, message } }`
// errors, `ETag: "v<version>"`.
import type { AdapterErrorCode } from '@cwm/core';

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

/** The reference server's error codes and their statuses. */
export type ProblemCode = 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'validation' | 'bad-request' | 'unavailable';

const STATUS: Record<ProblemCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  validation: 422,
  'bad-request': 400,
  unavailable: 503,
};

/** An error answer: `{ error: { code, message } }` plus anything in `extra` (a 409's `current`). */
export function problem(code: ProblemCode, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json(STATUS[code], { error: { code, message }, ...extra }, headers);
}

/** The problem code for a write `decide` refused. */
export function problemOf(code: AdapterErrorCode): ProblemCode {
  return code === 'network' || code === 'timeout' ? 'unavailable' : code;
}

/** The reference server's entity tag of a version. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/** The version in an `If-Match` (`"v7"`, `"7"`, `W/"v7"`); undefined when absent, NaN when unreadable. */
export function parseIfMatch(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"v?(\d+)"$/.exec(header.trim());
  return match ? Number(match[1]) : Number.NaN;
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
