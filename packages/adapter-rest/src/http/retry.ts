/** Bounds of an exponential backoff. */
export interface BackoffBounds {
  /** Delay cap of the first retry, ms. */
  readonly baseMs: number;
  /** Largest delay ever waited, ms. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffBounds = { baseMs: 500, maxMs: 30_000 };

/** The longest Retry-After honoured: a server asking for more is treated as asking for this. */
export const MAX_RETRY_AFTER_MS = 120_000;

/**
 * Delay before retry number `attempt` (0 for the first retry): "full jitter", a random point between 0
 * and min(maxMs, baseMs * 2^attempt). Random, so that many clients cut off by the same outage do not
 * all come back in the same millisecond; exponential, so a backend in trouble gets room.
 */
export function backoffDelay(attempt: number, bounds: BackoffBounds = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(bounds.maxMs, bounds.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.floor(random() * ceiling);
}

/**
 * A Retry-After header as milliseconds from `now`: either delay-seconds or an HTTP date (RFC 9110
 * 10.2.3). Undefined when absent or unreadable; never negative, never above `MAX_RETRY_AFTER_MS`.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
