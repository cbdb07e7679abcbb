// Data for the chat and notification stories: a small product team (one of each role, two groups and a
// client guest) on a customer-portal project, with hand-written conversations dated just before now, so
// day separators read "Today" and "Yesterday" and reminders are due around the real today. Every seed is
// deterministic apart from that anchor: the same story shows the same thread on every load.
import type { WorkspaceData } from '@cwm/adapters';
import {
  addDays,
  taskDefaults,
  todayIso,
  type ActivityEntry,
  type DocumentLink,
  type Id,
  type IsoDate,
  type Message,
  type Person,
  type Project,
  type ReadMarker,
  type Role,
  type Task,
} from '@cwm/core';

/** The acting person of most stories: she manages the project and may do everything. */
export const ANA: Id = 'u-ana';
/** Back end; Ana's counterpart in the two-people story and the one who mentions her in the Live story. */
export const BEN: Id = 'u-ben';
/** Reads everything, writes nothing: the read-only story acts as her. */
export const EVA: Id = 'u-eva';
/** The client's contact: a guest, who may take part in the conversation and nothing else. */
export const GUS: Id = 'u-gus';

/** The project every task here belongs to. */
export const PORTAL: Id = 'p-portal';

/** The task with the long, lively conversation. */
export const LOGIN_TASK: Id = 't-login';
/** A task with a short thread. */
export const RATE_TASK: Id = 't-rate';
/** A task nobody has talked about yet. */
export const NOTES_TASK: Id = 't-notes';
/** The task of the 10,000-message story. */
export const LOG_TASK: Id = 't-log';
/** The task of the hostile-content story. */
export const HOSTILE_TASK: Id = 't-hostile';

/** When the data was made: everything is dated backwards from here (minute precision keeps ids stable). */
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const MINUTE = 60_000;

function at(minutesAgo: number): string {
  return new Date(NOW - minutesAgo * MINUTE).toISOString();
}

const CREATED = at(60 * 24 * 30);
const meta = { version: 1, createdAt: CREATED, updatedAt: CREATED } as const;

const TEAM: readonly (readonly [id: Id, name: string, role: Role, group: string])[] = [
  [ANA, 'Ana Ruiz', 'manager', 'Front end'],
  [BEN, 'Ben Okafor', 'member', 'Back end'],
  ['u-chloe', 'Chloé Martin', 'member', 'Front end'],
  ['u-dev', 'Dev Patel', 'member', 'Back end'],
  [EVA, 'Eva Schmidt', 'viewer', 'Front end'],
  [GUS, 'Gus Gallagher', 'guest', 'Client'],
];

function team(): Person[] {
  return TEAM.map(([id, name, role, group]) => ({ id, ...meta, name, email: `${id.slice(2)}@portal.example`, kind: 'person', role, group, capacity: 40 }));
}

function project(): Project {
  return {
    id: PORTAL,
    ...meta,
    name: 'Customer portal',
    key: 'POR',
    ownerId: ANA,
    memberIds: TEAM.map(([id]) => id),
    workflow: {
      statuses: [
        { id: 'todo', name: 'To do', category: 'todo' },
        { id: 'in-progress', name: 'In progress', category: 'active' },
        { id: 'review', name: 'Review', category: 'active' },
        { id: 'done', name: 'Done', category: 'done' },
      ],
      wipPolicy: 'warn',
    },
  };
}

/** A task of the portal project, in progress unless `extra` says otherwise. */
export function portalTask(id: Id, title: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    ...meta,
    ...taskDefaults(),
    projectId: PORTAL,
    title,
    status: 'in-progress',
    rank: `a${id}`,
    createdBy: ANA,
    ...extra,
  };
}

interface MessageInit {
  readonly author: Id;
  readonly body: string;
  readonly mentions?: readonly Id[];
  readonly replyTo?: Id;
  readonly reactions?: Readonly<Record<string, readonly Id[]>>;
  readonly attachments?: readonly DocumentLink[];
  readonly kind?: 'user' | 'system';
  readonly edited?: true;
  readonly deleted?: true;
}

function message(id: Id, taskId: Id, minutesAgo: number, init: MessageInit): Message {
  const createdAt = at(minutesAgo);
  return {
    id,
    version: 1,
    createdAt,
    updatedAt: createdAt,
    taskId,
    authorId: init.author,
    kind: init.kind ?? 'user',
    body: init.deleted ? '' : init.body,
    mentions: init.mentions ?? [],
    reactions: init.reactions ?? {},
    attachments: init.attachments ?? [],
    ...(init.replyTo ? { replyToId: init.replyTo } : {}),
    ...(init.edited ? { editedAt: at(minutesAgo - 3) } : {}),
    ...(init.deleted ? { deleted: true } : {}),
  };
}

/** Message ids sort in thread order: `m-<task>-00042`. */
function messageId(taskId: Id, index: number): Id {
  return `m-${taskId.slice(2)}-${String(index).padStart(5, '0')}`;
}

const SPEC: DocumentLink = { id: 'd-spec', name: 'Login flow spec.pdf', url: 'https://docs.portal.example/login-flow.pdf', type: 'pdf' };
const MOCKUP: DocumentLink = { id: 'd-mock', name: 'Sign-in mockups', url: 'https://design.portal.example/sign-in', type: 'figma' };
const LOGS: DocumentLink = { id: 'd-logs', name: 'rate-limit-429s.csv', url: 'https://files.portal.example/429s.csv', type: 'text/csv' };

/**
 * The conversation of the login task, one exchange after another; the busy thread repeats it (with the
 * round number) until it has the length asked for. Each line shows something the chat renders.
 */
const EXCHANGE: readonly MessageInit[] = [
  { author: ANA, body: 'Morning! Where are we with the **login form**?' },
  { author: BEN, body: 'The endpoint is up on staging: `POST /api/session`, returns a cookie and the user.' },
  { author: 'u-chloe', body: '@Ben Okafor does it lock the account after _five_ failed attempts or three?', mentions: [BEN] },
  { author: BEN, body: 'Five, then a 15 minute cool-down. The spec has the details.', attachments: [SPEC] },
  { author: ANA, body: 'Open points before review:\n- error message for a locked account\n- "remember me" checkbox\n- focus the first invalid field', reactions: { '👍': [BEN, 'u-chloe'] } },
  { author: 'u-dev', body: 'I can take the remember-me cookie. Max age 30 days, `SameSite=Lax`?' },
  { author: ANA, body: 'Yes, like the [cookie guidelines](https://wiki.portal.example/cookies) say.', reactions: { '✅': ['u-dev'] } },
  { author: 'u-chloe', body: 'New mockups for the error states are in.', attachments: [MOCKUP], reactions: { '🎉': [ANA, BEN], '👀': ['u-dev'] } },
  { author: GUS, body: 'From the client side: could the error say *who to contact* when the account is locked?' },
  { author: ANA, body: '@Gus Gallagher good point, we will add the support address (mailto:support@portal.example).', mentions: [GUS] },
  { author: BEN, body: 'Pushed a fix for the `401` on expired sessions.', edited: true },
  { author: 'u-dev', body: '', deleted: true },
  { author: 'u-chloe', body: 'Keyboard check done: Tab order is fine, **Enter** submits, the error is announced.', reactions: { '❤️': [ANA] } },
];

/** How many replies of a round answer an earlier message, and to which line of the exchange. */
const REPLIES: Readonly<Record<number, number>> = { 3: 2, 6: 5, 9: 8, 12: 4 };

/**
 * A lively thread of `count` messages on `taskId`, the newest `newestMinutesAgo` minutes old and one
 * every `spacing` minutes before it. Each round has one tombstone (a deleted message) and one edit.
 */
function busyThread(taskId: Id, count: number, spacing: number, newestMinutesAgo = 2): Message[] {
  const messages: Message[] = [];
  for (let index = 0; index < count; index++) {
    const line = index % EXCHANGE.length;
    const round = Math.floor(index / EXCHANGE.length);
    const init = EXCHANGE[line]!;
    const replyLine = REPLIES[line];
    const replyTo = replyLine === undefined ? undefined : index - line + replyLine;
    const body = line === 0 && round > 0 ? `${init.body} (round ${round + 1})` : init.body;
    messages.push(
      message(messageId(taskId, index + 1), taskId, newestMinutesAgo + (count - 1 - index) * spacing, {
        ...init,
        body,
        ...(replyTo !== undefined && replyTo >= 0 ? { replyTo: messageId(taskId, replyTo + 1) } : {}),
      }),
    );
  }
  return messages;
}

function activity(id: Id, taskId: Id, actorId: Id, minutesAgo: number, changes: ActivityEntry['changes'], action: ActivityEntry['action'] = 'updated'): ActivityEntry {
  const when = at(minutesAgo);
  return { id, version: 1, createdAt: when, updatedAt: when, taskId, projectId: PORTAL, actorId, at: when, action, changes };
}

/** The login task's history, interleaved with its conversation as system lines. */
function loginHistory(threadMinutes: number): ActivityEntry[] {
  return [
    activity('a-login-1', LOGIN_TASK, ANA, threadMinutes + 60, [{ field: 'status', from: null, to: 'todo' }], 'created'),
    activity('a-login-2', LOGIN_TASK, ANA, threadMinutes + 30, [{ field: 'assigneeIds', from: [], to: [BEN] }]),
    activity('a-login-3', LOGIN_TASK, BEN, Math.round(threadMinutes * 0.8), [{ field: 'status', from: 'todo', to: 'in-progress' }]),
    activity('a-login-4', LOGIN_TASK, ANA, Math.round(threadMinutes * 0.5), [{ field: 'priority', from: 'medium', to: 'high' }]),
    activity('a-login-5', LOGIN_TASK, ANA, Math.round(threadMinutes * 0.3), [{ field: 'assigneeIds', from: [BEN], to: [BEN, ANA] }]),
    activity('a-login-6', LOGIN_TASK, 'u-chloe', 90, [{ field: 'status', from: 'in-progress', to: 'review' }]),
  ];
}

/** A read marker: `personId` has read `taskId` up to `message`. */
function readUpTo(personId: Id, item: Message): ReadMarker {
  return {
    id: `${personId}:${item.taskId}`,
    version: 1,
    createdAt: item.createdAt,
    updatedAt: item.createdAt,
    personId,
    taskId: item.taskId,
    lastReadMessageId: item.id,
    lastReadAt: item.createdAt,
  };
}

/** The workspace around the given tasks and conversation. */
function workspace(id: string, tasks: readonly Task[], messages: readonly Message[], extra: Partial<WorkspaceData> = {}): WorkspaceData {
  return {
    workspace: { id, name: 'Customer portal', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } },
    people: team(),
    projects: [project()],
    tasks,
    messages,
    ...extra,
  };
}

/** Days from today, as an ISO date (due dates near the real today keep reminders current). */
export function inDays(days: number): IsoDate {
  return addDays(todayIso(), days);
}

/** The tasks of the team workspace; the task picker of the chat Playground offers them. */
export const TEAM_TASKS: readonly { readonly id: Id; readonly title: string }[] = [
  { id: LOGIN_TASK, title: 'Wire the login form' },
  { id: RATE_TASK, title: 'Rate-limit the public API' },
  { id: NOTES_TASK, title: 'Write the release notes' },
];

/** How many messages the busy thread holds, and how many of them Ana has not read yet. */
export const BUSY_COUNT = 320;
export const BUSY_UNREAD = 9;

/**
 * The team workspace: the login task with a busy thread (320 messages over five days, markdown, mentions,
 * replies, reactions, attachments, an edit, tombstones, task events; Ana's read marker nine messages
 * before the end), the rate-limit task with a short thread, the release notes with none.
 */
export function teamWorkspace(): WorkspaceData {
  const spacing = 22;
  const login = busyThread(LOGIN_TASK, BUSY_COUNT, spacing);
  const rate = [
    message(messageId(RATE_TASK, 1), RATE_TASK, 600, { author: 'u-dev', body: 'We are seeing bursts of `429` from the partner integration.', attachments: [LOGS] }),
    message(messageId(RATE_TASK, 2), RATE_TASK, 560, { author: BEN, body: 'Token bucket per API key, **100 requests/minute**, burst of 20?' }),
    message(messageId(RATE_TASK, 3), RATE_TASK, 540, { author: ANA, body: '@Dev Patel can you check that against the logs?', mentions: ['u-dev'], reactions: { '👍': ['u-dev'] } }),
  ];
  const tasks = [
    portalTask(LOGIN_TASK, 'Wire the login form', { status: 'review', assigneeIds: [BEN, ANA], followerIds: [ANA], priority: 'high', due: inDays(2) }),
    portalTask(RATE_TASK, 'Rate-limit the public API', { assigneeIds: [BEN, 'u-dev'], due: inDays(-1) }),
    portalTask(NOTES_TASK, 'Write the release notes', { status: 'todo', assigneeIds: [ANA], due: inDays(5) }),
  ];
  const lastRead = login[login.length - 1 - BUSY_UNREAD]!;
  return workspace('storybook-chat', tasks, [...login, ...rate], {
    activity: loginHistory(BUSY_COUNT * spacing),
    reads: [readUpTo(ANA, lastRead), readUpTo(EVA, lastRead), readUpTo(GUS, lastRead)],
  });
}

/** One task with 10,000 messages, one every ten minutes up to now, everybody's marker at the end. */
export function tenThousandWorkspace(): WorkspaceData {
  const messages = busyThread(LOG_TASK, 10_000, 10);
  const last = messages[messages.length - 1]!;
  return workspace('storybook-chat-10k', [portalTask(LOG_TASK, 'Migration war room', { assigneeIds: [BEN, 'u-dev'] })], messages, {
    reads: [readUpTo(ANA, last)],
  });
}

/** A hostile string and a label saying what it tries (the XSS battery of the tests). */
export interface HostileInput {
  readonly name: string;
  readonly text: string;
}

/**
 * A workspace where users typed attacks: each payload a message (every third one also as the name of its
 * author, and as an attachment's name and type), plus a link attachment with a `javascript:` URL. All of
 * it must show as plain text and no script may run.
 */
export function hostileWorkspace(payloads: readonly HostileInput[]): WorkspaceData {
  const people = team();
  const attackers: Person[] = payloads
    .filter((_, index) => index % 3 === 0)
    .slice(0, 8)
    .map((payload, index) => ({ ...people[1]!, id: `u-x${index}`, name: payload.text.slice(0, 120), email: `x${index}@evil.example`, role: 'member', group: 'Back end' }));
  const authors = [BEN, 'u-chloe', ...attackers.map((person) => person.id)];
  const messages = payloads.map((payload, index) =>
    message(messageId(HOSTILE_TASK, index + 1), HOSTILE_TASK, (payloads.length - index) * 5, {
      author: authors[index % authors.length]!,
      body: payload.text,
      ...(index % 4 === 1
        ? { attachments: [{ id: `d-x${index}`, name: payload.text.slice(0, 200), url: index % 8 === 1 ? 'javascript:window.__xss=1' : 'https://files.example/x', type: payload.name }] }
        : {}),
    }),
  );
  const data = workspace('storybook-chat-hostile', [portalTask(HOSTILE_TASK, '<img src=x onerror="window.__xss=1"> Hostile input', { assigneeIds: [ANA] })], messages);
  return { ...data, people: [...people, ...attackers], projects: [{ ...project(), memberIds: [...project().memberIds, ...attackers.map((person) => person.id)] }] };
}
