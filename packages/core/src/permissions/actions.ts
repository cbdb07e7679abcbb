import type { BuiltInRole } from '../model/person.js';
import type { Action } from './types.js';

/** Every action, in a stable order. */
export const ALL_ACTIONS: readonly Action[] = [
  'task.view',
  'task.create',
  'task.edit',
  'task.move',
  'task.schedule',
  'task.delete',
  'task.assign',
  'task.assign-self',
  'task.follow',
  'dependency.edit',
  'message.post',
  'message.edit',
  'message.delete',
  'message.react',
  'message.mention',
  'message.read',
  'project.edit',
  'workflow.edit',
  'notification.read',
  'template.create',
  'template.delete',
];

/** What guests may do: take part in the conversation, never change the work itself. */
const GUEST_ACTIONS: readonly Action[] = [
  'task.view',
  'task.follow',
  'message.post',
  'message.edit',
  'message.react',
  'message.mention',
  'message.read',
  'notification.read',
];

/**
 * The default actions of each built-in role. Members may do everything but change projects and
 * workflows; assigning other people is further limited by `onlyManagersAssign`, deleting templates
 * to their own unless they manage (see `createPolicy`). Guests comment (and
 * edit their own messages); viewers only read.
 */
export const DEFAULT_ROLE_ACTIONS: Readonly<Record<BuiltInRole, readonly Action[]>> = {
  admin: ALL_ACTIONS,
  manager: ALL_ACTIONS,
  member: ALL_ACTIONS.filter((action) => action !== 'project.edit' && action !== 'workflow.edit'),
  guest: GUEST_ACTIONS,
  viewer: ['task.view', 'message.read', 'notification.read'],
};

/** English phrases for actions, used in denial reasons ("cannot edit tasks"). */
export const ACTION_PHRASES: Readonly<Record<Action, string>> = {
  'task.view': 'view tasks',
  'task.create': 'create tasks',
  'task.edit': 'edit tasks',
  'task.move': 'move tasks',
  'task.schedule': 'reschedule tasks',
  'task.delete': 'delete tasks',
  'task.assign': 'assign other people',
  'task.assign-self': 'take tasks',
  'task.follow': 'follow tasks',
  'dependency.edit': 'change dependencies',
  'message.post': 'post messages',
  'message.edit': 'edit messages',
  'message.delete': 'delete messages',
  'message.react': 'react to messages',
  'message.mention': 'mention people',
  'message.read': 'mark messages read',
  'project.edit': 'change projects',
  'workflow.edit': 'change workflows',
  'notification.read': 'read notifications',
  'template.create': 'save templates',
  'template.delete': 'delete templates',
};
