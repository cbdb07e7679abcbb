/**
 * The data every board scenario uses: `generateWorkspace({ tasks, projects: 1, people: 50 })` with the
 * project's workflow widened to the 8 statuses the target speaks of, and the tasks spread over
 * them evenly (the generator's own 5 statuses are skewed towards "done"), so each column holds
 * tasks / 8 cards.
 */
import { spreadRanks, type Person, type Project, type Task, type WorkflowStatus } from '@cwm/core';
import { generateWorkspace, type GeneratedWorkspace } from '@cwm/core/testing';

/** Eight columns, no transitions (every move is allowed) and no WIP limits: nothing refuses a move. */
export const BOARD_STATUSES: readonly WorkflowStatus[] = [
  { id: 'inbox', name: 'Inbox', category: 'todo' },
  { id: 'backlog', name: 'Backlog', category: 'todo' },
  { id: 'todo', name: 'To do', category: 'todo' },
  { id: 'in-progress', name: 'In progress', category: 'active' },
  { id: 'review', name: 'Review', category: 'active' },
  { id: 'testing', name: 'Testing', category: 'active' },
  { id: 'staging', name: 'Staging', category: 'active' },
  { id: 'done', name: 'Done', category: 'done' },
];

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
  const generated = generateWorkspace({ tasks, projects: 1, people: 50 });
  const source = generated.projects[0];
  if (!source) throw new Error('generateWorkspace made no project');
  const project: Project = { ...source, workflow: { statuses: BOARD_STATUSES, wipPolicy: 'warn' } };
  const columns = BOARD_STATUSES.map(() => [] as Task[]);
  const spread = generated.tasks.map((task, index) => {
    const status = BOARD_STATUSES[index % BOARD_STATUSES.length]!.id;
    const moved: Task = { ...task, status };
    columns[index % BOARD_STATUSES.length]!.push(moved);
    return moved;
  });
  // Fresh ranks per column, so a column's order is its id order and no two cards tie.
  const ranked = new Map<string, Task>();
  for (const column of columns) {
    const ranks = spreadRanks(column.length);
    column.forEach((task, index) => ranked.set(task.id, { ...task, rank: ranks[index]! }));
  }
  const data: GeneratedWorkspace = { ...generated, projects: [project], tasks: spread.map((task) => ranked.get(task.id)!) };
  const me = data.people.find((person) => person.role === 'admin');
  const colleague = data.people.find((person) => person.id !== me?.id && (person.role === 'member' || person.role === 'manager'));
  if (!me || !colleague) throw new Error('the generated workspace has no admin or no member');
  return { data, project, me, colleague };
}
