import type { Id, Table, Task } from '@cwm/core';

/**
 * Looks tasks up by id (the part of a `ReadonlyMap` the Gantt uses) and iterates them in list order,
 * so it can be handed to `dependencyLinks`, which then needs no map of its own.
 */
export interface TaskLookup extends Iterable<Task> {
  get(id: Id): Task | undefined;
  has(id: Id): boolean;
  readonly size: number;
}

/** The tasks of the shown projects, as a list for the layout and a lookup for everything else. */
export interface ProjectTasks {
  /** In a stable order: a changed task keeps its place, new ones come last, removed ones go. */
  readonly list: readonly Task[];
  /** Exactly the tasks of `list`, by id. */
  readonly byId: TaskLookup;
  /** The store's table these were taken from (for `updateProjectTasks`). */
  readonly source: Table<Task>;
  /** The shown projects, as a comparable key. */
  readonly projectKey: string;
}

/** Past this share of the list changed, filtering the table again is as cheap and simpler. */
const MAX_UPDATED_SHARE = 0.25;

/** Up to this many replaced tasks are found by identity scans rather than one pass with lookups. */
const FEW = 8;

/** The tasks of `projectIds` in `tasks`, in the table's order. */
export function projectTasksOf(tasks: Table<Task>, projectIds: Iterable<Id>): ProjectTasks {
  const projects = new Set(projectIds);
  const list: Task[] = [];
  for (const task of tasks) if (projects.has(task.projectId)) list.push(task);
  return { list, byId: new ProjectTaskLookup(tasks, projects, list), source: tasks, projectKey: keyOf(projects) };
}

/**
 * The tasks of `projectIds` in `next`, at the cost of what changed since `previous.source`
 * (`Table.changedSince`). Returns `previous` itself when no task of these projects changed (a task of
 * another project did, or nothing did), so derived work can be skipped by identity. A changed task
 * keeps its place in `list`, a new one is appended and a removed one dropped; unchanged tasks keep
 * their objects, which is what `updateGanttRows` compares. Falls back to `projectTasksOf` when the
 * projects differ, the change log cannot tell (another lineage, too old) or much of the list changed.
 */
export function updateProjectTasks(previous: ProjectTasks, next: Table<Task>, projectIds: Iterable<Id>): ProjectTasks {
  const projects = new Set(projectIds);
  if (keyOf(projects) !== previous.projectKey) return projectTasksOf(next, projects);
  const logged = next.changedSince(previous.source);
  if (logged === undefined || logged.length > Math.max(16, previous.list.length * MAX_UPDATED_SHARE)) {
    return projectTasksOf(next, projects);
  }

  const replaced = new Map<Id, Task>();
  const removed = new Set<Id>();
  const added: Task[] = [];
  for (const id of new Set(logged)) {
    const before = previous.byId.get(id);
    const candidate = next.get(id);
    const after = candidate !== undefined && projects.has(candidate.projectId) ? candidate : undefined;
    if (before === after) continue;
    if (before === undefined) added.push(after!);
    else if (after === undefined) removed.add(id);
    else replaced.set(id, after);
  }
  if (replaced.size === 0 && removed.size === 0 && added.length === 0) return previous;

  let list: Task[];
  if (removed.size === 0) {
    list = previous.list.slice();
    if (replaced.size <= FEW) {
      // A native identity scan per change beats a map lookup per task for a handful of changes.
      for (const [id, after] of replaced) list[list.indexOf(previous.byId.get(id)!)] = after;
    } else {
      for (let index = 0; index < list.length; index++) {
        const after = replaced.get(list[index]!.id);
        if (after !== undefined) list[index] = after;
      }
    }
  } else {
    list = [];
    for (const task of previous.list) {
      if (removed.has(task.id)) continue;
      list.push(replaced.get(task.id) ?? task);
    }
  }
  // New tasks in the order the change log names them: the order they arrived in.
  for (const task of added) list.push(task);
  return { list, byId: new ProjectTaskLookup(next, projects, list), source: next, projectKey: previous.projectKey };
}

/** A key equal for equal sets of projects, whatever their order. */
function keyOf(projects: ReadonlySet<Id>): string {
  return JSON.stringify([...projects].sort());
}

/**
 * The tasks of some projects by id, read straight from the store's table: copying a map of 5,000
 * tasks on every change would cost more than the whole update.
 */
class ProjectTaskLookup implements TaskLookup {
  constructor(
    private readonly tasks: Table<Task>,
    private readonly projects: ReadonlySet<Id>,
    private readonly list: readonly Task[],
  ) {}

  get size(): number {
    return this.list.length;
  }

  [Symbol.iterator](): Iterator<Task> {
    return this.list[Symbol.iterator]();
  }

  get(id: Id): Task | undefined {
    const task = this.tasks.get(id);
    return task !== undefined && this.projects.has(task.projectId) ? task : undefined;
  }

  has(id: Id): boolean {
    return this.get(id) !== undefined;
  }
}
