import type { Message } from '../model/message.js';
import type { ReadMarker } from '../model/read-marker.js';
import type { Person, Role } from '../model/person.js';
import type { Project } from '../model/project.js';
import type { Task } from '../model/task.js';
import type { TaskTemplate } from '../model/template.js';

/** Everything a widget may ask permission for. */
export type Action =
  | 'task.view'
  | 'task.create'
  | 'task.edit'
  | 'task.move'
  | 'task.schedule'
  | 'task.delete'
  /** Assign someone else, or unassign them. */
  | 'task.assign'
  /** "Take it": assign yourself. */
  | 'task.assign-self'
  /** "Join": follow a task as a collaborator. */
  | 'task.follow'
  | 'dependency.edit'
  | 'message.post'
  | 'message.edit'
  | 'message.delete'
  | 'message.react'
  /** Mention `target.person` (communication boundaries apply). */
  | 'message.mention'
  /** Move one's own read marker (`target.readMarker`); nobody moves anyone else's. */
  | 'message.read'
  | 'project.edit'
  | 'workflow.edit'
  | 'notification.read'
  /** Save a task tree as a template (`target.project` when it is kept for one project). */
  | 'template.create'
  /** Delete `target.template`: its author, or any template for admins and managers. */
  | 'template.delete';

/** What an action is about. Each action reads the parts it needs. */
export interface PermissionTarget {
  readonly task?: Task;
  readonly project?: Project;
  readonly message?: Message;
  /** The other person involved: the assignee, the mentioned person. */
  readonly person?: Person;
  /**
   * The people assigned to `task`, resolved. Message boundaries (`messages: true`) need their groups;
   * without them that check cannot apply. The store fills this in from `task.assigneeIds`.
   */
  readonly assignees?: readonly Person[];
  /** The read marker about to be written (`message.read`). */
  readonly readMarker?: ReadMarker;
  /** The template acted on (`template.delete`). */
  readonly template?: TaskTemplate;
}

/** Stable reason codes, so widgets can localize the text. */
export type DenialCode =
  | 'no-user'
  | 'role'
  | 'read-only'
  | 'comment-only'
  | 'managers-assign'
  | 'not-author'
  | 'boundary'
  | 'not-member'
  | 'rule';

export type PermissionResult =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: DenialCode; readonly reason: string };

/** A rule a host adds: return a denial to refuse, or `undefined` to let the rest of the policy decide. */
export type PolicyRule = (
  user: Person,
  action: Action,
  target: PermissionTarget,
) => PermissionResult | undefined;

/** A boundary between communication groups: people of `from` may not address people of `to`. */
export interface CommunicationBoundary {
  readonly from: string;
  readonly to: string;
  /** Also forbid writing on tasks owned by `to`'s people; mentions are always covered. */
  readonly messages?: boolean;
}

/** How a host configures its policy. Every field has a sensible default. */
export interface PolicyConfig {
  /**
   * Actions each role may take, merged over `DEFAULT_ROLE_ACTIONS` role by role (give a built-in
   * role `[]` to disable it). Roles found in neither get nothing.
   */
  readonly roles?: Readonly<Partial<Record<Role, readonly Action[]>>>;
  /** Only managers and admins assign other people (default true). */
  readonly onlyManagersAssign?: boolean;
  /** Only a message's author edits or deletes it (default true; admins may always delete). */
  readonly authorsOwnMessages?: boolean;
  /** Only a project's members (and admins) act on it (default false). */
  readonly membersOnly?: boolean;
  readonly boundaries?: readonly CommunicationBoundary[];
  /** Extra rules, asked first. */
  readonly rules?: readonly PolicyRule[];
}

/** The configured policy every widget asks before offering an action. */
export interface Policy {
  can(user: Person | undefined, action: Action, target?: PermissionTarget): PermissionResult;
}
