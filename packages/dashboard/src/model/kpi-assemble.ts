// Adds cached task parts up into `DashboardKpis`, in the order of the tasks table, so every list and
// every floating-point sum comes out exactly as `computeKpis` computes it over `tasks.values()`.
// The pass is linear but cheap: a map look-up and a few additions per task, no predicate, no date
// parsing, no hierarchy (those live in the parts). It also hands back the previous result's objects
// for whatever came out equal, so a renderer can skip by identity. "Equal" is what a reader sees, not
// the last bit: `Table#set` moves an updated task to the end of the iteration order, so a task that
// changed nothing shown still reorders the id lists and the floating-point sums. So id lists that are
// drill-down filters (sets of tasks) are compared as sets, and numbers up to rounding (`nearlyEqual`);
// the kept object then holds the old order / the old last bits. Orders the panels show (overdue list
// by lateness, who is on what by load) are total orders and stay exactly as `computeKpis` sorts them.
import { combineRollups, EMPTY_ROLLUP, type Id, type IsoDate, type Rollup, type StatusCategory, type Task, type WorkflowLookup } from '@cwm/core';
import type { DashboardFilter } from './drill-down.js';
import {
  byLateness,
  statusEntries,
  statusKey,
  type CountKpi,
  type DashboardKpis,
  type OverdueItem,
  type PersonWork,
  type PortfolioRow,
  type StatusMixEntry,
  type UnplannedItem,
} from './kpis.js';
import type { KpiTaskPart } from './kpi-task-part.js';
import { nearlyEqual, sameElements, sameMembers, shallowEqual } from './keep-equal.js';
import { compareText, pushTo } from './collections.js';
import { newTally, OPEN_CATEGORIES, type Tally } from './kpi-tally.js';

/** The constant inputs of an assembly: fixed from one reset to the next. */
export interface KpiAssembly {
  readonly projectIds: readonly Id[];
  readonly workflowOf: WorkflowLookup;
  readonly week: { readonly from: IsoDate; readonly to: IsoDate };
}

/**
 * The KPIs of the parts, visiting `tasks` in iteration order (tasks without a part are not on the
 * dashboard). `personIds` is the sorted list of people involved. `previous` is the last result of the
 * same assembly (same projects, workflows and week): its objects are reused where equal.
 */
export function assembleKpis(
  assembly: KpiAssembly,
  tasks: Iterable<Task>,
  parts: ReadonlyMap<Id, KpiTaskPart>,
  personIds: readonly Id[],
  previous: DashboardKpis | undefined,
): DashboardKpis {
  const { projectIds, week } = assembly;
  const all = newTally();
  const byProject = new Map<Id, { tally: Tally; rollups: Rollup[] }>(
    projectIds.map((id) => [id, { tally: newTally(), rollups: [] }]),
  );
  const unknownIds: Id[] = [];
  const statusIds = new Map<string, Id[]>();
  const checklistTaskIds: Id[] = [];
  const overdueList: OverdueItem[] = [];
  const active = new Map<Id, Id[]>();
  const unplanned: UnplannedItem[] = [];
  let dueThisWeek = 0;
  const categories: Record<StatusCategory, number> = { todo: 0, active: 0, done: 0 };

  // Tasks mostly come project by project: look the project up only when it changes.
  let projectId: Id | undefined;
  let project = { tally: all, rollups: [] as Rollup[] };
  for (const task of tasks) {
    const part = parts.get(task.id);
    if (part === undefined) continue;
    if (task.projectId !== projectId) {
      projectId = task.projectId;
      project = byProject.get(projectId)!;
    }
    const tally = project.tally;
    project.rollups.push(part.rollup);
    all.total++;
    tally.total++;
    if (part.category === 'unknown') unknownIds.push(task.id);
    else categories[part.category]++;
    pushTo(statusIds, part.statusKey, task.id);
    if (task.checklist.length > 0) checklistTaskIds.push(task.id);
    if (part.category === 'done') {
      all.done++;
      tally.done++;
    }
    if (part.open) {
      all.open++;
      tally.open++;
      if (part.overdue !== undefined) {
        all.overdue++;
        tally.overdue++;
        overdueList.push(part.overdue);
      }
      if (part.blocked) {
        all.blocked++;
        tally.blocked++;
      }
      if (part.dueThisWeek) dueThisWeek++;
      for (const personId of part.activeFor) pushTo(active, personId, task.id);
    }
    if (part.unplanned !== undefined) {
      all.unplanned++;
      tally.unplanned++;
      unplanned.push(part.unplanned);
    }
  }

  const rollups = new Map<Id, Rollup>();
  for (const [projectId, project] of byProject) rollups.set(projectId, project.rollups.length === 0 ? EMPTY_ROLLUP : combineRollups(project.rollups));
  const combined = combineRollups(projectIds.map((id) => rollups.get(id)!));
  const keep = new Keeper(previous);
  const filters = keep.filters(projectIds, week);

  return keep.result({
    empty: all.total === 0,
    week: previous?.week ?? week,
    total: keep.count(previous?.total, all.total, filters.base),
    percentComplete: keep.same(previous?.percentComplete, {
      percent: combined.progress,
      doneLeaves: combined.doneLeaves,
      totalLeaves: combined.totalLeaves,
      estimateTotal: combined.estimateTotal,
      estimateDone: combined.estimateDone,
      unestimatedLeaves: combined.unestimatedLeaves,
      drillDown: filters.base,
    }),
    done: keep.count(previous?.done, all.done, filters.done),
    open: keep.count(previous?.open, all.open, filters.open),
    overdue: keep.count(previous?.overdue, all.overdue, filters.overdue),
    blocked: keep.count(previous?.blocked, all.blocked, filters.blocked),
    dueThisWeek: keep.count(previous?.dueThisWeek, dueThisWeek, filters.dueThisWeek),
    checklist: keep.checklist(combined, projectIds, checklistTaskIds),
    people: keep.people(projectIds, personIds),
    portfolio: keep.list(
      previous?.portfolio,
      projectIds.map((projectId, index) => keep.row(previous?.portfolio[index], projectId, byProject.get(projectId)!.tally, rollups.get(projectId)!)),
    ),
    statusMix: keep.statusMix(projectIds, assembly.workflowOf, categories, unknownIds, statusIds),
    overdueList: keep.list(previous?.overdueList, overdueList.sort(byLateness)),
    whoIsOnWhat: keep.whoIsOnWhat(projectIds, active),
    unplanned: keep.unplanned(projectIds, unplanned),
  });
}

/** Hands back the previous result's objects wherever the new ones come out equal. */
class Keeper {
  constructor(private readonly previous: DashboardKpis | undefined) {}

  /** The drill-down filters that never change within one assembly, taken from the previous result. */
  filters(projectIds: readonly Id[], week: { readonly from: IsoDate; readonly to: IsoDate }) {
    const previous = this.previous;
    const base: DashboardFilter = previous?.total.drillDown ?? { projectIds };
    const open: DashboardFilter = previous?.open.drillDown ?? { projectIds, statusCategories: OPEN_CATEGORIES };
    return {
      base,
      open,
      done: previous?.done.drillDown ?? { projectIds, statusCategories: ['done'] },
      overdue: previous?.overdue.drillDown ?? { ...open, overdue: true },
      blocked: previous?.blocked.drillDown ?? { ...open, blocked: true },
      dueThisWeek: previous?.dueThisWeek.drillDown ?? { ...open, dueWithin: week },
    };
  }

  /** `fresh`, or `old` when every field is identical (one level deep; numbers up to rounding). */
  same<T extends object>(old: T | undefined, fresh: T): T {
    if (old !== undefined && shallowEqual(old, fresh, nearlyEqual)) return old;
    return fresh;
  }

  /** `fresh`, or `old` when it holds the same elements in any order (a drill-down id set). */
  set<T>(old: readonly T[] | undefined, fresh: readonly T[]): readonly T[] {
    if (old !== undefined && sameMembers(old, fresh)) return old;
    return fresh;
  }

  /** `fresh`, or `old` when it holds the same elements. */
  list<T>(old: readonly T[] | undefined, fresh: readonly T[]): readonly T[] {
    if (old !== undefined && sameElements(old, fresh)) return old;
    return fresh;
  }

  count(old: CountKpi | undefined, count: number, drillDown: DashboardFilter): CountKpi {
    return this.same(old, { count, drillDown });
  }

  row(old: PortfolioRow | undefined, projectId: Id, tally: Tally, rollup: Rollup): PortfolioRow {
    return this.same(old, { projectId, percent: rollup.progress, ...tally, empty: tally.total === 0, drillDown: old?.drillDown ?? { projectIds: [projectId] } });
  }

  checklist(combined: Rollup, projectIds: readonly Id[], taskIds: Id[]): DashboardKpis['checklist'] {
    const old = this.previous?.checklist;
    const ids = old === undefined ? taskIds : this.set(old.drillDown.taskIds, taskIds);
    const drillDown = old !== undefined && ids === old.drillDown.taskIds ? old.drillDown : { projectIds, taskIds: ids };
    const percent = combined.checklistTotal > 0 ? (combined.checklistDone / combined.checklistTotal) * 100 : 0;
    return this.same(old, { done: combined.checklistDone, total: combined.checklistTotal, percent, drillDown });
  }

  people(projectIds: readonly Id[], personIds: readonly Id[]): DashboardKpis['people'] {
    const old = this.previous?.people;
    if (old !== undefined && sameElements(old.personIds, personIds)) return old;
    return { count: personIds.length, personIds, drillDown: { projectIds, assigneeIds: personIds } };
  }

  statusMix(
    projectIds: readonly Id[],
    workflowOf: WorkflowLookup,
    categories: Record<StatusCategory, number>,
    unknownIds: Id[],
    statusIds: Map<string, Id[]>,
  ): DashboardKpis['statusMix'] {
    const old = this.previous?.statusMix;
    const category = (name: StatusCategory): CountKpi =>
      this.count(old?.byCategory[name], categories[name], old?.byCategory[name].drillDown ?? { projectIds, statusCategories: [name] });
    const unknownOld = old?.byCategory.unknown;
    const unknownList = unknownOld === undefined ? unknownIds : this.set(unknownOld.drillDown.taskIds, unknownIds);
    const unknown =
      unknownOld !== undefined && unknownList === unknownOld.drillDown.taskIds
        ? unknownOld
        : { count: unknownIds.length, drillDown: { projectIds, taskIds: unknownIds } };
    const byCategory = this.same(old?.byCategory, { todo: category('todo'), active: category('active'), done: category('done'), unknown });
    const oldEntries = new Map<string, StatusMixEntry>((old?.byStatus ?? []).map((entry) => [statusKey(entry.statusId, entry.category), entry]));
    const byStatus = this.list(
      old?.byStatus,
      statusEntries(projectIds, workflowOf, statusIds).map((entry) => {
        const previous = oldEntries.get(statusKey(entry.statusId, entry.category));
        return previous !== undefined && previous.name === entry.name && sameMembers(previous.drillDown.taskIds!, entry.drillDown.taskIds!) ? previous : entry;
      }),
    );
    return this.same(old, { byCategory, byStatus });
  }

  whoIsOnWhat(projectIds: readonly Id[], active: Map<Id, Id[]>): readonly PersonWork[] {
    const oldByPerson = new Map((this.previous?.whoIsOnWhat ?? []).map((work) => [work.personId, work]));
    const fresh = [...active]
      .map(([personId, taskIds]): PersonWork => {
        const old = oldByPerson.get(personId);
        // A person's tasks are a set (their order is the table's, which moves on every edit).
        if (old !== undefined && sameMembers(old.taskIds, taskIds)) return old;
        return { personId, taskIds, drillDown: { projectIds, statusCategories: ['active'], assigneeIds: [personId] } };
      })
      .sort((a, b) => b.taskIds.length - a.taskIds.length || compareText(a.personId, b.personId));
    return this.list(this.previous?.whoIsOnWhat, fresh);
  }

  unplanned(projectIds: readonly Id[], items: UnplannedItem[]): DashboardKpis['unplanned'] {
    const old = this.previous?.unplanned;
    // Listed in task order, but that order is the table's: the same items in another order are kept.
    const kept = this.set(old?.items, items);
    if (old !== undefined && kept === old.items) return old;
    return { count: items.length, items, drillDown: { projectIds, taskIds: items.map((item) => item.taskId) } };
  }

  /** The previous result itself when every part of `fresh` was kept. */
  result(fresh: DashboardKpis): DashboardKpis {
    if (this.previous !== undefined && shallowEqual(this.previous, fresh, Object.is)) return this.previous;
    return fresh;
  }
}
