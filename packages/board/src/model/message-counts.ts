import type { Id, Message, Table } from '@cwm/core';
import { changedIds } from './table-diff.js';

/**
 * Messages per task, kept up to date from what changed in the messages table. Deleted messages
 * (tombstones) do not count.
 */
export class MessageCounts {
  private table: Table<Message> | undefined;
  private readonly counts = new Map<Id, number>();
  /** The task each counted message was counted for, so a deletion or a move knows what to decrement. */
  private readonly countedFor = new Map<Id, Id>();

  /** Takes a new messages table; returns the task ids whose count changed. */
  update(messages: Table<Message>): Set<Id> {
    const changed = new Set<Id>();
    for (const id of changedIds(this.table, messages)) {
      const before = this.countedFor.get(id);
      const message = messages.get(id);
      const after = message && !message.deleted ? message.taskId : undefined;
      if (before === after) continue;
      if (before !== undefined) {
        this.add(before, -1);
        this.countedFor.delete(id);
        changed.add(before);
      }
      if (after !== undefined) {
        this.add(after, 1);
        this.countedFor.set(id, after);
        changed.add(after);
      }
    }
    this.table = messages;
    return changed;
  }

  /** Messages of a task (0 when none are loaded). */
  count(taskId: Id): number {
    return this.counts.get(taskId) ?? 0;
  }

  private add(taskId: Id, delta: number): void {
    const next = (this.counts.get(taskId) ?? 0) + delta;
    if (next === 0) this.counts.delete(taskId);
    else this.counts.set(taskId, next);
  }
}
