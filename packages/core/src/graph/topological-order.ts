import type { Id } from '../model/common.js';
import type { Task } from '../model/task.js';
import { findClosingDependencies } from './cycles.js';
import { IndexHeap } from './index-heap.js';

/** The outcome of ordering tasks by their dependencies. */
export interface TopologicalOrder {
  /** Every task that can be ordered, predecessors before successors; ties keep their input order. */
  readonly order: Id[];
  /** Each dependency loop found, as a closed path in arrow order (see `ClosingDependency.cycle`). */
  readonly cycles: Id[][];
  /** Tasks left out of `order`: those on a loop and those that wait (directly or not) for one. */
  readonly unordered: Id[];
}

/**
 * Orders tasks so every predecessor comes before its successors (Kahn's algorithm). Stable: of the
 * tasks ready at any moment the earliest in the input goes first, so an input that is already in
 * order comes back unchanged. Dependencies on tasks outside `tasks` are ignored. Never throws: loops
 * are reported in `cycles` and their tasks listed in `unordered`.
 */
export function topologicalOrder(tasks: readonly Task[]): TopologicalOrder {
  const indexById = new Map<Id, number>();
  tasks.forEach((task, index) => indexById.set(task.id, index));
  const waitingFor = new Int32Array(tasks.length);
  const successors: number[][] = tasks.map(() => []);
  tasks.forEach((task, successor) => {
    for (const dependency of task.dependencies) {
      const predecessor = indexById.get(dependency.predecessorId);
      if (predecessor === undefined) continue;
      successors[predecessor]!.push(successor);
      waitingFor[successor]!++;
    }
  });

  const ready = new IndexHeap();
  for (let index = 0; index < tasks.length; index++) if (waitingFor[index] === 0) ready.push(index);
  const order: Id[] = [];
  const placed = new Uint8Array(tasks.length);
  for (let next = ready.pop(); next !== undefined; next = ready.pop()) {
    order.push(tasks[next]!.id);
    placed[next] = 1;
    for (const successor of successors[next]!) {
      waitingFor[successor]!--;
      if (waitingFor[successor] === 0) ready.push(successor);
    }
  }
  if (order.length === tasks.length) return { order, cycles: [], unordered: [] };

  const leftOver = tasks.filter((_, index) => placed[index] === 0);
  const cycles = findClosingDependencies(leftOver).map((closing) => [...closing.cycle]);
  return { order, cycles, unordered: leftOver.map((task) => task.id) };
}
