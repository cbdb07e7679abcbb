import { formatIsoDate, parseIsoDate, toDayNumber, type DayNumber } from '../dates/iso-date.js';
import { isoWeekKeyOfDay, weekStartDay } from '../dates/iso-week.js';
import { calendarIndex, type CalendarIndex } from '../dates/work-calendar.js';
import type { Id, IsoDate } from '../model/common.js';
import type { Person } from '../model/person.js';
import type { Task } from '../model/task.js';
import { DEFAULT_CALENDAR, type WorkCalendar } from '../model/workspace.js';
import { buildHierarchy } from '../rollup/hierarchy.js';
import { statusCategories, type WorkflowLookup } from '../rollup/status-category.js';

export interface WorkloadOptions {
  /** Any day of the first week shown; the window starts on that week's Monday. */
  readonly from: IsoDate;
  /** How many ISO weeks to cover. */
  readonly weeks: number;
  /** Working days and holidays; defaults to Monday to Friday. */
  readonly calendar?: WorkCalendar;
  /** Finds each project's workflow, to leave done tasks out. */
  readonly workflowOf: WorkflowLookup;
}

/** One ISO week of the window. */
export interface WorkloadWeek {
  /** `2026-W48`. */
  readonly key: string;
  /** Monday. */
  readonly start: IsoDate;
  /** Sunday. */
  readonly end: IsoDate;
  /** Working days in the week after holidays. */
  readonly workingDays: number;
}

/** One person in one week. */
export interface WorkloadCell {
  /** Hours of open work planned for the person in the week. */
  readonly allocated: number;
  /** Hours the person can take that week: weekly capacity, reduced in proportion to holidays. */
  readonly capacity: number;
  readonly overAllocated: boolean;
  /** The tasks behind `allocated`, for drill-down. */
  readonly taskIds: readonly Id[];
}

/** One person over the window. */
export interface WorkloadRow {
  readonly personId: Id;
  /** One cell per week, in week order. */
  readonly cells: readonly WorkloadCell[];
  readonly allocated: number;
  readonly capacity: number;
  readonly overAllocatedWeeks: number;
}

/** Everyone in one week. */
export interface WorkloadTeamWeek {
  readonly allocated: number;
  readonly capacity: number;
  /** People over their capacity that week. */
  readonly overAllocatedPeople: number;
}

/** Open work with people on it that cannot be placed in time. */
export interface UnplannedTask {
  readonly taskId: Id;
  /** The known people assigned. */
  readonly assigneeIds: readonly Id[];
  /** What is missing: valid `start` and `due` dates, or an estimate. Dates are checked first. */
  readonly reason: 'no-dates' | 'no-estimate';
}

export interface WorkloadReport {
  readonly weeks: readonly WorkloadWeek[];
  /** One row per person, in the order given. */
  readonly rows: readonly WorkloadRow[];
  readonly byPerson: ReadonlyMap<Id, WorkloadRow>;
  /** Team totals, one per week. */
  readonly team: readonly WorkloadTeamWeek[];
  readonly unplanned: readonly UnplannedTask[];
}

/** Allocations below this many hours over capacity are rounding noise, not over-allocation. */
const TOLERANCE = 1e-9;

/**
 * Hours of open work per person per ISO week. Each open leaf task's remaining work,
 * `estimate * (1 - progress / 100)`, is spread evenly over its working days from `start` to `due`
 * (over its calendar days when the span has no working day at all) and split evenly among its
 * assignees that are in `people`. Left out: tasks whose status is in a `done` category, parents with
 * subtasks (their subtasks count), and assignees not in `people`. Open tasks with assignees but
 * without both dates or without an estimate are listed in `unplanned`. Only `assigneeIds` count, not
 * `resourceIds`. Throws a `RangeError` when `options.from` is not a real `YYYY-MM-DD` day.
 */
export function computeWorkload(tasks: readonly Task[], people: readonly Person[], options: WorkloadOptions): WorkloadReport {
  const calendar = calendarIndex(options.calendar ?? DEFAULT_CALENDAR);
  const weekCount = Math.max(0, Math.floor(options.weeks));
  const windowStart = weekStartDay(toDayNumber(options.from));
  const windowEnd = windowStart + weekCount * 7 - 1;
  const weeks = describeWeeks(calendar, windowStart, weekCount);

  const rowOf = new Map<Id, number>();
  people.forEach((person, row) => {
    if (!rowOf.has(person.id)) rowOf.set(person.id, row);
  });
  const allocated = new Float64Array(people.length * weekCount);
  const taskIds: Id[][] = Array.from({ length: people.length * weekCount }, () => []);
  const unplanned: UnplannedTask[] = [];

  const categoryOf = statusCategories(options.workflowOf);
  const { children } = buildHierarchy(tasks);
  for (const task of tasks) {
    if (children.has(task.id) || categoryOf(task) === 'done') continue;
    const rows = [...new Set(task.assigneeIds)].filter((id) => rowOf.has(id));
    if (rows.length === 0) continue;
    // Unvalidated input may carry broken or reversed dates: such a task cannot be placed either.
    const start = task.start === undefined ? undefined : parseIsoDate(task.start);
    const due = task.due === undefined ? undefined : parseIsoDate(task.due);
    if (start === undefined || due === undefined || due < start) {
      unplanned.push({ taskId: task.id, assigneeIds: rows, reason: 'no-dates' });
      continue;
    }
    if (task.estimate === undefined) {
      unplanned.push({ taskId: task.id, assigneeIds: rows, reason: 'no-estimate' });
      continue;
    }
    const remaining = task.estimate * (1 - Math.min(100, Math.max(0, task.progress)) / 100);
    const first = Math.max(start, windowStart);
    const last = Math.min(due, windowEnd);
    if (remaining <= 0 || first > last) continue;

    // Days of the task that carry work: working days, or every day when the span has none.
    const useWorkingDays = calendar.countBetween(start, due) > 0;
    const daysIn = (from: DayNumber, to: DayNumber): number =>
      useWorkingDays ? calendar.countBetween(from, to) : to - from + 1;
    const perDayPerPerson = remaining / daysIn(start, due) / rows.length;

    for (let week = Math.floor((first - windowStart) / 7); week * 7 + windowStart <= last; week++) {
      const weekStart = windowStart + week * 7;
      const days = daysIn(Math.max(first, weekStart), Math.min(last, weekStart + 6));
      if (days === 0) continue;
      for (const personId of rows) {
        const cell = rowOf.get(personId)! * weekCount + week;
        allocated[cell]! += perDayPerPerson * days;
        taskIds[cell]!.push(task.id);
      }
    }
  }

  return assembleReport(people, weeks, calendar.workingDaysPerWeek, allocated, taskIds, unplanned);
}

function describeWeeks(calendar: CalendarIndex, windowStart: DayNumber, weekCount: number): WorkloadWeek[] {
  return Array.from({ length: weekCount }, (_, week) => {
    const start = windowStart + week * 7;
    return {
      key: isoWeekKeyOfDay(start),
      start: formatIsoDate(start),
      end: formatIsoDate(start + 6),
      workingDays: calendar.countBetween(start, start + 6),
    };
  });
}

function assembleReport(
  people: readonly Person[],
  weeks: readonly WorkloadWeek[],
  normalWorkingDays: number,
  allocated: Float64Array,
  taskIds: Id[][],
  unplanned: UnplannedTask[],
): WorkloadReport {
  const weekCount = weeks.length;
  const teamAllocated = new Float64Array(weekCount);
  const teamCapacity = new Float64Array(weekCount);
  const teamOver = new Int32Array(weekCount);
  const byPerson = new Map<Id, WorkloadRow>();
  const rows = people.map((person, row) => {
    // A repeated person shares the first row's cells, so their work is not split across two rows.
    const source = byPerson.get(person.id);
    if (source !== undefined) return source;
    let rowAllocated = 0;
    let rowCapacity = 0;
    let overWeeks = 0;
    const cells = weeks.map((week, index): WorkloadCell => {
      const cell = row * weekCount + index;
      const hours = allocated[cell]!;
      const capacity = normalWorkingDays > 0 ? (person.capacity * week.workingDays) / normalWorkingDays : 0;
      const overAllocated = hours > capacity + TOLERANCE;
      rowAllocated += hours;
      rowCapacity += capacity;
      teamAllocated[index]! += hours;
      teamCapacity[index]! += capacity;
      if (overAllocated) {
        overWeeks++;
        teamOver[index]!++;
      }
      return { allocated: hours, capacity, overAllocated, taskIds: taskIds[cell]! };
    });
    const result: WorkloadRow = {
      personId: person.id,
      cells,
      allocated: rowAllocated,
      capacity: rowCapacity,
      overAllocatedWeeks: overWeeks,
    };
    byPerson.set(person.id, result);
    return result;
  });
  const team = weeks.map((_, index) => ({
    allocated: teamAllocated[index]!,
    capacity: teamCapacity[index]!,
    overAllocatedPeople: teamOver[index]!,
  }));
  return { weeks, rows, byPerson, team, unplanned };
}
