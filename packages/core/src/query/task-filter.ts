// A plain, serialisable task filter shared by every widget: a dashboard tile hands one out on a
// drill-down click, and `<cwm-board>` / `<cwm-gantt>` take one as their `scope`. It lives in core so
// that widgets, which never import each other, agree on one meaning of "overdue" and "blocked": the
// count on a tile and the tasks shown after the click are the same tasks.
import { parseIsoDate } from '../dates/iso-date.js';
import type { Id, IsoDate } from '../model/common.js';
import type { StatusCategory } from '../model/project.js';
import type { Task } from '../model/task.js';
import { statusCategories, type WorkflowLookup } from '../rollup/status-category.js';

/**
 * Which tasks to show. Every field present must hold for a task to match (AND); a field left out does
 * not filter. Lists match when the task has any of the listed values (OR within a field). Plain data
 * (no functions, no dates as objects), so it can travel in an event, a URL or `postMessage`.
 */
export interface TaskFilter {
  /** The projects the tasks belong to. Always present; an empty list matches no task. */
  readonly projectIds: readonly Id[];
  /**
   * Status categories of the task's own project workflow. A task whose status its workflow does not
   * know has no category and never matches this field.
   */
  readonly statusCategories?: readonly StatusCategory[];
  /**
   * `true`: only tasks past due (a real `due` day before `today`, status not in a `done` category);
   * `false`: only tasks that are not.
   */
  readonly overdue?: boolean;
  /** Tasks whose `due` day is a real day from `from` to `to`, both included. A bound that is not a real day matches nothing. */
  readonly dueWithin?: { readonly from: IsoDate; readonly to: IsoDate };
  /** Tasks assigned to any of these people. */
  readonly assigneeIds?: readonly Id[];
  /**
   * `true`: only tasks with an open predecessor (one that exists and whose status is not in a `done`
   * category, as the board's "blocked by" badge counts it); `false`: only tasks without one.
   */
  readonly blocked?: boolean;
  /** Exactly these tasks: for numbers no other field can describe (a status, a list row, a checklist). */
  readonly taskIds?: readonly Id[];
}

/** What `matchesTaskFilter` needs besides the task: the day it is, and how to look up categories and tasks. */
export interface TaskFilterContext {
  /** The user's today, `YYYY-MM-DD`: "overdue" is relative to it. */
  readonly today: IsoDate;
  /** The status category of a task in its own project's workflow, `undefined` for an unknown status. */
  readonly categoryOf: (task: Task) => StatusCategory | undefined;
  /** Any task by id, predecessors in other projects included (a store `Table#get` fits). */
  readonly taskById: (id: Id) => Task | undefined;
}

/**
 * A `TaskFilterContext` over a list of tasks (all of them, not only the filtered projects', so a
 * predecessor in another project is found). Copies the tasks into a map: with a store at hand,
 * build the context from its `Table#get` instead.
 */
export function createTaskFilterContext(tasks: Iterable<Task>, workflowOf: WorkflowLookup, today: IsoDate): TaskFilterContext {
  const byId = new Map<Id, Task>();
  for (const task of tasks) byId.set(task.id, task);
  return { today, categoryOf: statusCategories(workflowOf), taskById: (id) => byId.get(id) };
}

/**
 * True when the task is past due on `today`: its `due` is a real day before `today` (the due day
 * itself is still on time) and its status is not in a `done` category. A `due` that is missing or
 * not a real day is never overdue. Throws a `RangeError` when `today` is not a real day.
 */
export function isOverdue(task: Task, today: IsoDate, categoryOf: (task: Task) => StatusCategory | undefined): boolean {
  const due = parseIsoDate(task.due);
  if (due === undefined) return false;
  return due < todayDay(today) && categoryOf(task) !== 'done';
}

/** Ids of the task's predecessors that exist and are not done, each once, in dependency order. */
export function openPredecessorIds(task: Task, context: Pick<TaskFilterContext, 'categoryOf' | 'taskById'>): Id[] {
  const open: Id[] = [];
  for (const { predecessorId } of task.dependencies) {
    if (open.includes(predecessorId)) continue;
    const predecessor = context.taskById(predecessorId);
    if (predecessor !== undefined && context.categoryOf(predecessor) !== 'done') open.push(predecessorId);
  }
  return open;
}

/**
 * True when the task has at least one open predecessor; see `openPredecessorIds`. A predecessor that
 * does not exist (deleted, never loaded) does not block.
 */
export function isBlocked(task: Task, context: Pick<TaskFilterContext, 'categoryOf' | 'taskById'>): boolean {
  for (const { predecessorId } of task.dependencies) {
    const predecessor = context.taskById(predecessorId);
    if (predecessor !== undefined && context.categoryOf(predecessor) !== 'done') return true;
  }
  return false;
}

/**
 * True when `task` passes every field of `filter` (see `TaskFilter` for what each field means).
 * Note that `blocked` depends on other tasks: a predecessor changing status can move a task in or out.
 */
export function matchesTaskFilter(task: Task, filter: TaskFilter, context: TaskFilterContext): boolean {
  if (!filter.projectIds.includes(task.projectId)) return false;
  if (filter.taskIds !== undefined && !filter.taskIds.includes(task.id)) return false;
  if (filter.statusCategories !== undefined) {
    const category = context.categoryOf(task);
    if (category === undefined || !filter.statusCategories.includes(category)) return false;
  }
  if (filter.assigneeIds !== undefined && !task.assigneeIds.some((id) => filter.assigneeIds!.includes(id))) return false;
  if (filter.dueWithin !== undefined && !isDueWithin(task, filter.dueWithin)) return false;
  if (filter.overdue !== undefined && isOverdue(task, context.today, context.categoryOf) !== filter.overdue) return false;
  if (filter.blocked !== undefined && isBlocked(task, context) !== filter.blocked) return false;
  return true;
}

/**
 * Whether a filter's answer for a task can change when only OTHER tasks change: true for `blocked`
 * (it reads the predecessors). Incremental views use it to know when re-testing the changed tasks
 * alone is not enough.
 */
export function dependsOnOtherTasks(filter: TaskFilter): boolean {
  return filter.blocked !== undefined;
}

function isDueWithin(task: Task, window: { readonly from: IsoDate; readonly to: IsoDate }): boolean {
  const due = parseIsoDate(task.due);
  const from = parseIsoDate(window.from);
  const to = parseIsoDate(window.to);
  if (due === undefined || from === undefined || to === undefined) return false;
  return due >= from && due <= to;
}

// Every task asks for the same `today`: parse it once, not once per task.
let lastToday: { text: IsoDate; day: number } | undefined;

function todayDay(today: IsoDate): number {
  if (lastToday?.text !== today) {
    const day = parseIsoDate(today);
    if (day === undefined) throw new RangeError(`"${today}" is not a real calendar day in YYYY-MM-DD form.`);
    lastToday = { text: today, day };
  }
  return lastToday.day;
}
