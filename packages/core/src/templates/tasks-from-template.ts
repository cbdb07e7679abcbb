import { addDays } from '../dates/iso-date.js';
import type { Id, IsoDate, IsoDateTime } from '../model/common.js';
import { taskDefaults, type Task } from '../model/task.js';
import type { TemplateTask } from '../model/template.js';
import { rankBetween } from '../workflow/rank.js';

/** Where and how the tasks made from a template land. */
export interface TemplatePlacement {
  readonly projectId: Id;
  /** Put the new tree under this task; absent: the root is a top-level task. */
  readonly parentId?: Id;
  /** The day the template's anchor falls on (the root's start, usually). Absent: the tasks get no dates. */
  readonly start?: IsoDate;
  /** Every new task's status. */
  readonly status: string;
  /** The rank the new tasks follow (the last of their column and siblings); absent: they start the order. */
  readonly afterRank?: string;
  readonly createdBy: Id;
  readonly at: IsoDateTime;
  /** Fresh ids: `newId('t')` for tasks, `newId('ci')` for checklist items. */
  readonly newId: (prefix: string) => string;
}

/** How many tasks a template makes: its root and every subtask. */
export function countTemplateTasks(template: TemplateTask): number {
  let count = 0;
  const stack: TemplateTask[] = [template];
  while (stack.length > 0) {
    const node = stack.pop()!;
    count++;
    stack.push(...node.subtasks);
  }
  return count;
}

/**
 * `count` increasing ranks after `before`, by halving the open range: their length grows with the log
 * of `count` (a 200-task template gets short ranks, not ever longer ones from stepping one by one).
 */
function ranksAfter(before: string | undefined, count: number): string[] {
  const ranks: string[] = [];
  const fill = (low: string | undefined, high: string | undefined, amount: number): void => {
    if (amount === 0) return;
    const middle = rankBetween(low, high);
    const left = Math.floor((amount - 1) / 2);
    fill(low, middle, left);
    ranks.push(middle);
    fill(middle, high, amount - 1 - left);
  };
  fill(before, undefined, count);
  return ranks;
}

function datesOf(node: TemplateTask, start: IsoDate | undefined): Pick<Task, 'start' | 'due'> {
  if (start === undefined) return {};
  if (node.startOffsetDays !== undefined) {
    const begins = addDays(start, node.startOffsetDays);
    return { start: begins, ...(node.durationDays === undefined ? {} : { due: addDays(begins, node.durationDays - 1) }) };
  }
  return node.dueOffsetDays === undefined ? {} : { due: addDays(start, node.dueOffsetDays) };
}

/**
 * The tasks a template makes, parents before their subtasks (the order to create them in): fresh ids,
 * checklists unticked, dates laid out from `placement.start`, everything in one status. Ranks follow
 * `afterRank` one after another in tree order, so siblings keep the template's order and the new tree
 * sits together at the end of its column. Pure; the store checks permissions and limits.
 */
export function tasksFromTemplate(template: TemplateTask, placement: TemplatePlacement): Task[] {
  const tasks: Task[] = [];
  const ranks = ranksAfter(placement.afterRank, countTemplateTasks(template));
  const visit = (node: TemplateTask, parentId: Id | undefined): void => {
    const rank = ranks[tasks.length]!;
    const task: Task = {
      ...taskDefaults(),
      id: placement.newId('t'),
      version: 0,
      createdAt: placement.at,
      updatedAt: placement.at,
      createdBy: placement.createdBy,
      projectId: placement.projectId,
      ...(parentId === undefined ? {} : { parentId }),
      title: node.title,
      ...(node.description === undefined ? {} : { description: node.description }),
      status: placement.status,
      rank,
      priority: node.priority,
      tags: [...node.tags],
      ...(node.estimate === undefined ? {} : { estimate: node.estimate }),
      ...(node.milestone === undefined ? {} : { milestone: node.milestone }),
      ...datesOf(node, placement.start),
      checklist: node.checklist.map((text) => ({ id: placement.newId('ci'), text, done: false })),
    };
    tasks.push(task);
    for (const child of node.subtasks) visit(child, task.id);
  };
  visit(template, placement.parentId);
  return tasks;
}
