import {
  buildHierarchy,
  formatIsoDate,
  parseIsoDate,
  type ActivityEntry,
  type Id,
  type IsoDate,
  type StatusCategory,
  type Task,
  type WorkflowLookup,
} from '@cwm/core';
import { compareText, pushTo } from './collections.js';
import { compareEvents, TaskReplay, trackEvent, type TrackEvent } from './flow-task-track.js';

/** What burndown, burnup and cumulative flow are computed from. */
export interface FlowInput {
  /** The tasks as they are now (the store's table); they give today's status and estimate. */
  readonly tasks: readonly Task[];
  /** The activity log (any order); deleted tasks are known only from here. */
  readonly activity: readonly ActivityEntry[];
  /** The workflow of each project: status order, names and categories. */
  readonly workflowOf: WorkflowLookup;
  /** First day shown, `YYYY-MM-DD`. */
  readonly from: IsoDate;
  /** Last day shown, inclusive. A range that is empty or not made of real days gives no days at all. */
  readonly to: IsoDate;
  /** Only tasks and log entries of these projects (default: all that are given). */
  readonly projectIds?: readonly Id[];
  /**
   * Offset of the workspace's wall clock from UTC in minutes (default 0, UTC), deciding on which day an
   * instant of the log falls. A fixed number rather than the browser's zone, so every viewer of a
   * dashboard sees the same days.
   */
  readonly utcOffsetMinutes?: number;
}

/** One status shown in the cumulative flow, with its count on every day. */
export interface FlowSeries {
  /** Status id. */
  readonly status: string;
  /** Name from the workflow; the id itself for a status no workflow knows. */
  readonly name: string;
  /** Category from the workflow; `undefined` for a status no workflow knows. */
  readonly category: StatusCategory | undefined;
  /** Tasks in this status at the end of each day, aligned with `FlowDays.dates`. */
  readonly counts: readonly number[];
}

/**
 * The replayed state of the work at the end of every day of the range, from which each chart takes what
 * it needs. Every array is aligned with `dates`.
 */
export interface FlowDays {
  readonly dates: readonly IsoDate[];
  /** Tasks that exist (in scope) at the end of the day. */
  readonly total: readonly number[];
  /** Of those, tasks in a status of the `done` category. */
  readonly done: readonly number[];
  /** Estimate hours of all existing tasks. */
  readonly totalHours: readonly number[];
  /** Estimate hours of the done tasks. */
  readonly doneHours: readonly number[];
  /** Not-done tasks without an estimate above 0 (their work is not in the hours). */
  readonly unestimatedOpen: readonly number[];
  /** Tasks that came into scope during the day (created, or restored). */
  readonly added: readonly number[];
  /** Tasks that left scope during the day (deleted). */
  readonly removed: readonly number[];
  /** Per status: workflow statuses in workflow order, then statuses no workflow knows, by id. */
  readonly series: readonly FlowSeries[];
}

/** How a status of one project is counted: the series it adds to and whether it means done. */
interface StatusSlot {
  readonly counts: number[];
  readonly done: boolean;
}

interface SeriesBuilder {
  readonly status: string;
  readonly name: string;
  readonly category: StatusCategory | undefined;
  readonly counts: number[];
}

/** Maps `(project, status)` to a series: workflow statuses in workflow order, unknown ones on demand. */
class StatusSlots {
  private readonly known: SeriesBuilder[] = [];
  private readonly unknown = new Map<string, SeriesBuilder>();
  private readonly seriesOf = new Map<string, SeriesBuilder>();
  private readonly slots = new Map<Id, Map<string, StatusSlot>>();

  constructor(
    private readonly workflowOf: WorkflowLookup,
    private readonly days: number,
  ) {}

  private series(status: string, name: string, category: StatusCategory | undefined): SeriesBuilder {
    return { status, name, category, counts: new Array<number>(this.days).fill(0) };
  }

  /** The slots of a project's workflow, registering its statuses (in order) the first time. */
  project(projectId: Id): Map<string, StatusSlot> {
    let slots = this.slots.get(projectId);
    if (slots !== undefined) return slots;
    slots = new Map();
    for (const status of this.workflowOf(projectId)?.statuses ?? []) {
      let series = this.seriesOf.get(status.id);
      if (series === undefined) {
        // The same status id in two workflows is one series; the first workflow names it.
        series = this.series(status.id, status.name, status.category);
        this.seriesOf.set(status.id, series);
        this.known.push(series);
      }
      slots.set(status.id, { counts: series.counts, done: status.category === 'done' });
    }
    this.slots.set(projectId, slots);
    return slots;
  }

  /** The slot of `status` in `projectId`; a status its workflow does not know is never done. */
  slot(projectId: Id, status: string): StatusSlot {
    const slots = this.project(projectId);
    let slot = slots.get(status);
    if (slot === undefined) {
      // Another workflow may know the id (portfolio view): count it there, but not as done here.
      let series = this.seriesOf.get(status) ?? this.unknown.get(status);
      if (series === undefined) {
        series = this.series(status, status, undefined);
        this.unknown.set(status, series);
      }
      slot = { counts: series.counts, done: false };
      slots.set(status, slot);
    }
    return slot;
  }

  /** Workflow statuses in order, then statuses no workflow knows, sorted by id. */
  result(): FlowSeries[] {
    const unknown = [...this.unknown.values()].sort((a, b) => compareText(a.status, b.status));
    return [...this.known, ...unknown];
  }
}

/** Log entries of the tasks in scope, grouped by task and sorted by instant (input order breaks ties). */
function groupEvents(activity: readonly ActivityEntry[], inScope: (projectId: Id) => boolean, offsetMs: number): Map<Id, TrackEvent[]> {
  const byTask = new Map<Id, TrackEvent[]>();
  activity.forEach((entry, order) => {
    if (!inScope(entry.projectId)) return;
    const event = trackEvent(entry, order, offsetMs);
    // An entry without a readable instant cannot be placed on a day; it is left out rather than guessed.
    if (event === undefined) return;
    pushTo(byTask, entry.taskId, event);
  });
  for (const events of byTask.values()) events.sort(compareEvents);
  return byTask;
}

/**
 * Replays the activity log over the range: a task's status and estimate on a day are the last ones
 * logged at or before the end of that day (before its first logged change, the `from` of that change;
 * without any, its current value). A task exists from its `created` entry (or from the start, when the
 * log does not hold its creation) until a `deleted` entry. Only leaf tasks count: a task that has
 * subtasks now gives way to them, as in core's roll-ups, so no work is counted twice.
 *
 * Linear in tasks x days plus log entries (one sort per task's own entries).
 */
export function replayFlow(input: FlowInput): FlowDays {
  const first = parseIsoDate(input.from);
  const last = parseIsoDate(input.to);
  const days = first === undefined || last === undefined || last < first ? 0 : last - first + 1;
  const zeros = (): number[] => new Array<number>(days).fill(0);
  const total = zeros();
  const done = zeros();
  const totalHours = zeros();
  const doneHours = zeros();
  const unestimatedOpen = zeros();
  const added = zeros();
  const removed = zeros();
  const slots = new StatusSlots(input.workflowOf, days);
  const dates: IsoDate[] = [];
  for (let index = 0; index < days; index++) dates.push(formatIsoDate(first! + index));

  const scope = input.projectIds === undefined ? undefined : new Set(input.projectIds);
  const inScope = (projectId: Id): boolean => scope === undefined || scope.has(projectId);
  // Workflow statuses first, in the order of the projects asked for (or met), so series order is stable.
  for (const projectId of input.projectIds ?? []) slots.project(projectId);
  const tasks = input.tasks.filter((task) => inScope(task.projectId));
  for (const task of tasks) slots.project(task.projectId);
  if (days === 0) return { dates, total, done, totalHours, doneHours, unestimatedOpen, added, removed, series: slots.result() };

  const offsetMs = (input.utcOffsetMinutes ?? 0) * 60_000;
  const byTask = groupEvents(input.activity, inScope, offsetMs);
  const parents = new Set(buildHierarchy(tasks).children.keys());
  const current = new Map<Id, Task>(tasks.map((task) => [task.id, task]));
  const ids = new Set<Id>([...current.keys(), ...byTask.keys()]);

  for (const id of ids) {
    if (parents.has(id)) continue;
    const task = current.get(id);
    const events = byTask.get(id) ?? [];
    const projectId = task?.projectId ?? events[0]!.entry.projectId;

    // Day -1 of the range (the day before `from`) is replayed too, to tell what was added on day 0.
    const replay = new TaskReplay(task, events);
    let existedBefore = replay.exists;
    for (let index = -1; index < days; index++) {
      replay.advanceTo(first! + index);
      const { exists, status, estimate } = replay;
      if (index >= 0) {
        if (exists && !existedBefore) added[index]!++;
        if (!exists && existedBefore) removed[index]!++;
      }
      existedBefore = exists;
      if (index < 0 || !exists || status === undefined) continue;
      const slot = slots.slot(projectId, status);
      slot.counts[index]!++;
      total[index]!++;
      totalHours[index]! += estimate;
      if (slot.done) {
        done[index]!++;
        doneHours[index]! += estimate;
      } else if (estimate === 0) {
        unestimatedOpen[index]!++;
      }
    }
  }
  return { dates, total, done, totalHours, doneHours, unestimatedOpen, added, removed, series: slots.result() };
}
