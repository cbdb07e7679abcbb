/**
 * The data every board scenario uses: `generateWorkspace({ tasks, projects: 1, people: 50 })` with the
 * project's workflow widened to the 8 statuses the target speaks of, and the tasks spread over
 * them evenly (the generator's own 5 statuses are skewed towards "done"), so each column holds
 * tasks / 8 cards.
 */
import type { Person, Project, WorkflowStatus } from '@cwm/core';
import { generateWorkspace, PIPELINE_STATUSES, withStatuses, type GeneratedWorkspace } from '@cwm/core/testing';

/** Eight columns, no transitions (every move is allowed) and no WIP limits: nothing refuses a move. */
export const BOARD_STATUSES: readonly WorkflowStatus[] = PIPELINE_STATUSES;

/** A generated one-project workspace for a board, and who looks at it. */
export interface BoardData {
  readonly data: GeneratedWorkspace;
  readonly project: Project;
  /** An admin: the policy lets them move any card. */
  readonly me: Person;
  /** Someone else, for remote changes. */
  readonly colleague: Person;
}

/** `tasks` tasks of one project over `BOARD_STATUSES`, task i in status i mod 8, ranked in id order per column. */
export function boardData(tasks: number): BoardData {
  const data = withStatuses(generateWorkspace({ tasks, projects: 1, people: 50 }), BOARD_STATUSES);
  const project = data.projects[0];
  if (!project) throw new Error('generateWorkspace made no project');
  const me = data.people.find((person) => person.role === 'admin');
  const colleague = data.people.find((person) => person.id !== me?.id && (person.role === 'member' || person.role === 'manager'));
  if (!me || !colleague) throw new Error('the generated workspace has no admin or no member');
  return { data, project, me, colleague };
}
