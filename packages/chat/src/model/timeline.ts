import type { ActivityEntry, Id, IsoDateTime, Message } from '@cwm/core';
import type { OutboxEntry } from './outbox.js';

/** One row of the conversation as the virtual list shows it. Keys are stable across renders. */
export type ChatRow =
  | { readonly kind: 'day'; readonly key: string; readonly at: IsoDateTime }
  | { readonly kind: 'unread'; readonly key: 'unread' }
  | { readonly kind: 'message'; readonly key: string; readonly message: Message }
  | { readonly kind: 'activity'; readonly key: string; readonly entry: ActivityEntry }
  | { readonly kind: 'outbox'; readonly key: string; readonly entry: OutboxEntry };

export interface TimelineInput {
  /** Loaded messages, oldest first. */
  readonly messages: readonly Message[];
  /** The task's activity, oldest first; only entries `narrates` accepts become rows. */
  readonly activity: readonly ActivityEntry[];
  readonly narrates: (entry: ActivityEntry) => boolean;
  /** Whether older messages remain to be loaded: then activity older than the oldest loaded message waits too. */
  readonly hasMore: boolean;
  /** Messages by other people created after this instant are unread; `undefined` shows no divider. */
  readonly unreadAfter: IsoDateTime | undefined;
  readonly userId: Id;
  /** Unsent messages of this task not in `messages` (the store rolled them back): shown last. */
  readonly outbox: readonly OutboxEntry[];
}

/** The local calendar day of an instant, `YYYY-MM-DD`: day separators follow the reader's clock. */
export function localDay(at: IsoDateTime): string {
  const date = new Date(at);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * The rows of a conversation: messages and narrated task events merged by time, a separator where
 * the day changes, the unread divider before the first unread message of someone else, and unsent
 * messages at the end. Replies stay in time order and quote their parent (see README).
 */
export function buildTimeline(input: TimelineInput): ChatRow[] {
  const rows: ChatRow[] = [];
  const oldest = input.messages[0]?.createdAt;
  const activity = input.activity.filter(
    (entry) => input.narrates(entry) && !(input.hasMore && oldest !== undefined && entry.at < oldest),
  );
  let day = '';
  let unreadPlaced = input.unreadAfter === undefined;
  const push = (at: IsoDateTime, row: ChatRow): void => {
    const next = localDay(at);
    if (next !== day) {
      day = next;
      rows.push({ kind: 'day', key: `day:${next}`, at });
    }
    rows.push(row);
  };
  let a = 0;
  for (const message of input.messages) {
    while (a < activity.length && activity[a]!.at <= message.createdAt) {
      const entry = activity[a++]!;
      push(entry.at, { kind: 'activity', key: `a:${entry.id}`, entry });
    }
    if (!unreadPlaced && message.kind === 'user' && message.authorId !== input.userId && !message.deleted && message.createdAt > input.unreadAfter!) {
      unreadPlaced = true;
      // The divider belongs to the message's day: a new day's separator goes above it.
      const next = localDay(message.createdAt);
      if (next !== day) {
        day = next;
        rows.push({ kind: 'day', key: `day:${next}`, at: message.createdAt });
      }
      rows.push({ kind: 'unread', key: 'unread' });
    }
    push(message.createdAt, { kind: 'message', key: `m:${message.id}`, message });
  }
  while (a < activity.length) {
    const entry = activity[a++]!;
    push(entry.at, { kind: 'activity', key: `a:${entry.id}`, entry });
  }
  for (const entry of input.outbox) push(entry.createdAt, { kind: 'outbox', key: `o:${entry.id}`, entry });
  return rows;
}
