import { ApiError } from './errors.js';

/** The ETag of a version: `"v7"`. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/**
 * The base version in an `If-Match` header: `"v7"` (or weak `W/"v7"`). Absent or `*`: no version
 * check. Anything else is a 400, so a client with a broken header learns it at once instead of
 * writing blindly.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"v(\d{1,15})"\s*$/.exec(header);
  if (match === null) throw new ApiError('bad-request', `If-Match must be an ETag of this server like "v7", got ${JSON.stringify(header.slice(0, 40))}.`);
  return Number(match[1]);
}
