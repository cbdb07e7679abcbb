import type { Project, WorkflowStatus } from '../model/project.js';
import type { Task } from '../model/task.js';
import { spreadRanks } from '../workflow/rank.js';
import type { GeneratedWorkspace } from './options.js';

/** An eight-step pipeline, longer than the generator's five statuses: the shape of a big board. */
export const PIPELINE_STATUSES: readonly WorkflowStatus[] = [
  { id: 'backlog', name: 'Backlog', category: 'todo' },
  { id: 'triage', name: 'Triage', category: 'todo' },
  { id: 'todo', name: 'To do', category: 'todo' },
  { id: 'in-progress', name: 'In progress', category: 'active' },
  { id: 'review', name: 'Review', category: 'active' },
  { id: 'testing', name: 'Testing', category: 'active' },
  { id: 'staging', name: 'Staging', category: 'active' },
  { id: 'done', name: 'Done', category: 'done' },
];

/**
 * `data` with every project's workflow replaced by `statuses` (default `PIPELINE_STATUSES`) without
 * transition rules and with WIP limits that only warn, and the tasks dealt over the statuses in turn:
 * task i (in generation order) gets status i mod n. The generator's own statuses lean towards "done";
 * dealing gives every column an equal share, which is what board benchmarks and big-board demos need.
 *
 * Each column (project and status) is ranked afresh in task order, so no two cards tie and a column's
 * order is its generation order. The activity log is left as generated and no longer replays to these
 * statuses; use the result for boards, not for history.
 *
 * @example withStatuses(generateWorkspace({ projects: 1, tasks: 10_000 }))
 */
export function withStatuses(data: GeneratedWorkspace, statuses: readonly WorkflowStatus[] = PIPELINE_STATUSES): GeneratedWorkspace {
  if (statuses.length === 0) throw new RangeError('withStatuses: give at least one status.');
  const projects: Project[] = data.projects.map((project) => ({ ...project, workflow: { statuses, wipPolicy: 'warn' } }));
  const dealt = data.tasks.map((task, index): Task => ({ ...task, status: statuses[index % statuses.length]!.id }));
  const columns = new Map<string, Task[]>();
  for (const task of dealt) {
    const key = `${task.projectId}\u0000${task.status}`;
    const column = columns.get(key);
    if (column) column.push(task);
    else columns.set(key, [task]);
  }
  const ranks = new Map<Task, string>();
  for (const column of columns.values()) {
    const spread = spreadRanks(column.length);
    column.forEach((task, index) => ranks.set(task, spread[index]!));
  }
  return { ...data, projects, tasks: dealt.map((task) => ({ ...task, rank: ranks.get(task)! })) };
}
