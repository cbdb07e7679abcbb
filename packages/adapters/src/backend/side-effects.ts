import type { ActivityEntry, AnyEntity, Id, Message, Mutation, Notification, NotificationKind, Task } from '@cwm/core';
import { fieldChanges } from './field-changes.js';

/**
 * What a server writes besides the entity itself: the activity log of tasks and the notifications
 * people get. Ids derive from the mutation id, so replaying a mutation can never write them twice and
 * two tabs can never pick the same id.
 */

function activityEntry(mutation: Mutation, task: Task, action: ActivityEntry['action'], changes: ActivityEntry['changes']): ActivityEntry {
  return {
    id: `a-${mutation.id}`,
    version: 1,
    createdAt: mutation.at,
    updatedAt: mutation.at,
    taskId: task.id,
    projectId: task.projectId,
    actorId: mutation.actorId,
    at: mutation.at,
    action,
    changes,
  };
}

/**
 * The log entry for a task write: `created` records the initial status (so status history can be
 * replayed from the log alone), `updated` every patched field that really changed (from/to),
 * `deleted` the status the task had. An update that changes nothing logs nothing.
 */
export function taskActivity(mutation: Mutation, before: AnyEntity | undefined, after: AnyEntity | undefined): ActivityEntry | undefined {
  if (mutation.collection !== 'tasks') return undefined;
  const previous = before as Task | undefined;
  const next = after as Task | undefined;
  switch (mutation.kind) {
    case 'create':
      return next === undefined ? undefined : activityEntry(mutation, next, 'created', [{ field: 'status', from: null, to: next.status }]);
    case 'update': {
      if (previous === undefined || next === undefined) return undefined;
      const changes = fieldChanges(previous, next, Object.keys(mutation.patch));
      return changes.length === 0 ? undefined : activityEntry(mutation, next, 'updated', changes);
    }
    case 'delete':
      return previous === undefined ? undefined : activityEntry(mutation, previous, 'deleted', [{ field: 'status', from: previous.status, to: null }]);
  }
}

function notification(mutation: Mutation, personId: Id, kind: NotificationKind, taskId: Id, messageId?: Id, toStatus?: string): Notification {
  return {
    // One mutation may notify one person twice (assigned and the status changed): kinds keep ids apart.
    id: kind === 'status-change' ? `n-${mutation.id}-${personId}-status` : `n-${mutation.id}-${personId}`,
    version: 1,
    createdAt: mutation.at,
    updatedAt: mutation.at,
    personId,
    kind,
    taskId,
    ...(messageId === undefined ? {} : { messageId }),
    ...(toStatus === undefined ? {} : { toStatus }),
    actorId: mutation.actorId,
  };
}

/** Ids in `after` that were not in `before`, without the actor: nobody is notified of their own doing. */
function added(before: readonly Id[], after: readonly Id[], actorId: Id): Id[] {
  const known = new Set(before);
  return [...new Set(after)].filter((id) => !known.has(id) && id !== actorId);
}

/** Followers and assignees of a task whose status changed, without the actor. */
function statusWatchers(before: Task | undefined, after: Task, actorId: Id): Id[] {
  if (before === undefined || before.status === after.status) return [];
  return [...new Set([...after.followerIds, ...after.assigneeIds])].filter((id) => id !== actorId);
}

/**
 * Notifications for people newly assigned to a task, for its followers and assignees when its status
 * changes (`status-change`), and for people newly mentioned in a message (on create, and when an
 * edit adds a mention). Nobody is notified of their own doing.
 */
export function notificationsFor(mutation: Mutation, before: AnyEntity | undefined, after: AnyEntity | undefined): Notification[] {
  if (after === undefined || mutation.kind === 'delete') return [];
  if (mutation.collection === 'tasks') {
    const task = after as Task;
    const previous = (before as Task | undefined)?.assigneeIds ?? [];
    return [
      ...added(previous, task.assigneeIds, mutation.actorId).map((id) => notification(mutation, id, 'assignment', task.id)),
      ...statusWatchers(before as Task | undefined, task, mutation.actorId).map((id) => notification(mutation, id, 'status-change', task.id, undefined, task.status)),
    ];
  }
  if (mutation.collection === 'messages') {
    const message = after as Message;
    const previous = (before as Message | undefined)?.mentions ?? [];
    return added(previous, message.mentions, mutation.actorId).map((id) => notification(mutation, id, 'mention', message.taskId, message.id));
  }
  return [];
}
