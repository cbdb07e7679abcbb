import type { ActivityEntry } from '../model/activity.js';
import type { Id } from '../model/common.js';
import { type GeneratorContext, instant, minuteOf } from './context.js';
import { STATUS_PATH } from './generate-projects.js';
import type { TaskDraft } from './task-draft.js';

/** When a task was created and last changed, in minutes, and how many confirmed writes it has seen. */
export interface TaskHistory {
  readonly createdMinute: number;
  readonly updatedMinute: number;
  readonly version: number;
}

/** Hands out activity ids `a-1, a-2, ...` across all tasks. */
export interface IdCounter {
  next(): string;
}

/** A counter that hands out `<prefix>-1`, `<prefix>-2`, ... */
export function idCounter(prefix: string): IdCounter {
  let count = 0;
  return { next: () => `${prefix}-${++count}` };
}

/** Day on which the walk through the workflow reaches `status`. */
function plannedDay(context: GeneratorContext, draft: TaskDraft, status: string, createdDay: number): number {
  switch (status) {
    case 'todo':
      return createdDay + context.rng.int(1, 5);
    case 'in-progress':
      return draft.start;
    case 'review':
      return Math.max(draft.start, draft.due - 1);
    default:
      return draft.due;
  }
}

/**
 * Writes the activity of one task: `created`, then one `updated` status change per step along the
 * workflow up to the task's current status, as the backend would have logged them. A burndown or
 * cumulative-flow chart rebuilt from these entries ends exactly at today's statuses.
 *
 * `parentCreatedMinute` keeps children from being created before their parent.
 */
export function writeHistory(
  context: GeneratorContext,
  draft: TaskDraft,
  parentCreatedMinute: number,
  ids: IdCounter,
  out: ActivityEntry[],
): TaskHistory {
  const { rng, today, lastMinute } = context;
  const latestCreatedDay = Math.min(draft.start - rng.int(3, 20), today - rng.int(0, 10));
  const createdDay = Math.max(context.setupDay + 1, latestCreatedDay);
  // Events keep a few minutes in hand before the end of today so later steps still fit after them.
  const ceiling = lastMinute - 30;
  const createdMinute = Math.min(ceiling, Math.max(parentCreatedMinute + 1, minuteOf(createdDay, rng.int(8, 11), rng.int(0, 59))));
  const projectId: Id = draft.plan.project.id;
  const currentStep = Math.max(0, STATUS_PATH.indexOf(draft.status));
  const firstStep = currentStep === 0 || rng.chance(0.4) ? 0 : 1;
  const initialStatus = STATUS_PATH[Math.min(firstStep, currentStep)] as string;
  const createdAt = instant(context, createdMinute);
  out.push({
    id: ids.next(),
    version: 1,
    createdAt,
    updatedAt: createdAt,
    taskId: draft.id,
    projectId,
    actorId: draft.createdBy,
    at: createdAt,
    action: 'created',
    changes: [{ field: 'status', from: null, to: initialStatus }],
  });
  let minute = createdMinute;
  let previous = initialStatus;
  let version = 1;
  for (let step = firstStep + 1; step <= currentStep; step++) {
    const status = STATUS_PATH[step] as string;
    const day = Math.min(today, plannedDay(context, draft, status, Math.floor(createdMinute / 1440)));
    minute = Math.max(minute + 1, Math.min(ceiling, minuteOf(day, rng.int(9, 16), rng.int(0, 59))));
    const at = instant(context, minute);
    out.push({
      id: ids.next(),
      version: 1,
      createdAt: at,
      updatedAt: at,
      taskId: draft.id,
      projectId,
      actorId: draft.assigneeIds[0] ?? draft.createdBy,
      at,
      action: 'updated',
      changes: [{ field: 'status', from: previous, to: status }],
    });
    previous = status;
    version++;
  }
  return { createdMinute, updatedMinute: minute, version };
}
