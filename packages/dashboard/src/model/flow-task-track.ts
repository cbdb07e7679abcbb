// One task's replayed history, day by day. `replayFlow` walks every task with `TaskReplay`; the live
// flow (`flow-live.ts`) keeps each task's `replayTask` to replay a single task again after it changes.
// One set of replay rules for both (the flow-live tests compare the two on every change).
import { parseIsoDateTime, type ActivityEntry, type Id, type Task } from '@cwm/core';

const MS_PER_DAY = 86_400_000;

/** A log entry placed in time: its instant, its day on the workspace clock, and its arrival order. */
export interface TrackEvent {
  readonly ms: number;
  readonly day: number;
  readonly order: number;
  readonly entry: ActivityEntry;
}

/** A task at the end of one day. */
export interface DayState {
  readonly exists: boolean;
  /** `undefined` when neither the log nor the task tells (the task is then not counted). */
  readonly status: string | undefined;
  /** Hours: the estimate when above 0, else 0. */
  readonly estimate: number;
}

/** A task's replay over the range: `days[0]` is the day before the range, then one state per day. */
export interface TaskTrack {
  readonly projectId: Id;
  readonly days: readonly DayState[];
}

/** A log entry placed on the workspace clock, or `undefined` when its instant cannot be read (it is left out). */
export function trackEvent(entry: ActivityEntry, order: number, offsetMs: number): TrackEvent | undefined {
  const ms = parseIsoDateTime(entry.at);
  return ms === undefined ? undefined : { ms, day: Math.floor((ms + offsetMs) / MS_PER_DAY), order, entry };
}

/** Inserts `event` into a list kept sorted by instant, then arrival order. */
export function insertEvent(events: TrackEvent[], event: TrackEvent): void {
  let index = events.length;
  while (index > 0 && compareEvents(events[index - 1]!, event) > 0) index--;
  events.splice(index, 0, event);
}

/** Instant first, then arrival order: the order a task's log is replayed in. */
export function compareEvents(a: TrackEvent, b: TrackEvent): number {
  return a.ms - b.ms || a.order - b.order;
}

function asEstimate(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function firstChange(events: readonly TrackEvent[], field: string): { from: unknown } | undefined {
  for (const event of events) for (const change of event.entry.changes) if (change.field === field) return change;
  return undefined;
}

/**
 * One task (current `task`, or `undefined` when only the log knows it) walked forward through its
 * sorted `events`, day by day: the replay rules both `replayTask` and `replayFlow` follow. Before its
 * first logged change a field has that change's `from`; without one, the task's current value. It
 * exists from its `created` entry (from the start when the log has none) until a `deleted` one. The
 * fields are the state at the end of the last day advanced to; one object per task, so a replay over
 * thousands of tasks and days allocates nothing per day.
 */
export class TaskReplay implements DayState {
  exists: boolean;
  status: string | undefined;
  estimate: number;
  private next = 0;

  constructor(
    task: Task | undefined,
    private readonly events: readonly TrackEvent[],
  ) {
    const firstStatus = firstChange(events, 'status');
    const firstEstimate = firstChange(events, 'estimate');
    this.exists = events.length === 0 || events[0]!.entry.action !== 'created';
    this.status = typeof firstStatus?.from === 'string' ? firstStatus.from : task?.status;
    this.estimate = firstEstimate !== undefined ? asEstimate(firstEstimate.from) : asEstimate(task?.estimate);
  }

  /** Applies the events up to the end of `endDay` (days only move forward). */
  advanceTo(endDay: number): void {
    const events = this.events;
    while (this.next < events.length && events[this.next]!.day <= endDay) {
      const entry = events[this.next]!.entry;
      if (entry.action === 'created') this.exists = true;
      else if (entry.action === 'deleted') this.exists = false;
      for (const change of entry.changes) {
        if (change.field === 'status' && typeof change.to === 'string') this.status = change.to;
        else if (change.field === 'estimate') this.estimate = asEstimate(change.to);
      }
      this.next++;
    }
  }
}

/**
 * The replay of one task (see `TaskReplay`) from the day before `firstDay` to
 * `firstDay + dayCount - 1`, `events` sorted.
 */
export function replayTask(task: Task | undefined, events: readonly TrackEvent[], firstDay: number, dayCount: number): TaskTrack {
  const replay = new TaskReplay(task, events);
  const days: DayState[] = [];
  for (let index = -1; index < dayCount; index++) {
    replay.advanceTo(firstDay + index);
    const { exists, status, estimate } = replay;
    const last = days[days.length - 1];
    // Consecutive equal days share one object, so comparing two tracks is mostly identity checks.
    days.push(last !== undefined && last.exists === exists && last.status === status && last.estimate === estimate ? last : { exists, status, estimate });
  }
  return { projectId: task?.projectId ?? events[0]!.entry.projectId, days };
}

/** True when two tracks count the same on days `0 .. upTo - 1` of the range (and the day before). */
export function sameTrackUpTo(a: TaskTrack | undefined, b: TaskTrack | undefined, upTo: number): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a.projectId !== b.projectId) return false;
  for (let index = 0; index <= upTo; index++) {
    const x = a.days[index]!;
    const y = b.days[index]!;
    if (x !== y && !sameCount(x, y)) return false;
  }
  return true;
}

/** Two states count alike: both absent, or both there with the same status and hours (a day without a status counts nothing). */
function sameCount(x: DayState, y: DayState): boolean {
  if (x.exists !== y.exists) return false;
  if (!x.exists || (x.status === undefined && y.status === undefined)) return true;
  return x.status === y.status && x.estimate === y.estimate;
}
