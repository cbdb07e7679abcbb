import { childrenByParent, countTemplateTasks, templatesFor, type Id, type Task, type TaskTemplate } from '@cwm/core';

/** One template as the templates section and the picker list it. */
export interface TemplateRow {
  readonly template: TaskTemplate;
  /** Tasks the template creates, its root included. */
  readonly taskCount: number;
}

/**
 * The templates offered in `projectId` (its own and the unscoped ones, by name) with the number of
 * tasks each creates. Counting walks every template tree, so callers keep the answer for as long as
 * the store's `templates` table is the same object.
 */
export function templateRows(templates: Iterable<TaskTemplate>, projectId: Id): TemplateRow[] {
  return templatesFor(templates, projectId).map((template) => ({ template, taskCount: countTemplateTasks(template) }));
}

/**
 * How many tasks lie below `rootId` (subtasks of subtasks too): what "Save as template" keeps besides
 * the task itself. A task listed as its own ancestor is counted once (a cycle never loops).
 */
export function descendantCount(tasks: Iterable<Task>, rootId: Id): number {
  const children = childrenByParent(tasks);
  const seen = new Set<Id>([rootId]);
  const queue: Id[] = [rootId];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      queue.push(child.id);
    }
  }
  return seen.size - 1;
}
