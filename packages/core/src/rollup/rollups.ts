import type { Id } from '../model/common.js';
import type { Task } from '../model/task.js';
import { buildHierarchy, visitBottomUp } from './hierarchy.js';
import { statusCategories, type WorkflowLookup } from './status-category.js';

/** Progress and counts of a task and everything under it (or of a whole project). */
export interface Rollup {
  /** Percent complete, 0..100: the weighted average of the leaves below. */
  readonly progress: number;
  /** Sum of leaf weights: a leaf weighs its estimate when it has one above 0, otherwise 1. */
  readonly weight: number;
  /** Leaves whose status is in a `done` category. */
  readonly doneLeaves: number;
  readonly totalLeaves: number;
  /** Hours estimated across the leaves. */
  readonly estimateTotal: number;
  /** Hours of that estimate already earned: each leaf's estimate times its progress. */
  readonly estimateDone: number;
  /** Leaves without an estimate above 0 (they weigh 1): dashboards can call them "unplanned". */
  readonly unestimatedLeaves: number;
  /** Checklist items checked off, on this task and every task below it. */
  readonly checklistDone: number;
  readonly checklistTotal: number;
}

/** A roll-up of nothing: no leaves, progress 0. */
export const EMPTY_ROLLUP: Rollup = Object.freeze({
  progress: 0,
  weight: 0,
  doneLeaves: 0,
  totalLeaves: 0,
  estimateTotal: 0,
  estimateDone: 0,
  unestimatedLeaves: 0,
  checklistDone: 0,
  checklistTotal: 0,
});

/** Adds up roll-ups; progress is the weight-weighted average of theirs. */
export function combineRollups(parts: Iterable<Rollup>): Rollup {
  let weightedProgress = 0;
  let weight = 0;
  let doneLeaves = 0;
  let totalLeaves = 0;
  let estimateTotal = 0;
  let estimateDone = 0;
  let unestimatedLeaves = 0;
  let checklistDone = 0;
  let checklistTotal = 0;
  for (const part of parts) {
    weightedProgress += part.progress * part.weight;
    weight += part.weight;
    doneLeaves += part.doneLeaves;
    totalLeaves += part.totalLeaves;
    estimateTotal += part.estimateTotal;
    estimateDone += part.estimateDone;
    unestimatedLeaves += part.unestimatedLeaves;
    checklistDone += part.checklistDone;
    checklistTotal += part.checklistTotal;
  }
  return {
    progress: weight > 0 ? weightedProgress / weight : 0,
    weight,
    doneLeaves,
    totalLeaves,
    estimateTotal,
    estimateDone,
    unestimatedLeaves,
    checklistDone,
    checklistTotal,
  };
}

function checklistOf(task: Task): Pick<Rollup, 'checklistDone' | 'checklistTotal'> {
  let done = 0;
  for (const item of task.checklist) if (item.done) done++;
  return { checklistDone: done, checklistTotal: task.checklist.length };
}

/**
 * The roll-up of a task without subtasks: 100 % when its status is done, else its own `progress`.
 * Exported so incremental consumers (the dashboard's KPI index) combine exactly the same parts.
 */
export function leafRollup(task: Task, done: boolean): Rollup {
  const progress = done ? 100 : Math.min(100, Math.max(0, task.progress));
  const estimate = task.estimate ?? 0;
  const estimated = estimate > 0;
  return {
    progress,
    weight: estimated ? estimate : 1,
    doneLeaves: done ? 1 : 0,
    totalLeaves: 1,
    estimateTotal: estimate,
    estimateDone: (estimate * progress) / 100,
    unestimatedLeaves: estimated ? 0 : 1,
    ...checklistOf(task),
  };
}

/** A parent's own share of its roll-up: only its checklist counts; its progress, estimate and status give way to its subtasks'. */
export function ownChecklistOnly(task: Task): Rollup {
  return { ...EMPTY_ROLLUP, ...checklistOf(task) };
}

/**
 * Roll-ups of every task through any depth of subtasks. A leaf counts 100 % when its status is in a
 * `done` category, otherwise its `progress`; a parent is the estimate-weighted average of its leaves
 * (a leaf weighs its estimate when above 0, else 1), and its own progress, estimate and status are
 * ignored. Checklists add up from the task and everything below it. Subtasks whose parent is missing,
 * or whose parent link closes a loop, count as top level. Linear time; no recursion.
 */
export function computeRollups(tasks: readonly Task[], workflowOf: WorkflowLookup): Map<Id, Rollup> {
  const categoryOf = statusCategories(workflowOf);
  const rollups = new Map<Id, Rollup>();
  visitBottomUp(buildHierarchy(tasks), (task, children) => {
    if (children.length === 0) {
      rollups.set(task.id, leafRollup(task, categoryOf(task) === 'done'));
    } else {
      rollups.set(task.id, combineRollups([ownChecklistOnly(task), ...children.map((child) => rollups.get(child.id)!)]));
    }
  });
  return rollups;
}

/**
 * Roll-ups of every project: the weighted average of the project's leaf tasks (as `computeRollups`
 * counts them) and the checklists of all its tasks. Each task counts once, in its own project.
 */
export function computeProjectRollups(tasks: readonly Task[], workflowOf: WorkflowLookup): Map<Id, Rollup> {
  const categoryOf = statusCategories(workflowOf);
  const { children } = buildHierarchy(tasks);
  const parts = new Map<Id, Rollup[]>();
  for (const task of tasks) {
    const part = children.has(task.id) ? ownChecklistOnly(task) : leafRollup(task, categoryOf(task) === 'done');
    let list = parts.get(task.projectId);
    if (list === undefined) parts.set(task.projectId, (list = []));
    list.push(part);
  }
  const result = new Map<Id, Rollup>();
  for (const [projectId, list] of parts) result.set(projectId, combineRollups(list));
  return result;
}

/** The roll-up of one project (`EMPTY_ROLLUP` when it has no tasks); see `computeProjectRollups`. */
export function projectProgress(tasks: readonly Task[], workflowOf: WorkflowLookup, projectId: Id): Rollup {
  return computeProjectRollups(tasks, workflowOf).get(projectId) ?? EMPTY_ROLLUP;
}
