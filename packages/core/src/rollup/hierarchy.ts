import { findParentLoops } from '../graph/cycles.js';
import type { Id } from '../model/common.js';
import type { Task } from '../model/task.js';

/** Tasks as a forest: a parent link to a missing task, or one that closes a loop, is not followed. */
export interface TaskHierarchy {
  /** Subtasks of each task that has any, in input order. */
  readonly children: ReadonlyMap<Id, readonly Task[]>;
  /** Tasks without a (followed) parent, in input order. */
  readonly roots: readonly Task[];
}

/** Builds the forest of `tasks`; a parent loop is cut where `findParentLoops` cuts it. */
export function buildHierarchy(tasks: readonly Task[]): TaskHierarchy {
  const ids = new Set(tasks.map((task) => task.id));
  const cut = new Set(findParentLoops(tasks).map((loop) => loop.taskId));
  const children = new Map<Id, Task[]>();
  const roots: Task[] = [];
  for (const task of tasks) {
    const parentId = task.parentId;
    if (parentId === undefined || !ids.has(parentId) || cut.has(task.id)) {
      roots.push(task);
      continue;
    }
    let siblings = children.get(parentId);
    if (siblings === undefined) children.set(parentId, (siblings = []));
    siblings.push(task);
  }
  return { children, roots };
}

/** Calls `visit` on every task after all of its subtasks (post-order), without recursion. */
export function visitBottomUp(hierarchy: TaskHierarchy, visit: (task: Task, children: readonly Task[]) => void): void {
  const stack: { task: Task; next: number }[] = [];
  for (const root of hierarchy.roots) {
    stack.push({ task: root, next: 0 });
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const children = hierarchy.children.get(frame.task.id) ?? [];
      if (frame.next < children.length) {
        stack.push({ task: children[frame.next]!, next: 0 });
        frame.next++;
      } else {
        stack.pop();
        visit(frame.task, children);
      }
    }
  }
}
