import {
  addDays,
  daysBetween,
  parseIsoDateTime,
  statusCategories,
  todayIso,
  type Id,
  type IsoDate,
  type Message,
  type Person,
  type Priority,
  type Project,
  type StatusCategory,
  type Table,
  type Task,
} from '@cwm/core';
import { MessageCounts } from './message-counts.js';
import { personChip, type PersonChip } from './person-chip.js';
import { changedIds } from './table-diff.js';
import { TaskLinks } from './task-links.js';
import { taskKey } from './task-key.js';

export type { PersonChip } from './person-chip.js';

/** A due date and how pressing it is. */
export interface CardDue {
  readonly date: IsoDate;
  /** `soon`: due today or within the next `soonDays` days; `done`: the task is in a done status. */
  readonly state: 'overdue' | 'soon' | 'later' | 'done';
}

/** Done out of total. */
export interface CardProgress {
  readonly done: number;
  readonly total: number;
}

/** Everything a card shows, computed from the store's tables. */
export interface CardView {
  readonly id: Id;
  readonly task: Task;
  /** `${project.key}-${number}`, the number being the digits at the end of the id (`t-123` -> `123`), else the id. */
  readonly key: string;
  readonly title: string;
  /** Undefined for a status the workflow does not know. */
  readonly statusCategory?: StatusCategory;
  /** Known assignees in the task's order; unknown ids are skipped. */
  readonly assignees: readonly PersonChip[];
  readonly due?: CardDue;
  readonly priority: Priority;
  readonly tags: readonly string[];
  /** Direct subtasks; done = in a done status. Absent without subtasks. */
  readonly subtasks?: CardProgress;
  /** Absent without a checklist. */
  readonly checklist?: CardProgress;
  /** Messages of the task currently in the store (0 when none are loaded). */
  readonly messages: number;
  /** Messages of the task the viewer has not read (the store's `unreadCounts$`); 0 when none. */
  readonly unread: number;
  /** Predecessors (any dependency type) not done yet, in the task's dependency order. */
  readonly blockedBy: readonly { readonly id: Id; readonly title: string }[];
  /** Whole days since the task entered its status (`statusChangedAt`, else `createdAt`), by local calendar dates. */
  readonly agingDays?: number;
}

/** The state card views are computed from. */
export interface CardViewsInput {
  readonly tasks: Table<Task>;
  readonly projects: Table<Project>;
  readonly people: Table<Person>;
  readonly messages: Table<Message>;
  /** The current time: its local date decides due states and aging. */
  readonly now: Date;
}

/** Options of `CardViews`. */
export interface CardViewsOptions {
  /** A due date up to this many days ahead (today included) is `soon`. Default 2. */
  readonly soonDays?: number;
}

type CategoryOf = (task: Task) => StatusCategory | undefined;

/**
 * A cache of card views that follows the store incrementally.
 *
 * `update` reads only what changed in each table (`Table.changedSince`) and drops the cached views
 * that change shows: the task itself, its parent (subtask counts) and its successors (blocked by),
 * cards showing a renamed person, cards of a project whose key or workflow changed, everything on a
 * new day. `get` computes views lazily, so the board pays only for the cards it renders, and returns
 * the same object until something the card shows changes (cheap identity checks in the element).
 */
export class CardViews {
  private readonly soonDays: number;
  private tasks: Table<Task> | undefined;
  private projects: Table<Project> | undefined;
  private people: Table<Person> | undefined;
  private today = '';
  private soonUntil = '';
  private categoryOf: CategoryOf = () => undefined;
  private readonly links = new TaskLinks();
  private readonly messageCounts = new MessageCounts();
  private unread: ReadonlyMap<Id, number> = new Map();
  private readonly views = new Map<Id, CardView>();
  /** Cached views per person id they show (or would show once the person loads). */
  private readonly viewsByPerson = new Map<Id, Set<Id>>();
  private readonly chips = new Map<Id, PersonChip>();

  constructor(options: CardViewsOptions = {}) {
    this.soonDays = options.soonDays ?? 2;
  }

  /**
   * Brings the cache up to date with a new state. Returns the ids whose view changed: every task
   * added, changed or removed, and every other task whose cached view had to be dropped.
   */
  update(input: CardViewsInput): ReadonlySet<Id> {
    const changed = new Set<Id>();
    const previousCategoryOf = this.categoryOf;

    if (input.projects !== this.projects) {
      this.applyProjects(input.projects, changed);
      const projects = input.projects;
      this.categoryOf = statusCategories((projectId) => projects.get(projectId)?.workflow);
    }

    const today = todayIso(input.now);
    if (today !== this.today) {
      this.today = today;
      this.soonUntil = addDays(today, this.soonDays);
      this.dropAll(changed);
    }

    if (input.people !== this.people) this.applyPeople(input.people, changed);
    if (input.tasks !== this.tasks) this.applyTasks(input.tasks, previousCategoryOf, changed);
    for (const taskId of this.messageCounts.update(input.messages)) this.dropView(taskId, changed);
    return changed;
  }

  /**
   * Takes the viewer's unread counts per task (`CwmStore.unreadCounts$`). Returns the ids whose count
   * changed, whose cached views it dropped. Costs the tasks with unread messages, not the board.
   */
  updateUnread(unread: ReadonlyMap<Id, number>): ReadonlySet<Id> {
    const changed = new Set<Id>();
    if (unread === this.unread) return changed;
    const previous = this.unread;
    this.unread = unread;
    for (const [taskId, count] of unread) if (previous.get(taskId) !== count) this.dropView(taskId, changed);
    for (const taskId of previous.keys()) if (!unread.has(taskId)) this.dropView(taskId, changed);
    return changed;
  }

  /** The view of one task, computed lazily and cached: the same object until something it shows changes. */
  get(id: Id): CardView | undefined {
    const cached = this.views.get(id);
    if (cached) return cached;
    const task = this.tasks?.get(id);
    if (!task) return undefined;
    const view = this.compute(task);
    this.views.set(id, view);
    for (const personId of task.assigneeIds) {
      let viewers = this.viewsByPerson.get(personId);
      if (!viewers) this.viewsByPerson.set(personId, (viewers = new Set()));
      viewers.add(id);
    }
    return view;
  }

  private applyProjects(projects: Table<Project>, changed: Set<Id>): void {
    const previous = this.projects;
    this.projects = projects;
    if (previous === undefined || this.views.size === 0) return;
    const rekeyed = new Set<Id>();
    for (const id of changedIds(previous, projects)) {
      const before = previous.get(id);
      const after = projects.get(id);
      // Categories decide done-ness, which reaches across projects (parents, successors): rare
      // enough that starting over is the simple, safe answer.
      if (categorySignature(before) !== categorySignature(after)) {
        this.dropAll(changed);
        return;
      }
      if (before?.key !== after?.key) rekeyed.add(id);
    }
    if (rekeyed.size === 0) return;
    for (const view of [...this.views.values()]) {
      if (rekeyed.has(view.task.projectId)) this.dropView(view.id, changed);
    }
  }

  private applyPeople(people: Table<Person>, changed: Set<Id>): void {
    const previous = this.people;
    this.people = people;
    for (const id of changedIds(previous, people)) {
      const person = people.get(id);
      const chip = this.chips.get(id);
      // Only what a chip shows matters: a new capacity or role leaves every card as it was.
      if (person && chip && sameChip(chip, personChip(person))) continue;
      this.chips.delete(id);
      for (const taskId of [...(this.viewsByPerson.get(id) ?? [])]) this.dropView(taskId, changed);
    }
  }

  private applyTasks(tasks: Table<Task>, previousCategoryOf: CategoryOf, changed: Set<Id>): void {
    const previous = this.tasks;
    this.tasks = tasks;
    for (const id of changedIds(previous, tasks)) {
      const before = previous?.get(id);
      const after = tasks.get(id);
      if (before === after) continue;
      changed.add(id);
      this.dropView(id, changed);
      if (before) this.links.unlink(before);
      if (after) this.links.link(after);
      const wasDone = before !== undefined && previousCategoryOf(before) === 'done';
      const isDone = after !== undefined && this.categoryOf(after) === 'done';
      const appeared = before === undefined || after === undefined;
      // A parent shows how many subtasks exist and are done; a re-rank or an edited title does not touch it.
      if (appeared || wasDone !== isDone || before.parentId !== after.parentId) {
        if (before?.parentId !== undefined) this.dropView(before.parentId, changed);
        if (after?.parentId !== undefined) this.dropView(after.parentId, changed);
      }
      // Successors list this task by title while it is not done.
      if (appeared || wasDone !== isDone || before.title !== after.title) {
        for (const successorId of this.links.successorsOf(id)) this.dropView(successorId, changed);
      }
    }
  }

  /** Drops a cached view; notes the id as changed when there was one. */
  private dropView(id: Id, changed: Set<Id>): void {
    const view = this.views.get(id);
    if (!view) return;
    this.views.delete(id);
    changed.add(id);
    for (const personId of view.task.assigneeIds) {
      const viewers = this.viewsByPerson.get(personId);
      viewers?.delete(id);
      if (viewers?.size === 0) this.viewsByPerson.delete(personId);
    }
  }

  private dropAll(changed: Set<Id>): void {
    for (const id of this.views.keys()) changed.add(id);
    this.views.clear();
    this.viewsByPerson.clear();
  }

  private compute(task: Task): CardView {
    const tasks = this.tasks!;
    const category = this.categoryOf(task);
    const subtasks = this.subtaskProgress(task.id);
    const checklistDone = task.checklist.filter((item) => item.done).length;
    const aging = this.agingDays(task);
    return {
      id: task.id,
      task,
      key: taskKey(task, this.projects?.get(task.projectId)),
      title: task.title,
      ...(category !== undefined ? { statusCategory: category } : {}),
      assignees: this.chipsOf(task.assigneeIds),
      ...(task.due !== undefined ? { due: { date: task.due, state: this.dueState(task.due, category === 'done') } } : {}),
      priority: task.priority,
      tags: task.tags,
      ...(subtasks ? { subtasks } : {}),
      ...(task.checklist.length > 0 ? { checklist: { done: checklistDone, total: task.checklist.length } } : {}),
      messages: this.messageCounts.count(task.id),
      unread: this.unread.get(task.id) ?? 0,
      blockedBy: this.openPredecessors(task, tasks),
      ...(aging !== undefined ? { agingDays: aging } : {}),
    };
  }

  private dueState(due: IsoDate, done: boolean): CardDue['state'] {
    if (done) return 'done';
    if (due < this.today) return 'overdue';
    return due <= this.soonUntil ? 'soon' : 'later';
  }

  private chipsOf(personIds: readonly Id[]): PersonChip[] {
    const chips: PersonChip[] = [];
    for (const id of new Set(personIds)) {
      let chip = this.chips.get(id);
      if (!chip) {
        const person = this.people?.get(id);
        if (!person) continue;
        chip = personChip(person);
        this.chips.set(id, chip);
      }
      chips.push(chip);
    }
    return chips;
  }

  private subtaskProgress(id: Id): CardProgress | undefined {
    const children = this.links.childrenOf(id);
    if (children.size === 0) return undefined;
    let done = 0;
    let total = 0;
    for (const childId of children) {
      const child = this.tasks!.get(childId);
      if (!child) continue;
      total++;
      if (this.categoryOf(child) === 'done') done++;
    }
    return total > 0 ? { done, total } : undefined;
  }

  private openPredecessors(task: Task, tasks: Table<Task>): { readonly id: Id; readonly title: string }[] {
    const open: { id: Id; title: string }[] = [];
    const seen = new Set<Id>();
    for (const { predecessorId } of task.dependencies) {
      if (seen.has(predecessorId)) continue;
      seen.add(predecessorId);
      const predecessor = tasks.get(predecessorId);
      if (predecessor && this.categoryOf(predecessor) !== 'done') open.push({ id: predecessor.id, title: predecessor.title });
    }
    return open;
  }

  private agingDays(task: Task): number | undefined {
    const since = parseIsoDateTime(task.statusChangedAt) ?? parseIsoDateTime(task.createdAt);
    if (since === undefined) return undefined;
    // Whole calendar days as the user lives them: entered yesterday evening is 1 day this morning.
    return Math.max(0, daysBetween(todayIso(new Date(since)), this.today));
  }
}

function categorySignature(project: Project | undefined): string {
  if (!project) return '';
  return project.workflow.statuses.map((status) => `${status.id}:${status.category}`).join('\n');
}

function sameChip(a: PersonChip, b: PersonChip): boolean {
  return a.name === b.name && a.avatarUrl === b.avatarUrl;
}
