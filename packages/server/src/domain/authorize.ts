import {
  AdapterError,
  actionsForTaskPatch,
  createPolicy,
  type Action,
  type AnyEntity,
  type Message,
  type Mutation,
  type Notification,
  type PermissionTarget,
  type Person,
  type Policy,
  type Project,
  type ReadMarker,
  type Task,
  type TaskTemplate,
} from '@cwm/core';
import type { AuthorizeHook } from '@cwm/adapters/backend';
import type { Repository } from '../db/repository.js';

/** Fields a patch may never change: who wrote or owns something, and where it belongs. */
const FIXED_FIELDS: Partial<Record<Mutation['collection'], readonly string[]>> = {
  tasks: ['createdBy'],
  messages: ['authorId', 'kind', 'taskId'],
  notifications: ['personId', 'kind', 'taskId', 'messageId', 'actorId', 'toStatus'],
  reads: ['personId', 'taskId'],
  activity: [],
  templates: ['createdBy'],
};

function forbidden(reason: string): AdapterError {
  return new AdapterError('forbidden', reason);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/**
 * The server's permission check: the same `Policy` the browser store asks (core's `createPolicy`,
 * default configuration), for the person the bearer token names, with the rights derived from what
 * the mutation changes (never from what the client says it is). The store refuses these writes
 * before they are sent; the server refuses them again with the same reason for any client that
 * did not ask. A few rules the store keeps by construction are checked here explicitly: messages
 * are posted in their author's name, reactions and read markers are one's own, notifications are
 * only marked read by their person, and the activity log is the server's alone.
 */
export class Authorizer {
  constructor(
    private readonly repository: Repository,
    private readonly policy: Policy = createPolicy(),
  ) {}

  /** The hook `decide` calls for mutations of `actorId`. */
  hookFor(actorId: string): AuthorizeHook {
    return (mutation, current) => {
      try {
        return this.check(actorId, mutation, current);
      } catch {
        // Only a malformed body can trip the checks (a list that is not a list...); validation would
        // refuse it next anyway, and nothing unchecked may slip through.
        return new AdapterError('validation', `The ${mutation.kind} of ${mutation.collection} "${mutation.entityId}" is malformed.`);
      }
    };
  }

  private check(actorId: string, mutation: Mutation, current: AnyEntity | undefined): AdapterError | undefined {
    const user = this.repository.get('people', actorId) as Person | undefined;
    if (user === undefined || user.kind !== 'person') return forbidden('Nobody is signed in, so nothing can be done here.');
    if (mutation.kind === 'update') {
      const fixed = (FIXED_FIELDS[mutation.collection] ?? []).find((field) => field in mutation.patch);
      if (fixed !== undefined) return new AdapterError('validation', `"${fixed}" of ${mutation.collection} cannot be changed.`);
    }
    const can = (action: Action, target: PermissionTarget): AdapterError | undefined => {
      const answer = this.policy.can(user, action, this.complete(target));
      return answer.allowed ? undefined : forbidden(answer.reason);
    };
    const all = (actions: readonly Action[], target: PermissionTarget): AdapterError | undefined => {
      for (const action of actions) {
        const denial = can(action, target);
        if (denial) return denial;
      }
      return undefined;
    };

    switch (mutation.collection) {
      case 'tasks':
        return this.checkTask(actorId, mutation as Mutation<'tasks'>, current as Task | undefined, all);
      case 'messages':
        return this.checkMessage(actorId, mutation as Mutation<'messages'>, current as Message | undefined, all);
      case 'reads': {
        const marker = (mutation.kind === 'create' ? mutation.value : { ...current, ...(mutation.kind === 'update' ? mutation.patch : {}) }) as ReadMarker;
        const task = this.task(marker.taskId);
        return all(['message.read'], { ...(task ? { task } : {}), readMarker: marker });
      }
      case 'notifications': {
        if (mutation.kind !== 'update') return forbidden('Notifications are written by the server.');
        const notice = current as Notification;
        if (notice.personId !== actorId) return forbidden('Only the person a notification is for can mark it read.');
        if (Object.keys(mutation.patch).some((field) => field !== 'readAt')) return forbidden('Only "readAt" of a notification can be changed.');
        return all(['notification.read'], {});
      }
      case 'activity':
        return forbidden('The activity log is written by the server.');
      case 'projects': {
        const project = (mutation.kind === 'create' ? mutation.value : current) as Project;
        const actions: Action[] = ['project.edit'];
        if (mutation.kind === 'update' && 'workflow' in mutation.patch) actions.push('workflow.edit');
        return all(actions, { project });
      }
      case 'people': {
        if (user.role === 'admin') return undefined;
        const ownProfile = mutation.kind === 'update' && mutation.entityId === actorId && !('role' in mutation.patch) && !('kind' in mutation.patch);
        return ownProfile ? undefined : forbidden('Only admins can add, remove or change other people.');
      }
      case 'templates': {
        if (mutation.kind === 'create') {
          const template = mutation.value as TaskTemplate;
          const project = template.projectId === undefined ? undefined : this.project(template.projectId);
          // No author check: undoing a deleted template creates it again under its first author.
          return all(['template.create'], project ? { project } : {});
        }
        const template = current as TaskTemplate;
        return all(mutation.kind === 'delete' ? ['template.delete'] : ['template.create', 'template.delete'], { template });
      }
    }
  }

  private checkTask(
    actorId: string,
    mutation: Mutation<'tasks'>,
    current: Task | undefined,
    all: (actions: readonly Action[], target: PermissionTarget) => AdapterError | undefined,
  ): AdapterError | undefined {
    if (mutation.kind === 'create') {
      const task = mutation.value;
      const project = this.project(task.projectId);
      const actions: Action[] = ['task.create'];
      if ((task.assigneeIds ?? []).some((id) => id !== actorId)) actions.push('task.assign');
      return all(actions, { task, ...(project ? { project } : {}) });
    }
    const task = current as Task;
    const project = this.project(task.projectId);
    const actions = mutation.kind === 'delete' ? (['task.delete'] as Action[]) : actionsForTaskPatch(task, mutation.patch, actorId);
    return all(actions, { task, ...(project ? { project } : {}) });
  }

  private checkMessage(
    actorId: string,
    mutation: Mutation<'messages'>,
    current: Message | undefined,
    all: (actions: readonly Action[], target: PermissionTarget) => AdapterError | undefined,
  ): AdapterError | undefined {
    if (mutation.kind === 'create') {
      const message = mutation.value;
      if (message.authorId !== actorId) return forbidden('Messages are posted in their author\'s name only.');
      const task = this.task(message.taskId);
      const denial = all(['message.post'], task ? { task } : {});
      if (denial) return denial;
      return this.checkMentions(message.mentions ?? [], task, all);
    }
    const message = current as Message;
    const task = this.task(message.taskId);
    const target: PermissionTarget = { message, ...(task ? { task } : {}) };
    if (mutation.kind === 'delete') return all(['message.delete'], target);
    const patch = mutation.patch;
    const fields = Object.keys(patch);
    if (patch.deleted === true) return all(['message.delete'], target);
    if (fields.length > 0 && fields.every((field) => field === 'reactions')) {
      const reactions = patch.reactions ?? {};
      for (const emoji of new Set([...Object.keys(message.reactions), ...Object.keys(reactions)])) {
        const before = message.reactions[emoji] ?? [];
        const after = reactions[emoji] ?? [];
        const others = (ids: readonly string[]): string[] => ids.filter((id) => id !== actorId);
        if (!sameMembers(others(before), others(after))) return forbidden('You can only add or take back your own reactions.');
      }
      return all(['message.react'], target);
    }
    const denial = all(['message.edit'], target);
    if (denial) return denial;
    const added = (patch.mentions ?? []).filter((id) => !message.mentions.includes(id));
    return this.checkMentions(added, task, all);
  }

  private checkMentions(
    mentions: readonly string[],
    task: Task | undefined,
    all: (actions: readonly Action[], target: PermissionTarget) => AdapterError | undefined,
  ): AdapterError | undefined {
    for (const personId of mentions) {
      const person = this.repository.get('people', personId) as Person | undefined;
      if (person === undefined) return new AdapterError('validation', `There is no person ${personId} to mention.`);
      const denial = all(['message.mention'], { person, ...(task ? { task } : {}) });
      if (denial) return denial;
    }
    return undefined;
  }

  /** What the store's `completeTarget` adds: the task's project and its assignees as people. */
  private complete(target: PermissionTarget): PermissionTarget {
    const task = target.task;
    if (task === undefined) return target;
    const project = target.project ?? this.project(task.projectId);
    const assignees = target.assignees ?? (task.assigneeIds ?? []).map((id) => this.repository.get('people', id) as Person | undefined).filter((person): person is Person => person !== undefined);
    return { ...target, ...(project ? { project } : {}), assignees };
  }

  private task(id: string): Task | undefined {
    return this.repository.get('tasks', id) as Task | undefined;
  }

  private project(id: string): Project | undefined {
    return this.repository.get('projects', id) as Project | undefined;
  }
}
