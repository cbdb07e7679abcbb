import type { AdapterErrorCode } from '@cwm/core';

/** The error codes of the API (the `code` of every error body). */
export type ApiErrorCode = 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'validation' | 'bad-request' | 'rate-limited' | 'internal';

/** The body of every error answer: `{ error: { code, message, issues? } }`. */
export function errorBody(code: ApiErrorCode, message: string, issues?: readonly unknown[]): { error: { code: ApiErrorCode; message: string; issues?: readonly unknown[] } } {
  return { error: { code, message, ...(issues === undefined ? {} : { issues }) } };
}

const STATUS: Record<ApiErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  validation: 422,
  'bad-request': 400,
  'rate-limited': 429,
  internal: 500,
};

/** The HTTP status of an API error code; adapter error codes map onto the same names. */
export function statusOf(code: ApiErrorCode | AdapterErrorCode): number {
  return code in STATUS ? STATUS[code as ApiErrorCode] : 500;
}

/** The API code for an adapter error code: the domain's refusals keep their names. */
export function apiCodeOf(code: AdapterErrorCode): ApiErrorCode {
  return code === 'network' || code === 'timeout' ? 'internal' : code;
}

/** A client mistake found while reading a request: thrown by parsers, answered by the app's error handler. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: readonly unknown[],
    /** A more precise status than the code's own (413 for a body too large, still `bad-request`). */
    private readonly statusOverride?: number,
  ) {
    super(message);
  }

  get status(): number {
    return this.statusOverride ?? statusOf(this.code);
  }
}
