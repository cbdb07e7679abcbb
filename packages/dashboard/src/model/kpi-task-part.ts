// What one task adds to the dashboard's numbers, derived once and cached by `kpi-index` so that a
// change re-derives only the tasks it can affect. Every field answers the question `computeKpis` asks
// of that task in its loop, with the same predicates, so adding the parts up gives its numbers.
import { isBlocked, leafRollup, ownChecklistOnly, parseIsoDate, type Id, type IsoDate, type Rollup, type StatusCategory, type Task } from '@cwm/core';
import { isOverdue } from './drill-down.js';
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

/** The part of `task`; `leaf` tells whether it has (followed) subtasks, as core's `buildHierarchy` decides. */
export function deriveKpiTaskPart(task: Task, leaf: boolean, context: KpiPartContext): KpiTaskPart {
  const category = context.categoryOf(task);
  const open = category === 'todo' || category === 'active';
  const due = parseIsoDate(task.due);
  const people = task.assigneeIds.length === 0 ? NONE : [...new Set(task.assigneeIds)];
  let unplanned: UnplannedItem | undefined;
  if (category !== 'done' && leaf) {
    const missing = missingPlan(task);
    if (missing.length > 0) unplanned = { taskId: task.id, projectId: task.projectId, missing };
  }
  return {
    task,
    category: category ?? 'unknown',
    statusKey: statusKey(task.status, category ?? 'unknown'),
    open,
    overdue: open && isOverdue(task, context.today, context.categoryOf) ? overdueItem(task, context.today) : undefined,
    blocked: open && isBlocked(task, context),
    dueThisWeek: open && due !== undefined && due >= context.weekFrom && due <= context.weekTo,
    activeFor: category === 'active' ? people : NONE,
    people,
    unplanned,
    rollup: leaf ? leafRollup(task, category === 'done') : ownChecklistOnly(task),
  };
}
