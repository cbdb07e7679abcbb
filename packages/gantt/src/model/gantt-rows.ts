import { buildHierarchy, parseIsoDate, type Id, type IsoDate, type Task } from '@cwm/core';
import type { GanttRow, GanttRowKind, GanttRows, RowProblem } from './gantt-row.js';

/** A task the store refused, shown as an `invalid` row so people can see and fix it. */
export interface InvalidTask {
  readonly id: Id;
  readonly projectId?: Id;
  readonly title: string;
  readonly problem: RowProblem;
}

/** What `buildGanttRows` lays out. */
export interface GanttRowsInput {
  /** The tasks of the shown projects. */
  readonly tasks: readonly Task[];
  /** Tasks whose subtasks are hidden. */
  readonly collapsed: ReadonlySet<Id>;
  /** Tasks the store refused; they come last, at the top level, in the given order. */
  readonly invalid?: readonly InvalidTask[];
  /** When given, a leaf task for which it answers true counts as 100 % in its parents' progress (and its own). */
  readonly isDone?: (task: Task) => boolean;
}

/** Kinds a task has on its own dates, as a leaf (subtasks make it a summary). */
const OWN_TASK = 0;
const OWN_MILESTONE = 1;
const OWN_UNSCHEDULED = 2;
const OWN_REVERSED = 3;

/**
 * Lays out the rows of a Gantt: one depth-first pass, one bottom-up fold over it in reverse, and the
 * sorting of siblings (about 10 ms for 5,000 tasks).
 *
 * - Hierarchy by `parentId`: a parent outside `tasks` (or one closing a parent loop, cut the way core's
 *   `buildHierarchy` cuts it) makes the task top-level. Siblings are ordered by `rank` (plain string
 *   order, the fractional-index convention), then id; top-level tasks are grouped by project first, in the
 *   order each project first appears in `tasks`, so a portfolio does not interleave projects.
 * - Rows come depth first. Subtasks of a collapsed task are left out of `rows`, but still count in
 *   their ancestors' dates and progress and in `range`.
 * - Kinds: a task with subtasks is a `summary`. Otherwise a task flagged `milestone` is a `milestone`
 *   on its day (`due`, else `start`); being one day long never makes a task a milestone (dates are
 *   inclusive, so no task is zero-length). A task with both dates is a `task`; with one or none (or a
 *   milestone with none) it is `unscheduled` with an `unscheduled` problem. A task whose due date is
 *   before its start (the store normally refuses those) is an `invalid` row that keeps its `task`.
 *   Dates that are not real `YYYY-MM-DD` days count as missing.
 * - A summary spans from the earliest start to the latest due of the rows below it that have dates
 *   (recursively, so a sub-summary counts with its own span); its own dates are used only when nothing
 *   below it has dates, and it is `unscheduled` when it has none either.
 * - Progress: a leaf's own (clamped to 0..100), or 100 when `isDone` says so. A summary's is the
 *   weighted mean over all leaves below it, a leaf weighing its estimate when above 0, else 1: the
 *   rule of core's `computeRollups`. Not rounded.
 * - A dependency whose predecessor is not among `tasks` adds a `missing-predecessor` problem to the
 *   successor's row (one per such dependency); the arrow is not drawn.
 * - Refused tasks (`invalid`) follow at the top level, each with its problem; one whose id is also a
 *   valid task is skipped (rows and tasks are one to one).
 */
export function buildGanttRows(input: GanttRowsInput): GanttRows {
  const { tasks, collapsed, isDone } = input;
  const count = tasks.length;
  const position = new Map<Id, number>();
  for (let index = 0; index < count; index++) position.set(tasks[index]!.id, index);

  // Sibling order, then one depth-first pass: `order` holds every task (hidden ones too) in display order.
  const hierarchy = buildHierarchy(tasks);
  const children: (Task[] | undefined)[] = new Array(count);
  for (const [parentId, list] of hierarchy.children) children[position.get(parentId)!] = [...list].sort(bySiblingOrder);
  const roots = sortRoots(hierarchy.roots);
  const order = new Int32Array(count);
  const parentOf = new Int32Array(count);
  const depthOf = new Int32Array(count);
  const hidden = new Uint8Array(count);
  const stack: number[] = [];
  for (let index = roots.length - 1; index >= 0; index--) {
    const root = position.get(roots[index]!.id)!;
    parentOf[root] = -1;
    stack.push(root);
  }
  let placed = 0;
  while (stack.length > 0) {
    const at = stack.pop()!;
    order[placed++] = at;
    const below = children[at];
    if (below === undefined) continue;
    const hideBelow = hidden[at] === 1 || collapsed.has(tasks[at]!.id) ? 1 : 0;
    for (let index = below.length - 1; index >= 0; index--) {
      const child = position.get(below[index]!.id)!;
      parentOf[child] = at;
      depthOf[child] = depthOf[at]! + 1;
      hidden[child] = hideBelow;
      stack.push(child);
    }
  }

  // Bottom-up, by walking that order backwards (every subtask comes after its parent): spans and
  // leaf-weighted progress. Spans are kept as day numbers for comparing and as the source strings
  // (already valid YYYY-MM-DD) for showing, so nothing is formatted again.
  const ownKind = new Uint8Array(count);
  const ownStart = new Float64Array(count);
  const ownDue = new Float64Array(count);
  const spanStart = new Float64Array(count).fill(Infinity);
  const spanDue = new Float64Array(count).fill(-Infinity);
  const startText: (IsoDate | undefined)[] = new Array(count);
  const dueText: (IsoDate | undefined)[] = new Array(count);
  const weighted = new Float64Array(count);
  const weight = new Float64Array(count);
  const progress = new Float64Array(count);
  for (let step = count - 1; step >= 0; step--) {
    const at = order[step]!;
    const task = tasks[at]!;
    readOwnDates(task, at, ownKind, ownStart, ownDue);
    if (children[at] === undefined) {
      const own = isDone?.(task) ? 100 : clampProgress(task.progress);
      progress[at] = own;
      weight[at] = task.estimate !== undefined && task.estimate > 0 ? task.estimate : 1;
      weighted[at] = weight[at]! * own;
    } else {
      progress[at] = weight[at]! > 0 ? weighted[at]! / weight[at]! : 0;
    }
    // A leaf has no span yet; a parent without dated subtasks falls back to its own dates.
    const kind = ownKind[at]!;
    if (spanStart[at] === Infinity && (kind === OWN_TASK || kind === OWN_MILESTONE)) {
      spanStart[at] = ownStart[at]!;
      spanDue[at] = ownDue[at]!;
      startText[at] = kind === OWN_MILESTONE ? milestoneDay(task) : task.start;
      dueText[at] = kind === OWN_MILESTONE ? milestoneDay(task) : task.due;
    }
    const parent = parentOf[at]!;
    if (parent < 0) continue;
    weighted[parent] = weighted[parent]! + weighted[at]!;
    weight[parent] = weight[parent]! + weight[at]!;
    if (spanStart[at]! < spanStart[parent]!) {
      spanStart[parent] = spanStart[at]!;
      startText[parent] = startText[at];
    }
    if (spanDue[at]! > spanDue[parent]!) {
      spanDue[parent] = spanDue[at]!;
      dueText[parent] = dueText[at];
    }
  }

  // The visible rows, and the range over every task with a span (hidden ones too).
  const rows: GanttRow[] = [];
  const indexOf = new Map<Id, number>();
  let first = Infinity;
  let last = -Infinity;
  let firstText: IsoDate | undefined;
  let lastText: IsoDate | undefined;
  const invalidIds = input.invalid === undefined ? EMPTY_IDS : new Set(input.invalid.map((entry) => entry.id));
  for (let step = 0; step < count; step++) {
    const at = order[step]!;
    if (spanStart[at]! < first) {
      first = spanStart[at]!;
      firstText = startText[at];
    }
    if (spanDue[at]! > last) {
      last = spanDue[at]!;
      lastText = dueText[at];
    }
    if (hidden[at] === 1) continue;
    const task = tasks[at]!;
    const hasChildren = children[at] !== undefined;
    const kind: GanttRowKind = hasChildren
      ? startText[at] === undefined ? 'unscheduled' : 'summary'
      : OWN_KINDS[ownKind[at]!]!;
    const problems: RowProblem[] = [];
    if (kind === 'unscheduled' || kind === 'invalid') problems.push(ownProblem(task, ownKind[at]!, hasChildren));
    for (const dependency of task.dependencies) {
      if (!position.has(dependency.predecessorId)) problems.push(missingPredecessor(dependency.predecessorId, invalidIds));
    }
    indexOf.set(task.id, rows.length);
    // `start`/`due` are undefined rather than absent on rows without dates: one object shape for
    // every row keeps the pass fast, and `row.start === undefined` reads the same.
    const shown = kind !== 'unscheduled' && kind !== 'invalid';
    rows.push({
      id: task.id,
      depth: depthOf[at]!,
      kind,
      title: task.title,
      start: shown ? startText[at] : undefined,
      due: shown ? dueText[at] : undefined,
      progress: progress[at]!,
      assigneeIds: task.assigneeIds,
      hasChildren,
      expanded: hasChildren && !collapsed.has(task.id),
      task,
      problems,
    });
  }

  for (const entry of input.invalid ?? []) {
    if (position.has(entry.id) || indexOf.has(entry.id)) continue;
    indexOf.set(entry.id, rows.length);
    rows.push({
      id: entry.id,
      depth: 0,
      kind: 'invalid',
      title: entry.title,
      progress: 0,
      assigneeIds: [],
      hasChildren: false,
      expanded: false,
      problems: [entry.problem],
    });
  }

  return firstText !== undefined && lastText !== undefined
    ? { rows, indexOf, range: { start: firstText, due: lastText } }
    : { rows, indexOf };
}

const EMPTY_IDS: ReadonlySet<Id> = new Set();

const OWN_KINDS: readonly GanttRowKind[] = ['task', 'milestone', 'unscheduled', 'invalid'];

/** Sorts a task's own dates into a kind (`OWN_*`) and its first and last day. */
function readOwnDates(task: Task, at: number, kind: Uint8Array, start: Float64Array, due: Float64Array): void {
  const first = parseIsoDate(task.start);
  const last = parseIsoDate(task.due);
  if (task.milestone) {
    const day = last ?? first;
    kind[at] = day === undefined ? OWN_UNSCHEDULED : OWN_MILESTONE;
    if (day !== undefined) start[at] = due[at] = day;
    return;
  }
  if (first === undefined || last === undefined) {
    kind[at] = OWN_UNSCHEDULED;
    return;
  }
  kind[at] = last < first ? OWN_REVERSED : OWN_TASK;
  start[at] = first;
  due[at] = last;
}

/** A milestone's day as written: its due date when that is a real day, else its start. */
function milestoneDay(task: Task): IsoDate | undefined {
  return parseIsoDate(task.due) !== undefined ? task.due : task.start;
}

/** Why a row without a bar has none. */
function ownProblem(task: Task, kind: number, hasChildren: boolean): RowProblem {
  // A parent without a bar: nothing below it has dates, and its own are missing or reversed.
  if (hasChildren) return { code: 'unscheduled', message: 'Neither this task nor its subtasks have usable dates.' };
  if (kind === OWN_REVERSED) {
    return { code: 'reversed-dates', message: `Its due date (${task.due}) is before its start date (${task.start}).` };
  }
  if (task.milestone) return { code: 'unscheduled', message: 'This milestone has no date.' };
  const start = parseIsoDate(task.start);
  const due = parseIsoDate(task.due);
  const message = start === undefined && due === undefined ? 'Has no start or due date.' : start === undefined ? 'Has no start date.' : 'Has no due date.';
  return { code: 'unscheduled', message };
}

function missingPredecessor(predecessorId: Id, invalidIds: ReadonlySet<Id>): RowProblem {
  return {
    code: 'missing-predecessor',
    message: invalidIds.has(predecessorId)
      ? `Depends on task "${predecessorId}", which could not be loaded; that dependency is ignored.`
      : `Depends on task "${predecessorId}", which is not in this plan; that dependency is ignored.`,
  };
}

function clampProgress(progress: number): number {
  return Number.isFinite(progress) ? Math.min(100, Math.max(0, progress)) : 0;
}

/** Rank in plain string order (fractional indexes compare that way), then id. */
function bySiblingOrder(a: Task, b: Task): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Top-level tasks grouped by project (in order of first appearance), each group in sibling order. */
function sortRoots(roots: readonly Task[]): Task[] {
  const projectOrder = new Map<Id, number>();
  for (const task of roots) if (!projectOrder.has(task.projectId)) projectOrder.set(task.projectId, projectOrder.size);
  return [...roots].sort(
    (a, b) => projectOrder.get(a.projectId)! - projectOrder.get(b.projectId)! || bySiblingOrder(a, b),
  );
}
