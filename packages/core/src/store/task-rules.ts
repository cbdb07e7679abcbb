import type { Patch } from '../adapter/mutation.js';
import type { Id } from '../model/common.js';
import type { Task } from '../model/task.js';
import type { Action } from '../permissions/types.js';

function sameMembers(a: readonly Id[], b: readonly Id[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** The people added to or removed from a list. */
function difference(before: readonly Id[], after: readonly Id[]): Id[] {
  return [...before.filter((id) => !after.includes(id)), ...after.filter((id) => !before.includes(id))];
}

const MOVE_FIELDS = new Set(['status', 'rank']);
const SCHEDULE_FIELDS = new Set(['start', 'due']);
const OWN_RULES = new Set(['assigneeIds', 'followerIds', 'dependencies', ...MOVE_FIELDS, ...SCHEDULE_FIELDS]);

/**
 * The permissions a patch needs, derived from what it changes rather than from what the caller says
 * it is: a "move" that also reassigns needs both rights. Changing only yourself in the assignees is
 * "take it" (`task.assign-self`); only yourself in the followers is "join" (`task.follow`).
 */
export function actionsForTaskPatch(task: Task, patch: Patch<'tasks'>, userId: Id): Action[] {
  const actions = new Set<Action>();
  const fields = Object.keys(patch) as (keyof Patch<'tasks'>)[];
  if (patch.assigneeIds && !sameMembers(task.assigneeIds, patch.assigneeIds)) {
    const changed = difference(task.assigneeIds, patch.assigneeIds);
    actions.add(changed.every((id) => id === userId) ? 'task.assign-self' : 'task.assign');
  }
  if (patch.followerIds && !sameMembers(task.followerIds, patch.followerIds)) {
    const changed = difference(task.followerIds, patch.followerIds);
    actions.add(changed.every((id) => id === userId) ? 'task.follow' : 'task.edit');
  }
  if (patch.dependencies !== undefined) actions.add('dependency.edit');
  if (fields.some((field) => MOVE_FIELDS.has(field))) actions.add('task.move');
  if (fields.some((field) => SCHEDULE_FIELDS.has(field))) actions.add('task.schedule');
  if (fields.some((field) => !OWN_RULES.has(field))) actions.add('task.edit');
  return [...actions];
}

/** Dependencies in `after` that were not in `before` (by predecessor). */
export function addedPredecessors(before: Task['dependencies'], after: Task['dependencies']): Id[] {
  const known = new Set(before.map((dependency) => dependency.predecessorId));
  return after.map((dependency) => dependency.predecessorId).filter((id) => !known.has(id));
}
