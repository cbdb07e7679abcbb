import type { Id } from '../model/common.js';
import type { StatusCategory, Workflow } from '../model/project.js';
import type { Task } from '../model/task.js';

/** How roll-ups and workload find the workflow a task's status belongs to. */
export type WorkflowLookup = (projectId: Id) => Workflow | undefined;

/**
 * A function answering a task's status category, looking each project's workflow up once. Answers
 * `undefined` for a status the workflow does not know (or a project without a workflow).
 */
export function statusCategories(workflowOf: WorkflowLookup): (task: Task) => StatusCategory | undefined {
  const byProject = new Map<Id, ReadonlyMap<string, StatusCategory>>();
  return (task) => {
    let categories = byProject.get(task.projectId);
    if (categories === undefined) {
      const statuses = workflowOf(task.projectId)?.statuses ?? [];
      categories = new Map(statuses.map((status) => [status.id, status.category]));
      byProject.set(task.projectId, categories);
    }
    return categories.get(task.status);
  };
}
