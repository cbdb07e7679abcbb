import type { CollectionName, Id } from '../model/common.js';
import type { EntityOf } from '../model/entities.js';
import { describeEntity, previewValue } from './describe.js';
import type { ValidationIssue } from './issue.js';
import { EntityReader, InvalidEntity, isPlainObject } from './reader.js';
import { readActivity } from './validate-activity.js';
import { readMessage } from './validate-message.js';
import { readNotification } from './validate-notification.js';
import { readPerson } from './validate-person.js';
import { readProject } from './validate-project.js';
import { readReadMarker } from './validate-read-marker.js';
import { readTask } from './validate-task.js';
import { readTemplate } from './validate-template.js';
import type { Validated } from './validated.js';

type EntityParser<C extends CollectionName> = (reader: EntityReader, id: Id) => EntityOf<C>;

const PARSERS: { readonly [C in CollectionName]: EntityParser<C> } = {
  people: readPerson,
  projects: readProject,
  tasks: readTask,
  messages: readMessage,
  notifications: readNotification,
  activity: readActivity,
  reads: readReadMarker,
  templates: readTemplate,
};

/**
 * Checks one entity from an adapter against the model of its collection and returns a clean copy:
 * known fields only, lists and objects copied, defaults filled for fields a lenient backend may omit
 * (see the README for the list). Stops at the first problem and returns it as an issue that names
 * the entity and the field. Never throws and never changes `raw`.
 */
export function validateEntity<C extends CollectionName>(collection: C, raw: unknown): Validated<EntityOf<C>> {
  if (!isPlainObject(raw)) {
    return fail({
      code: 'not-an-object',
      collection,
      message: `${describeEntity(collection, undefined)} was expected, got ${previewValue(raw)}.`,
    });
  }
  const id = raw['id'];
  if (typeof id !== 'string' || id.trim() === '') {
    return fail({
      code: 'missing-id',
      collection,
      field: 'id',
      message: `${describeEntity(collection, undefined)}: "id" must be a non-empty string, got ${previewValue(id)}.`,
    });
  }
  try {
    const parse = PARSERS[collection] as EntityParser<C>;
    return { ok: true, value: parse(new EntityReader(collection, raw, id), id) };
  } catch (error) {
    if (error instanceof InvalidEntity) return fail(error.issue);
    throw error;
  }
}

function fail(issue: ValidationIssue): { ok: false; issue: ValidationIssue } {
  return { ok: false, issue };
}
