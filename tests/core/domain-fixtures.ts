// Minimal valid entities for the domain-function tests (validation, scheduling, roll-ups, workload,
// permissions). Each test states only the fields it is about.
import type { Person, Project, Task, Workflow } from '@cwm/core';

export const AT = '2026-11-01T09:00:00.000Z';

export const WORKFLOW: Workflow = {
  statuses: [
    { id: 'todo', name: 'To do', category: 'todo' },
    { id: 'doing', name: 'Doing', category: 'active' },
    { id: 'done', name: 'Done', category: 'done' },
  ],
  wipPolicy: 'warn',
};

export function makeTask(id: string, fields: Partial<Task> = {}): Task {
  return {
    id,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    projectId: 'p-1',
    title: `Task ${id}`,
    status: 'todo',
    rank: 'a0',
    assigneeIds: [],
    resourceIds: [],
    followerIds: [],
    priority: 'none',
    tags: [],
    progress: 0,
    dependencies: [],
    checklist: [],
    documents: [],
    createdBy: 'u-1',
    ...fields,
  };
}

export function makePerson(id: string, fields: Partial<Person> = {}): Person {
  return {
    id,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    name: `Person ${id}`,
    kind: 'person',
    role: 'member',
    capacity: 40,
    ...fields,
  };
}

export function makeProject(id: string, fields: Partial<Project> = {}): Project {
  return {
    id,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    name: `Project ${id}`,
    key: 'PRJ',
    memberIds: [],
    workflow: WORKFLOW,
    ...fields,
  };
}

/** A workflow lookup that knows `WORKFLOW` for every project. */
export const sameWorkflow = (): Workflow => WORKFLOW;
