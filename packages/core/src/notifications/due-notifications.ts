import { addDays } from '../dates/iso-date.js';
import type { Id, IsoDate } from '../model/common.js';
import type { Task } from '../model/task.js';

/** A notice the client derives from dates: due-soon and overdue are about time passing, not events. */
export interface DueNotice {
  readonly kind: 'due-soon' | 'overdue';
  readonly taskId: Id;
  /** The task's due date (last day of work). */
  readonly due: IsoDate;
}

/**
 * The due-soon and overdue notices of one person: tasks assigned to them, not done, whose due date is
 * before `today` (overdue) or within `soonDays` calendar days from today, today included (due-soon).
 * Most urgent first (earliest due, then task id). No backend writes these: they would be stale the
 * next morning, so every client works them out from the tasks it holds.
 */
export function dueNotifications(
  tasks: Iterable<Task>,
  personId: Id,
  today: IsoDate,
  isDone: (task: Task) => boolean,
  soonDays = 2,
): readonly DueNotice[] {
  const horizon = addDays(today, Math.max(0, Math.floor(soonDays)));
  const notices: DueNotice[] = [];
  for (const task of tasks) {
    const due = task.due;
    // ISO dates compare as strings.
    if (due === undefined || due > horizon || !task.assigneeIds.includes(personId) || isDone(task)) continue;
    notices.push({ kind: due < today ? 'overdue' : 'due-soon', taskId: task.id, due });
  }
  return notices.sort((a, b) => (a.due !== b.due ? (a.due < b.due ? -1 : 1) : a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0));
}
