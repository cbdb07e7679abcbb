import { readMarkerId, type ReadMarker } from '../model/read-marker.js';
import { readMeta } from './read-common.js';
import type { EntityReader } from './reader.js';

/**
 * A read marker. Its id must be `readMarkerId(personId, taskId)`: one marker per person per task is
 * what makes "only the person writes theirs" checkable from the id alone.
 */
export function readReadMarker(reader: EntityReader, id: string): ReadMarker {
  const marker: ReadMarker = {
    ...readMeta(reader, id),
    personId: reader.nonEmptyString('personId'),
    taskId: reader.nonEmptyString('taskId'),
    lastReadMessageId: reader.nonEmptyString('lastReadMessageId'),
    lastReadAt: reader.timestamp('lastReadAt'),
  };
  const expected = readMarkerId(marker.personId, marker.taskId);
  if (id !== expected) reader.fail('wrong-type', 'id', `must be "${expected}" (person:task), got "${id}"`);
  return marker;
}
