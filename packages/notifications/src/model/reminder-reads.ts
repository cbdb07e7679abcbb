import type { Id, IsoDate } from '@cwm/core';

/** The minimal part of `Storage` the read state needs (tests pass a fake). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Most remembered reminders per person; older marks are dropped first (their tasks are long done). */
const MAX_ENTRIES = 500;

/**
 * The localStorage key for one person's reminder read state in one workspace:
 * `cwm.notifications.reminders-read.v1:<workspaceId>:<userId>`. Its value is a JSON array of
 * `<taskId>|<due>|<kind>` entries, oldest first.
 */
export function reminderReadsKey(workspaceId: Id, userId: Id): string {
  return `cwm.notifications.reminders-read.v1:${encodeURIComponent(workspaceId)}:${encodeURIComponent(userId)}`;
}

/**
 * One entry: task + due date + kind. The due date is part of it so a task moved to a new date reminds
 * again; the kind is part of it so a due-soon reminder read yesterday does not hide today's overdue one.
 */
export function reminderEntry(taskId: Id, due: IsoDate, kind: 'due-soon' | 'overdue'): string {
  return `${taskId}|${due}|${kind}`;
}

/**
 * Which due-date reminders a person has read. Reminders are computed from tasks, so the backend has no
 * record to mark: the marks live in the browser's localStorage, per workspace and person. Works
 * without storage (private mode, sandboxed frames) by keeping the marks in memory only.
 */
export class ReminderReads {
  private entries: string[];
  private set: Set<string>;

  constructor(
    private readonly key: string,
    private readonly storage: KeyValueStorage | undefined = defaultStorage(),
  ) {
    this.entries = readEntries(storage, key);
    this.set = new Set(this.entries);
  }

  has(entry: string): boolean {
    return this.set.has(entry);
  }

  /** Marks entries read; returns whether anything was new. */
  add(entries: Iterable<string>): boolean {
    let changed = false;
    for (const entry of entries) {
      if (this.set.has(entry)) continue;
      this.set.add(entry);
      this.entries.push(entry);
      changed = true;
    }
    if (!changed) return false;
    if (this.entries.length > MAX_ENTRIES) {
      this.entries = this.entries.slice(this.entries.length - MAX_ENTRIES);
      this.set = new Set(this.entries);
    }
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.entries));
    } catch {
      // Quota exceeded or storage disabled: the marks still hold for this page.
    }
    return true;
  }
}

function defaultStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Reading `localStorage` throws in sandboxed frames without allow-same-origin.
    return undefined;
  }
}

function readEntries(storage: KeyValueStorage | undefined, key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    // Someone else's garbage under our key: start over rather than fail the widget.
    return [];
  }
}
