import { get, update } from 'idb-keyval';
import { BehaviorSubject, type Observable } from 'rxjs';
import type { DocumentLink, Id, IsoDateTime } from '@cwm/core';

/** A message the user wrote that the backend has not confirmed yet. */
export interface OutboxEntry {
  /** The id the store gave the message when it was posted (a retry gets a new one). */
  readonly id: Id;
  readonly taskId: Id;
  readonly body: string;
  readonly mentions: readonly Id[];
  readonly attachments: readonly DocumentLink[];
  readonly replyToId?: Id;
  readonly createdAt: IsoDateTime;
  /** Why the backend refused it; absent while it is on its way. */
  readonly failure?: string;
}

/** The IndexedDB key of one person's outbox in one workspace. */
export function outboxKey(workspaceId: Id, userId: Id): string {
  return `cwm-chat-outbox:${workspaceId}:${userId}`;
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry['id'] === 'string' && typeof entry['taskId'] === 'string' && typeof entry['body'] === 'string' && typeof entry['createdAt'] === 'string';
}

/** Reads what IndexedDB holds, dropping anything that is not an entry (old or foreign data). */
function clean(value: unknown): OutboxEntry[] {
  return Array.isArray(value)
    ? value.filter(isEntry).map((entry) => ({ ...entry, mentions: entry.mentions ?? [], attachments: entry.attachments ?? [] }))
    : [];
}

const shared = new Map<string, Outbox>();

/**
 * The messages a person sent that are not confirmed, kept in IndexedDB (idb-keyval) so nothing the
 * user wrote is lost when the backend refuses it or the page reloads. One instance per workspace and
 * person per page: every chat element on the page sees the same entries.
 */
export class Outbox {
  private readonly subject = new BehaviorSubject<readonly OutboxEntry[]>([]);
  /** Writes run one after another so a slow write never overwrites a newer one. */
  private queue: Promise<unknown>;
  /** Settles when what IndexedDB held has been read. */
  readonly ready: Promise<void>;

  /** The shared outbox of `userId` in `workspaceId`. */
  static for(workspaceId: Id, userId: Id): Outbox {
    const key = outboxKey(workspaceId, userId);
    let outbox = shared.get(key);
    if (!outbox) {
      outbox = new Outbox(key);
      shared.set(key, outbox);
    }
    return outbox;
  }

  /** Forgets the page's instances (tests simulate a reload with it; IndexedDB keeps the data). */
  static forgetInstances(): void {
    shared.clear();
  }

  private constructor(readonly key: string) {
    this.ready = get(key)
      .then((stored) => {
        // Entries added before the read finished win over stored ones with the same id.
        const known = new Set(this.subject.value.map((entry) => entry.id));
        this.subject.next([...clean(stored).filter((entry) => !known.has(entry.id)), ...this.subject.value]);
      })
      .catch(() => undefined);
    this.queue = this.ready;
  }

  /** Every entry, oldest first. */
  get entries(): readonly OutboxEntry[] {
    return this.subject.value;
  }

  /** The entries, live. */
  get entries$(): Observable<readonly OutboxEntry[]> {
    return this.subject.asObservable();
  }

  /** Adds or replaces (by id) an entry. */
  put(entry: OutboxEntry): Promise<void> {
    return this.change((entries) => [...entries.filter((item) => item.id !== entry.id), entry]);
  }

  /** Replaces entry `id` with `entry` (a retry under a new id keeps its place). */
  replace(id: Id, entry: OutboxEntry): Promise<void> {
    return this.change((entries) => {
      const index = entries.findIndex((item) => item.id === id);
      if (index < 0) return [...entries.filter((item) => item.id !== entry.id), entry];
      const next = entries.filter((item) => item.id !== entry.id || item.id === id);
      next[next.findIndex((item) => item.id === id)] = entry;
      return next;
    });
  }

  /** Marks an entry refused with the reason. */
  fail(id: Id, failure: string): Promise<void> {
    return this.change((entries) => entries.map((entry) => (entry.id === id ? { ...entry, failure } : entry)));
  }

  /** Removes entries (confirmed or discarded). */
  remove(ids: Iterable<Id>): Promise<void> {
    const gone = new Set(ids);
    if (gone.size === 0) return this.queue.then(() => undefined);
    return this.change((entries) => entries.filter((entry) => !gone.has(entry.id)));
  }

  private change(next: (entries: readonly OutboxEntry[]) => OutboxEntry[]): Promise<void> {
    // Memory first, so the UI shows it now; IndexedDB follows in order.
    const before = this.subject.value;
    const after = next(before);
    if (after.length === before.length && after.every((entry, index) => entry === before[index])) return this.queue.then(() => undefined);
    this.subject.next(after);
    const write = this.queue.then(() => update(this.key, () => this.subject.value)).catch(() => undefined);
    this.queue = write;
    return write;
  }
}
