// Data for the board stories: generated workspaces dated around today (so due dates and card aging look
// current), reshaped where a story needs a particular workflow, each behind its own memory-adapter store.
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore, addDays, todayIso, weekStart, type Id, type Project, type Role, type Task, type Workflow } from '@cwm/core';
import { generateWorkspace, type GeneratedWorkspace, type GenerateOptions } from '@cwm/core/testing';

/**
 * A generated workspace whose plan runs up to yesterday, like the demo's: the generator spreads a day's
 * events over working hours, and today may not have reached them yet.
 */
export function datedWorkspace(options: GenerateOptions): GeneratedWorkspace {
  const asOf = addDays(todayIso(), -1);
  return generateWorkspace({ start: weekStart(addDays(asOf, -140)), today: asOf, ...options });
}

/** The first generated person with a role: the generator gives every workspace one viewer, one guest... */
export function personWithRole(data: GeneratedWorkspace, role: Role): Id {
  const person = data.people.find((candidate) => candidate.role === role);
  if (!person) throw new Error(`The generated workspace has nobody with the role "${role}".`);
  return person.id;
}

/** Replaces the workflow of every project (the generator gives them all the same five statuses). */
function withWorkflow(data: GeneratedWorkspace, workflow: (project: Project, tasks: readonly Task[]) => Workflow): GeneratedWorkspace {
  const projects = data.projects.map((project) => ({
    ...project,
    workflow: workflow(
      project,
      data.tasks.filter((task) => task.projectId === project.id),
    ),
  }));
  return { ...data, projects };
}

/**
 * Tight WIP limits set from the data itself, so the board opens in the states worth seeing: "In progress"
 * exactly full (any drop into it is refused while blocking), "To do" already over its limit (limits get
 * lowered in real teams), "Review" with room for one. The generator's transition rules stay, so a drop
 * the workflow forbids (Backlog straight to Review) is refused too.
 */
export function withTightLimits(data: GeneratedWorkspace, policy: Workflow['wipPolicy']): GeneratedWorkspace {
  return withWorkflow(data, (project, tasks) => {
    const count = (status: string): number => tasks.filter((task) => task.status === status).length;
    const limits: Record<string, number> = {
      todo: Math.max(1, count('todo') - 2),
      'in-progress': Math.max(1, count('in-progress')),
      review: count('review') + 1,
    };
    return {
      ...project.workflow,
      statuses: project.workflow.statuses.map((status) => {
        const { wipLimit: _ignored, ...rest } = status;
        const limit = limits[status.id];
        return limit === undefined ? rest : { ...rest, wipLimit: limit };
      }),
      wipPolicy: policy,
    };
  });
}

const stores = new Map<string, CwmStore>();

/**
 * One store per story setup, made on first use and kept: changing a control re-renders the story with
 * the same data (and the moves made so far) instead of generating and loading it again.
 */
export function storyStore(key: string, data: () => GeneratedWorkspace, userId: (data: GeneratedWorkspace) => Id): CwmStore {
  let store = stores.get(key);
  if (!store) {
    const seed = data();
    const workspaceId = seed.workspace.id;
    store = new CwmStore({ adapter: new MemoryAdapter({ seed }), workspaceId, userId: userId(seed) });
    stores.set(key, store);
  }
  return store;
}
