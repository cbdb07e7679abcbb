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
 *
 * The result remembers its input, hierarchy and fold (beside it, in a WeakMap), so `updateGanttRows`
 * can patch it when a few tasks change.
 */
export function buildGanttRows(input: GanttRowsInput): GanttRows {
  const { tasks, collapsed, isDone } = input;
  const layout = layOut(tasks, collapsed);
  const fold = emptyFold(tasks.length);
  // Bottom-up, by walking the display order backwards (every subtask comes after its parent).
  for (let step = tasks.length - 1; step >= 0; step--) {
    const at = layout.order[step]!;
    foldTask(at, tasks[at]!, layout, fold, isDone);
  }

  const rows: GanttRow[] = [];
  const indexOf = new Map<Id, number>();
  const invalidIds = invalidIdsOf(input.invalid);
  for (let step = 0; step < tasks.length; step++) {
    const at = layout.order[step]!;
    if (layout.hidden[at] === 1) continue;
    const task = tasks[at]!;
    indexOf.set(task.id, rows.length);
    rows.push(taskRow(at, task, layout, fold, collapsed, invalidIds));
  }

  for (const entry of input.invalid ?? []) {
    if (layout.position.has(entry.id) || indexOf.has(entry.id)) continue;
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

  const range = planRange(layout, fold);
  const model: GanttRows = range === undefined ? { rows, indexOf } : { rows, indexOf, range };
  rememberRowsState(model, { input, layout, fold });
  return model;
}

/**
 * The hierarchy of one build, by position in the input `tasks`. An update that moves, adds or removes
 * no task and changes no parent, rank or project has the same layout, so it is shared.
 */
export interface RowsLayout {
  /** Position of each task in the input list. */
  readonly position: ReadonlyMap<Id, number>;
  /** Positions of each task's subtasks, in sibling order; `undefined` for a leaf. */
  readonly children: readonly (readonly number[] | undefined)[];
  /** Positions of the top-level tasks, in display order. */
  readonly roots: readonly number[];
  /** Every position (hidden ones too) in display order. */
  readonly order: Int32Array;
  /** Position of each task's parent, -1 at the top level. */
  readonly parentOf: Int32Array;
  readonly depthOf: Int32Array;
  /** 1 when the task sits in a collapsed subtree. */
  readonly hidden: Uint8Array;
}

/**
 * Dates and progress of every task, by position, as the bottom-up fold leaves them. Spans are kept as
 * day numbers for comparing and as the source strings (already valid YYYY-MM-DD) for showing, so
 * nothing is formatted again. An update copies these arrays before refolding the tasks it touches.
 */
export interface RowsFold {
  /** `OWN_*`: the kind a task has on its own dates. */
  readonly ownKind: Uint8Array;
  readonly ownStart: Float64Array;
  readonly ownDue: Float64Array;
  /** Earliest day of the task's span (Infinity when it has none). */
  readonly spanStart: Float64Array;
  /** Latest day of the task's span (-Infinity when it has none). */
  readonly spanDue: Float64Array;
  readonly startText: (IsoDate | undefined)[];
  readonly dueText: (IsoDate | undefined)[];
  /** Sum over the leaves below (or the leaf itself) of weight times progress. */
  readonly weighted: Float64Array;
  /** Sum of the leaf weights below (or the leaf's own). */
  readonly weight: Float64Array;
  readonly progress: Float64Array;
}

/** What a build leaves behind for `updateGanttRows`: its input, hierarchy and fold. */
export interface RowsState {
  readonly input: GanttRowsInput;
  readonly layout: RowsLayout;
  readonly fold: RowsFold;
}

// Kept beside the rows rather than on them, so `GanttRows` stays plain data (and deep-equal to a build).
const states = new WeakMap<GanttRows, RowsState>();

/** The state `rows` was built from, when `buildGanttRows` or `updateGanttRows` made it. */
export function rowsStateOf(rows: GanttRows): RowsState | undefined {
  return states.get(rows);
}

/** Records what `rows` was built from, for the next update. */
export function rememberRowsState(rows: GanttRows, state: RowsState): void {
  states.set(rows, state);
}

/**
 * The hierarchy: sibling order (rank, then id; top-level tasks grouped by project), then one depth-first
 * pass that places every task, hidden ones too.
 */
function layOut(tasks: readonly Task[], collapsed: ReadonlySet<Id>): RowsLayout {
  const count = tasks.length;
  const position = new Map<Id, number>();
  for (let index = 0; index < count; index++) position.set(tasks[index]!.id, index);
  const hierarchy = buildHierarchy(tasks);
  const children: (number[] | undefined)[] = new Array(count);
  for (const [parentId, list] of hierarchy.children) {
    children[position.get(parentId)!] = [...list].sort(bySiblingOrder).map((task) => position.get(task.id)!);
  }
  const roots = sortRoots(hierarchy.roots).map((task) => position.get(task.id)!);
  const order = new Int32Array(count);
  const parentOf = new Int32Array(count);
  const depthOf = new Int32Array(count);
  const hidden = new Uint8Array(count);
  const stack: number[] = [];
  for (let index = roots.length - 1; index >= 0; index--) {
    const root = roots[index]!;
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
      const child = below[index]!;
      parentOf[child] = at;
      depthOf[child] = depthOf[at]! + 1;
      hidden[child] = hideBelow;
      stack.push(child);
    }
  }
  return { position, children, roots, order, parentOf, depthOf, hidden };
}

function emptyFold(count: number): RowsFold {
  return {
    ownKind: new Uint8Array(count),
    ownStart: new Float64Array(count),
    ownDue: new Float64Array(count),
    spanStart: new Float64Array(count),
    spanDue: new Float64Array(count),
    startText: new Array<IsoDate | undefined>(count),
    dueText: new Array<IsoDate | undefined>(count),
    weighted: new Float64Array(count),
    weight: new Float64Array(count),
    progress: new Float64Array(count),
  };
}

/** A copy of `fold` that an update can refold without touching the rows it came from. */
export function copyFold(fold: RowsFold): RowsFold {
  return {
    ownKind: fold.ownKind.slice(),
    ownStart: fold.ownStart.slice(),
    ownDue: fold.ownDue.slice(),
    spanStart: fold.spanStart.slice(),
    spanDue: fold.spanDue.slice(),
    startText: fold.startText.slice(),
    dueText: fold.dueText.slice(),
    weighted: fold.weighted.slice(),
    weight: fold.weight.slice(),
    progress: fold.progress.slice(),
  };
}

/**
 * Folds one task from its own data and its subtasks' folded values (which must be final): its kind on
 * its own dates, its span and its leaf-weighted progress. Subtasks are summed last sibling first, the
 * order a bottom-up pass meets them, so a refold gives the very same floating-point sums as a build.
 */
export function foldTask(at: number, task: Task, layout: RowsLayout, fold: RowsFold, isDone: ((task: Task) => boolean) | undefined): void {
  readOwnDates(task, at, fold.ownKind, fold.ownStart, fold.ownDue);
  let spanStart = Infinity;
  let spanDue = -Infinity;
  let startText: IsoDate | undefined;
  let dueText: IsoDate | undefined;
  const below = layout.children[at];
  if (below === undefined) {
    const own = isDone?.(task) ? 100 : clampProgress(task.progress);
    const weight = task.estimate !== undefined && task.estimate > 0 ? task.estimate : 1;
    fold.progress[at] = own;
    fold.weight[at] = weight;
    fold.weighted[at] = weight * own;
  } else {
    let weighted = 0;
    let weight = 0;
    for (let index = below.length - 1; index >= 0; index--) {
      const child = below[index]!;
      weighted += fold.weighted[child]!;
      weight += fold.weight[child]!;
      if (fold.spanStart[child]! < spanStart) {
        spanStart = fold.spanStart[child]!;
        startText = fold.startText[child];
      }
      if (fold.spanDue[child]! > spanDue) {
        spanDue = fold.spanDue[child]!;
        dueText = fold.dueText[child];
      }
    }
    fold.weighted[at] = weighted;
    fold.weight[at] = weight;
    fold.progress[at] = weight > 0 ? weighted / weight : 0;
  }
  // A leaf has no span yet; a parent without dated subtasks falls back to its own dates.
  const kind = fold.ownKind[at]!;
  if (spanStart === Infinity && (kind === OWN_TASK || kind === OWN_MILESTONE)) {
    spanStart = fold.ownStart[at]!;
    spanDue = fold.ownDue[at]!;
    startText = kind === OWN_MILESTONE ? milestoneDay(task) : task.start;
    dueText = kind === OWN_MILESTONE ? milestoneDay(task) : task.due;
  }
  fold.spanStart[at] = spanStart;
  fold.spanDue[at] = spanDue;
  fold.startText[at] = startText;
  fold.dueText[at] = dueText;
}

/** The ids of the refused tasks, for the wording of missing-predecessor problems. */
export function invalidIdsOf(invalid: readonly InvalidTask[] | undefined): ReadonlySet<Id> {
  return invalid === undefined || invalid.length === 0 ? EMPTY_IDS : new Set(invalid.map((entry) => entry.id));
}

/** The row of the (visible) task at `at`, from its folded values. */
export function taskRow(
  at: number,
  task: Task,
  layout: RowsLayout,
  fold: RowsFold,
  collapsed: ReadonlySet<Id>,
  invalidIds: ReadonlySet<Id>,
): GanttRow {
  const hasChildren = layout.children[at] !== undefined;
  const startText = fold.startText[at];
  const kind: GanttRowKind = hasChildren ? (startText === undefined ? 'unscheduled' : 'summary') : OWN_KINDS[fold.ownKind[at]!]!;
  const problems: RowProblem[] = [];
  if (kind === 'unscheduled' || kind === 'invalid') problems.push(ownProblem(task, fold.ownKind[at]!, hasChildren));
  for (const dependency of task.dependencies) {
    if (!layout.position.has(dependency.predecessorId)) problems.push(missingPredecessor(dependency.predecessorId, invalidIds));
  }
  // `start`/`due` are undefined rather than absent on rows without dates: one object shape for
  // every row keeps the pass fast, and `row.start === undefined` reads the same.
  const shown = kind !== 'unscheduled' && kind !== 'invalid';
  return {
    id: task.id,
    depth: layout.depthOf[at]!,
    kind,
    title: task.title,
    start: shown ? startText : undefined,
    due: shown ? fold.dueText[at] : undefined,
    progress: fold.progress[at]!,
    assigneeIds: task.assigneeIds,
    hasChildren,
    expanded: hasChildren && !collapsed.has(task.id),
    task,
    problems,
  };
}

/**
 * Earliest start and latest due over every task with a span, hidden ones too. A task's span lies within
 * its top-level ancestor's, so the top-level tasks are enough; a day has one YYYY-MM-DD spelling, so
 * which task the text comes from does not matter.
 */
export function planRange(layout: RowsLayout, fold: RowsFold): GanttRows['range'] {
  let first = Infinity;
  let last = -Infinity;
  let firstText: IsoDate | undefined;
  let lastText: IsoDate | undefined;
  for (const at of layout.roots) {
    if (fold.spanStart[at]! < first) {
      first = fold.spanStart[at]!;
      firstText = fold.startText[at];
    }
    if (fold.spanDue[at]! > last) {
      last = fold.spanDue[at]!;
      lastText = fold.dueText[at];
    }
  }
  return firstText !== undefined && lastText !== undefined ? { start: firstText, due: lastText } : undefined;
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
