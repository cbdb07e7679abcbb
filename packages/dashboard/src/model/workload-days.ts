// People x days: the workload grid's day granularity. Core's `computeWorkload` answers per ISO week
// only; the days here are derived from its weekly report with the same spreading rule, so the days of
// a week always add up to that week's figure (and the tests check that they do).
import {
  calendarIndex,
  computeWorkload,
  DEFAULT_CALENDAR,
  formatIsoDate,
  isoWeekKeyOfDay,
  parseIsoDate,
  toDayNumber,
  weekStartDay,
  type CalendarIndex,
  type Id,
  type IsoDate,
  type Person,
  type Task,
  type UnplannedTask,
  type WorkloadCell,
  type WorkloadOptions,
  type WorkloadTeamWeek,
} from '@cwm/core';

/** One day of the window. */
export interface WorkloadDay {
  /** The day itself, `YYYY-MM-DD`: also the column's key. */
  readonly key: IsoDate;
  /** The ISO week the day belongs to, `2026-W48`. */
  readonly week: string;
  /** Whether the calendar works that day (not a weekend or holiday): capacity is 0 otherwise. */
  readonly working: boolean;
}

/** One person on one day, with each task's part of it. */
export interface DailyWorkloadCell extends WorkloadCell {
  /** Hours of each task of `taskIds`, in the same order; they add up to `allocated`. */
  readonly taskHours: readonly number[];
}

/** One person over the days. */
export interface DailyWorkloadRow {
  readonly personId: Id;
  readonly cells: readonly DailyWorkloadCell[];
  readonly allocated: number;
  readonly capacity: number;
}

/** The day-granularity counterpart of core's `WorkloadReport`. */
export interface DailyWorkloadReport {
  readonly days: readonly WorkloadDay[];
  /** One row per person, in the order given (a repeated person shares the first row). */
  readonly rows: readonly DailyWorkloadRow[];
  readonly byPerson: ReadonlyMap<Id, DailyWorkloadRow>;
  /** Team totals, one per day; `overAllocatedPeople` counts the people over their capacity that day. */
  readonly team: readonly WorkloadTeamWeek[];
  readonly unplanned: readonly UnplannedTask[];
}

/** What `computeDailyWorkload` needs: core's workload options with a day count instead of weeks. */
export interface DailyWorkloadOptions extends Omit<WorkloadOptions, 'weeks'> {
  /** How many days to cover, from the Monday of the week of `from`. */
  readonly days: number;
}

/** Allocations below this many hours over capacity are rounding noise (as in core). */
const TOLERANCE = 1e-9;

/**
 * Hours of open work per person per day, from the Monday of `options.from`'s week for `options.days`
 * days. Which tasks count (open leaves with dates, an estimate and an assignee among `people`) is
 * core's decision: this asks `computeWorkload` for the weeks covering the days and spreads each task
 * of each week cell onto its days by core's rule: the remaining estimate evenly over the task's working
 * days (over its calendar days when the span has no working day), split evenly among its assignees
 * in `people`. A day's capacity is the weekly capacity over the calendar's working weekdays, 0 on
 * days off, so a week's days add up to the week's capacity too.
 */
export function computeDailyWorkload(tasks: readonly Task[], people: readonly Person[], options: DailyWorkloadOptions): DailyWorkloadReport {
  const dayCount = Math.max(0, Math.floor(options.days));
  const { days: _days, ...weekOptions } = options;
  const weekly = computeWorkload(tasks, people, { ...weekOptions, weeks: Math.ceil(dayCount / 7) });
  const calendar = calendarIndex(options.calendar ?? DEFAULT_CALENDAR);
  const windowStart = weekStartDay(toDayNumber(options.from));
  const days: WorkloadDay[] = Array.from({ length: dayCount }, (_, offset) => {
    const day = windowStart + offset;
    return { key: formatIsoDate(day), week: isoWeekKeyOfDay(day), working: calendar.isWorkingDay(day) };
  });

  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const inScope = new Set(people.map((person) => person.id));
  const capacityOf = new Map(people.map((person) => [person.id, person.capacity]));
  const teamAllocated = new Float64Array(dayCount);
  const teamCapacity = new Float64Array(dayCount);
  const teamOver = new Int32Array(dayCount);
  const byPerson = new Map<Id, DailyWorkloadRow>();

  const rows = weekly.rows.map((weekRow) => {
    const known = byPerson.get(weekRow.personId);
    if (known !== undefined) return known;
    const ids: Id[][] = Array.from({ length: dayCount }, () => []);
    const hours: number[][] = Array.from({ length: dayCount }, () => []);
    weekRow.cells.forEach((weekCell, week) => {
      for (const taskId of weekCell.taskIds) {
        const task = taskById.get(taskId);
        if (task === undefined) continue;
        const share = dailyShare(task, inScope, calendar);
        for (let offset = week * 7; offset < Math.min(dayCount, week * 7 + 7); offset++) {
          const value = share(windowStart + offset);
          if (value <= 0) continue;
          ids[offset]!.push(taskId);
          hours[offset]!.push(value);
        }
      }
    });
    const perDay = calendar.workingDaysPerWeek > 0 ? (capacityOf.get(weekRow.personId) ?? 0) / calendar.workingDaysPerWeek : 0;
    let rowAllocated = 0;
    let rowCapacity = 0;
    const cells = days.map((day, index): DailyWorkloadCell => {
      const allocated = hours[index]!.reduce((sum, value) => sum + value, 0);
      const capacity = day.working ? perDay : 0;
      const overAllocated = allocated > capacity + TOLERANCE;
      rowAllocated += allocated;
      rowCapacity += capacity;
      teamAllocated[index]! += allocated;
      teamCapacity[index]! += capacity;
      if (overAllocated) teamOver[index]!++;
      return { allocated, capacity, overAllocated, taskIds: ids[index]!, taskHours: hours[index]! };
    });
    const row: DailyWorkloadRow = { personId: weekRow.personId, cells, allocated: rowAllocated, capacity: rowCapacity };
    byPerson.set(row.personId, row);
    return row;
  });

  const team = days.map((_, index) => ({ allocated: teamAllocated[index]!, capacity: teamCapacity[index]!, overAllocatedPeople: teamOver[index]! }));
  return { days, rows, byPerson, team, unplanned: weekly.unplanned };
}

/**
 * A task's hours per day for each of its assignees in scope: core's spreading rule. Only called for
 * tasks core placed, so the dates are valid, the estimate is there and someone in scope is assigned.
 */
function dailyShare(task: Task, inScope: ReadonlySet<Id>, calendar: CalendarIndex): (day: number) => number {
  const start = parseIsoDate(task.start);
  const due = parseIsoDate(task.due);
  const assignees = new Set(task.assigneeIds.filter((id) => inScope.has(id))).size;
  if (start === undefined || due === undefined || task.estimate === undefined || assignees === 0) return () => 0;
  const remaining = task.estimate * (1 - Math.min(100, Math.max(0, task.progress)) / 100);
  const workingDays = calendar.countBetween(start, due);
  const spanDays = workingDays > 0 ? workingDays : due - start + 1;
  const perDay = remaining / spanDays / assignees;
  return (day) => (day < start || day > due ? 0 : workingDays > 0 && !calendar.isWorkingDay(day) ? 0 : perDay);
}
