import { findClosingDependencies, findParentLoops } from '../graph/cycles.js';
import type { Id } from '../model/common.js';
import type { Task } from '../model/task.js';
import type { ValidationIssue } from './issue.js';

/** Tasks with their loops cut, and why each cut was made. */
export interface CycleCheck {
  readonly tasks: Task[];
  readonly issues: ValidationIssue[];
}

/**
 * Cuts dependency loops and parent loops so that the dependencies form a DAG and every parent chain
 * ends. Deterministic: tasks are visited in the given order (depth first along dependencies), and the
 * dependency that closes each loop is dropped, one `dependency-cycle` issue each; for a parent loop the
 * task that closes it loses its `parentId` (`parent-cycle`) and shows at the top level. A task that
 * depends on itself or is its own parent is a loop too. Unchanged tasks keep their identity.
 */
export function findDependencyCycles(tasks: readonly Task[]): CycleCheck {
  const issues: ValidationIssue[] = [];
  const droppedDependencies = new Map<Id, Set<number>>();
  for (const closing of findClosingDependencies(tasks)) {
    let dropped = droppedDependencies.get(closing.successorId);
    if (dropped === undefined) droppedDependencies.set(closing.successorId, (dropped = new Set()));
    dropped.add(closing.dependencyIndex);
    const selfLoop = closing.cycle.length === 2;
    issues.push({
      code: 'dependency-cycle',
      collection: 'tasks',
      id: closing.successorId,
      field: `dependencies.${closing.dependencyIndex}`,
      message: selfLoop
        ? `Task "${closing.successorId}" depends on itself; that dependency was dropped.`
        : `Task "${closing.successorId}": its dependency on "${closing.predecessorId}" closes the loop ` +
          `${closing.cycle.join(' -> ')} (each task waits for the one before it); that dependency was dropped.`,
    });
  }
  const withoutDependencyLoops = tasks.map((task) => {
    const dropped = droppedDependencies.get(task.id);
    if (dropped === undefined) return task;
    return { ...task, dependencies: task.dependencies.filter((_, index) => !dropped.has(index)) };
  });

  const parentsCleared = new Set<Id>();
  for (const loop of findParentLoops(withoutDependencyLoops)) {
    parentsCleared.add(loop.taskId);
    issues.push({
      code: 'parent-cycle',
      collection: 'tasks',
      id: loop.taskId,
      field: 'parentId',
      message:
        loop.cycle.length === 2
          ? `Task "${loop.taskId}" is its own parent; it is shown at the top level.`
          : `Task "${loop.taskId}": its parent chain loops (${loop.cycle.join(' -> ')}, each a subtask of the next); ` +
            'its parent was cleared and it is shown at the top level.',
    });
  }
  if (issues.length === 0) return { tasks: [...tasks], issues };
  const result = withoutDependencyLoops.map((task) => {
    if (!parentsCleared.has(task.id)) return task;
    const { parentId: _cleared, ...rest } = task;
    return rest;
  });
  return { tasks: result, issues };
}

/**
 * The loop that making `successorId` depend on `predecessorId` would close, or `undefined` when the
 * new dependency is safe. The loop is a closed path in arrow order starting at the predecessor
 * (`[predecessorId, successorId, ..., predecessorId]`), the shortest one there is, so a refusal can
 * say exactly why. Tolerates loops already present in the data.
 */
export function wouldCreateCycle(
  getTask: (id: Id) => Task | undefined,
  successorId: Id,
  predecessorId: Id,
): Id[] | undefined {
  if (successorId === predecessorId) return [predecessorId, predecessorId];
  // Breadth first from the predecessor along "depends on": reaching the successor means the
  // predecessor already waits (perhaps indirectly) for the successor, so the new edge closes a loop.
  const reachedFrom = new Map<Id, Id | undefined>([[predecessorId, undefined]]);
  const queue: Id[] = [predecessorId];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    for (const dependency of getTask(current)?.dependencies ?? []) {
      const next = dependency.predecessorId;
      if (reachedFrom.has(next)) continue;
      reachedFrom.set(next, current);
      if (next === successorId) return closedPath(reachedFrom, successorId, predecessorId);
      queue.push(next);
    }
  }
  return undefined;
}

/** predecessor -> successor -> ... -> predecessor, read back from the search tree. */
function closedPath(reachedFrom: ReadonlyMap<Id, Id | undefined>, successorId: Id, predecessorId: Id): Id[] {
  const path: Id[] = [predecessorId];
  for (let id: Id | undefined = successorId; id !== undefined; id = reachedFrom.get(id)) path.push(id);
  return path;
}

/**
 * The loop that giving `taskId` the parent `newParentId` would close (the new parent is the task
 * itself or one of its subtasks), or `undefined` when it is safe. The loop is a closed path from child
 * to parent: `[taskId, newParentId, ..., taskId]`. Tolerates loops already present in the data.
 */
export function wouldCreateParentCycle(
  getTask: (id: Id) => Task | undefined,
  taskId: Id,
  newParentId: Id | undefined,
): Id[] | undefined {
  if (newParentId === undefined) return undefined;
  const chain: Id[] = [];
  const seen = new Set<Id>();
  for (let current: Id | undefined = newParentId; current !== undefined && !seen.has(current); ) {
    chain.push(current);
    if (current === taskId) return [taskId, ...chain];
    seen.add(current);
    current = getTask(current)?.parentId;
  }
  return undefined;
}
