import type { TaskUnread, UnreadSummary } from '../adapter/unread.js';
import type { Id, IsoDateTime } from '../model/common.js';
import type { Message } from '../model/message.js';
import { readMarkerId, type ReadMarker } from '../model/read-marker.js';
import type { Table } from './table.js';

/** Orders two places in a thread: `createdAt`, then id (the order the chat shows messages in). */
function comparePlace(aAt: IsoDateTime, aId: Id, bAt: IsoDateTime, bId: Id): number {
  if (aAt !== bAt) return aAt < bAt ? -1 : 1;
  return aId === bId ? 0 : aId < bId ? -1 : 1;
}

/**
 * True when `message` comes after the place `marker` marks in its thread, in the order the chat shows
 * messages (`createdAt`, then id). Without a marker everything counts as after it (nothing read yet).
 */
export function isAfterMarker(message: Message, marker: ReadMarker | undefined): boolean {
  if (marker === undefined) return true;
  return comparePlace(message.createdAt, message.id, marker.lastReadAt, marker.lastReadMessageId) > 0;
}

/**
 * Whether a message can be unread for `readerId` at all: a user message by someone else, not deleted.
 * System messages narrate and one's own messages are read by definition.
 */
export function countsAsUnread(message: Message, readerId: Id): boolean {
  return message.kind === 'user' && message.deleted !== true && message.authorId !== readerId;
}

/**
 * Counts a reader's unread messages over whatever messages it is shown, in any order: what a backend
 * runs in `CwmAdapter.unreadCounts` (one pass, O(1) per message). `markers` are the reader's read
 * markers by task id.
 */
export class UnreadTally {
  private readonly tasks = new Map<Id, { count: number; newestAt: IsoDateTime; newestId: Id }>();

  constructor(
    private readonly readerId: Id,
    private readonly markers: ReadonlyMap<Id, ReadMarker>,
  ) {}

  /** Looks at one message. */
  add(message: Message): void {
    if (!countsAsUnread(message, this.readerId) || !isAfterMarker(message, this.markers.get(message.taskId))) return;
    const task = this.tasks.get(message.taskId);
    if (task === undefined) this.tasks.set(message.taskId, { count: 1, newestAt: message.createdAt, newestId: message.id });
    else {
      task.count++;
      if (comparePlace(message.createdAt, message.id, task.newestAt, task.newestId) > 0) {
        task.newestAt = message.createdAt;
        task.newestId = message.id;
      }
    }
  }

  /** The counts so far, stamped `countedAt`. */
  result(countedAt: IsoDateTime): UnreadSummary {
    return { countedAt, tasks: new Map(this.tasks) };
  }
}

/**
 * Unread messages per task for one reader, kept up to date from what changed: a message arriving
 * costs O(1), a marker moving costs the messages of its task, never a scan of every message. Counts
 * user messages written by others and not deleted; system messages and one's own never count.
 *
 * With a backend's `UnreadSummary` (the seed) a task's count is the unread messages the store holds
 * plus the seed's unread messages it does not hold. A held message is taken to be in the seed when it
 * lies at or before the seed's newest counted message and was unread then (by the marker of that
 * time; deleted only after `countedAt`); such messages are subtracted from the seed so that a message
 * both counted by the backend and loaded or delivered later is counted once. Once the marker reaches
 * the seed's newest message the seed no longer adds anything to that task; a marker that moves to a
 * place before it makes the seed stale, which `onStaleSeed` reports so the owner can count again.
 */
export class UnreadCounter {
  private messages: Table<Message> | undefined;
  private reads: Table<ReadMarker> | undefined;
  private seed: UnreadSummary | undefined;
  /** The reader's markers when the seed was taken, per seeded task. */
  private readonly seedMarkers = new Map<Id, ReadMarker | undefined>();
  /** Messages that could be unread (by others, user kind, not deleted), per task. */
  private readonly countable = new Map<Id, Map<Id, Message>>();
  /** The task of each held message that is countable or in the seed, to find it again when it changes or goes. */
  private readonly taskOf = new Map<Id, Id>();
  /** Ids of the messages counted as unread now. */
  private readonly counted = new Set<Id>();
  /** Held unread messages per task. */
  private readonly held = new Map<Id, number>();
  /** Ids of held messages the seed already counted, and how many per task. */
  private readonly inSeed = new Set<Id>();
  private readonly inSeedPerTask = new Map<Id, number>();
  /** What is published: held plus what the seed adds. */
  private readonly totals = new Map<Id, number>();
  private snapshot: ReadonlyMap<Id, number> = new Map();

  constructor(
    private readonly readerId: Id,
    private readonly onStaleSeed?: (taskId: Id) => void,
  ) {}

  /** The counts for these tables (and seed); the same map object while no count changed. */
  update(messages: Table<Message>, reads: Table<ReadMarker>, seed?: UnreadSummary): ReadonlyMap<Id, number> {
    const changedMessages = this.messages === undefined ? undefined : messages.changedSince(this.messages);
    const changedReads = this.reads === undefined ? undefined : reads.changedSince(this.reads);
    const seedChanged = seed !== this.seed;
    this.messages = messages;
    this.reads = reads;
    this.seed = seed;
    let changed = false;
    if (changedMessages === undefined || changedReads === undefined || seedChanged) {
      this.rebuild(messages, reads);
      changed = true;
    } else {
      const touched = new Set<Id>();
      for (const id of new Set(changedMessages)) this.refreshMessage(id, messages.get(id), reads, touched);
      for (const taskId of this.tasksOfMarkers(changedReads)) {
        this.recount(taskId, reads);
        touched.add(taskId);
        this.checkSeed(taskId, reads);
      }
      for (const taskId of touched) changed = this.total(taskId, reads) || changed;
    }
    if (changed) this.snapshot = new Map(this.totals);
    return this.snapshot;
  }

  private rebuild(messages: Table<Message>, reads: Table<ReadMarker>): void {
    this.countable.clear();
    this.taskOf.clear();
    this.counted.clear();
    this.held.clear();
    this.inSeed.clear();
    this.inSeedPerTask.clear();
    this.totals.clear();
    this.seedMarkers.clear();
    for (const taskId of this.seed?.tasks.keys() ?? []) this.seedMarkers.set(taskId, reads.get(readMarkerId(this.readerId, taskId)));
    const touched = new Set<Id>(this.seed?.tasks.keys() ?? []);
    for (const message of messages) this.refreshMessage(message.id, message, reads, touched);
    for (const taskId of touched) this.total(taskId, reads);
  }

  /** Re-judges one message (added, changed or gone); notes the tasks whose count may have changed. */
  private refreshMessage(id: Id, message: Message | undefined, reads: Table<ReadMarker>, touched: Set<Id>): void {
    const previousTask = this.taskOf.get(id);
    if (previousTask !== undefined) {
      this.taskOf.delete(id);
      const messages = this.countable.get(previousTask);
      messages?.delete(id);
      if (messages?.size === 0) this.countable.delete(previousTask);
      if (this.counted.delete(id)) this.add(this.held, previousTask, -1);
      if (this.inSeed.delete(id)) this.add(this.inSeedPerTask, previousTask, -1);
      touched.add(previousTask);
    }
    if (message === undefined) return;
    if (this.wasInSeed(message)) {
      this.inSeed.add(id);
      this.add(this.inSeedPerTask, message.taskId, 1);
      this.taskOf.set(id, message.taskId);
      touched.add(message.taskId);
    }
    if (!countsAsUnread(message, this.readerId)) return;
    let messages = this.countable.get(message.taskId);
    if (!messages) this.countable.set(message.taskId, (messages = new Map()));
    messages.set(id, message);
    this.taskOf.set(id, message.taskId);
    if (isAfterMarker(message, reads.get(readMarkerId(this.readerId, message.taskId)))) {
      this.counted.add(id);
      this.add(this.held, message.taskId, 1);
      touched.add(message.taskId);
    }
  }

  /** Whether the backend's count already included this held message (see the class comment). */
  private wasInSeed(message: Message): boolean {
    const task = this.seed?.tasks.get(message.taskId);
    if (task === undefined || this.seed === undefined) return false;
    if (comparePlace(message.createdAt, message.id, task.newestAt, task.newestId) > 0) return false;
    if (message.kind !== 'user' || message.authorId === this.readerId) return false;
    if (message.deleted === true && message.updatedAt <= this.seed.countedAt) return false;
    return isAfterMarker(message, this.seedMarkers.get(message.taskId));
  }

  /** Held unread messages of one task again after its marker moved. */
  private recount(taskId: Id, reads: Table<ReadMarker>): void {
    const marker = reads.get(readMarkerId(this.readerId, taskId));
    let after = 0;
    for (const message of this.countable.get(taskId)?.values() ?? []) {
      if (isAfterMarker(message, marker)) {
        this.counted.add(message.id);
        after++;
      } else this.counted.delete(message.id);
    }
    this.add(this.held, taskId, after - (this.held.get(taskId) ?? 0));
  }

  /** Reports a seed made stale by a marker that moved to a place before the seed's newest message. */
  private checkSeed(taskId: Id, reads: Table<ReadMarker>): void {
    const task = this.seed?.tasks.get(taskId);
    if (task === undefined || this.seedRead(task, reads.get(readMarkerId(this.readerId, taskId)))) return;
    const marker = reads.get(readMarkerId(this.readerId, taskId));
    const before = this.seedMarkers.get(taskId);
    if (marker?.lastReadMessageId !== before?.lastReadMessageId) this.onStaleSeed?.(taskId);
  }

  /** True when the marker is at or past the newest message the seed counted: the seed adds nothing. */
  private seedRead(task: TaskUnread, marker: ReadMarker | undefined): boolean {
    return marker !== undefined && comparePlace(marker.lastReadAt, marker.lastReadMessageId, task.newestAt, task.newestId) >= 0;
  }

  /** Sets a task's published count; true when it changed. */
  private total(taskId: Id, reads: Table<ReadMarker>): boolean {
    const task = this.seed?.tasks.get(taskId);
    let fromSeed = 0;
    if (task !== undefined && !this.seedRead(task, reads.get(readMarkerId(this.readerId, taskId)))) {
      fromSeed = Math.max(0, task.count - (this.inSeedPerTask.get(taskId) ?? 0));
    }
    const next = (this.held.get(taskId) ?? 0) + fromSeed;
    if (next === (this.totals.get(taskId) ?? 0)) return false;
    if (next <= 0) this.totals.delete(taskId);
    else this.totals.set(taskId, next);
    return true;
  }

  private tasksOfMarkers(markerIds: readonly Id[]): Set<Id> {
    const prefix = `${this.readerId}:`;
    const tasks = new Set<Id>();
    for (const id of markerIds) if (id.startsWith(prefix)) tasks.add(id.slice(prefix.length));
    return tasks;
  }

  private add(counts: Map<Id, number>, taskId: Id, delta: number): void {
    const next = (counts.get(taskId) ?? 0) + delta;
    if (next <= 0) counts.delete(taskId);
    else counts.set(taskId, next);
  }
}
