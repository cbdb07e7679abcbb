import type { ChangeRow } from '../db/repository.js';

/**
 * The wire text of stream events. Entity JSON comes straight from the database (already
 * serialized); everything else goes through JSON.stringify, so user text can never break the
 * `data:` line (JSON escapes newlines).
 */

/** `id` + `event: change` + the change as one JSON line. */
export function changeEvent(row: ChangeRow): string {
  const head = `{"seq":${row.seq},"collection":${JSON.stringify(row.collection)},"op":${JSON.stringify(row.op)},"id":${JSON.stringify(row.entityId)},"version":${row.version}`;
  const data = row.op === 'upsert' && row.data !== null ? `${head},"entity":${row.data}}` : `${head}}`;
  return `id: ${row.seq}\nevent: change\ndata: ${data}\n\n`;
}

/** The first event of a stream opened without Last-Event-ID: a position to resume from. */
export function helloEvent(seq: number): string {
  return `id: ${seq}\nevent: hello\ndata: ${JSON.stringify({ seq })}\n\n`;
}

/**
 * "Reload everything": the position asked for is no longer (or never was) in the log. Carries the
 * current position as its id, so the client's next reconnect resumes from here instead of being
 * reset again.
 */
export function resetEvent(seq: number, reason: string): string {
  return `id: ${seq}\nevent: reset\ndata: ${JSON.stringify({ reason })}\n\n`;
}

/** How long a client waits before reconnecting, sent once at the start. */
export const RETRY_PREAMBLE = 'retry: 2000\n\n';

/** A comment line that keeps proxies and the client's watchdog from thinking the stream died. */
export const PING = ': ping\n\n';
