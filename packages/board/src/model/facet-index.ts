import type { Id, Table, Task } from '@cwm/core';

interface Contribution {
  readonly assigneeIds: readonly Id[];
  readonly tags: readonly string[];
}

/**
 * The assignees and tags used by the tasks of a board's projects, for the filter menus. Kept up to
 * date from what changed (`Table.changedSince`), so one task change costs a few map updates, not a
 * walk over 10,000 tasks; `version` grows only when a person or tag appears or disappears.
 */
export class FacetIndex {
  private tasks: Table<Task> | undefined;
  private scope = '';
  private readonly people = new Map<Id, number>();
  private readonly tagCounts = new Map<string, number>();
  private readonly contributions = new Map<Id, Contribution>();
  private sortedTags: string[] | undefined;
  private peopleList: Id[] | undefined;
  version = 0;

  update(tasks: Table<Task>, projectIds: readonly Id[]): void {
    const scope = projectIds.join(',');
    const changed = this.tasks !== undefined && scope === this.scope ? tasks.changedSince(this.tasks) : undefined;
    const projects = new Set(projectIds);
    let keysChanged = false;
    if (changed === undefined) {
      this.people.clear();
      this.tagCounts.clear();
      this.contributions.clear();
      for (const task of tasks) if (projects.has(task.projectId)) this.add(task);
      keysChanged = true;
    } else {
      for (const id of new Set(changed)) {
        keysChanged = this.remove(id) || keysChanged;
        const task = tasks.get(id);
        if (task && projects.has(task.projectId)) keysChanged = this.add(task) || keysChanged;
      }
    }
    this.tasks = tasks;
    this.scope = scope;
    if (keysChanged) {
      this.version++;
      this.sortedTags = undefined;
      this.peopleList = undefined;
    }
  }

  /** Ids of everyone assigned to at least one task (unsorted: the caller sorts by name). */
  get assigneeIds(): readonly Id[] {
    return (this.peopleList ??= [...this.people.keys()]);
  }

  /** Every tag in use, sorted. */
  get tags(): readonly string[] {
    return (this.sortedTags ??= [...this.tagCounts.keys()].sort((a, b) => a.localeCompare(b)));
  }

  /** Adds a task's people and tags; true when a new key appeared. */
  private add(task: Task): boolean {
    this.contributions.set(task.id, { assigneeIds: task.assigneeIds, tags: task.tags });
    let appeared = false;
    for (const id of task.assigneeIds) appeared = bump(this.people, id, 1) || appeared;
    for (const tag of task.tags) appeared = bump(this.tagCounts, tag, 1) || appeared;
    return appeared;
  }

  /** Takes back what a task contributed; true when a key disappeared. */
  private remove(id: Id): boolean {
    const previous = this.contributions.get(id);
    if (!previous) return false;
    this.contributions.delete(id);
    let vanished = false;
    for (const person of previous.assigneeIds) vanished = bump(this.people, person, -1) || vanished;
    for (const tag of previous.tags) vanished = bump(this.tagCounts, tag, -1) || vanished;
    return vanished;
  }
}

/** Changes a count; true when the key appeared (0 -> 1) or disappeared (1 -> 0). */
function bump<K>(counts: Map<K, number>, key: K, delta: number): boolean {
  const next = (counts.get(key) ?? 0) + delta;
  if (next <= 0) {
    counts.delete(key);
    return true;
  }
  counts.set(key, next);
  return next === 1 && delta > 0;
}
