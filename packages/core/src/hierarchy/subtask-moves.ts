import type { Patch } from '../adapter/mutation.js';
import type { Id } from '../model/common.js';
import type { Task } from '../model/task.js';
import { wouldCreateParentCycle } from '../validation/cycles.js';
import { rankBetween, spreadRanks } from '../workflow/rank.js';
import { compareSiblings } from './task-children.js';

/** One task's change, in the shape `CwmStore.updateTasks` takes. */
export interface TaskChange {
  readonly id: Id;
  readonly patch: Patch<'tasks'>;
}

/** Why a subtask move cannot be made. */
export type SubtaskMoveRefusal = 'not-found' | 'same-task' | 'not-siblings' | 'top-level' | 'first-child' | 'parent-cycle';

/**
 * The answer of a subtask move: the changes to send as one action (`store.updateTasks(changes,
 * 'task.move')`), usually one rank (and parent) patch; or why not, with an English reason naming the
 * tasks. A patch that changes the parent always has the `parentId` key, `undefined` meaning "top level".
 */
export type SubtaskMove =
  | { readonly ok: true; readonly changes: readonly TaskChange[] }
  | { readonly ok: false; readonly code: SubtaskMoveRefusal; readonly reason: string };

/** Where a reordered task goes: right before or right after one of its siblings. */
export type SiblingPlace = { readonly beforeId: Id; readonly afterId?: undefined } | { readonly afterId: Id; readonly beforeId?: undefined };

function refuse(code: SubtaskMoveRefusal, reason: string): SubtaskMove {
  return { ok: false, code, reason };
}

/** Tasks by id, and a task's siblings in order (a parent that does not exist counts as none: top level). */
class Family {
  private readonly byId = new Map<Id, Task>();

  constructor(tasks: Iterable<Task>) {
    for (const task of tasks) this.byId.set(task.id, task);
  }

  get(id: Id): Task | undefined {
    return this.byId.get(id);
  }

  /** The parent that really exists, or undefined for a top-level task. */
  parentOf(task: Task): Task | undefined {
    return task.parentId === undefined ? undefined : this.byId.get(task.parentId);
  }

  /** The children of `parent` (top-level tasks of `projectId` when undefined), in sibling order. */
  childrenOf(parent: Task | undefined, projectId: Id): Task[] {
    const children: Task[] = [];
    for (const task of this.byId.values()) {
      const actual = this.parentOf(task);
      if (parent === undefined ? actual === undefined && task.projectId === projectId : actual?.id === parent.id) children.push(task);
    }
    return children.sort(compareSiblings);
  }
}

/**
 * The changes that put `task` at `index` of `siblings` (which exclude it) under `parentPatch`. One
 * rank between the neighbours when one fits; when their ranks tie (bad data), the whole list gets
 * fresh spread ranks, since no single rank can sit between two equal ones.
 */
function placeAt(task: Task, siblings: readonly Task[], index: number, parentPatch: Patch<'tasks'>): SubtaskMove {
  const lower = siblings[index - 1]?.rank;
  const upper = siblings[index]?.rank;
  const rank = rankBetween(lower, upper);
  if ((lower === undefined || rank > lower) && (upper === undefined || rank < upper)) {
    return { ok: true, changes: [{ id: task.id, patch: { ...parentPatch, rank } }] };
  }
  const ordered = [...siblings.slice(0, index), task, ...siblings.slice(index)];
  const ranks = spreadRanks(ordered.length);
  const changes: TaskChange[] = [];
  ordered.forEach((item, position) => {
    const fresh = ranks[position]!;
    if (item.id === task.id) changes.push({ id: item.id, patch: { ...parentPatch, rank: fresh } });
    else if (item.rank !== fresh) changes.push({ id: item.id, patch: { rank: fresh } });
  });
  return { ok: true, changes };
}

/**
 * Moves a task right before or right after one of its siblings (same parent; top-level tasks of one
 * project are siblings too): the rank patch that puts it there. Refused when a task is missing, the
 * neighbour is the task itself, or is not a sibling (changing the parent is `promoteTask`/`demoteTask`).
 */
export function reorderSubtask(tasks: Iterable<Task>, taskId: Id, place: SiblingPlace): SubtaskMove {
  const family = new Family(tasks);
  const task = family.get(taskId);
  const neighbourId = place.beforeId ?? place.afterId;
  const neighbour = family.get(neighbourId);
  if (!task) return refuse('not-found', `There is no task ${taskId}.`);
  if (!neighbour) return refuse('not-found', `There is no task ${neighbourId}.`);
  if (neighbour.id === task.id) return refuse('same-task', `"${task.title}" cannot be placed next to itself.`);
  const parent = family.parentOf(task);
  if (family.parentOf(neighbour)?.id !== parent?.id || neighbour.projectId !== task.projectId) {
    return refuse('not-siblings', `"${neighbour.title}" is not under the same parent as "${task.title}"; promote or demote the task to change its parent.`);
  }
  const siblings = family.childrenOf(parent, task.projectId).filter((item) => item.id !== task.id);
  const at = siblings.findIndex((item) => item.id === neighbour.id);
  return placeAt(task, siblings, place.beforeId !== undefined ? at : at + 1, {});
}

/**
 * Promotes a subtask: it becomes a sibling of its parent, placed right after it (a child of a
 * top-level task becomes top level). Refused for a top-level task, and for a move that would close a
 * parent loop (possible only in bad data).
 */
export function promoteTask(tasks: Iterable<Task>, taskId: Id): SubtaskMove {
  const family = new Family(tasks);
  const task = family.get(taskId);
  if (!task) return refuse('not-found', `There is no task ${taskId}.`);
  const parent = family.parentOf(task);
  if (!parent) return refuse('top-level', `"${task.title}" is already at the top level; it cannot be promoted further.`);
  const grandparent = family.parentOf(parent);
  const loop = wouldCreateParentCycle((id) => family.get(id), task.id, grandparent?.id);
  if (loop) return refuse('parent-cycle', `"${task.title}" cannot be placed under its own subtask: ${loop.join(' -> ')}.`);
  const siblings = family.childrenOf(grandparent, task.projectId).filter((item) => item.id !== task.id);
  return placeAt(task, siblings, siblings.findIndex((item) => item.id === parent.id) + 1, { parentId: grandparent?.id });
}

/**
 * Demotes a task: it becomes the last subtask of the sibling right above it. Refused for the first of
 * its siblings (nothing above to go under) and for a move that would close a parent loop. When the new
 * parent has no subtasks yet, the rank is kept and only the parent changes.
 */
export function demoteTask(tasks: Iterable<Task>, taskId: Id): SubtaskMove {
  const family = new Family(tasks);
  const task = family.get(taskId);
  if (!task) return refuse('not-found', `There is no task ${taskId}.`);
  const siblings = family.childrenOf(family.parentOf(task), task.projectId);
  const index = siblings.findIndex((item) => item.id === task.id);
  const above = siblings[index - 1];
  if (!above) return refuse('first-child', `"${task.title}" is the first in its list: there is no task above it to move it under.`);
  const loop = wouldCreateParentCycle((id) => family.get(id), task.id, above.id);
  if (loop) return refuse('parent-cycle', `"${task.title}" cannot be placed under its own subtask: ${loop.join(' -> ')}.`);
  const children = family.childrenOf(above, task.projectId).filter((item) => item.id !== task.id);
  if (children.length === 0) return { ok: true, changes: [{ id: task.id, patch: { parentId: above.id } }] };
  return placeAt(task, children, children.length, { parentId: above.id });
}
