import type { Project, StatusCategory, Workflow, WorkflowStatus } from '../model/project.js';
import { previewValue } from './describe.js';
import { readMeta, withOptional } from './read-common.js';
import type { EntityReader } from './reader.js';

const CATEGORIES: readonly StatusCategory[] = ['todo', 'active', 'done'];

function readStatus(reader: EntityReader): WorkflowStatus {
  const status: WorkflowStatus = {
    id: reader.nonEmptyString('id'),
    name: reader.string('name'),
    category: reader.oneOf('category', CATEGORIES),
  };
  return withOptional(status, { wipLimit: reader.optionalNumber('wipLimit', { min: 0 }) });
}

/**
 * A workflow: at least one status, unique status ids, valid categories. `wipPolicy` defaults to
 * `warn`. Transitions must map status ids to arrays of status ids; ids are not cross-checked, since an
 * unknown id in a transition list only allows or forbids a move that cannot happen.
 */
function readWorkflow(reader: EntityReader): Workflow {
  const statuses = reader.array('statuses', (item, index) => readStatus(reader.nested(`statuses.${index}`, item)));
  if (statuses.length === 0) reader.fail('missing-field', 'statuses', 'must list at least one status');
  const seen = new Set<string>();
  statuses.forEach((status, index) => {
    if (seen.has(status.id)) reader.fail('duplicate-id', `statuses.${index}.id`, `repeats the status id "${status.id}"`);
    seen.add(status.id);
  });
  const workflow: Workflow = { statuses, wipPolicy: reader.oneOf('wipPolicy', ['warn', 'block'], 'warn') };
  if (reader.value('transitions') == null) return workflow;
  const transitions: Record<string, readonly string[]> = {};
  for (const [from, targets] of Object.entries(reader.record('transitions'))) {
    if (!Array.isArray(targets) || targets.some((target) => typeof target !== 'string')) {
      reader.fail('wrong-type', `transitions.${from}`, `must be an array of status ids, got ${previewValue(targets)}`);
    }
    transitions[from] = [...(targets as string[])];
  }
  return { ...workflow, transitions };
}

/** A project with its workflow. `memberIds` defaults to `[]`. */
export function readProject(reader: EntityReader, id: string): Project {
  const project: Project = {
    ...readMeta(reader, id),
    name: reader.string('name'),
    key: reader.string('key'),
    memberIds: reader.stringArray('memberIds'),
    workflow: readWorkflow(reader.object('workflow')),
  };
  return withOptional(project, {
    description: reader.optionalString('description'),
    color: reader.optionalString('color'),
    ownerId: reader.optionalId('ownerId'),
    archived: reader.optionalBoolean('archived'),
  });
}
