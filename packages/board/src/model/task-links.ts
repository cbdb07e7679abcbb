import type { Id, Task } from '@cwm/core';

/**
 * Who points at a task: its subtasks and its successors (tasks that depend on it). Kept up to date
 * one task at a time, so a card can show "3/5 subtasks" and "blocked by" without scanning every task,
 * and a change to one task tells which other cards it touches.
 */
export class TaskLinks {
  private readonly children = new Map<Id, Set<Id>>();
  private readonly successors = new Map<Id, Set<Id>>();

  /** Records the links a task holds (its parent, its predecessors). */
  link(task: Task): void {
    if (task.parentId !== undefined) addTo(this.children, task.parentId, task.id);
    for (const dependency of task.dependencies) addTo(this.successors, dependency.predecessorId, task.id);
  }

  /** Forgets the links a task held; call with the version that was linked. */
  unlink(task: Task): void {
    if (task.parentId !== undefined) removeFrom(this.children, task.parentId, task.id);
    for (const dependency of task.dependencies) removeFrom(this.successors, dependency.predecessorId, task.id);
  }

  /** Direct subtasks of a task. */
  childrenOf(id: Id): ReadonlySet<Id> {
    return this.children.get(id) ?? NONE;
  }

  /** Tasks that have `id` as a predecessor. */
  successorsOf(id: Id): ReadonlySet<Id> {
    return this.successors.get(id) ?? NONE;
  }
}

const NONE: ReadonlySet<Id> = new Set();

function addTo(index: Map<Id, Set<Id>>, key: Id, id: Id): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(id);
}

function removeFrom(index: Map<Id, Set<Id>>, key: Id, id: Id): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) index.delete(key);
}
