/**
 * Why an adapter call failed. `network` and `timeout` are worth retrying; the others are answers.
 */
export type AdapterErrorCode = 'network' | 'timeout' | 'conflict' | 'forbidden' | 'validation' | 'not-found';

const RETRYABLE: ReadonlySet<AdapterErrorCode> = new Set(['network', 'timeout']);

/** The typed failure every adapter throws or returns. */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly code: AdapterErrorCode;
  /** For `network`/`timeout`: when a retry makes sense, in ms; otherwise undefined. */
  readonly retryAfterMs?: number;

  constructor(code: AdapterErrorCode, message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

/** Turns anything thrown by an adapter into an `AdapterError` (unknown throws count as network failures). */
export function toAdapterError(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AdapterError('network', message || 'The backend could not be reached.', { cause: error });
}
