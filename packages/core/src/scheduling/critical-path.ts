import { formatIsoDate, parseIsoDate, type DayNumber } from '../dates/iso-date.js';
import { calendarIndex } from '../dates/work-calendar.js';
import { topologicalOrder } from '../graph/topological-order.js';
import type { Id, IsoDate } from '../model/common.js';
import type { DependencyType, Task } from '../model/task.js';
import { DEFAULT_CALENDAR, type WorkCalendar } from '../model/workspace.js';
import { findDependencyCycles } from '../validation/cycles.js';
import type { ValidationIssue } from '../validation/issue.js';
import { CALENDAR_DAY_TIMELINE, workingDayTimeline, type Timeline } from './timeline.js';

/** How to count time in a schedule. */
export interface CriticalPathOptions {
  /** Used when `useWorkingDays` is on. Defaults to Monday to Friday without holidays. */
  readonly calendar?: WorkCalendar;
  /** Count durations, lags and slack in working days (weekends and holidays take no time). Default: calendar days. */
  readonly useWorkingDays?: boolean;
}

/**
 * The schedule of one task. Dates follow the task fields' convention: `earlyStart` is the first day
 * of work, `earlyFinish` the last one (inclusive, like `due`). A zero-length task (a milestone) starts
 * and finishes on its own day.
 */
export interface ScheduledTask {
  readonly earlyStart: IsoDate;
  readonly earlyFinish: IsoDate;
  readonly lateStart: IsoDate;
  readonly lateFinish: IsoDate;
  /** Days of work (working days with `useWorkingDays`); 0 for milestones. */
  readonly duration: number;
  /** How many days the task can slip without moving the project's finish. */
  readonly totalSlack: number;
  /** How many days the task can slip without moving any successor (or the project's finish). */
  readonly freeSlack: number;
  /** `totalSlack <= 0`: any slip moves the finish. */
  readonly critical: boolean;
}

export interface CriticalPathResult {
  readonly byId: Map<Id, ScheduledTask>;
  /** Tasks with no slack, predecessors before successors. */
  readonly criticalIds: Id[];
  /** First day of work of any scheduled task; absent when nothing is scheduled. */
  readonly projectStart?: IsoDate;
  /** Last day of work of any scheduled task (inclusive). */
  readonly projectFinish?: IsoDate;
  /** Tasks left out for lack of dates (both `start` and `due`; a milestone needs one of them). */
  readonly unscheduled: Id[];
  /** Parent tasks left out because their subtasks carry the schedule. */
  readonly summaries: Id[];
  /** Dependency loops found; the dependency that closed each was ignored. */
  readonly issues: ValidationIssue[];
}

interface Link {
  /** Position of the other task in the schedule arrays. */
  readonly other: number;
  readonly type: DependencyType;
  readonly lag: number;
}

/**
 * Forward and backward pass (critical path method) over tasks with dates.
 *
 * Day conventions: a task from `start` to `due` (inclusive) occupies the half-open span
 * `[start of start, end of due)`, so its duration is `due - start + 1` days and a finish-to-start
 * successor with lag 0 may begin the day after `due`. A milestone is a point at the END of its day
 * (`due`, else `start`): finish-to-start successors may begin the next day. Constraints, with early
 * start ES and exclusive early finish EF:
 *   FS: succ.ES >= pred.EF + lag    SS: succ.ES >= pred.ES + lag
 *   FF: succ.EF >= pred.EF + lag    SF: succ.EF >= pred.ES + lag
 * and a task's own planned start acts as "start no earlier than". Lags are rounded to whole days.
 *
 * Left out: tasks without dates (`unscheduled`), parents with subtasks (`summaries`), and
 * dependencies to or from either of them (put dependencies on subtasks). A dependency that closes a
 * loop is ignored and reported in `issues`; the rest is still scheduled. Runs in linear time.
 */
export function computeCriticalPath(tasks: readonly Task[], options: CriticalPathOptions = {}): CriticalPathResult {
  const timeline: Timeline = options.useWorkingDays
    ? workingDayTimeline(calendarIndex(options.calendar ?? DEFAULT_CALENDAR))
    : CALENDAR_DAY_TIMELINE;

  const ids = new Set(tasks.map((task) => task.id));
  const parentIds = new Set<Id>();
  for (const task of tasks) if (task.parentId !== undefined && ids.has(task.parentId)) parentIds.add(task.parentId);

  const summaries: Id[] = [];
  const unscheduled: Id[] = [];
  const candidates: Task[] = [];
  for (const task of tasks) {
    if (parentIds.has(task.id)) summaries.push(task.id);
    else if (plannedSpan(task) === undefined) unscheduled.push(task.id);
    else candidates.push(task);
  }
  const candidateIds = new Set(candidates.map((task) => task.id));
  const withInnerLinks = candidates.map((task) =>
    task.dependencies.every((dependency) => candidateIds.has(dependency.predecessorId))
      ? task
      : { ...task, dependencies: task.dependencies.filter((dependency) => candidateIds.has(dependency.predecessorId)) },
  );
  // Loops are rare: order first, and only cut loops (then order again) when there are some.
  let acyclic = withInnerLinks;
  let issues: ValidationIssue[] = [];
  let order = topologicalOrder(acyclic).order;
  if (order.length < acyclic.length) {
    ({ tasks: acyclic, issues } = findDependencyCycles(acyclic));
    order = topologicalOrder(acyclic).order;
  }

  // Schedule arrays are indexed by position in topological order.
  const count = order.length;
  const byOrder = new Map<Id, number>();
  order.forEach((id, position) => byOrder.set(id, position));
  const taskAt: Task[] = new Array(count);
  for (const task of acyclic) taskAt[byOrder.get(task.id)!] = task;

  const duration = new Float64Array(count);
  const planned = new Float64Array(count);
  const predecessors: Link[][] = [];
  const successors: Link[][] = Array.from({ length: count }, () => []);
  for (let position = 0; position < count; position++) {
    const task = taskAt[position]!;
    const span = plannedSpan(task)!;
    if (span.milestone) {
      planned[position] = timeline.endOf(span.due);
      duration[position] = 0;
    } else {
      planned[position] = timeline.startOf(span.start);
      duration[position] = Math.max(0, timeline.endOf(span.due) - planned[position]!);
    }
    const incoming: Link[] = [];
    for (const dependency of task.dependencies) {
      const predecessor = byOrder.get(dependency.predecessorId)!;
      const lag = Math.round(dependency.lag);
      incoming.push({ other: predecessor, type: dependency.type, lag });
      successors[predecessor]!.push({ other: position, type: dependency.type, lag });
    }
    predecessors.push(incoming);
  }

  const earlyStart = new Float64Array(count);
  const earlyFinish = new Float64Array(count);
  let projectEnd = -Infinity;
  for (let position = 0; position < count; position++) {
    const length = duration[position]!;
    let start = planned[position]!;
    for (const { other, type, lag } of predecessors[position]!) {
      start = Math.max(start, earliestStart(type, lag, earlyStart[other]!, earlyFinish[other]!, length));
    }
    earlyStart[position] = start;
    earlyFinish[position] = start + length;
    projectEnd = Math.max(projectEnd, start + length);
  }

  const lateStart = new Float64Array(count);
  const lateFinish = new Float64Array(count);
  const freeSlack = new Float64Array(count);
  for (let position = count - 1; position >= 0; position--) {
    const length = duration[position]!;
    let finish = projectEnd;
    let free = projectEnd - earlyFinish[position]!;
    for (const { other, type, lag } of successors[position]!) {
      finish = Math.min(finish, latestFinish(type, lag, lateStart[other]!, lateFinish[other]!, length));
      free = Math.min(free, slackBefore(type, lag, position, other, earlyStart, earlyFinish));
    }
    lateFinish[position] = finish;
    lateStart[position] = finish - length;
    freeSlack[position] = free;
  }

  const byId = new Map<Id, ScheduledTask>();
  const criticalIds: Id[] = [];
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let position = 0; position < count; position++) {
    const length = duration[position]!;
    const totalSlack = lateStart[position]! - earlyStart[position]!;
    const early = reportedDays(timeline, earlyStart[position]!, earlyFinish[position]!, length);
    const late = reportedDays(timeline, lateStart[position]!, lateFinish[position]!, length);
    const critical = totalSlack <= 0;
    byId.set(order[position]!, {
      earlyStart: formatIsoDate(early.start),
      earlyFinish: formatIsoDate(early.finish),
      lateStart: formatIsoDate(late.start),
      lateFinish: formatIsoDate(late.finish),
      duration: length,
      totalSlack,
      freeSlack: freeSlack[position]!,
      critical,
    });
    if (critical) criticalIds.push(order[position]!);
    firstDay = Math.min(firstDay, early.start);
    lastDay = Math.max(lastDay, early.finish);
  }

  return {
    byId,
    criticalIds,
    ...(count > 0 ? { projectStart: formatIsoDate(firstDay), projectFinish: formatIsoDate(lastDay) } : {}),
    unscheduled,
    summaries,
    issues,
  };
}

/** The days a task is planned on, or `undefined` when it cannot be scheduled. */
function plannedSpan(task: Task): { start: DayNumber; due: DayNumber; milestone: boolean } | undefined {
  const start = task.start === undefined ? undefined : parseIsoDate(task.start);
  const due = task.due === undefined ? undefined : parseIsoDate(task.due);
  if (task.milestone) {
    const day = due ?? start;
    return day === undefined ? undefined : { start: day, due: day, milestone: true };
  }
  if (start === undefined || due === undefined || due < start) return undefined;
  return { start, due, milestone: false };
}

/**
 * Earliest start a dependency allows its successor (of `length` days), given the predecessor's start
 * and finish as day numbers, finish exclusive (the day after the last day of work). The one definition
 * of what FS, SS, FF and SF with lag mean: the critical path and the Gantt's scheduling rules share it.
 */
export function earliestStart(type: DependencyType, lag: number, start: number, finish: number, length: number): number {
  switch (type) {
    case 'FS':
      return finish + lag;
    case 'SS':
      return start + lag;
    case 'FF':
      return finish + lag - length;
    case 'SF':
      return start + lag - length;
  }
}

/** Latest finish a dependency allows the predecessor (of `length`), given the successor's late dates. */
function latestFinish(type: DependencyType, lag: number, start: number, finish: number, length: number): number {
  switch (type) {
    case 'FS':
      return start - lag;
    case 'SS':
      return start - lag + length;
    case 'FF':
      return finish - lag;
    case 'SF':
      return finish - lag + length;
  }
}

/** Room between the predecessor's early dates and what its successor's early dates require. */
function slackBefore(
  type: DependencyType,
  lag: number,
  predecessor: number,
  successor: number,
  earlyStart: Float64Array,
  earlyFinish: Float64Array,
): number {
  switch (type) {
    case 'FS':
      return earlyStart[successor]! - lag - earlyFinish[predecessor]!;
    case 'SS':
      return earlyStart[successor]! - lag - earlyStart[predecessor]!;
    case 'FF':
      return earlyFinish[successor]! - lag - earlyFinish[predecessor]!;
    case 'SF':
      return earlyFinish[successor]! - lag - earlyStart[predecessor]!;
  }
}

/** First and last day (inclusive) of a span on the timeline; a zero-length span sits on the day it ends. */
function reportedDays(timeline: Timeline, start: number, finish: number, length: number): { start: DayNumber; finish: DayNumber } {
  const last = timeline.dayEndingAt(finish);
  return { start: length === 0 ? last : timeline.dayStartingAt(start), finish: last };
}
