// What one task adds to the dashboard's numbers, derived once and cached by `kpi-index` so that a
// change re-derives only the tasks it can affect. Every field answers the question `computeKpis` asks
// of that task in its loop, with the same predicates, so adding the parts up gives its numbers.
import { isBlocked, leafRollup, ownChecklistOnly, parseIsoDate, type Id, type IsoDate, type Rollup, type StatusCategory, type Task } from '@cwm/core';
import { isOverdue } from './drill-down.js';
import { sameElements, shallowEqual } from './keep-equal.js';
import { missingPlan, overdueItem, statusKey, type MixCategory, type OverdueItem, type UnplannedItem } from './kpis.js';

/** One task's share of the KPIs. Immutable: a changed task gets a new part. */
export interface KpiTaskPart {
  readonly task: Task;
  readonly category: MixCategory;
  /** `statusKey(task.status, category)`: where the task sits in the status mix. */
  readonly statusKey: string;
  /** Status in a `todo` or `active` category. */
  readonly open: boolean;
  /** Its overdue-list row when it is open and past due. */
  readonly overdue: OverdueItem | undefined;
  /** Open with an open predecessor. */
  readonly blocked: boolean;
  /** Open and due within the week of today. */
  readonly dueThisWeek: boolean;
  /** Its assignees, each once, when its status is `active` (who is on what); empty otherwise. */
  readonly activeFor: readonly Id[];
  /** Its assignees, each once (people involved). */
  readonly people: readonly Id[];
  /** Its unplanned row when it is a not-done leaf missing an estimate or dates. */
  readonly unplanned: UnplannedItem | undefined;
  /** What it adds to its project's roll-up: a leaf's whole roll-up, or a parent's own checklist only. */
  readonly rollup: Rollup;
}

/** What deriving a part needs besides the task. */
export interface KpiPartContext {
  readonly today: IsoDate;
  /** The ISO week of today as day numbers (`parseIsoDate`). */
  readonly weekFrom: number;
  readonly weekTo: number;
  readonly categoryOf: (task: Task) => StatusCategory | undefined;
  /** Any task by id, other projects' included (predecessors may live there). */
  readonly taskById: (id: Id) => Task | undefined;
}

const NONE: readonly Id[] = Object.freeze([]);

/**
 * The part of `task`; `leaf` tells whether it has (followed) subtasks, as core's `buildHierarchy` decides.
 * `previous` is the task's last part, if any: its `overdue` / `unplanned` rows and id lists are handed
 * back when they come out equal, so re-deriving a task that changed nothing shown (a new version, a
 * parent re-derived because a subtask moved) keeps the rows a renderer compares by identity.
 */
export function deriveKpiTaskPart(task: Task, leaf: boolean, context: KpiPartContext, previous?: KpiTaskPart): KpiTaskPart {
  const category = context.categoryOf(task);
  const open = category === 'todo' || category === 'active';
  const due = parseIsoDate(task.due);
  const people = keptList(previous?.people, task.assigneeIds.length === 0 ? NONE : [...new Set(task.assigneeIds)]);
  let unplanned: UnplannedItem | undefined;
  if (category !== 'done' && leaf) {
    const missing = missingPlan(task);
    if (missing.length > 0) unplanned = keptUnplanned(previous?.unplanned, { taskId: task.id, projectId: task.projectId, missing });
  }
  const overdue = open && isOverdue(task, context.today, context.categoryOf) ? keptOverdue(previous?.overdue, overdueItem(task, context.today)) : undefined;
  return {
    task,
    category: category ?? 'unknown',
    statusKey: statusKey(task.status, category ?? 'unknown'),
    open,
    overdue,
    blocked: open && isBlocked(task, context),
    dueThisWeek: open && due !== undefined && due >= context.weekFrom && due <= context.weekTo,
    activeFor: category === 'active' ? people : NONE,
    people,
    unplanned,
    rollup: keptRollup(previous?.rollup, leaf ? leafRollup(task, category === 'done') : ownChecklistOnly(task)),
  };
}

/**
 * True when two parts of one task add the same to every number and list the assembly makes (rows
 * and lists compared by identity, as `deriveKpiTaskPart` hands back equal ones), so that re-assembling
 * could only reorder lists that are sets and move sums in the last bits. A status no workflow knows is
 * never the same: the status mix lists those in order of appearance, which a re-set task moves.
 */
export function sameContribution(a: KpiTaskPart | undefined, b: KpiTaskPart | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return (
    a.category !== 'unknown' &&
    a.category === b.category &&
    a.statusKey === b.statusKey &&
    a.task.projectId === b.task.projectId &&
    a.task.checklist.length > 0 === b.task.checklist.length > 0 &&
    a.open === b.open &&
    a.overdue === b.overdue &&
    a.blocked === b.blocked &&
    a.dueThisWeek === b.dueThisWeek &&
    a.activeFor === b.activeFor &&
    a.people === b.people &&
    a.unplanned === b.unplanned &&
    a.rollup === b.rollup
  );
}

function keptOverdue(old: OverdueItem | undefined, fresh: OverdueItem): OverdueItem {
  if (
    old !== undefined &&
    old.taskId === fresh.taskId &&
    old.projectId === fresh.projectId &&
    old.due === fresh.due &&
    old.daysLate === fresh.daysLate &&
    sameElements(old.ownerIds, fresh.ownerIds)
  ) {
    return old;
  }
  return fresh;
}

function keptUnplanned(old: UnplannedItem | undefined, fresh: UnplannedItem): UnplannedItem {
  if (old !== undefined && old.taskId === fresh.taskId && old.projectId === fresh.projectId && sameElements(old.missing, fresh.missing)) return old;
  return fresh;
}

function keptRollup(old: Rollup | undefined, fresh: Rollup): Rollup {
  return old !== undefined && shallowEqual(old, fresh) ? old : fresh;
}

function keptList<T>(old: readonly T[] | undefined, fresh: readonly T[]): readonly T[] {
  return old !== undefined && sameElements(old, fresh) ? old : fresh;
}
