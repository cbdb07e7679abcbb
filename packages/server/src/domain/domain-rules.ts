import {
  AdapterError,
  checkReferences,
  checkTransition,
  checkWipLimit,
  wouldCreateCycle,
  wouldCreateParentCycle,
  type AnyEntity,
  type Mutation,
  type Project,
  type Task,
} from '@cwm/core';
import type { Repository } from '../db/repository.js';

function refuse(message: string): AdapterError {
  return new AdapterError('validation', message);
}

/**
 * References a write introduces must exist: everything on a create, the patched fields on an update
 * (a reference that went stale by someone else's delete does not block unrelated edits). Uses
 * core's `checkReferences`, whose message becomes the 422's.
 */
function referenceProblem(repository: Repository, mutation: Mutation, after: AnyEntity): AdapterError | undefined {
  const check = checkReferences(mutation.collection, after, {
    hasPerson: (id) => repository.get('people', id) !== undefined,
    hasProject: (id) => repository.get('projects', id) !== undefined,
    hasTask: (id) => repository.get('tasks', id) !== undefined || id === after.id,
  });
  const patched = mutation.kind === 'update' ? new Set(Object.keys(mutation.patch)) : undefined;
  const relevant = check.issues.find((issue) => patched === undefined || patched.has((issue.field ?? '').split('.')[0] as string));
  return relevant === undefined ? undefined : refuse(relevant.message);
}

/**
 * The store's task rules, which need other entities than the one written: a status must be one of
 * the project's workflow and reachable by its transitions, a column whose WIP limit blocks takes no
 * more tasks (only with the workflow's `wipPolicy: 'block'`), a new dependency may not close a loop,
 * and a task may not become its own ancestor. Same reasons as the store gives.
 */
function taskProblem(repository: Repository, mutation: Mutation, before: Task | undefined, after: Task): AdapterError | undefined {
  const getTask = (id: string): Task | undefined => (id === after.id ? after : (repository.get('tasks', id) as Task | undefined));
  const project = repository.get('projects', after.projectId) as Project | undefined;
  if (project !== undefined && (before === undefined || before.status !== after.status)) {
    const denial = checkTransition(project, before?.status ?? after.status, after.status);
    if (denial !== undefined) return refuse(denial.reason);
    const wip = checkWipLimit(project, after.status, repository.countInStatus(project.id, after.status, after.id));
    if (wip.blocking) return refuse(wip.reason ?? 'The column is full.');
  }
  if (mutation.kind === 'update' && 'dependencies' in mutation.patch) {
    const known = new Set((before?.dependencies ?? []).map((dependency) => dependency.predecessorId));
    for (const dependency of after.dependencies) {
      if (known.has(dependency.predecessorId)) continue;
      const cycle = wouldCreateCycle((id) => (id === after.id ? before : getTask(id)), after.id, dependency.predecessorId);
      if (cycle !== undefined) return refuse(`This dependency would create a loop: ${cycle.join(' -> ')}.`);
    }
  }
  if (after.parentId !== undefined && after.parentId !== before?.parentId) {
    const cycle = wouldCreateParentCycle((id) => (id === after.id ? before : getTask(id)), after.id, after.parentId);
    if (cycle !== undefined) return refuse(`A task cannot be placed under its own subtask: ${cycle.join(' -> ')}.`);
  }
  return undefined;
}

/**
 * Rules of the domain that `validateEntity` cannot see because they involve other entities: the
 * store checks them before it writes, and the server checks them again for any client that did
 * not. Runs on the entity as it would be stored; a problem is a `validation` refusal (422).
 */
export function domainProblem(repository: Repository, mutation: Mutation, before: AnyEntity | undefined, after: AnyEntity | undefined): AdapterError | undefined {
  if (after === undefined) return undefined;
  return (
    referenceProblem(repository, mutation, after) ??
    (mutation.collection === 'tasks' ? taskProblem(repository, mutation, before as Task | undefined, after as Task) : undefined)
  );
}
