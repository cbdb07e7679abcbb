import type { Id } from '../model/common.js';
import type { Task } from '../model/task.js';
import type { Table } from './table.js';

const key = (projectId: Id, status: string): string => `${projectId}\u0000${status}`;

/**
 * How many tasks each project has in each status, for WIP limits. Kept up to date from what changed
 * between two tables (`changedSince`), so a move at 100,000 tasks costs a few map updates instead
 * of a scan; a table of another lineage is counted afresh.
 */
export class StatusCounts {
  private table: Table<Task> | undefined;
  private readonly counts = new Map<string, number>();

  count(tasks: Table<Task>, projectId: Id, status: string): number {
    this.sync(tasks);
    return this.counts.get(key(projectId, status)) ?? 0;
  }

  private sync(tasks: Table<Task>): void {
    const previous = this.table;
    if (previous === tasks) return;
    const changed = previous ? tasks.changedSince(previous) : undefined;
    if (changed === undefined || !previous) {
      this.counts.clear();
      for (const task of tasks) this.bump(task, 1);
    } else {
      for (const id of new Set(changed)) {
        const before = previous.get(id);
        const after = tasks.get(id);
        if (before === after) continue;
        if (before) this.bump(before, -1);
        if (after) this.bump(after, 1);
      }
    }
    this.table = tasks;
  }

  private bump(task: Task, delta: number): void {
    const k = key(task.projectId, task.status);
    const next = (this.counts.get(k) ?? 0) + delta;
    if (next <= 0) this.counts.delete(k);
    else this.counts.set(k, next);
  }
}
