// Burndown, burnup and cumulative flow up to today, kept up to date from what changed. A full
// `flowCharts` replays every task over every day and parses the whole log; on a live dashboard only
// today moves. So the past (`from` .. yesterday) is replayed once and cached, and today's point is
// added from a per-task replay (`flow-task-track.ts`) that is redone only for the tasks that changed,
// got log entries, or gained / lost their last subtask (a parent gives way to its subtasks).
//
// Exactness: today's point cannot be read off the current tasks alone (the log decides: a task
// created or deleted today, a status logged but not yet in the task, an entry stamped tomorrow), so
// each task is replayed from its own log exactly as `replayFlow` does. A change that would move the
// past too (a task changed without a log entry, a new subtask, a log entry stamped before today) is
// detected by comparing the task's replay before and after, and then the cached past is moved by
// the difference of the moved replays (`flow-live-past.ts`), never replayed in full. Counts are exact.
// Hours are floating-point sums, and `replayFlow` adds them up in the tasks table's iteration order,
// which moves whenever a task is updated: a fresh replay of the same data may differ from an older
// one in the last bits. Today's hours are summed in today's table order (as a fresh replay would);
// the cached past keeps the sums it was moved to (differences of ~1e-15 h, invisible once rounded).
//
// Identity: every result is compared with the previous one and hands back its objects where equal
// (points with hours up to rounding, series with equal counts, the lists, the whole charts), so a
// store change that shows nothing new (a version bump, a log entry stamped after today) returns the
// previous `FlowCharts` itself and the charts' `guard`s skip.
import {
  addDays,
  findParentLoops,
  parseIsoDate,
  type ActivityEntry,
  type Id,
  type IsoDate,
  type Project,
  type Table,
  type Task,
  type WorkflowLookup,
} from '@cwm/core';
import { flowCharts, type BurndownPoint, type BurnupPoint, type FlowCharts } from './flow.js';
import type { FlowSeries } from './flow-replay.js';
import { nearlyEqual, shallowEqual } from './keep-equal.js';
import { countDay, DoneStatuses, movePast, type DayCounts, type TrackChange } from './flow-live-past.js';
import { insertEvent, replayTask, sameTrackUpTo, trackEvent, type DayState, type TaskTrack, type TrackEvent } from './flow-task-track.js';
import { compareText } from './collections.js';

/** What a live flow is about; fixed for its lifetime (make a new one when they change, e.g. at midnight). */
export interface LiveFlowOptions {
  /** The projects shown (as `FlowInput.projectIds`). */
  readonly projectIds: readonly Id[];
  /** First day shown, `YYYY-MM-DD`. */
  readonly from: IsoDate;
  /** Last day shown: the day whose point follows the live state. */
  readonly today: IsoDate;
  /** Default: `state.projects.get(id)?.workflow`; any change of the projects table replays everything. */
  readonly workflowOf?: WorkflowLookup;
  /** As `FlowInput.utcOffsetMinutes`. */
  readonly utcOffsetMinutes?: number;
}

/** The store tables a live flow reads (a `StoreState` fits). */
export interface LiveFlowState {
  readonly tasks: Table<Task>;
  readonly projects: Table<Project>;
  /** The activity log; entries are expected to be appended, never rewritten (a rewrite replays everything). */
  readonly activity: Table<ActivityEntry>;
}

/** The three flow charts from `from` to `today`, kept up to date incrementally. */
export interface LiveFlow {
  /** Replays everything from scratch. */
  reset(state: LiveFlowState): FlowCharts;
  /**
   * Equal to `flowCharts` over `state` (tasks and activity in table order) from `from` to `today`:
   * counts exactly, past days' hours up to floating-point rounding (see the module comment).
   * Re-replays only the tasks touched since the last call.
   *
   * Identity: the previous result itself when nothing shown changed; otherwise each point
   * (`BurndownPoint` / `BurnupPoint`, hours equal up to rounding), each `FlowSeries` with equal
   * counts, and each of `burndown`, `burnup`, `cumulativeFlow` (and its `dates`, `series`) that came
   * out equal is the previous object.
   */
  update(state: LiveFlowState): FlowCharts;
}

/** A live flow for `options`; call `update` with each new store state. */
export function createLiveFlow(options: LiveFlowOptions): LiveFlow {
  return new IncrementalFlow(options);
}

class IncrementalFlow implements LiveFlow {
  private readonly scope: ReadonlySet<Id>;
  private readonly firstDay: number;
  /** Days from `from` to `today`, both included; 0 when that range is empty or not real days. */
  private readonly dayCount: number;
  private readonly offsetMs: number;

  private state: LiveFlowState | undefined;
  private workflowOf: WorkflowLookup = () => undefined;
  private done = new DoneStatuses(this.workflowOf);
  /** The past could not be cached (a parent loop, or no days): every update replays in full. */
  private full = true;
  private past: FlowCharts | undefined;
  /** The last result handed out, whose objects the next one reuses where equal. */
  private result: FlowCharts | undefined;
  private nextOrder = 0;
  /** In-scope log entries by task, sorted; keys in order of first appearance in the log. */
  private readonly events = new Map<Id, TrackEvent[]>();
  /** In-scope tasks naming each id as parent. */
  private readonly childCount = new Map<Id, number>();
  /** The replay of every task the charts may count; absent for a parent (it gives way to its subtasks). */
  private readonly tracks = new Map<Id, TaskTrack>();

  constructor(private readonly options: LiveFlowOptions) {
    this.scope = new Set(options.projectIds);
    const first = parseIsoDate(options.from);
    const last = parseIsoDate(options.today);
    this.firstDay = first ?? 0;
    this.dayCount = first === undefined || last === undefined || last < first ? 0 : last - first + 1;
    this.offsetMs = (options.utcOffsetMinutes ?? 0) * 60_000;
  }

  reset(state: LiveFlowState): FlowCharts {
    this.state = state;
    this.workflowOf = this.options.workflowOf ?? ((projectId) => state.projects.get(projectId)?.workflow);
    this.done = new DoneStatuses(this.workflowOf);
    this.events.clear();
    this.childCount.clear();
    this.tracks.clear();
    this.nextOrder = 0;
    const tasks = state.tasks.filter((task) => this.scope.has(task.projectId));
    this.full = this.dayCount === 0 || findParentLoops(tasks).length > 0;
    if (this.full) return this.keep(this.replayAll(state, this.options.today));
    for (const entry of state.activity) this.addEntry(entry);
    for (const task of tasks) this.link(undefined, task);
    for (const task of tasks) this.retrack(state, task.id);
    for (const id of this.events.keys()) this.retrack(state, id);
    this.past = this.replayAll(state, addDays(this.options.today, -1));
    return this.withToday(state);
  }

  update(state: LiveFlowState): FlowCharts {
    const previous = this.state;
    if (previous === undefined || this.full || state.projects !== previous.projects) return this.reset(state);
    const changedTasks = state.tasks.changedSince(previous.tasks);
    const changedEntries = state.activity.changedSince(previous.activity);
    if (changedTasks === undefined || changedEntries === undefined) return this.reset(state);
    // A rewritten or removed entry changes the log's order and history: replay it all.
    for (const id of changedEntries) if (previous.activity.has(id)) return this.reset(state);
    for (const id of changedTasks) if (this.closesLoop(state.tasks, id)) return this.reset(state);

    this.state = state;
    const affected = new Set<Id>();
    for (const id of new Set(changedEntries)) {
      const entry = state.activity.get(id);
      if (entry !== undefined && this.addEntry(entry)) affected.add(entry.taskId);
    }
    for (const id of new Set(changedTasks)) {
      const before = this.inScope(previous.tasks.get(id));
      const after = this.inScope(state.tasks.get(id));
      this.link(before, after);
      affected.add(id);
      if (before?.parentId !== undefined) affected.add(before.parentId);
      if (after?.parentId !== undefined) affected.add(after.parentId);
    }
    let todayMoved = false;
    const pastMoves: TrackChange[] = [];
    for (const id of affected) {
      const before = this.tracks.get(id);
      const after = this.retrack(state, id);
      if (sameTrackUpTo(before, after, this.dayCount)) continue;
      todayMoved = true;
      if (!sameTrackUpTo(before, after, this.dayCount - 1)) pastMoves.push({ before, after });
    }
    // No touched task counts differently on any day (a new version, a log entry of tomorrow): summing
    // today again (a pass over every task) could only come back to the same charts.
    if (!todayMoved && this.result !== undefined) return this.result;
    if (pastMoves.length > 0) this.past = movePast(this.past!, pastMoves, this.done);
    return this.withToday(state);
  }

  private inScope(task: Task | undefined): Task | undefined {
    return task !== undefined && this.scope.has(task.projectId) ? task : undefined;
  }

  private replayAll(state: LiveFlowState, to: IsoDate): FlowCharts {
    return flowCharts({
      tasks: state.tasks.values(),
      activity: state.activity.values(),
      workflowOf: this.workflowOf,
      from: this.options.from,
      to,
      projectIds: this.options.projectIds,
      utcOffsetMinutes: this.options.utcOffsetMinutes,
    });
  }

  /** Files an entry under its task when it is in scope and has a readable instant; true when filed. */
  private addEntry(entry: ActivityEntry): boolean {
    const order = this.nextOrder++;
    if (!this.scope.has(entry.projectId)) return false;
    const event = trackEvent(entry, order, this.offsetMs);
    if (event === undefined) return false;
    let list = this.events.get(entry.taskId);
    if (list === undefined) this.events.set(entry.taskId, (list = []));
    insertEvent(list, event);
    return true;
  }

  /** Moves an in-scope task's parent link from `before` to `after`. */
  private link(before: Task | undefined, after: Task | undefined): void {
    if (before?.parentId !== undefined) {
      const count = this.childCount.get(before.parentId)! - 1;
      if (count > 0) this.childCount.set(before.parentId, count);
      else this.childCount.delete(before.parentId);
    }
    if (after?.parentId !== undefined) this.childCount.set(after.parentId, (this.childCount.get(after.parentId) ?? 0) + 1);
  }

  /** Replays one task again and files the result; `undefined` when the charts do not count it. */
  private retrack(state: LiveFlowState, id: Id): TaskTrack | undefined {
    const task = this.inScope(state.tasks.get(id));
    const events = this.events.get(id) ?? [];
    const counted = task !== undefined ? !this.childCount.has(id) : events.length > 0;
    const track = counted ? replayTask(task, events, this.firstDay, this.dayCount) : undefined;
    if (track === undefined) this.tracks.delete(id);
    else this.tracks.set(id, track);
    return track;
  }

  /** True when an in-scope task's chain of in-scope parents comes back on itself. */
  private closesLoop(tasks: Table<Task>, id: Id): boolean {
    const seen = new Set<Id>();
    let task = this.inScope(tasks.get(id));
    while (task !== undefined) {
      if (seen.has(task.id)) return true;
      seen.add(task.id);
      task = task.parentId === undefined ? undefined : this.inScope(tasks.get(task.parentId));
    }
    return false;
  }

  /** The cached past plus today's point, summed over the tasks in `replayFlow`'s order. */
  private withToday(state: LiveFlowState): FlowCharts {
    const today = new TodayPoint(this.done);
    const last = this.dayCount;
    const visit = (track: TaskTrack | undefined): void => {
      if (track !== undefined) today.add(track.projectId, track.days[last - 1]!, track.days[last]!);
    };
    for (const task of state.tasks) if (this.scope.has(task.projectId)) visit(this.tracks.get(task.id));
    for (const id of this.events.keys()) if (this.inScope(state.tasks.get(id)) === undefined) visit(this.tracks.get(id));
    return this.keep(today.appendTo(this.past!, this.options.today));
  }

  /** `fresh` with the previous result's objects wherever they are equal; remembered for the next call. */
  private keep(fresh: FlowCharts): FlowCharts {
    this.result = keptCharts(this.result, fresh);
    return this.result;
  }
}

/** `fresh`, with every point, series and list that came out equal to `old`'s taken from `old`. */
function keptCharts(old: FlowCharts | undefined, fresh: FlowCharts): FlowCharts {
  if (old === undefined) return fresh;
  const burndown = keptPoints(old.burndown, fresh.burndown);
  const burnup = keptPoints(old.burnup, fresh.burnup);
  const cumulativeFlow = keptFlow(old.cumulativeFlow, fresh.cumulativeFlow);
  if (burndown === old.burndown && burnup === old.burnup && cumulativeFlow === old.cumulativeFlow) return old;
  return { burndown, burnup, cumulativeFlow };
}

/** Points day by day: the old point where every field is equal (hours up to rounding); the old list when all are. */
function keptPoints<T extends object>(old: readonly T[], fresh: readonly T[]): readonly T[] {
  let allKept = old.length === fresh.length;
  const points = fresh.map((point, index) => {
    const previous = old[index];
    if (previous !== undefined && shallowEqual(previous, point, nearlyEqual)) return previous;
    allKept = false;
    return point;
  });
  return allKept ? old : points;
}

function keptFlow(old: FlowCharts['cumulativeFlow'], fresh: FlowCharts['cumulativeFlow']): FlowCharts['cumulativeFlow'] {
  const dates = sameValues(old.dates, fresh.dates) ? old.dates : fresh.dates;
  let allKept = old.series.length === fresh.series.length;
  const series = fresh.series.map((next, index) => {
    const previous = old.series[index];
    if (previous !== undefined && previous.status === next.status && previous.name === next.name && previous.category === next.category && sameValues(previous.counts, next.counts)) {
      return previous;
    }
    allKept = false;
    return next;
  });
  const keptSeries = allKept ? old.series : series;
  return dates === old.dates && keptSeries === old.series ? old : { dates, series: keptSeries };
}

/** Equal primitives at the same places (dates, counts). */
function sameValues<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (!Object.is(a[index], b[index])) return false;
  return true;
}

/** Today's totals, with `replayFlow`'s status slots: workflow statuses by id, others as unknown series. */
class TodayPoint implements DayCounts {
  total = 0;
  done = 0;
  totalHours = 0;
  doneHours = 0;
  unestimatedOpen = 0;
  added = 0;
  removed = 0;
  readonly byStatus = new Map<string, number>();

  constructor(private readonly doneStatuses: DoneStatuses) {}

  add(projectId: Id, yesterday: DayState, today: DayState): void {
    countDay(this, 1, projectId, yesterday, today, this.doneStatuses);
  }

  /** `past` (through yesterday) with this point appended as `date`. */
  appendTo(past: FlowCharts, date: IsoDate): FlowCharts {
    const burndownPoint: BurndownPoint = { date, open: this.total - this.done, remainingHours: this.totalHours - this.doneHours, unestimatedOpen: this.unestimatedOpen };
    const burnupPoint: BurnupPoint = {
      date,
      done: this.done,
      total: this.total,
      doneHours: this.doneHours,
      totalHours: this.totalHours,
      added: this.added,
      removed: this.removed,
    };
    return {
      burndown: [...past.burndown, burndownPoint],
      burnup: [...past.burnup, burnupPoint],
      cumulativeFlow: { dates: [...past.cumulativeFlow.dates, date], series: this.series(past.cumulativeFlow) },
    };
  }

  /** The past series with today's count appended; statuses first met today join the unknown ones, by id. */
  private series(past: FlowCharts['cumulativeFlow']): FlowSeries[] {
    const known: FlowSeries[] = [];
    const unknown: FlowSeries[] = [];
    const seen = new Set<string>();
    for (const series of past.series) {
      seen.add(series.status);
      const next = { ...series, counts: [...series.counts, this.byStatus.get(series.status) ?? 0] };
      (series.category === undefined ? unknown : known).push(next);
    }
    for (const [status, count] of this.byStatus) {
      if (seen.has(status)) continue;
      unknown.push({ status, name: status, category: undefined, counts: [...new Array<number>(past.dates.length).fill(0), count] });
    }
    unknown.sort((a, b) => compareText(a.status, b.status));
    return [...known, ...unknown];
  }
}
