import { addDays, findStatus, weekStart, type Id, type IsoDate, type Project, type Task } from '@cwm/core';
import type { BoardFilter } from './board-config.js';
import { taskKey } from './task-key.js';

/** What a filter needs besides the task: the projects (for keys and "done"), today and the acting person. */
export interface FilterContext {
  readonly projects: { get(id: Id): Project | undefined };
  readonly today: IsoDate;
  /** The acting person, for `mine`; without one, `mine` matches nothing. */
  readonly userId?: Id;
}

/** A compiled filter: answers for one task. */
export type TaskPredicate = (task: Task) => boolean;

/** Matches every task: what an empty filter compiles to, so callers can skip the call entirely. */
export const MATCH_ALL: TaskPredicate = () => true;

/**
 * Prepares a filter once (lower-cased words, week bounds, id sets) so that testing 10,000 tasks costs
 * a few comparisons each. Every constraint narrows; an empty filter returns `MATCH_ALL`.
 */
export function compileFilter(filter: BoardFilter, context: FilterContext): TaskPredicate {
  const checks: TaskPredicate[] = [];
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  if (words.length > 0) checks.push(textCheck(words, context));
  if (filter.assigneeIds && filter.assigneeIds.length > 0) checks.push(assigneeCheck(filter.assigneeIds));
  if (filter.tags && filter.tags.length > 0) {
    const tags = new Set(filter.tags);
    checks.push((task) => task.tags.some((tag) => tags.has(tag)));
  }
  if (filter.due && filter.due !== 'any') checks.push(dueCheck(filter.due, context));
  if (filter.mine) {
    const userId = context.userId;
    checks.push((task) => userId !== undefined && (task.assigneeIds.includes(userId) || task.followerIds.includes(userId)));
  }
  if (checks.length === 0) return MATCH_ALL;
  if (checks.length === 1) return checks[0]!;
  return (task) => checks.every((check) => check(task));
}

/** Whether one task passes a filter. Compile once with `compileFilter` when testing many tasks. */
export function matchesFilter(task: Task, filter: BoardFilter, context: FilterContext): boolean {
  return compileFilter(filter, context)(task);
}

function textCheck(words: readonly string[], context: FilterContext): TaskPredicate {
  return (task) => {
    const title = task.title.toLowerCase();
    // The key and tags are lower-cased only when the title alone does not settle it.
    let key: string | undefined;
    let tags: string[] | undefined;
    return words.every((word) => {
      if (title.includes(word)) return true;
      key ??= taskKey(task, context.projects.get(task.projectId)).toLowerCase();
      if (key.includes(word)) return true;
      tags ??= task.tags.map((tag) => tag.toLowerCase());
      return tags.some((tag) => tag.includes(word));
    });
  };
}

function assigneeCheck(assigneeIds: readonly Id[]): TaskPredicate {
  const wanted = new Set(assigneeIds);
  const unassigned = wanted.has('none');
  return (task) => (unassigned && task.assigneeIds.length === 0) || task.assigneeIds.some((id) => wanted.has(id));
}

function dueCheck(due: NonNullable<BoardFilter['due']>, context: FilterContext): TaskPredicate {
  const { today } = context;
  switch (due) {
    case 'no-date':
      return (task) => task.due === undefined;
    case 'overdue':
      // ISO dates compare correctly as strings, which keeps this free of date parsing per task.
      return (task) => task.due !== undefined && task.due < today && !isDone(task, context);
    case 'this-week':
    case 'next-week': {
      const monday = addDays(weekStart(today), due === 'this-week' ? 0 : 7);
      const sunday = addDays(monday, 6);
      return (task) => task.due !== undefined && task.due >= monday && task.due <= sunday;
    }
    default:
      return MATCH_ALL;
  }
}

function isDone(task: Task, context: FilterContext): boolean {
  const project = context.projects.get(task.projectId);
  return project !== undefined && findStatus(project.workflow, task.status)?.category === 'done';
}
