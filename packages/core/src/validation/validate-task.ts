import { parseIsoDate } from '../dates/iso-date.js';
import { DEPENDENCY_TYPES, PRIORITIES, type ChecklistItem, type Dependency, type Task } from '../model/task.js';
import { readDocumentLink, readMeta, withOptional } from './read-common.js';
import type { EntityReader } from './reader.js';

/** A dependency; `lag` defaults to 0, the type is required (guessing FS could reorder a plan). */
function readDependency(reader: EntityReader): Dependency {
  return {
    predecessorId: reader.nonEmptyString('predecessorId'),
    type: reader.oneOf('type', DEPENDENCY_TYPES),
    lag: reader.numberOr('lag', 0),
  };
}

function readChecklistItem(reader: EntityReader): ChecklistItem {
  return { id: reader.nonEmptyString('id'), text: reader.string('text'), done: reader.optionalBoolean('done') ?? false };
}

/**
 * A task. Lists default to `[]`, `priority` to `none`, `progress` to 0. Dates must be real days with
 * `start <= due`; `estimate >= 0`; `progress` within 0..100; checklist item ids unique.
 */
export function readTask(reader: EntityReader, id: string): Task {
  const start = reader.optionalDate('start');
  const due = reader.optionalDate('due');
  if (start !== undefined && due !== undefined && parseIsoDate(start)! > parseIsoDate(due)!) {
    reader.fail('reversed-dates', 'due', `(${due}) is before "start" (${start}); a task cannot end before it begins`);
  }
  const checklist = reader.array('checklist', (item, index) => readChecklistItem(reader.nested(`checklist.${index}`, item)));
  const checklistIds = new Set<string>();
  checklist.forEach((item, index) => {
    if (checklistIds.has(item.id)) reader.fail('duplicate-id', `checklist.${index}.id`, `repeats the item id "${item.id}"`);
    checklistIds.add(item.id);
  });
  const task: Task = {
    ...readMeta(reader, id),
    projectId: reader.nonEmptyString('projectId'),
    title: reader.string('title'),
    status: reader.nonEmptyString('status'),
    rank: reader.string('rank'),
    assigneeIds: reader.stringArray('assigneeIds'),
    resourceIds: reader.stringArray('resourceIds'),
    followerIds: reader.stringArray('followerIds'),
    priority: reader.oneOf('priority', PRIORITIES, 'none'),
    tags: reader.stringArray('tags'),
    progress: reader.numberOr('progress', 0, { min: 0, max: 100 }),
    dependencies: reader.array('dependencies', (item, index) => readDependency(reader.nested(`dependencies.${index}`, item))),
    checklist,
    documents: reader.array('documents', (item, index) => readDocumentLink(reader.nested(`documents.${index}`, item))),
    createdBy: reader.nonEmptyString('createdBy'),
  };
  return withOptional(task, {
    parentId: reader.optionalId('parentId'),
    description: reader.optionalString('description'),
    start,
    due,
    estimate: reader.optionalNumber('estimate', { min: 0 }),
    milestone: reader.optionalBoolean('milestone'),
    statusChangedAt: reader.optionalTimestamp('statusChangedAt'),
  });
}
