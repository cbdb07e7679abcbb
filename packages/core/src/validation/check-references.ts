import type { CollectionName, Id } from '../model/common.js';
import type { EntityOf } from '../model/entities.js';
import type { Message } from '../model/message.js';
import type { Notification } from '../model/notification.js';
import type { Project } from '../model/project.js';
import type { ReadMarker } from '../model/read-marker.js';
import type { Task } from '../model/task.js';
import type { TaskTemplate } from '../model/template.js';
import { describeEntity, entityNoun } from './describe.js';
import type { ValidationIssue } from './issue.js';

/** What exists, asked while checking references (the store answers from its tables). */
export interface ReferenceContext {
  hasPerson(id: Id): boolean;
  hasProject(id: Id): boolean;
  hasTask(id: Id): boolean;
}

/** An entity after its references were checked: `entity` is absent when it had to be skipped. */
export interface ReferenceCheck<T> {
  readonly entity?: T;
  readonly issues: ValidationIssue[];
}

/**
 * Checks the references of a shape-valid entity. Without an essential reference the entity means
 * nothing and is skipped (`entity` undefined): a task's project, a message's task and author, a
 * notification's person, a read marker's person and task, a project template's project. Other references to missing entities are removed, one `unknown-reference`
 * issue each, so the rest of the entity still loads: assignees, resources, followers, parent (the task
 * becomes top level), dependencies, mentions, a project's owner and members. Activity entries are
 * not checked: history about deleted tasks and people is legitimate. Returns the same object when
 * nothing was removed.
 */
export function checkReferences<C extends CollectionName>(
  collection: C,
  entity: EntityOf<C>,
  context: ReferenceContext,
): ReferenceCheck<EntityOf<C>> {
  const issues: ValidationIssue[] = [];
  const report = new IssueReporter(collection, entity.id, issues);
  let checked: EntityOf<CollectionName> | undefined;
  switch (collection) {
    case 'tasks':
      checked = checkTask(entity as Task, context, report);
      break;
    case 'messages':
      checked = checkMessage(entity as Message, context, report);
      break;
    case 'notifications':
      checked = checkNotification(entity as Notification, context, report);
      break;
    case 'projects':
      checked = checkProject(entity as Project, context, report);
      break;
    case 'reads':
      checked = checkReadMarker(entity as ReadMarker, context, report);
      break;
    case 'templates':
      checked = checkTemplate(entity as TaskTemplate, context, report);
      break;
    default:
      checked = entity;
  }
  return checked === undefined ? { issues } : { entity: checked as EntityOf<C>, issues };
}

class IssueReporter {
  constructor(
    private readonly collection: CollectionName,
    private readonly id: Id,
    private readonly issues: ValidationIssue[],
  ) {}

  /** Reports a missing essential reference; returns `undefined` so callers can `return report.skip(...)`. */
  skip(field: string, what: string, missingId: Id): undefined {
    this.add(field, `${what} "${missingId}" does not exist, so the ${entityNoun(this.collection)} was skipped`);
    return undefined;
  }

  dropped(field: string, what: string, missingId: Id, consequence: string): void {
    this.add(field, `${what} "${missingId}" does not exist; ${consequence}`);
  }

  private add(field: string, text: string): void {
    this.issues.push({
      code: 'unknown-reference',
      collection: this.collection,
      id: this.id,
      field,
      message: `${describeEntity(this.collection, this.id)}: ${text}.`,
    });
  }
}

/** Keeps the ids that exist, reporting each dropped one; returns the same array when all exist. */
function keepKnown(
  ids: readonly Id[],
  exists: (id: Id) => boolean,
  field: string,
  what: string,
  consequence: string,
  report: IssueReporter,
): readonly Id[] {
  if (ids.every(exists)) return ids;
  return ids.filter((id, index) => {
    if (exists(id)) return true;
    report.dropped(`${field}.${index}`, what, id, consequence);
    return false;
  });
}

function checkTask(task: Task, context: ReferenceContext, report: IssueReporter): Task | undefined {
  if (!context.hasProject(task.projectId)) return report.skip('projectId', 'its project', task.projectId);
  const hasPerson = (id: Id): boolean => context.hasPerson(id);
  const assigneeIds = keepKnown(task.assigneeIds, hasPerson, 'assigneeIds', 'assignee', 'the assignment was dropped', report);
  const resourceIds = keepKnown(task.resourceIds, hasPerson, 'resourceIds', 'resource', 'the booking was dropped', report);
  const followerIds = keepKnown(task.followerIds, hasPerson, 'followerIds', 'follower', 'they no longer follow it', report);
  let parentId = task.parentId;
  if (parentId !== undefined && !context.hasTask(parentId)) {
    report.dropped('parentId', 'parent task', parentId, 'the task is shown at the top level');
    parentId = undefined;
  }
  const dependencies = task.dependencies.every((dependency) => context.hasTask(dependency.predecessorId))
    ? task.dependencies
    : task.dependencies.filter((dependency, index) => {
        if (context.hasTask(dependency.predecessorId)) return true;
        report.dropped(`dependencies.${index}.predecessorId`, 'predecessor task', dependency.predecessorId, 'the dependency was dropped');
        return false;
      });
  if (
    assigneeIds === task.assigneeIds &&
    resourceIds === task.resourceIds &&
    followerIds === task.followerIds &&
    parentId === task.parentId &&
    dependencies === task.dependencies
  ) {
    return task;
  }
  const { parentId: _previousParent, ...rest } = task;
  return { ...rest, ...(parentId === undefined ? {} : { parentId }), assigneeIds, resourceIds, followerIds, dependencies };
}

function checkMessage(message: Message, context: ReferenceContext, report: IssueReporter): Message | undefined {
  if (!context.hasTask(message.taskId)) return report.skip('taskId', 'its task', message.taskId);
  if (!context.hasPerson(message.authorId)) return report.skip('authorId', 'its author', message.authorId);
  const mentions = keepKnown(
    message.mentions,
    (id) => context.hasPerson(id),
    'mentions',
    'mentioned person',
    'the mention was dropped',
    report,
  );
  return mentions === message.mentions ? message : { ...message, mentions };
}

function checkNotification(
  notification: Notification,
  context: ReferenceContext,
  report: IssueReporter,
): Notification | undefined {
  if (!context.hasPerson(notification.personId)) return report.skip('personId', 'its recipient', notification.personId);
  return notification;
}

/** A marker of a task or person that is gone means nothing. Its message is not checked: threads load lazily. */
function checkReadMarker(marker: ReadMarker, context: ReferenceContext, report: IssueReporter): ReadMarker | undefined {
  if (!context.hasPerson(marker.personId)) return report.skip('personId', 'its reader', marker.personId);
  if (!context.hasTask(marker.taskId)) return report.skip('taskId', 'its task', marker.taskId);
  return marker;
}

/**
 * A template of a project that is gone is skipped, not widened to every project: it may carry that
 * project's private names. Its author is not checked (a template outlives who wrote it).
 */
function checkTemplate(template: TaskTemplate, context: ReferenceContext, report: IssueReporter): TaskTemplate | undefined {
  if (template.projectId !== undefined && !context.hasProject(template.projectId)) return report.skip('projectId', 'its project', template.projectId);
  return template;
}

function checkProject(project: Project, context: ReferenceContext, report: IssueReporter): Project {
  const hasPerson = (id: Id): boolean => context.hasPerson(id);
  const memberIds = keepKnown(project.memberIds, hasPerson, 'memberIds', 'member', 'the membership was dropped', report);
  let ownerId = project.ownerId;
  if (ownerId !== undefined && !context.hasPerson(ownerId)) {
    report.dropped('ownerId', 'owner', ownerId, 'the project has no owner now');
    ownerId = undefined;
  }
  if (memberIds === project.memberIds && ownerId === project.ownerId) return project;
  const { ownerId: _previousOwner, ...rest } = project;
  return { ...rest, ...(ownerId === undefined ? {} : { ownerId }), memberIds };
}
