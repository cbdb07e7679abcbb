import type { Id } from '../model/common.js';
import type { Message } from '../model/message.js';
import { readMarkerId, type ReadMarker } from '../model/read-marker.js';
import type { Table } from './table.js';

/**
 * True when `message` comes after the place `marker` marks in its thread, in the order the chat shows
 * messages (`createdAt`, then id). Without a marker everything counts as after it (nothing read yet).
 */
export function isAfterMarker(message: Message, marker: ReadMarker | undefined): boolean {
  if (marker === undefined) return true;
  if (message.createdAt !== marker.lastReadAt) return message.createdAt > marker.lastReadAt;
  return message.id > marker.lastReadMessageId;
}

/**
 * Unread messages per task for one reader, kept up to date from what changed: a message arriving
 * costs O(1), a marker moving costs the messages of its task, never a scan of every message. Counts
 * user messages written by others and not deleted; system messages and one's own never count.
 */
export class UnreadCounter {
  private messages: Table<Message> | undefined;
  private reads: Table<ReadMarker> | undefined;
  /** Messages that could be unread (by others, user kind, not deleted), per task. */
  private readonly countable = new Map<Id, Map<Id, Message>>();
  /** The task of each countable message, to find it again when it changes or goes. */
  private readonly taskOf = new Map<Id, Id>();
  /** Ids of the messages counted as unread now. */
  private readonly counted = new Set<Id>();
  private readonly counts = new Map<Id, number>();
  private snapshot: ReadonlyMap<Id, number> = new Map();

  constructor(private readonly readerId: Id) {}

  /** The counts for these tables; the same map object while no count changed. */
  update(messages: Table<Message>, reads: Table<ReadMarker>): ReadonlyMap<Id, number> {
    const changedMessages = this.messages === undefined ? undefined : messages.changedSince(this.messages);
    const changedReads = this.reads === undefined ? undefined : reads.changedSince(this.reads);
    this.messages = messages;
    this.reads = reads;
    let changed = false;
    if (changedMessages === undefined || changedReads === undefined) {
      this.rebuild(messages, reads);
      changed = true;
    } else {
      for (const id of new Set(changedMessages)) changed = this.refreshMessage(id, messages.get(id), reads) || changed;
      for (const taskId of this.tasksOfMarkers(changedReads)) changed = this.recount(taskId, reads) || changed;
    }
    if (changed) this.snapshot = new Map(this.counts);
    return this.snapshot;
  }

  private rebuild(messages: Table<Message>, reads: Table<ReadMarker>): void {
    this.countable.clear();
    this.taskOf.clear();
    this.counted.clear();
    this.counts.clear();
    for (const message of messages) this.refreshMessage(message.id, message, reads);
  }

  /** Re-judges one message (added, changed or gone). True when a count changed. */
  private refreshMessage(id: Id, message: Message | undefined, reads: Table<ReadMarker>): boolean {
    let changed = false;
    const previousTask = this.taskOf.get(id);
    if (previousTask !== undefined) {
      this.taskOf.delete(id);
      const messages = this.countable.get(previousTask);
      messages?.delete(id);
      if (messages?.size === 0) this.countable.delete(previousTask);
      if (this.counted.delete(id)) {
        this.add(previousTask, -1);
        changed = true;
      }
    }
    if (message === undefined || !this.isCountable(message)) return changed;
    let messages = this.countable.get(message.taskId);
    if (!messages) this.countable.set(message.taskId, (messages = new Map()));
    messages.set(id, message);
    this.taskOf.set(id, message.taskId);
    if (isAfterMarker(message, reads.get(readMarkerId(this.readerId, message.taskId)))) {
      this.counted.add(id);
      this.add(message.taskId, 1);
      changed = true;
    }
    return changed;
  }

  /** Counts one task again after its marker moved. True when its count changed. */
  private recount(taskId: Id, reads: Table<ReadMarker>): boolean {
    const marker = reads.get(readMarkerId(this.readerId, taskId));
    const before = this.counts.get(taskId) ?? 0;
    let after = 0;
    for (const message of this.countable.get(taskId)?.values() ?? []) {
      if (isAfterMarker(message, marker)) {
        this.counted.add(message.id);
        after++;
      } else this.counted.delete(message.id);
    }
    if (after === before) return false;
    this.add(taskId, after - before);
    return true;
  }

  private tasksOfMarkers(markerIds: readonly Id[]): Set<Id> {
    const prefix = `${this.readerId}:`;
    const tasks = new Set<Id>();
    for (const id of markerIds) if (id.startsWith(prefix)) tasks.add(id.slice(prefix.length));
    return tasks;
  }

  private isCountable(message: Message): boolean {
    return message.kind === 'user' && message.deleted !== true && message.authorId !== this.readerId;
  }

  private add(taskId: Id, delta: number): void {
    const next = (this.counts.get(taskId) ?? 0) + delta;
    if (next <= 0) this.counts.delete(taskId);
    else this.counts.set(taskId, next);
  }
}
