// The dashboard's KPIs kept up to date from what changed. `computeKpis` re-derives everything from
// every task (hierarchy, predicates, date parsing, roll-ups): ~20 ms on 10,000 tasks, on every
// store change. The index caches each task's part (`kpi-task-part.ts`) and, after a change, re-derives
// only the tasks whose part can differ:
//   - the changed tasks themselves;
//   - their old and new parents (a parent's part is its checklist only, a leaf's its whole roll-up:
//     gaining or losing the last subtask flips it; grandparents do not care, as project roll-ups add
//     up per task, not through the tree);
//   - the tasks naming a changed task as predecessor (blocked reads the predecessor's status and
//     existence), found through a reverse dependency index.
// People involved are reference counts (assignees of selected tasks, authors of counted user
// messages), so a message or an assignee change is O(1) too. The parts are then added up in table
// order (`kpi-assemble.ts`), as `computeKpis` does; when every re-derived part adds what it added
// before (a new version, an edit of a field not shown) the pass is skipped and the previous result
// returned, as the pass could only reorder sets and move sums in the last bits.
//
// Falls back to a full reset when the projects table changes (workflows decide categories), when
// `changedSince` cannot tell what changed, and while the parent links hold a loop (core's hierarchy
// then cuts the loop at a place only a full pass decides; loops are invalid data and rare).
import {
  addDays,
  findParentLoops,
  buildHierarchy,
  parseIsoDate,
  statusCategories,
  weekStart,
  type Id,
  type IsoDate,
  type Message,
  type Project,
  type Table,
  type Task,
  type WorkflowLookup,
} from '@cwm/core';
import { assembleKpis, type KpiAssembly } from './kpi-assemble.js';
import { deriveKpiTaskPart, sameContribution, type KpiPartContext, type KpiTaskPart } from './kpi-task-part.js';
import type { DashboardKpis } from './kpis.js';
import { compareText } from './collections.js';

/** What a KPI index is about; fixed for its lifetime (make a new index when they change). */
export interface KpiIndexOptions {
  /** The projects on the dashboard, as `KpiInput.projectIds`. */
  readonly projectIds: readonly Id[];
  /** The user's today, `YYYY-MM-DD`. Throws a `RangeError` at creation when it is not a real day. */
  readonly today: IsoDate;
  /**
   * How to find a project's workflow. Default: `state.projects.get(id)?.workflow` of the state being
   * read. A given lookup is still assumed to read the projects table: any change of it resets.
   */
  readonly workflowOf?: WorkflowLookup;
}

/** The store tables a KPI index reads (a `StoreState` fits). */
export interface KpiIndexState {
  readonly tasks: Table<Task>;
  readonly projects: Table<Project>;
  /** User messages' authors count as people involved; leave out when the host has no messages. */
  readonly messages?: Table<Message>;
}

/** The dashboard KPIs of one project selection, kept up to date incrementally. */
export interface KpiIndex {
  /**
   * Forgets everything and derives the KPIs of `state` from scratch (linear time). The previous
   * result's objects are still handed back where equal (a reset is not a reason to repaint).
   */
  reset(state: KpiIndexState): DashboardKpis;
  /**
   * The KPIs of `state`: deep-equal to `computeKpis` over `state.tasks.values()`, with the options'
   * projects and today and `state.messages.values()`, except that the id lists that are sets may come
   * in an older order and sums may differ in the last bits (see Identity). Derives only what changed
   * since the last `reset`/`update` (resets when it cannot tell, see the module comment).
   *
   * Identity: the same result object when nothing it shows changed; otherwise every part that came
   * out equal is the previous object: CountKpi tiles, `percentComplete`, `checklist`, `people`,
   * each `PortfolioRow` (an untouched project keeps its row), `statusMix.byCategory` entries and each
   * `byStatus` entry, each `PersonWork`, the `overdueList`, `whoIsOnWhat`, `portfolio` and `unplanned`
   * arrays, and every `OverdueItem` / `UnplannedItem` whose fields are equal. "Equal" looks past
   * what a store change that shows nothing new still moves (`Table#set` puts the task last): id lists
   * that are drill-down sets (checklist, unknown and per-status task ids, a person's tasks, the
   * unplanned items) are kept when they hold the same members in any order, and numbers when equal up
   * to rounding (see `kpi-assemble.ts`). So a version-only change returns the very same object.
   */
  update(state: KpiIndexState): DashboardKpis;
}

/** A KPI index for `options`; call `update` (or `reset`) with each new store state. */
export function createKpiIndex(options: KpiIndexOptions): KpiIndex {
  return new IncrementalKpis(options);
}

class IncrementalKpis implements KpiIndex {
  private readonly projectIds: readonly Id[];
  private readonly selected: ReadonlySet<Id>;
  private readonly week: { readonly from: IsoDate; readonly to: IsoDate };
  private readonly weekFrom: number;
  private readonly weekTo: number;

  private state: KpiIndexState | undefined;
  private result: DashboardKpis | undefined;
  private assembly: KpiAssembly | undefined;
  private context: KpiPartContext | undefined;
  /** Parent links hold a loop: every update is a reset until they do not. */
  private loopy = false;
  private parts = new Map<Id, KpiTaskPart>();
  /** Tasks naming each id as parent (existing or not). */
  private readonly childCount = new Map<Id, number>();
  /** Tasks naming each id as predecessor (existing or not). */
  private readonly successors = new Map<Id, Set<Id>>();
  /** Message ids per task (every kind: a kind can change). */
  private readonly messagesOf = new Map<Id, Set<Id>>();
  /** Author of each message that counts now. */
  private readonly countedAuthors = new Map<Id, Id>();
  /** People involved: how many selected tasks and counted messages name each. */
  private readonly people = new Map<Id, number>();
  private personIds: readonly Id[] = [];
  private peopleChanged = true;

  constructor(private readonly options: KpiIndexOptions) {
    this.projectIds = [...new Set(options.projectIds)];
    this.selected = new Set(this.projectIds);
    const monday = weekStart(options.today);
    this.week = { from: monday, to: addDays(monday, 6) };
    this.weekFrom = parseIsoDate(this.week.from)!;
    this.weekTo = parseIsoDate(this.week.to)!;
  }

  reset(state: KpiIndexState): DashboardKpis {
    // The old parts lend their rows to the new ones where equal.
    const previousParts = this.parts;
    this.parts = new Map();
    this.clear();
    this.state = state;
    const workflowOf = this.options.workflowOf ?? ((projectId: Id) => state.projects.get(projectId)?.workflow);
    this.assembly = { projectIds: this.projectIds, workflowOf, week: this.week };
    this.context = {
      today: this.options.today,
      weekFrom: this.weekFrom,
      weekTo: this.weekTo,
      categoryOf: statusCategories(workflowOf),
      taskById: (id) => state.tasks.get(id),
    };
    const tasks = state.tasks.values();
    this.loopy = findParentLoops(tasks).length > 0;
    // With a loop, leafness is whatever core's hierarchy decides after cutting it.
    const parents = this.loopy ? buildHierarchy(tasks).children : undefined;
    for (const task of tasks) this.index(undefined, task);
    for (const task of tasks) {
      if (!this.selected.has(task.projectId)) continue;
      const leaf = parents !== undefined ? !parents.has(task.id) : !this.hasChildren(task.id);
      this.setPart(task.id, deriveKpiTaskPart(task, leaf, this.context, previousParts.get(task.id)));
    }
    for (const message of state.messages ?? []) {
      this.indexMessage(undefined, message);
      this.countMessage(message.id, message);
    }
    return this.assemble(state);
  }

  update(state: KpiIndexState): DashboardKpis {
    const previous = this.state;
    if (previous === undefined || this.loopy || state.projects !== previous.projects) return this.reset(state);
    const changedTasks = state.tasks.changedSince(previous.tasks);
    if (changedTasks === undefined) return this.reset(state);
    const changedMessages = this.changedMessages(previous, state);
    if (changedTasks.length === 0 && changedMessages.size === 0 && this.result !== undefined) {
      this.state = state;
      return this.result;
    }
    const changed = new Set(changedTasks);
    for (const id of changed) if (this.closesLoop(state.tasks, id)) return this.reset(state);

    this.state = state;
    const context: KpiPartContext = { ...this.context!, taskById: (id) => state.tasks.get(id) };
    this.context = context;
    const affected = new Set<Id>();
    const recount = new Set<Id>(changedMessages);
    for (const id of changed) {
      const before = previous.tasks.get(id);
      const after = state.tasks.get(id);
      this.index(before, after);
      affected.add(id);
      if (before?.parentId !== undefined) affected.add(before.parentId);
      if (after?.parentId !== undefined) affected.add(after.parentId);
      for (const successor of this.successors.get(id) ?? []) affected.add(successor);
      // Whether a task's messages count depends on the task being there and on the dashboard.
      if (this.isSelected(before) !== this.isSelected(after)) for (const messageId of this.messagesOf.get(id) ?? []) recount.add(messageId);
    }
    let moved = false;
    for (const id of affected) {
      const task = state.tasks.get(id);
      const before = this.parts.get(id);
      const after = task !== undefined && this.selected.has(task.projectId) ? deriveKpiTaskPart(task, !this.hasChildren(id), context, before) : undefined;
      if (!sameContribution(before, after)) moved = true;
      this.setPart(id, after);
    }
    for (const messageId of recount) this.countMessage(messageId, state.messages?.get(messageId));
    // Every re-derived task adds what it added before (a new version, an edit of a field not shown):
    // assembling again (a pass over every task) could only come back to the same object.
    if (!moved && !this.peopleChanged && this.result !== undefined) return this.result;
    return this.assemble(state);
  }

  /** Empties the indexes; the last result stays, for its objects to be reused. */
  private clear(): void {
    this.parts.clear();
    this.childCount.clear();
    this.successors.clear();
    this.messagesOf.clear();
    this.countedAuthors.clear();
    this.people.clear();
    this.peopleChanged = true;
  }

  private assemble(state: KpiIndexState): DashboardKpis {
    if (this.peopleChanged) {
      this.personIds = [...this.people.keys()].sort(compareText);
      this.peopleChanged = false;
    }
    this.result = assembleKpis(this.assembly!, state.tasks, this.parts, this.personIds, this.result);
    return this.result;
  }

  /** Message ids that changed, indexing them on the way; all of them when the lineage is lost. */
  private changedMessages(previous: KpiIndexState, state: KpiIndexState): Set<Id> {
    const before = previous.messages;
    const after = state.messages;
    if (before === after) return new Set();
    const ids = after !== undefined && before !== undefined ? after.changedSince(before) : undefined;
    const changed = new Set<Id>(ids ?? []);
    if (ids === undefined) {
      for (const message of before ?? []) changed.add(message.id);
      for (const message of after ?? []) changed.add(message.id);
    }
    for (const id of changed) this.indexMessage(before?.get(id), after?.get(id));
    return changed;
  }

  private isSelected(task: Task | undefined): boolean {
    return task !== undefined && this.selected.has(task.projectId);
  }

  private hasChildren(id: Id): boolean {
    return (this.childCount.get(id) ?? 0) > 0;
  }

  /** True when `id`'s chain of parents comes back to a task already on it (a new loop). */
  private closesLoop(tasks: Table<Task>, id: Id): boolean {
    const seen = new Set<Id>();
    let task = tasks.get(id);
    while (task !== undefined) {
      if (seen.has(task.id)) return true;
      seen.add(task.id);
      task = task.parentId === undefined ? undefined : tasks.get(task.parentId);
    }
    return false;
  }

  /** Moves a task's parent and predecessor links in the reverse indexes from `before` to `after`. */
  private index(before: Task | undefined, after: Task | undefined): void {
    if (before?.parentId !== undefined) {
      const count = (this.childCount.get(before.parentId) ?? 0) - 1;
      if (count > 0) this.childCount.set(before.parentId, count);
      else this.childCount.delete(before.parentId);
    }
    if (after?.parentId !== undefined) this.childCount.set(after.parentId, (this.childCount.get(after.parentId) ?? 0) + 1);
    if (before !== undefined) {
      for (const { predecessorId } of before.dependencies) {
        const successors = this.successors.get(predecessorId);
        successors?.delete(before.id);
        if (successors?.size === 0) this.successors.delete(predecessorId);
      }
    }
    if (after !== undefined) {
      for (const { predecessorId } of after.dependencies) {
        let successors = this.successors.get(predecessorId);
        if (successors === undefined) this.successors.set(predecessorId, (successors = new Set()));
        successors.add(after.id);
      }
    }
  }

  private indexMessage(before: Message | undefined, after: Message | undefined): void {
    if (before !== undefined) {
      const ids = this.messagesOf.get(before.taskId);
      ids?.delete(before.id);
      if (ids?.size === 0) this.messagesOf.delete(before.taskId);
    }
    if (after !== undefined) {
      let ids = this.messagesOf.get(after.taskId);
      if (ids === undefined) this.messagesOf.set(after.taskId, (ids = new Set()));
      ids.add(after.id);
    }
  }

  /** Re-decides whether a message counts (a user message on a task of the dashboard) and moves its author's count. */
  private countMessage(id: Id, message: Message | undefined): void {
    const author = message !== undefined && message.kind === 'user' && this.parts.has(message.taskId) ? message.authorId : undefined;
    const before = this.countedAuthors.get(id);
    if (before === author) return;
    if (before !== undefined) this.release(before);
    if (author === undefined) this.countedAuthors.delete(id);
    else {
      this.countedAuthors.set(id, author);
      this.retain(author);
    }
  }

  private setPart(id: Id, part: KpiTaskPart | undefined): void {
    const before = this.parts.get(id);
    if (part === undefined) this.parts.delete(id);
    else this.parts.set(id, part);
    // The same people list (kept by `deriveKpiTaskPart`) counts the same: releasing and retaining
    // a sole assignee would flag the people as changed for nothing.
    if (before?.people === part?.people) return;
    if (before !== undefined) for (const personId of before.people) this.release(personId);
    if (part !== undefined) for (const personId of part.people) this.retain(personId);
  }

  private retain(personId: Id): void {
    const count = this.people.get(personId) ?? 0;
    if (count === 0) this.peopleChanged = true;
    this.people.set(personId, count + 1);
  }

  private release(personId: Id): void {
    const count = this.people.get(personId)! - 1;
    if (count > 0) this.people.set(personId, count);
    else {
      this.people.delete(personId);
      this.peopleChanged = true;
    }
  }
}
