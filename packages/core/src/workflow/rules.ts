import type { Project, Workflow, WorkflowStatus } from '../model/project.js';

/** A refusal from the workflow, with a stable code and a sentence for people. */
export interface WorkflowDenial {
  readonly code: 'unknown-status' | 'transition' | 'wip-limit';
  readonly reason: string;
}

export function findStatus(workflow: Workflow, statusId: string): WorkflowStatus | undefined {
  return workflow.statuses.find((status) => status.id === statusId);
}

/** Whether the workflow lets a task go from one status to another. Staying put is always allowed. */
export function checkTransition(project: Project, from: string, to: string): WorkflowDenial | undefined {
  const { workflow } = project;
  const target = findStatus(workflow, to);
  if (!target) return { code: 'unknown-status', reason: `"${to}" is not a status of ${project.name}.` };
  if (from === to || !workflow.transitions) return undefined;
  const allowed = workflow.transitions[from];
  // A status the table does not mention (including one unknown to the workflow) may move anywhere.
  if (allowed === undefined || allowed.includes(to)) return undefined;
  const fromName = findStatus(workflow, from)?.name ?? from;
  return { code: 'transition', reason: `Tasks cannot move from ${fromName} to ${target.name} in ${project.name}.` };
}

/** WIP check for adding one task to a status that holds `count` tasks now. */
export function checkWipLimit(
  project: Project,
  statusId: string,
  count: number,
): { readonly exceeded: boolean; readonly blocking: boolean; readonly limit?: number; readonly reason?: string } {
  const status = findStatus(project.workflow, statusId);
  const limit = status?.wipLimit;
  if (!status || limit === undefined || count < limit) return { exceeded: false, blocking: false };
  const blocking = project.workflow.wipPolicy === 'block';
  return {
    exceeded: true,
    blocking,
    limit,
    reason: `${status.name} is at its limit of ${limit} tasks.`,
  };
}
