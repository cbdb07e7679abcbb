// The cached past of a live flow (`flow-live.ts`), moved by the difference of the few task replays
// that changed instead of replaying every task again. A change reaches back before today when a task
// changes without a log entry (it then replays with its new values on every day: the optimistic
// emission of every first edit of a task does that, and the confirmation with its entry takes it
// back) or when a leaf gains or loses its last subtask. Taking the moved tracks out and putting them
// back in costs O(moved tasks x days) instead of O(all tasks x days + log), and the days and series
// that did not move keep their objects.
import type { Id, WorkflowLookup } from '@cwm/core';
import type { BurndownPoint, BurnupPoint, FlowCharts } from './flow.js';
import type { FlowSeries } from './flow-replay.js';
import type { DayState, TaskTrack } from './flow-task-track.js';
import { compareText } from './collections.js';

/** Whether a status is done in a project: by the project's own workflow (a status it does not know never is). */
export class DoneStatuses {
  private readonly byProject = new Map<Id, ReadonlyMap<string, boolean>>();

  constructor(private readonly workflowOf: WorkflowLookup) {}

  isDone(projectId: Id, status: string): boolean {
    let statuses = this.byProject.get(projectId);
    if (statuses === undefined) {
      statuses = new Map((this.workflowOf(projectId)?.statuses ?? []).map((known) => [known.id, known.category === 'done']));
      this.byProject.set(projectId, statuses);
    }
    return statuses.get(status) === true;
  }
}

/** What the tasks add up to on one day (or, as a difference, what a change adds to it). */
export interface DayCounts {
  total: number;
  done: number;
  totalHours: number;
  doneHours: number;
  unestimatedOpen: number;
  added: number;
  removed: number;
  /** Tasks per status id. */
  readonly byStatus: Map<string, number>;
}

export function emptyDayCounts(): DayCounts {
  return { total: 0, done: 0, totalHours: 0, doneHours: 0, unestimatedOpen: 0, added: 0, removed: 0, byStatus: new Map() };
}

/**
 * Adds (`sign` 1) or takes out (-1) one task's share of a day, given its state at the end of the day
 * before and of the day: `replayFlow`'s counting rules, step for step.
 */
export function countDay(counts: DayCounts, sign: 1 | -1, projectId: Id, yesterday: DayState, today: DayState, done: DoneStatuses): void {
  if (today.exists && !yesterday.exists) counts.added += sign;
  if (!today.exists && yesterday.exists) counts.removed += sign;
  if (!today.exists || today.status === undefined) return;
  counts.byStatus.set(today.status, (counts.byStatus.get(today.status) ?? 0) + sign);
  counts.total += sign;
  counts.totalHours += sign * today.estimate;
  if (done.isDone(projectId, today.status)) {
    counts.done += sign;
    counts.doneHours += sign * today.estimate;
  } else if (today.estimate === 0) {
    counts.unestimatedOpen += sign;
  }
}

/** One task's replay before and after a change (`undefined`: not counted). */
export interface TrackChange {
  readonly before: TaskTrack | undefined;
  readonly after: TaskTrack | undefined;
}

/**
 * `past` (the charts from the first day through yesterday) with `changes` applied: each `before`
 * track taken out of every day, each `after` put in. Days and series that do not move keep their
 * objects; a status no workflow knows gets a series while some day counts it, as in a full replay.
 */
export function movePast(past: FlowCharts, changes: readonly TrackChange[], done: DoneStatuses): FlowCharts {
  const dayCount = past.burnup.length;
  const deltas = Array.from({ length: dayCount }, emptyDayCounts);
  for (const { before, after } of changes) {
    for (const [track, sign] of [[before, -1], [after, 1]] as const) {
      if (track === undefined) continue;
      for (let index = 0; index < dayCount; index++) countDay(deltas[index]!, sign, track.projectId, track.days[index]!, track.days[index + 1]!, done);
    }
  }
  const burnup: BurnupPoint[] = [];
  const burndown: BurndownPoint[] = [];
  past.burnup.forEach((point, index) => {
    const delta = deltas[index]!;
    const old = past.burndown[index]!;
    if (!moves(delta)) {
      burnup.push(point);
      burndown.push(old);
      return;
    }
    const next: BurnupPoint = {
      date: point.date,
      done: point.done + delta.done,
      total: point.total + delta.total,
      doneHours: point.doneHours + delta.doneHours,
      totalHours: point.totalHours + delta.totalHours,
      added: point.added + delta.added,
      removed: point.removed + delta.removed,
    };
    burnup.push(next);
    burndown.push({ date: old.date, open: next.total - next.done, remainingHours: next.totalHours - next.doneHours, unestimatedOpen: old.unestimatedOpen + delta.unestimatedOpen });
  });
  return { burndown, burnup, cumulativeFlow: { dates: past.cumulativeFlow.dates, series: movedSeries(past.cumulativeFlow.series, deltas) } };
}

function moves(delta: DayCounts): boolean {
  if (delta.total !== 0 || delta.done !== 0 || delta.totalHours !== 0 || delta.doneHours !== 0) return true;
  return delta.unestimatedOpen !== 0 || delta.added !== 0 || delta.removed !== 0;
}

function movedSeries(series: readonly FlowSeries[], deltas: readonly DayCounts[]): readonly FlowSeries[] {
  const changed = new Map<string, number[]>();
  deltas.forEach((delta, index) => {
    for (const [status, count] of delta.byStatus) {
      if (count === 0) continue;
      let counts = changed.get(status);
      if (counts === undefined) changed.set(status, (counts = new Array<number>(deltas.length).fill(0)));
      counts[index] = count;
    }
  });
  if (changed.size === 0) return series;
  const known: FlowSeries[] = [];
  const unknown: FlowSeries[] = [];
  for (const one of series) {
    const delta = changed.get(one.status);
    changed.delete(one.status);
    const next = delta === undefined ? one : { ...one, counts: one.counts.map((count, index) => count + delta[index]!) };
    if (one.category !== undefined) known.push(next);
    // A status no workflow knows is shown only while some day counts it.
    else if (next.counts.some((count) => count !== 0)) unknown.push(next);
  }
  for (const [status, counts] of changed) unknown.push({ status, name: status, category: undefined, counts });
  unknown.sort((a, b) => compareText(a.status, b.status));
  return [...known, ...unknown];
}
