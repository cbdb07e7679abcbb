import type { Id } from '../model/common.js';
import type { TaskTemplate } from '../model/template.js';

/**
 * The templates offered in a project: its own and the unscoped ones (every template without
 * `projectId`), by name, then id. Without a project: every template.
 */
export function templatesFor(templates: Iterable<TaskTemplate>, projectId?: Id): TaskTemplate[] {
  const offered: TaskTemplate[] = [];
  for (const template of templates) {
    if (projectId === undefined || template.projectId === undefined || template.projectId === projectId) offered.push(template);
  }
  return offered.sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
