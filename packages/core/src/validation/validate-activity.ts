import type { ActivityEntry, FieldChange } from '../model/activity.js';
import { readMeta } from './read-common.js';
import type { EntityReader } from './reader.js';

function readChange(reader: EntityReader): FieldChange {
  const copy = (field: 'from' | 'to'): unknown => {
    const value = reader.value(field);
    // Values are JSON from the backend; a private copy keeps the log immune to later edits of the input.
    try {
      return value === undefined ? undefined : structuredClone(value);
    } catch {
      return reader.fail('wrong-type', field, 'must be a JSON value');
    }
  };
  return { field: reader.nonEmptyString('field'), from: copy('from'), to: copy('to') };
}

/** An activity log entry. `changes` defaults to `[]`; the task it names may be deleted, and often is. */
export function readActivity(reader: EntityReader, id: string): ActivityEntry {
  return {
    ...readMeta(reader, id),
    taskId: reader.nonEmptyString('taskId'),
    projectId: reader.nonEmptyString('projectId'),
    actorId: reader.nonEmptyString('actorId'),
    at: reader.timestamp('at'),
    action: reader.oneOf('action', ['created', 'updated', 'deleted']),
    changes: reader.array('changes', (item, index) => readChange(reader.nested(`changes.${index}`, item))),
  };
}
