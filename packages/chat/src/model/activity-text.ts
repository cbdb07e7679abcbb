import type { ActivityEntry, Id } from '@cwm/core';
import type { ChatMessages } from '../i18n/messages.js';

/** A system line's message key and the raw values to fill it with (names are resolved by the caller). */
export interface ActivityLine {
  readonly key: keyof ChatMessages & `chat.system.${string}`;
  /** Person ids the line names besides the actor (assigned or unassigned people). */
  readonly personIds?: readonly Id[];
  /** The new status id, date, title or priority. */
  readonly value?: string;
}

function ids(value: unknown): Id[] {
  return Array.isArray(value) ? value.filter((item): item is Id => typeof item === 'string') : [];
}

/**
 * What the conversation says about one activity entry: one line per field the chat narrates
 * (creation, status, assignees, due date, title, priority, deletion). Other edits (ranks, progress,
 * descriptions) are noise in a conversation and produce no line.
 */
export function activityLines(entry: ActivityEntry): ActivityLine[] {
  if (entry.action === 'created') return [{ key: 'chat.system.created' }];
  if (entry.action === 'deleted') return [{ key: 'chat.system.deleted' }];
  const lines: ActivityLine[] = [];
  for (const change of entry.changes) {
    switch (change.field) {
      case 'status':
        if (typeof change.to === 'string') lines.push({ key: 'chat.system.status', value: change.to });
        break;
      case 'assigneeIds': {
        const before = new Set(ids(change.from));
        const after = ids(change.to);
        const added = after.filter((id) => !before.has(id));
        const removed = [...before].filter((id) => !after.includes(id));
        if (added.length > 0) lines.push({ key: 'chat.system.assigned', personIds: added });
        if (removed.length > 0) lines.push({ key: 'chat.system.unassigned', personIds: removed });
        break;
      }
      case 'due':
        lines.push(typeof change.to === 'string' ? { key: 'chat.system.due', value: change.to } : { key: 'chat.system.due-cleared' });
        break;
      case 'title':
        if (typeof change.to === 'string') lines.push({ key: 'chat.system.title', value: change.to });
        break;
      case 'priority':
        if (typeof change.to === 'string') lines.push({ key: 'chat.system.priority', value: change.to });
        break;
    }
  }
  return lines;
}
