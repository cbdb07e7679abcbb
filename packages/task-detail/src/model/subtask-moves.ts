import { compareSiblings, type Id, type Project, type Task } from '@cwm/core';

/** The direct subtasks of `parentId`, in the sibling order of the core hierarchy helpers. */
export function subtasksOf(tasks: Iterable<Task>, parentId: Id): Task[] {
  const children: Task[] = [];
  for (const task of tasks) if (task.parentId === parentId) children.push(task);
  return children.sort(compareSiblings);
}

/** Whether a status counts as done in the project's workflow. */
export function isDoneStatus(project: Project | undefined, status: string): boolean {
  return project?.workflow.statuses.find((entry) => entry.id === status)?.category === 'done';
}

/**
 * The status a subtask's checkbox moves it to: the first `done` status when ticking, the first `todo`
 * one when unticking, preferring statuses the workflow lets it reach from where it is.
 */
export function completionStatus(project: Project | undefined, from: string, done: boolean): string | undefined {
  if (!project) return undefined;
  const { statuses, transitions } = project.workflow;
  const wanted = statuses.filter((status) => status.category === (done ? 'done' : 'todo'));
  const reachable = transitions?.[from];
  const allowed = reachable === undefined ? wanted : wanted.filter((status) => reachable.includes(status.id));
  return (allowed[0] ?? wanted[0])?.id;
}
