// Data for the notification stories: the chat stories' team workspace (its messages are what the
// mentions point at) with an inbox for Ana written in, and a variant with more unread items than the
// badge shows. Reminders are not stored: the element works them out from Ana's tasks and `today`.
import type { WorkspaceData } from '@cwm/adapters';
import type { Id, Message, Notification, NotificationKind } from '@cwm/core';
import { ANA, BEN, LOGIN_TASK, NOTES_TASK, RATE_TASK, inDays, portalTask, teamWorkspace } from '../chat/chat-data.js';

function notice(id: Id, kind: NotificationKind, minutesAgo: number, extra: Partial<Notification> = {}): Notification {
  const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutesAgo * 60_000).toISOString();
  return { id, version: 1, createdAt: at, updatedAt: at, personId: ANA, kind, taskId: LOGIN_TASK, actorId: BEN, ...extra };
}

/**
 * Ana's inbox: today a mention and a status change, earlier an assignment, a comment and one she has
 * read; plus an overdue task of hers (the reminders come from it and the team's due dates).
 */
export function inboxWorkspace(): WorkspaceData {
  const data = teamWorkspace();
  // The team thread never mentions Ana: this message does, so the mention's preview has something to show.
  const mention: Message = {
    ...data.messages![data.messages!.length - 1]!,
    id: 'm-rate-ana',
    authorId: BEN,
    body: '@Ana Ruiz the limits are **live on staging**, can you sign them off?',
    mentions: [ANA],
    reactions: {},
    attachments: [],
  };
  const overdue = portalTask('t-invoices', 'Export invoices as PDF', { assigneeIds: [ANA], due: inDays(-3) });
  return {
    ...data,
    tasks: [...data.tasks!, overdue],
    messages: [...data.messages!, mention],
    notifications: [
      notice('n-1', 'mention', 12, { taskId: RATE_TASK, messageId: mention.id }),
      notice('n-2', 'status-change', 95, { actorId: 'u-chloe' }),
      notice('n-3', 'assignment', 60 * 26, { taskId: NOTES_TASK }),
      notice('n-4', 'comment', 60 * 30, { taskId: RATE_TASK, actorId: 'u-dev' }),
      notice('n-5', 'assignment', 60 * 50, { readAt: new Date().toISOString() }),
    ],
  };
}

/** Ana with fourteen unread notices: the badge caps at "9+", its accessible name says fourteen. */
export function manyWorkspace(): WorkspaceData {
  const data = teamWorkspace();
  const kinds: readonly NotificationKind[] = ['mention', 'assignment', 'status-change', 'comment'];
  const actors: readonly Id[] = [BEN, 'u-chloe', 'u-dev'];
  const tasks: readonly Id[] = [LOGIN_TASK, RATE_TASK, NOTES_TASK];
  const messageOf = (taskId: Id): Id | undefined => data.messages!.find((item) => item.taskId === taskId)?.id;
  return {
    ...data,
    workspace: { ...data.workspace, id: 'storybook-inbox-many' },
    notifications: Array.from({ length: 14 }, (_, index) => {
      const kind = kinds[index % kinds.length]!;
      const taskId = tasks[index % tasks.length]!;
      const messageId = kind === 'mention' ? messageOf(taskId) : undefined;
      return notice(`n-many-${index + 1}`, kind, 20 + index * 140, {
        taskId,
        actorId: actors[index % actors.length]!,
        ...(messageId ? { messageId } : {}),
      });
    }),
  };
}
