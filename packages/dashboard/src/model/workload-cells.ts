import { computeWorkload, type Id, type Person, type Task, type WorkloadOptions, type WorkloadReport } from '@cwm/core';

/** Tasks by id: an array (indexed on each call) or anything with `get`, such as a Map or a store Table. */
export type TaskSource = readonly Task[] | { get(id: Id): Task | undefined };

/**
 * The tasks behind one cell of a `computeWorkload` report, for drill-down: exactly the tasks that
 * computeWorkload put hours into for `personId` in the ISO week `weekKey` (`2026-W48`), in the order it
 * allocated them. Tasks that are no longer in `tasks` (deleted since the report) are left out. An
 * unknown person or a week outside the report answers an empty list.
 */
export function workloadCellTasks(report: WorkloadReport, personId: Id, weekKey: string, tasks: TaskSource): Task[] {
  const ids = cellTaskIds(report, personId, weekKey);
  if (ids.length === 0) return [];
  const lookup = 'get' in tasks ? tasks : new Map(tasks.map((task) => [task.id, task]));
  return ids.map((id) => lookup.get(id)).filter((task): task is Task => task !== undefined);
}

/** One task's part of a workload cell. */
export interface WorkloadCellShare {
  readonly task: Task;
  /** Hours of this task allocated to the person in the week. */
  readonly hours: number;
}

/**
 * The tasks behind one cell with the hours each one contributes; the hours add up to the cell's
 * `allocated`. `people` and `options` must be the ones the report was computed with (the split among
 * assignees and the calendar depend on them).
 *
 * Core's report keeps only the task ids of a cell, not per-task hours, so each task's share is
 * obtained by running `computeWorkload` on that task alone for that one week: the same allocation
 * code, not a copy of it. That is fine for one drill-down click (a few tasks); a grid needing every
 * cell's breakdown should get per-task hours from core instead.
 */
export function workloadCellBreakdown(
  report: WorkloadReport,
  personId: Id,
  weekKey: string,
  tasks: TaskSource,
  people: readonly Person[],
  options: WorkloadOptions,
): WorkloadCellShare[] {
  const week = report.weeks.find((candidate) => candidate.key === weekKey);
  if (week === undefined) return [];
  return workloadCellTasks(report, personId, weekKey, tasks).map((task) => {
    // The task was a leaf when the report was computed; alone it is a leaf too, so it is allocated alike.
    const single = computeWorkload([task], people, { ...options, from: week.start, weeks: 1 });
    return { task, hours: single.byPerson.get(personId)?.cells[0]?.allocated ?? 0 };
  });
}

function cellTaskIds(report: WorkloadReport, personId: Id, weekKey: string): readonly Id[] {
  const index = report.weeks.findIndex((week) => week.key === weekKey);
  if (index < 0) return [];
  return report.byPerson.get(personId)?.cells[index]?.taskIds ?? [];
}
