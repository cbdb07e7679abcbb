import type { Id } from '../model/common.js';
import type { DependencyType, Task } from '../model/task.js';

/** One dependency seen as an arrow from predecessor to successor, the way a Gantt draws it. */
export interface DependencyEdge {
  readonly predecessorId: Id;
  readonly successorId: Id;
  readonly type: DependencyType;
  /** Days added to the constraint (negative = lead). */
  readonly lag: number;
}

/** The dependencies of a set of tasks, indexed both ways. */
export interface DependencyGraph {
  /** Edges leaving each task (to the tasks that wait for it), in task and dependency order. */
  readonly successors: ReadonlyMap<Id, readonly DependencyEdge[]>;
  /** Edges entering each task (from the tasks it waits for), in its dependency order. */
  readonly predecessors: ReadonlyMap<Id, readonly DependencyEdge[]>;
  /** Dependencies whose predecessor is not among the tasks; they take no part in the graph. */
  readonly dangling: readonly DependencyEdge[];
}

/**
 * Indexes the dependencies of `tasks` as a graph. Every task gets an entry in both maps (possibly
 * empty), so lookups need no fallback. Dependencies on tasks outside the set are listed in `dangling`.
 */
export function buildDependencyGraph(tasks: readonly Task[]): DependencyGraph {
  const successors = new Map<Id, DependencyEdge[]>();
  const predecessors = new Map<Id, DependencyEdge[]>();
  const dangling: DependencyEdge[] = [];
  for (const task of tasks) {
    successors.set(task.id, []);
    predecessors.set(task.id, []);
  }
  for (const task of tasks) {
    for (const dependency of task.dependencies) {
      const edge: DependencyEdge = {
        predecessorId: dependency.predecessorId,
        successorId: task.id,
        type: dependency.type,
        lag: dependency.lag,
      };
      const outgoing = successors.get(dependency.predecessorId);
      if (outgoing === undefined) {
        dangling.push(edge);
        continue;
      }
      outgoing.push(edge);
      predecessors.get(task.id)!.push(edge);
    }
  }
  return { successors, predecessors, dangling };
}
