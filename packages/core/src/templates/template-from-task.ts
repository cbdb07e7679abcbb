import { daysBetween } from '../dates/iso-date.js';
import type { Id, IsoDate, IsoDateTime } from '../model/common.js';
import type { Task } from '../model/task.js';
import type { TaskTemplate, TemplateTask } from '../model/template.js';
import { childrenByParent } from '../hierarchy/task-children.js';

/** What a new template is besides its tree. */
export interface TemplateIdentity {
  readonly id: Id;
  readonly name: string;
  readonly createdBy: Id;
  /** When it is made: its `createdAt` and `updatedAt`. */
  readonly at: IsoDateTime;
  /** Keep it for this project only; absent: offered everywhere. */
  readonly projectId?: Id;
}

/** The earliest day anywhere in the tree, the anchor when the root itself has no start. */
function earliestDay(root: Task, children: ReadonlyMap<Id, readonly Task[]>): IsoDate | undefined {
  let earliest: IsoDate | undefined;
  const seen = new Set<Id>();
  const stack = [root];
  while (stack.length > 0) {
    const task = stack.pop()!;
    if (seen.has(task.id)) continue;
    seen.add(task.id);
    // ISO days compare as strings.
    for (const day of [task.start, task.due]) if (day !== undefined && (earliest === undefined || day < earliest)) earliest = day;
    stack.push(...(children.get(task.id) ?? []));
  }
  return earliest;
}

/** A task's dates as day counts from `anchor`, in the fields `TemplateTask` documents. */
function relativeDates(task: Task, anchor: IsoDate | undefined): Partial<TemplateTask> {
  if (anchor === undefined) return {};
  if (task.start !== undefined) {
    return {
      startOffsetDays: daysBetween(anchor, task.start),
      ...(task.due === undefined ? {} : { durationDays: daysBetween(task.start, task.due) + 1 }),
    };
  }
  return task.due === undefined ? {} : { dueOffsetDays: daysBetween(anchor, task.due) };
}

function templateTask(task: Task, children: ReadonlyMap<Id, readonly Task[]>, anchor: IsoDate | undefined, path: Set<Id>): TemplateTask {
  // A parent loop in bad data must not recurse forever: a task already on the path is not entered again.
  path.add(task.id);
  const subtasks = (children.get(task.id) ?? []).filter((child) => !path.has(child.id)).map((child) => templateTask(child, children, anchor, path));
  path.delete(task.id);
  return {
    title: task.title,
    ...(task.description === undefined ? {} : { description: task.description }),
    priority: task.priority,
    tags: [...task.tags],
    ...(task.estimate === undefined ? {} : { estimate: task.estimate }),
    checklist: task.checklist.map((item) => item.text),
    ...(task.milestone === undefined ? {} : { milestone: task.milestone }),
    ...relativeDates(task, anchor),
    subtasks,
  };
}

/**
 * A template of the task `rootId` with all its subtasks (in sibling order: rank, then id) and their
 * checklists, dates turned into day counts from the root's start (else from the earliest date in the
 * tree). `undefined` when there is no such task. The result is not validated: a tree deeper or larger
 * than a template may be is refused when it is saved (`validateEntity('templates', ...)`).
 */
export function templateFromTask(tasks: Iterable<Task>, rootId: Id, identity: TemplateIdentity): TaskTemplate | undefined {
  const all = [...tasks];
  const root = all.find((task) => task.id === rootId);
  if (root === undefined) return undefined;
  const children = childrenByParent(all);
  const anchor = root.start ?? earliestDay(root, children);
  const tree = templateTask(root, children, anchor, new Set());
  return {
    ...tree,
    id: identity.id,
    version: 0,
    createdAt: identity.at,
    updatedAt: identity.at,
    name: identity.name,
    createdBy: identity.createdBy,
    ...(identity.projectId === undefined ? {} : { projectId: identity.projectId }),
  };
}
