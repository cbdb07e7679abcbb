import { AdapterError, type Id, type TaskUnread, type UnreadSummary } from '@cwm/core';
import { isRecord } from '../mapping/json.js';

/**
 * Reads the reference server's unread summary. JSON has no Map, so `tasks` may come as an object
 * keyed by task id, as `[taskId, entry]` pairs, or as entries carrying a `taskId`. Entries that do not
 * read as `{ count, newestAt, newestId }` are left out; a body without `countedAt` is refused.
 */
export function parseUnreadSummary(raw: unknown): UnreadSummary {
  if (!isRecord(raw) || typeof raw['countedAt'] !== 'string') {
    throw new AdapterError('validation', 'The backend\'s unread counts are not an unread summary (no countedAt).');
  }
  const tasks = new Map<Id, TaskUnread>();
  const add = (taskId: unknown, entry: unknown): void => {
    if (typeof taskId !== 'string' || !isRecord(entry)) return;
    const { count, newestAt, newestId } = entry;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return;
    if (typeof newestAt !== 'string' || typeof newestId !== 'string') return;
    tasks.set(taskId, { count, newestAt, newestId });
  };
  const listed = raw['tasks'];
  if (Array.isArray(listed)) {
    for (const item of listed) {
      if (Array.isArray(item)) add(item[0], item[1]);
      else if (isRecord(item)) add(item['taskId'], item);
    }
  } else if (isRecord(listed)) {
    for (const [taskId, entry] of Object.entries(listed)) add(taskId, entry);
  }
  return { countedAt: raw['countedAt'], tasks };
}
