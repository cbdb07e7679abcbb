// Small, readable, valid entities for store tests.
import type { Person, Project, Task } from '@cwm/core';

const AT = '2026-11-01T09:00:00.000Z';

export function person(id: string, role: Person['role'] = 'member', extra: Partial<Person> = {}): Person {
  return { id, name: `Person ${id}`, kind: 'person', role, capacity: 40, version: 1, createdAt: AT, updatedAt: AT, ...extra };
}

export function project(id = 'p-1', extra: Partial<Project> = {}): Project {
  return {
    id,
    name: `Project ${id}`,
    key: 'PRJ',
    memberIds: [],
    workflow: {
      statuses: [
        { id: 'todo', name: 'To do', category: 'todo' },
        { id: 'doing', name: 'Doing', category: 'active', wipLimit: 2 },
        { id: 'done', name: 'Done', category: 'done' },
      ],
      transitions: { todo: ['doing'], doing: ['todo', 'done'], done: ['doing'] },
      wipPolicy: 'block',
    },
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
}

export function task(id: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    projectId: 'p-1',
    title: `Task ${id}`,
    status: 'todo',
    rank: 'i',
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
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
}
