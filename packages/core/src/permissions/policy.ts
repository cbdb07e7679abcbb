import type { Person, Role } from '../model/person.js';
import { ACTION_PHRASES, DEFAULT_ROLE_ACTIONS } from './actions.js';
import type {
  Action,
  CommunicationBoundary,
  DenialCode,
  PermissionResult,
  PermissionTarget,
  Policy,
  PolicyConfig,
  PolicyRule,
} from './types.js';

const ALLOWED: PermissionResult = Object.freeze({ allowed: true });

function deny(code: DenialCode, reason: string): PermissionResult {
  return { allowed: false, code, reason };
}

/** Admins and managers assign other people when `onlyManagersAssign` is on. */
function isManager(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}

/**
 * Builds the policy every widget asks before offering an action. The checks run in this order and
 * the first denial wins, each with a stable code and an English reason:
 *
 * 1. no user (`no-user`);
 * 2. the host's `rules`, asked first: any answer they give, allow or deny, is final;
 * 3. the role's actions (`read-only` for viewers, `comment-only` for guests, `role` otherwise);
 * 4. `membersOnly`: people outside `target.project`'s members and owner (`not-member`; admins exempt);
 * 5. `onlyManagersAssign`: only admins and managers assign other people (`managers-assign`);
 *    `task.assign` with `target.person` being the user counts as `task.assign-self`;
 * 6. `authorsOwnMessages`: only the author edits or deletes `target.message` (`not-author`; admins may
 *    delete any); guests may only ever edit their own messages, whatever the setting;
 * 7. read markers (`not-author`): `message.read` only on the user's own `target.readMarker`;
 * 8. templates (`not-author`): members delete only the templates they made (`target.template`);
 *    admins and managers delete any;
 * 9. communication boundaries (`boundary`): no mentioning `target.person` across a boundary, and with
 *    `messages: true` no posting on `target.task` when all its `target.assignees` are on the other side.
 *
 * Checks that need a part of the target the caller did not pass (no `target.message` for
 * `message.edit`, say) are skipped: the answer is then "allowed in general".
 */
export function createPolicy(config: PolicyConfig = {}): Policy {
  const roles: Readonly<Partial<Record<Role, readonly Action[]>>> = { ...DEFAULT_ROLE_ACTIONS, ...config.roles };
  const roleActions = new Map<Role, ReadonlySet<Action>>(
    Object.entries(roles).map(([role, actions]) => [role, new Set(actions ?? [])]),
  );
  const onlyManagersAssign = config.onlyManagersAssign ?? true;
  const authorsOwnMessages = config.authorsOwnMessages ?? true;
  const membersOnly = config.membersOnly ?? false;
  const boundaries = config.boundaries ?? [];
  const rules: readonly PolicyRule[] = config.rules ?? [];

  return {
    can(user: Person | undefined, requested: Action, target: PermissionTarget = {}): PermissionResult {
      if (user === undefined) return deny('no-user', 'Nobody is signed in, so nothing can be done here.');
      for (const rule of rules) {
        const answer = rule(user, requested, target);
        if (answer !== undefined) return answer;
      }
      const action: Action =
        requested === 'task.assign' && target.person !== undefined && target.person.id === user.id
          ? 'task.assign-self'
          : requested;
      return (
        checkRole(user, action, roleActions) ??
        (membersOnly ? checkMembership(user, target) : undefined) ??
        (onlyManagersAssign && action === 'task.assign' && !isManager(user.role)
          ? deny('managers-assign', 'Only managers can assign other people.')
          : undefined) ??
        checkAuthorship(user, action, target, authorsOwnMessages) ??
        checkReadMarker(user, action, target) ??
        checkTemplateAuthor(user, action, target) ??
        checkBoundaries(user, action, target, boundaries) ??
        ALLOWED
      );
    },
  };
}

function checkRole(user: Person, action: Action, roleActions: ReadonlyMap<Role, ReadonlySet<Action>>): PermissionResult | undefined {
  if (roleActions.get(user.role)?.has(action)) return undefined;
  const phrase = ACTION_PHRASES[action];
  if (user.role === 'viewer') return deny('read-only', `Viewers can only read: they cannot ${phrase}.`);
  if (user.role === 'guest') return deny('comment-only', `Guests can only take part in the conversation: they cannot ${phrase}.`);
  return deny('role', `The role "${user.role}" does not allow you to ${phrase}.`);
}

function checkMembership(user: Person, target: PermissionTarget): PermissionResult | undefined {
  const project = target.project;
  if (project === undefined || user.role === 'admin') return undefined;
  if (project.ownerId === user.id || project.memberIds.includes(user.id)) return undefined;
  return deny('not-member', `Only members of the project "${project.name}" can do this.`);
}

function checkAuthorship(
  user: Person,
  action: Action,
  target: PermissionTarget,
  authorsOwnMessages: boolean,
): PermissionResult | undefined {
  const message = target.message;
  if (message === undefined || message.authorId === user.id) return undefined;
  if (action === 'message.edit' && (authorsOwnMessages || user.role === 'guest')) {
    return deny('not-author', 'Only the author can edit this message.');
  }
  if (action === 'message.delete' && authorsOwnMessages && user.role !== 'admin') {
    return deny('not-author', 'Only the author or an admin can delete this message.');
  }
  return undefined;
}

/** A read marker says what one person has seen: nobody else may move it, admins included. */
function checkReadMarker(user: Person, action: Action, target: PermissionTarget): PermissionResult | undefined {
  const marker = target.readMarker;
  if (action !== 'message.read' || marker === undefined || marker.personId === user.id) return undefined;
  return deny('not-author', 'Only the reader can move their own read marker.');
}

/** A template is shared work: only its author or someone who manages may take it away from everyone. */
function checkTemplateAuthor(user: Person, action: Action, target: PermissionTarget): PermissionResult | undefined {
  const template = target.template;
  if (action !== 'template.delete' || template === undefined || template.createdBy === user.id || isManager(user.role)) return undefined;
  return deny('not-author', `Only the author of the template "${template.name}", a manager or an admin can delete it.`);
}

function checkBoundaries(
  user: Person,
  action: Action,
  target: PermissionTarget,
  boundaries: readonly CommunicationBoundary[],
): PermissionResult | undefined {
  if (user.group === undefined) return undefined;
  for (const boundary of boundaries) {
    if (boundary.from !== user.group) continue;
    if (action === 'message.mention' && target.person?.group === boundary.to) {
      return deny('boundary', `People in ${boundary.from} cannot mention people in ${boundary.to}.`);
    }
    const assignees = target.assignees;
    if (
      action === 'message.post' &&
      boundary.messages === true &&
      target.task !== undefined &&
      assignees !== undefined &&
      assignees.length > 0 &&
      assignees.every((assignee) => assignee.group === boundary.to)
    ) {
      return deny('boundary', `People in ${boundary.from} cannot write on tasks of ${boundary.to}.`);
    }
  }
  return undefined;
}
