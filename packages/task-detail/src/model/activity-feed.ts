import type { ActivityEntry, FieldChange, Id, IsoDateTime, Message } from '@cwm/core';

/** What the activity list shows: everything, only changes to the task, or only comments. */
export type ActivityFilter = 'all' | 'changes' | 'comments';
export const ACTIVITY_FILTERS: readonly ActivityFilter[] = ['all', 'changes', 'comments'];

/** How many items the list shows before "Show older". */
export const ACTIVITY_PAGE = 50;

/**
 * One sentence about a change, before wording: `kind` picks the message, the rest fills it.
 * `field` is for `set`/`cleared`/`changed` (the task field, e.g. `due`); `value` the new value as
 * text (a status id, a date, a number); `personIds`/`count` for list fields.
 */
export interface ChangeLine {
  readonly kind: 'created' | 'deleted' | 'set' | 'cleared' | 'changed' | 'added-people' | 'removed-people' | 'list-added' | 'list-removed';
  readonly field?: string;
  readonly value?: string;
  readonly personIds?: readonly Id[];
  readonly count?: number;
}

/** One row of the feed, oldest first. */
export type FeedItem =
  | { readonly kind: 'change'; readonly key: string; readonly at: IsoDateTime; readonly actorId: Id; readonly lines: readonly ChangeLine[] }
  | { readonly kind: 'comment'; readonly key: string; readonly at: IsoDateTime; readonly message: Message };

/** Fields whose new value is shown as it is (text, a date, a number). */
const VALUE_FIELDS = new Set(['title', 'status', 'priority', 'start', 'due', 'estimate', 'progress']);
/** Person lists: the names added and removed are shown. */
const PEOPLE_FIELDS = new Set(['assigneeIds', 'followerIds', 'resourceIds']);
/** Lists of things: how many were added or removed. */
const COUNT_FIELDS = new Set(['dependencies', 'checklist', 'documents', 'tags']);
/** Bookkeeping that means nothing to a reader (the order in a column, timestamps, versions). */
const SILENT_FIELDS = new Set(['rank', 'statusChangedAt', 'updatedAt', 'createdAt', 'version']);

/**
 * The sentences for one activity entry, in the order of its changes: created/deleted as one line;
 * for an update, a line per field that means something to a reader (ranks and timestamps say
 * nothing). List fields say who or how many came and went; other fields say "changed".
 */
export function changeLines(entry: ActivityEntry): ChangeLine[] {
  if (entry.action === 'created') return [{ kind: 'created' }];
  if (entry.action === 'deleted') return [{ kind: 'deleted' }];
  const lines: ChangeLine[] = [];
  for (const change of entry.changes) lines.push(...linesFor(change));
  return lines;
}

function linesFor(change: FieldChange): ChangeLine[] {
  const { field } = change;
  if (SILENT_FIELDS.has(field)) return [];
  if (PEOPLE_FIELDS.has(field)) {
    const before = strings(change.from);
    const after = strings(change.to);
    const added = after.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !after.includes(id));
    const lines: ChangeLine[] = [];
    if (added.length > 0) lines.push({ kind: 'added-people', field, personIds: added });
    if (removed.length > 0) lines.push({ kind: 'removed-people', field, personIds: removed });
    return lines;
  }
  if (COUNT_FIELDS.has(field)) {
    const before = Array.isArray(change.from) ? change.from.length : 0;
    const after = Array.isArray(change.to) ? change.to.length : 0;
    if (after > before) return [{ kind: 'list-added', field, count: after - before }];
    if (after < before) return [{ kind: 'list-removed', field, count: before - after }];
    return [{ kind: 'changed', field }];
  }
  if (VALUE_FIELDS.has(field)) {
    if (change.to === undefined || change.to === null || change.to === '') return [{ kind: 'cleared', field }];
    if (typeof change.to === 'string' || typeof change.to === 'number') return [{ kind: 'set', field, value: String(change.to) }];
  }
  return [{ kind: 'changed', field }];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export interface FeedInput {
  /** The task's activity entries, any order. */
  readonly activity: readonly ActivityEntry[];
  /** The task's messages, any order; system messages and deleted ones are left out (the activity tells the same). */
  readonly messages: readonly Message[];
  readonly filter: ActivityFilter;
  /** Show at most this many of the newest items. */
  readonly limit: number;
}

export interface Feed {
  /** The items shown, oldest first. */
  readonly items: readonly FeedItem[];
  /** How many older items the limit hides ("Show older"). */
  readonly hidden: number;
}

/**
 * The task's history and conversation merged in time order (equal instants: changes before
 * comments, then by id, so the order never depends on the input's), filtered, the newest `limit`.
 * Entries that only touched silent fields (a rank) are dropped: they would be empty rows.
 */
export function buildFeed(input: FeedInput): Feed {
  const all: FeedItem[] = [];
  if (input.filter !== 'comments') {
    for (const entry of input.activity) {
      const lines = changeLines(entry);
      if (lines.length > 0) all.push({ kind: 'change', key: `a:${entry.id}`, at: entry.at, actorId: entry.actorId, lines });
    }
  }
  if (input.filter !== 'changes') {
    for (const message of input.messages) {
      if (message.kind !== 'user' || message.deleted === true) continue;
      all.push({ kind: 'comment', key: `m:${message.id}`, at: message.createdAt, message });
    }
  }
  all.sort(compareItems);
  const limit = Math.max(0, Math.floor(input.limit));
  const hidden = Math.max(0, all.length - limit);
  return { items: all.slice(hidden), hidden };
}

function compareItems(a: FeedItem, b: FeedItem): number {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  if (a.kind !== b.kind) return a.kind === 'change' ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
