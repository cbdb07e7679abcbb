import type { Id } from '../model/common.js';
import type { Task } from '../model/task.js';

/** A dependency that closes a loop: without it (and the others found) the dependencies form a DAG. */
export interface ClosingDependency {
  /** The task that holds the dependency. */
  readonly successorId: Id;
  /** Position of the dependency in `successor.dependencies`. */
  readonly dependencyIndex: number;
  readonly predecessorId: Id;
  /**
   * The loop as a closed path in arrow order (each task is a predecessor of the next), starting and
   * ending at the predecessor: `[predecessorId, successorId, ..., predecessorId]`, so
   * `cycle.join(' -> ')` reads as the loop. A task that depends on itself gives `[id, id]`.
   */
  readonly cycle: readonly Id[];
}

const WHITE = 0;
const GREY = 1;
const BLACK = 2;

/**
 * Finds the dependencies that close cycles, by a depth-first search that visits tasks in the given
 * order and each task's dependencies in their order, so the answer is deterministic. Removing every
 * dependency returned leaves an acyclic graph (a DFS without back edges has no cycle). Dependencies on
 * tasks outside `tasks` are ignored. Iterative: chains of any length cannot overflow the stack.
 */
export function findClosingDependencies(tasks: readonly Task[]): ClosingDependency[] {
  const indexById = new Map<Id, number>();
  tasks.forEach((task, index) => indexById.set(task.id, index));
  const state = new Uint8Array(tasks.length);
  const positionOnPath = new Int32Array(tasks.length);
  const path: number[] = [];
  const nextDependency: number[] = [];
  const closing: ClosingDependency[] = [];

  for (let root = 0; root < tasks.length; root++) {
    if (state[root] !== WHITE) continue;
    state[root] = GREY;
    positionOnPath[root] = 0;
    path.push(root);
    nextDependency.push(0);
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top]!;
      const dependencies = tasks[node]!.dependencies;
      const dependencyIndex = nextDependency[top]!;
      if (dependencyIndex >= dependencies.length) {
        state[node] = BLACK;
        path.pop();
        nextDependency.pop();
        continue;
      }
      nextDependency[top] = dependencyIndex + 1;
      const target = indexById.get(dependencies[dependencyIndex]!.predecessorId);
      if (target === undefined || state[target] === BLACK) continue;
      if (state[target] === GREY) {
        // The path runs target -> ... -> node along "depends on"; in arrow order the loop is
        // target -> node -> ... -> (the task after target on the path) -> target.
        const loop = path.slice(positionOnPath[target]! + 1).reverse();
        closing.push({
          successorId: tasks[node]!.id,
          dependencyIndex,
          predecessorId: tasks[target]!.id,
          cycle: [tasks[target]!.id, ...loop.map((index) => tasks[index]!.id), tasks[target]!.id],
        });
        continue;
      }
      state[target] = GREY;
      positionOnPath[target] = path.length;
      path.push(target);
      nextDependency.push(0);
    }
  }
  return closing;
}

/** A parent chain that loops back on itself. */
export interface ParentLoop {
  /** The task whose `parentId` closes the loop; clearing it breaks the loop. */
  readonly taskId: Id;
  /**
   * The loop as a closed path from child to parent (each id's parent is the next), starting and
   * ending at `taskId`: `[taskId, parentId, ..., taskId]`. A task that is its own parent gives `[id, id]`.
   */
  readonly cycle: readonly Id[];
}

/**
 * Finds parent chains that loop (A's parent is B, B's parent is A), walking up from each task in the
 * given order. For each loop the task reached last is the one to cut, so the answer is deterministic.
 * Parents outside `tasks` end a chain.
 */
export function findParentLoops(tasks: readonly Task[]): ParentLoop[] {
  const byId = new Map<Id, Task>();
  for (const task of tasks) byId.set(task.id, task);
  const visited = new Set<Id>();
  const loops: ParentLoop[] = [];
  for (const start of tasks) {
    if (visited.has(start.id)) continue;
    const path: Id[] = [];
    const positionOnPath = new Map<Id, number>();
    let current: Task | undefined = start;
    while (current !== undefined && !visited.has(current.id)) {
      visited.add(current.id);
      positionOnPath.set(current.id, path.length);
      path.push(current.id);
      const parent: Task | undefined = current.parentId === undefined ? undefined : byId.get(current.parentId);
      if (parent !== undefined && positionOnPath.has(parent.id)) {
        const loop = path.slice(positionOnPath.get(parent.id)!);
        // Start at the task to cut: current -> its parent -> ... -> current.
        loops.push({ taskId: current.id, cycle: [current.id, ...loop] });
        break;
      }
      current = parent;
    }
  }
  return loops;
}
