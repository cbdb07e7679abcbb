import { PRIORITIES } from '../model/task.js';
import { MAX_TEMPLATE_DEPTH, MAX_TEMPLATE_TASKS, type TaskTemplate, type TemplateTask } from '../model/template.js';
import { previewValue } from './describe.js';
import { readMeta, withOptional } from './read-common.js';
import type { EntityReader } from './reader.js';

/** Counts the tasks read so far, so the limit is reported where it is crossed, not after reading 10,000. */
interface TreeBudget {
  read: number;
}

/** An optional whole number of days; offsets may be negative. */
function optionalDays(reader: EntityReader, field: string, min?: number): number | undefined {
  const value = reader.optionalNumber(field, min === undefined ? {} : { min });
  if (value !== undefined && !Number.isInteger(value)) reader.fail('wrong-type', field, `must be a whole number of days, got ${previewValue(value)}`);
  return value;
}

function readTemplateTask(reader: EntityReader, depth: number, budget: TreeBudget): TemplateTask {
  budget.read++;
  if (budget.read > MAX_TEMPLATE_TASKS) {
    reader.fail('out-of-range', 'subtasks', `make the template hold more than ${MAX_TEMPLATE_TASKS} tasks; split it into smaller templates`);
  }
  const node: TemplateTask = {
    title: reader.string('title'),
    priority: reader.oneOf('priority', PRIORITIES, 'none'),
    tags: reader.stringArray('tags'),
    checklist: reader.stringArray('checklist'),
    subtasks: reader.array('subtasks', (item, index) => {
      if (depth >= MAX_TEMPLATE_DEPTH) {
        reader.fail('out-of-range', 'subtasks', `go deeper than ${MAX_TEMPLATE_DEPTH} levels (the template task included); flatten the tree`);
      }
      return readTemplateTask(reader.nested(`subtasks.${index}`, item), depth + 1, budget);
    }),
  };
  const durationDays = optionalDays(reader, 'durationDays', 1);
  const startOffsetDays = optionalDays(reader, 'startOffsetDays');
  const dueOffsetDays = optionalDays(reader, 'dueOffsetDays');
  if (durationDays !== undefined && startOffsetDays === undefined) {
    reader.fail('missing-field', 'startOffsetDays', 'is required with "durationDays" (a duration counts from the start)');
  }
  if (dueOffsetDays !== undefined && startOffsetDays !== undefined) {
    reader.fail('wrong-type', 'dueOffsetDays', 'is only for a task without a start; give "durationDays" instead');
  }
  return withOptional(node, {
    description: reader.optionalString('description'),
    estimate: reader.optionalNumber('estimate', { min: 0 }),
    milestone: reader.optionalBoolean('milestone'),
    startOffsetDays,
    durationDays,
    dueOffsetDays,
  });
}

/**
 * A task template: a non-empty name, its author, an optional project, and a tree of template tasks of
 * at most `MAX_TEMPLATE_DEPTH` levels and `MAX_TEMPLATE_TASKS` tasks (`out-of-range` naming the limit
 * otherwise). Day counts are whole numbers, durations at least 1.
 */
export function readTemplate(reader: EntityReader, id: string): TaskTemplate {
  const name = reader.nonEmptyString('name');
  const root = readTemplateTask(reader, 1, { read: 0 });
  const template: TaskTemplate = { ...readMeta(reader, id), ...root, name, createdBy: reader.nonEmptyString('createdBy') };
  return withOptional(template, { projectId: reader.optionalId('projectId') });
}
