import { ApiError } from './errors.js';

/** Largest request body accepted. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON object body of at most `MAX_BODY_BYTES` (counted while streaming, so a lying or
 * missing Content-Length cannot get past it). Not JSON, not an object, or too large: an `ApiError`.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new ApiError('bad-request', 'The request needs a JSON body.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ApiError('bad-request', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError('bad-request', 'The body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function tooLarge(): ApiError {
  return new ApiError('bad-request', `The body is larger than ${MAX_BODY_BYTES} bytes (1 MiB).`, undefined, 413);
}
