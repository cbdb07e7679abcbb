/**
 * List cursors: opaque to clients (base64url JSON), a position rather than an offset, so entities
 * created while a client pages neither repeat nor shift a page. `after` is the last id returned (id
 * order); `before` is the last `[createdAt, id]` returned (newest-first order).
 */
export type Cursor = { readonly after: string } | { readonly before: readonly [string, string] };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, ...cursor }), 'utf8').toString('base64url');
}

/** The position in a cursor, or undefined when it is not one of ours (the caller answers 400). */
export function decodeCursor(text: string): Cursor | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return undefined;
  const { after, before } = raw as { after?: unknown; before?: unknown };
  if (typeof after === 'string') return { after };
  if (Array.isArray(before) && before.length === 2 && typeof before[0] === 'string' && typeof before[1] === 'string') {
    return { before: [before[0], before[1]] };
  }
  return undefined;
}
