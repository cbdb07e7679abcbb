// The numbers of <cwm-dashboard>: KPI tiles, portfolio rows, status mix, the overdue list and who is
// on what, for a set of projects. Progress comes from core's roll-ups (never recomputed here); counts
// use the predicates of `drill-down.ts`, so each number's `drillDown` filter selects exactly the tasks
// it counts.
import {
  EMPTY_ROLLUP,
  addDays,
  buildHierarchy,
  combineRollups,
  computeProjectRollups,
  daysBetween,
  parseIsoDate,
  weekStart,
  type Id,
  type IsoDate,
  type Message,
  type Rollup,
  type StatusCategory,
  type Task,
  type WorkflowLookup,
} from '@cwm/core';
import { createFilterContext, isBlocked, isOverdue, type DashboardFilter, type FilterContext } from './drill-down.js';
import { compareText, pushTo } from './collections.js';
import { newTally, OPEN_CATEGORIES, type Tally } from './kpi-tally.js';

/** What `computeKpis` reads. */
export interface KpiInput {
  /** The projects on the dashboard (one for a project view, several for a portfolio); repeats count once. */
  readonly projectIds: readonly Id[];
  /**
   * Tasks: may hold other projects' tasks too (only the selected projects' are counted; the others
   * still answer predecessor look-ups, so a cross-project dependency can block).
   */
  readonly tasks: readonly Task[];
  readonly workflowOf: WorkflowLookup;
  /** The user's today, `YYYY-MM-DD`; overdue and "due this week" (its ISO week) are relative to it. */
  readonly today: IsoDate;
  /** Messages, when the host has them: their authors count as people involved. */
  readonly messages?: Iterable<Message>;
}

/** A number of tasks and the filter that shows them. */
export interface CountKpi {
  readonly count: number;
  readonly drillDown: DashboardFilter;
}

/** Percent complete, weighted by estimate through the hierarchy (core's `Rollup` of the projects). */
export interface ProgressKpi {
  /** 0..100, the estimate-weighted average of the leaf tasks; 0 when there are none. */
  readonly percent: number;
  readonly doneLeaves: number;
  readonly totalLeaves: number;
  readonly estimateTotal: number;
  readonly estimateDone: number;
  /** Leaves weighing 1 because they have no estimate: the part of `percent` that is a guess. */
  readonly unestimatedLeaves: number;
  readonly drillDown: DashboardFilter;
}

/** Checklist items ticked off, on every task of the projects. */
export interface ChecklistKpi {
  readonly done: number;
  readonly total: number;
  /** 0..100; 0 when there are no items. */
  readonly percent: number;
  /** The tasks that have a checklist. */
  readonly drillDown: DashboardFilter;
}

/** People involved: assignees of the projects' tasks and authors of user messages on them. */
export interface PeopleKpi {
  readonly count: number;
  /** Sorted. */
  readonly personIds: readonly Id[];
  /** Tasks assigned to any of them (a message author's tasks elsewhere are not shown). */
  readonly drillDown: DashboardFilter;
}

/** One project in the portfolio view. */
export interface PortfolioRow {
  readonly projectId: Id;
  /** 0..100, as `ProgressKpi.percent` for this project alone. */
  readonly percent: number;
  readonly total: number;
  readonly done: number;
  readonly open: number;
  readonly overdue: number;
  readonly blocked: number;
  readonly unplanned: number;
  /** The project has no tasks: show an empty state instead of zeros. */
  readonly empty: boolean;
  readonly drillDown: DashboardFilter;
}

/** A category of the status mix; `unknown` holds tasks whose status their workflow does not know. */
export type MixCategory = StatusCategory | 'unknown';

/** One status in the status mix. */
export interface StatusMixEntry {
  readonly statusId: string;
  /** The status name from the first selected workflow that has it; absent for an unknown status. */
  readonly name?: string;
  readonly category: MixCategory;
  readonly count: number;
  readonly drillDown: DashboardFilter;
}

/** How the tasks spread over statuses. */
export interface StatusMix {
  readonly byCategory: Readonly<Record<MixCategory, CountKpi>>;
  /**
   * Every status of the selected workflows (zeros included), in workflow order, project by project,
   * merged by id and category; then statuses no workflow knows, in order of appearance.
   */
  readonly byStatus: readonly StatusMixEntry[];
}

/** A task past due. */
export interface OverdueItem {
  readonly taskId: Id;
  readonly projectId: Id;
  readonly due: IsoDate;
  /** Calendar days since the due day (1 = was due yesterday). */
  readonly daysLate: number;
  /** The people answerable for it: its assignees (empty when nobody is assigned). */
  readonly ownerIds: readonly Id[];
}

/** One person's work in progress. */
export interface PersonWork {
  readonly personId: Id;
  /** Tasks assigned to the person whose status is in an `active` category. */
  readonly taskIds: readonly Id[];
  readonly drillDown: DashboardFilter;
}

/** An open leaf task that cannot be placed in time or weighed: it is counted, but listed apart. */
export interface UnplannedItem {
  readonly taskId: Id;
  readonly projectId: Id;
  /**
   * `estimate`: no estimate above 0 (so it weighs 1 in percent complete); `dates`: no real `start`
   * and `due` with due on or after start (a milestone needs only a real `due`, and no estimate).
   */
  readonly missing: readonly ('estimate' | 'dates')[];
}

/** Everything a dashboard shows about a set of projects. Never NaN: empty sets give zeros. */
export interface DashboardKpis {
  /** No task in the selected projects: show the empty state. */
  readonly empty: boolean;
  /** The ISO week of `today`, Monday to Sunday, that "due this week" means. */
  readonly week: { readonly from: IsoDate; readonly to: IsoDate };
  readonly total: CountKpi;
  readonly percentComplete: ProgressKpi;
  readonly done: CountKpi;
  /** Status in a `todo` or `active` category (a task with an unknown status is neither open nor done). */
  readonly open: CountKpi;
  /** Open and past due. */
  readonly overdue: CountKpi;
  /** Open with an open predecessor. */
  readonly blocked: CountKpi;
  /** Open and due within `week` (a task due earlier this week is also overdue). */
  readonly dueThisWeek: CountKpi;
  readonly checklist: ChecklistKpi;
  readonly people: PeopleKpi;
  /** One row per selected project, in the order given. */
  readonly portfolio: readonly PortfolioRow[];
  readonly statusMix: StatusMix;
  /** Most late first (then earliest due, then task id). */
  readonly overdueList: readonly OverdueItem[];
  /** People with work in progress: most tasks first, then by id. */
  readonly whoIsOnWhat: readonly PersonWork[];
  /** Open leaf tasks without an estimate or dates, in task order. */
  readonly unplanned: { readonly count: number; readonly items: readonly UnplannedItem[]; readonly drillDown: DashboardFilter };
}

/**
 * The KPIs of the tasks of `input.projectIds`. Every task counts once in the counts (parents too, as
 * each is a card on the board); percent complete and checklists are core's project roll-ups. One pass
 * over the tasks plus the roll-ups: linear time. Throws a `RangeError` when `today` is not a real day.
 */
export function computeKpis(input: KpiInput): DashboardKpis {
  const projectIds = [...new Set(input.projectIds)];
  const selected = new Set(projectIds);
  const context = createFilterContext(input.tasks, input.workflowOf, input.today);
  const week = { from: weekStart(input.today), to: addDays(weekStart(input.today), 6) };
  const weekFrom = parseIsoDate(week.from)!;
  const weekTo = parseIsoDate(week.to)!;
  const base: DashboardFilter = { projectIds };
  const { children } = buildHierarchy(input.tasks);

  const all = newTally();
  const byProject = new Map<Id, Tally>(projectIds.map((id) => [id, newTally()]));
  const unknownIds: Id[] = [];
  const statusIds = new Map<string, Id[]>();
  const checklistTaskIds: Id[] = [];
  const overdueList: OverdueItem[] = [];
  const active = new Map<Id, Id[]>();
  const involved = new Set<Id>();
  const unplanned: UnplannedItem[] = [];
  let dueThisWeek = 0;
  const categories: Record<StatusCategory, number> = { todo: 0, active: 0, done: 0 };

  for (const task of input.tasks) {
    if (!selected.has(task.projectId)) continue;
    const tally = byProject.get(task.projectId)!;
    const category = context.categoryOf(task);
    const open = category === 'todo' || category === 'active';
    all.total++;
    tally.total++;
    if (category === undefined) unknownIds.push(task.id);
    else categories[category]++;
    pushTo(statusIds, statusKey(task.status, category ?? 'unknown'), task.id);
    if (task.checklist.length > 0) checklistTaskIds.push(task.id);
    for (const personId of task.assigneeIds) involved.add(personId);
    if (category === 'done') {
      all.done++;
      tally.done++;
    }
    if (open) {
      all.open++;
      tally.open++;
      if (isOverdue(task, input.today, context.categoryOf)) {
        all.overdue++;
        tally.overdue++;
        overdueList.push(overdueItem(task, input.today));
      }
      if (isBlocked(task, context)) {
        all.blocked++;
        tally.blocked++;
      }
      const due = parseIsoDate(task.due);
      if (due !== undefined && due >= weekFrom && due <= weekTo) dueThisWeek++;
      if (category === 'active') for (const personId of new Set(task.assigneeIds)) pushTo(active, personId, task.id);
    }
    if (category !== 'done' && !children.has(task.id)) {
      const missing = missingPlan(task);
      if (missing.length > 0) {
        all.unplanned++;
        tally.unplanned++;
        unplanned.push({ taskId: task.id, projectId: task.projectId, missing });
      }
    }
  }

  addMessageAuthors(input.messages, context, selected, involved);
  const rollups = computeProjectRollups(input.tasks, input.workflowOf);
  const rollupOf = (projectId: Id): Rollup => rollups.get(projectId) ?? EMPTY_ROLLUP;
  const combined = combineRollups(projectIds.map(rollupOf));
  const personIds = [...involved].sort(compareText);
  const openFilter: DashboardFilter = { projectIds, statusCategories: OPEN_CATEGORIES };

  return {
    empty: all.total === 0,
    week,
    total: { count: all.total, drillDown: base },
    percentComplete: progressKpi(combined, base),
    done: { count: all.done, drillDown: { projectIds, statusCategories: ['done'] } },
    open: { count: all.open, drillDown: openFilter },
    overdue: { count: all.overdue, drillDown: { ...openFilter, overdue: true } },
    blocked: { count: all.blocked, drillDown: { ...openFilter, blocked: true } },
    dueThisWeek: { count: dueThisWeek, drillDown: { ...openFilter, dueWithin: week } },
    checklist: {
      done: combined.checklistDone,
      total: combined.checklistTotal,
      percent: percentOf(combined.checklistDone, combined.checklistTotal),
      drillDown: { projectIds, taskIds: checklistTaskIds },
    },
    people: { count: personIds.length, personIds, drillDown: { projectIds, assigneeIds: personIds } },
    portfolio: projectIds.map((projectId) => portfolioRow(projectId, byProject.get(projectId)!, rollupOf(projectId))),
    statusMix: {
      byCategory: {
        todo: { count: categories.todo, drillDown: { projectIds, statusCategories: ['todo'] } },
        active: { count: categories.active, drillDown: { projectIds, statusCategories: ['active'] } },
        done: { count: categories.done, drillDown: { projectIds, statusCategories: ['done'] } },
        unknown: { count: unknownIds.length, drillDown: { projectIds, taskIds: unknownIds } },
      },
      byStatus: statusEntries(projectIds, input.workflowOf, statusIds),
    },
    overdueList: overdueList.sort(byLateness),
    whoIsOnWhat: [...active]
      .map(([personId, taskIds]) => ({
        personId,
        taskIds,
        drillDown: { projectIds, statusCategories: ['active'], assigneeIds: [personId] } satisfies DashboardFilter,
      }))
      .sort((a, b) => b.taskIds.length - a.taskIds.length || compareText(a.personId, b.personId)),
    unplanned: { count: unplanned.length, items: unplanned, drillDown: { projectIds, taskIds: unplanned.map((item) => item.taskId) } },
  };
}

function progressKpi(rollup: Rollup, drillDown: DashboardFilter): ProgressKpi {
  return {
    percent: rollup.progress,
    doneLeaves: rollup.doneLeaves,
    totalLeaves: rollup.totalLeaves,
    estimateTotal: rollup.estimateTotal,
    estimateDone: rollup.estimateDone,
    unestimatedLeaves: rollup.unestimatedLeaves,
    drillDown,
  };
}

function portfolioRow(projectId: Id, tally: Tally, rollup: Rollup): PortfolioRow {
  return { projectId, percent: rollup.progress, ...tally, empty: tally.total === 0, drillDown: { projectIds: [projectId] } };
}

/** What keeps an open leaf out of plans; empty when nothing does. Shared with the incremental `kpi-index`. */
export function missingPlan(task: Task): ('estimate' | 'dates')[] {
  const missing: ('estimate' | 'dates')[] = [];
  const due = parseIsoDate(task.due);
  if (task.milestone === true) {
    // A milestone is a point in time: it has no effort and needs only the day it falls on.
    if (due === undefined) missing.push('dates');
    return missing;
  }
  if (!(task.estimate !== undefined && task.estimate > 0)) missing.push('estimate');
  const start = parseIsoDate(task.start);
  if (start === undefined || due === undefined || due < start) missing.push('dates');
  return missing;
}

/** The overdue-list row of a task past due (its `due` is a real day). Shared with the incremental `kpi-index`. */
export function overdueItem(task: Task, today: IsoDate): OverdueItem {
  const due = task.due!;
  return { taskId: task.id, projectId: task.projectId, due, daysLate: daysBetween(due, today), ownerIds: [...new Set(task.assigneeIds)] };
}

/** The overdue list's order: most late first, then earliest due, then task id. Shared with `kpi-index`. */
export function byLateness(a: OverdueItem, b: OverdueItem): number {
  return b.daysLate - a.daysLate || compareText(a.due, b.due) || compareText(a.taskId, b.taskId);
}

/** Authors of user messages on the selected projects' tasks; system messages narrate events, nobody wrote them. */
function addMessageAuthors(messages: Iterable<Message> | undefined, context: FilterContext, selected: ReadonlySet<Id>, involved: Set<Id>): void {
  if (messages === undefined) return;
  for (const message of messages) {
    if (message.kind !== 'user') continue;
    const task = context.taskById(message.taskId);
    if (task !== undefined && selected.has(task.projectId)) involved.add(message.authorId);
  }
}

/** The key under which `statusEntries` expects a status's task ids. Shared with `kpi-index`. */
export function statusKey(statusId: string, category: MixCategory): string {
  return `${category}\u0000${statusId}`;
}

/** The status mix rows from the task ids of each `statusKey` (see `StatusMix.byStatus` for the order). Shared with `kpi-index`. */
export function statusEntries(projectIds: readonly Id[], workflowOf: WorkflowLookup, statusIds: ReadonlyMap<string, Id[]>): StatusMixEntry[] {
  const entries: StatusMixEntry[] = [];
  const seen = new Set<string>();
  const add = (statusId: string, category: MixCategory, name: string | undefined): void => {
    const key = statusKey(statusId, category);
    if (seen.has(key)) return;
    seen.add(key);
    const taskIds = statusIds.get(key) ?? [];
    // The filter has no status field (boards filter by category), so a status drills down by its tasks.
    const entry = { statusId, category, count: taskIds.length, drillDown: { projectIds: [...projectIds], taskIds } };
    entries.push(name === undefined ? entry : { ...entry, name });
  };
  for (const projectId of projectIds) {
    for (const status of workflowOf(projectId)?.statuses ?? []) add(status.id, status.category, status.name);
  }
  for (const key of statusIds.keys()) {
    const [category, statusId] = key.split('\u0000') as [MixCategory, string];
    add(statusId, category, undefined);
  }
  return entries;
}

function percentOf(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}
