import type { Id } from '../model/common.js';
import type { Task } from '../model/task.js';

/** Sibling order everywhere subtasks are listed: rank, then id (the Gantt's and the task editor's). */
export function compareSiblings(a: Task, b: Task): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The subtasks of every task that has any, each list in sibling order. One pass plus the sorts. */
export function childrenByParent(tasks: Iterable<Task>): Map<Id, Task[]> {
  const children = new Map<Id, Task[]>();
  for (const task of tasks) {
    if (task.parentId === undefined) continue;
    const siblings = children.get(task.parentId);
    if (siblings) siblings.push(task);
    else children.set(task.parentId, [task]);
  }
  for (const siblings of children.values()) siblings.sort(compareSiblings);
  return children;
}
