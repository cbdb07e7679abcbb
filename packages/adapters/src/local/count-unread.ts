import { promisifyRequest } from 'idb-keyval';
import { UnreadTally, type Id, type Message, type ReadMarker, type UnreadSummary } from '@cwm/core';

/** Messages read per request: large enough that requests are few, small enough to bound memory. */
const CHUNK = 2_000;

/**
 * A person's unread messages per task, in the caller's read transaction over `reads` and `messages`:
 * their markers by the `personId` index, then one pass over the messages store in key order, a chunk
 * per `getAll`. One pass beats a cursor per marked task because a task without a marker must be read
 * whole anyway; 10,000 messages take tens of milliseconds (see tests/adapters).
 */
export async function countUnread(transaction: IDBTransaction, personId: Id): Promise<UnreadSummary> {
  const countedAt = new Date().toISOString();
  const range = IDBKeyRange.bound([personId, ''], [personId, []]);
  const markers = (await promisifyRequest(transaction.objectStore('reads').index('personId').getAll(range))) as ReadMarker[];
  const tally = new UnreadTally(personId, new Map(markers.map((marker) => [marker.taskId, marker])));
  const messages = transaction.objectStore('messages');
  let after: string | undefined;
  for (;;) {
    const chunk = (await promisifyRequest(messages.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), CHUNK))) as Message[];
    for (const message of chunk) tally.add(message);
    if (chunk.length < CHUNK) break;
    after = (chunk[chunk.length - 1] as Message).id;
  }
  return tally.result(countedAt);
}
