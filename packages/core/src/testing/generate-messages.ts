import type { Id } from '../model/common.js';
import type { Message } from '../model/message.js';
import type { Notification } from '../model/notification.js';
import { type GeneratorContext, instant, minuteOf, type PeopleById } from './context.js';
import type { IdCounter } from './generate-history.js';
import { slug } from './generate-people.js';
import type { TaskDraft } from './task-draft.js';
import { MESSAGE_OPENERS, MESSAGE_REPLIES, REACTIONS } from './vocabulary.js';

/** Notifications older than this many days have been read. */
const READ_AFTER_DAYS = 7;

/** Where messages and notifications go, with the counters that number them across all tasks. */
export interface MessageSinks {
  readonly messageIds: IdCounter;
  readonly notificationIds: IdCounter;
  readonly messages: Message[];
  readonly notifications: Notification[];
}

function readAt(context: GeneratorContext, minute: number): { readAt?: string } {
  return minute < (context.today - READ_AFTER_DAYS) * 1440 ? { readAt: instant(context, minute + 60) } : {};
}

/** The notification a new assignee gets when the task is created for them. */
export function assignmentNotifications(context: GeneratorContext, draft: TaskDraft, createdMinute: number, sinks: MessageSinks): void {
  for (const personId of draft.assigneeIds) {
    if (personId === draft.createdBy) continue;
    const at = instant(context, createdMinute + 1);
    sinks.notifications.push({
      id: sinks.notificationIds.next(),
      version: 1,
      createdAt: at,
      updatedAt: at,
      personId,
      kind: 'assignment',
      taskId: draft.id,
      actorId: draft.createdBy,
      ...readAt(context, createdMinute + 1),
    });
  }
}

/**
 * `count` chat messages on a task, spread between its creation and today: some mention a colleague
 * (who is notified), some answer an earlier message, some carry reactions or an attachment.
 */
export function writeMessages(
  context: GeneratorContext,
  draft: TaskDraft,
  createdMinute: number,
  count: number,
  people: PeopleById,
  sinks: MessageSinks,
): void {
  const { rng, lastMinute } = context;
  const plan = draft.plan;
  const authors = draft.assigneeIds.length > 0 && rng.chance(0.5) ? [...draft.assigneeIds, ...plan.commenters] : plan.commenters;
  if (authors.length === 0) return;
  const ceiling = lastMinute - 5;
  const gap = Math.max(1, Math.floor((ceiling - createdMinute) / (count + 1)));
  const written: Message[] = [];
  let minute = createdMinute;
  for (let position = 0; position < count; position++) {
    // Spread over the task's life, during office hours.
    const day = Math.floor((createdMinute + gap * (position + 1) - rng.int(0, Math.floor(gap / 2))) / 1440);
    minute = Math.min(ceiling, Math.max(minute + 1, minuteOf(day, rng.int(8, 17), rng.int(0, 59))));
    const at = instant(context, minute);
    const authorId = rng.pick(authors);
    const replyTo = written.length > 0 && rng.chance(0.35) ? rng.pick(written) : undefined;
    const others = plan.assignable.filter((id) => id !== authorId);
    const mentioned: Id | undefined = others.length > 0 && rng.chance(0.35) ? rng.pick(others) : undefined;
    const text = replyTo === undefined ? rng.pick(MESSAGE_OPENERS) : rng.pick(MESSAGE_REPLIES);
    const body = mentioned === undefined ? text : `@${people.get(mentioned)?.name ?? mentioned} ${text}`;
    let reactions: Record<string, Id[]> = {};
    if (rng.chance(0.25)) {
      const fans = rng.sample(plan.commenters.filter((id) => id !== authorId), rng.int(1, 2));
      if (fans.length > 0) reactions = { [rng.pick(REACTIONS)]: fans };
    }
    const attachments =
      rng.chance(0.04)
        ? [{ id: `${draft.id}-m${position + 1}-f1`, name: 'screenshot.png', url: `https://files.example.com/${slug(context.workspaceId)}/${draft.id}/screenshot-${position + 1}.png`, type: 'image/png' }]
        : [];
    // An edited message has been written twice: its version and updatedAt say so.
    const editedAt = rng.chance(0.05) ? instant(context, minute + rng.int(1, 4)) : undefined;
    const message: Message = {
      id: sinks.messageIds.next(),
      version: editedAt === undefined ? 1 : 2,
      createdAt: at,
      updatedAt: editedAt ?? at,
      taskId: draft.id,
      authorId,
      kind: 'user',
      body,
      mentions: mentioned === undefined ? [] : [mentioned],
      reactions,
      ...(replyTo === undefined ? {} : { replyToId: replyTo.id }),
      attachments,
      ...(editedAt === undefined ? {} : { editedAt }),
    };
    written.push(message);
    sinks.messages.push(message);
    if (mentioned !== undefined) {
      sinks.notifications.push({
        id: sinks.notificationIds.next(),
        version: 1,
        createdAt: at,
        updatedAt: at,
        personId: mentioned,
        kind: 'mention',
        taskId: draft.id,
        messageId: message.id,
        actorId: authorId,
        ...readAt(context, minute),
      });
    }
  }
}
