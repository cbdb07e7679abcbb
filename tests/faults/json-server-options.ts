// The mapping of a backend we did not design: json-server 0.17.4 holding `boards`, `cards`, `users`,
// `comments` and a `workspace` object, with its own field names (`heading`, `lane`, `board_id`,
// `owner_ids`, `due_on`, `card_id`). Everything it takes is RestAdapter options: no adapter code.
import type { Message, Person, Project, Task, Workspace } from '@cwm/core';
import type { RestAdapterOptions, RestAuth } from '@cwm/adapter-rest';

export interface JsonServerPresetOptions {
  /** json-server's origin, e.g. `http://127.0.0.1:3000`. */
  readonly baseUrl: string;
  readonly auth?: RestAuth;
  /** Outbox tenant; absent: online only. */
  readonly tenant?: string | undefined;
  readonly pollMs?: number;
  readonly timeoutMs?: number;
}

/** The options that connect RestAdapter to json-server's collections and field names. */
export function jsonServerOptions(preset: JsonServerPresetOptions): RestAdapterOptions {
  return {
    baseUrl: preset.baseUrl,
    ...(preset.auth ? { auth: preset.auth } : {}),
    workspace: { path: '/workspace' },
    // json-server has no versions or ETags: last writer wins; the adapter numbers revisions itself.
    versioning: 'none',
    // Nor idempotency keys: a replayed create is recognised by the `response` hook below.
    idempotency: 'none',
    intentHeader: false,
    paging: { style: 'page', pageParam: '_page', limitParam: '_limit', newest: false },
    realtime: { kind: 'poll', intervalMs: preset.pollMs ?? 1000, collections: ['tasks', 'messages'] },
    offline: preset.tenant === undefined ? false : { tenant: preset.tenant },
    ...(preset.timeoutMs === undefined ? {} : { timeoutMs: preset.timeoutMs }),
    retry: { baseMs: 100, maxMs: 2000 },
    resources: {
      projects: { path: '/boards', fields: { name: 'title' } },
      tasks: {
        path: '/cards',
        fields: { projectId: 'board_id', title: 'heading', status: 'lane', assigneeIds: 'owner_ids', due: { wire: 'due_on', fromWire: (value) => value ?? undefined } },
        filters: { projectId: 'board_id' },
        // Cards made by other tools lack what our tasks always have.
        fromWire: (raw) => ({ priority: 'none', progress: 0, tags: [], resourceIds: [], followerIds: [], dependencies: [], checklist: [], documents: [], ...raw }),
      },
      people: { path: '/users' },
      messages: { path: '/comments', fields: { taskId: 'card_id' }, filters: { taskId: 'card_id' } },
      notifications: false,
      reads: false,
      activity: false,
      templates: false,
    },
    // json-server answers a POST over an existing id with 500 "Insert failed, duplicate id": for a create
    // we sent before (a resend after a lost answer) that is our own earlier write.
    response: (response, context) =>
      context.mutation?.kind === 'create' && response.status === 500 && /duplicate id/i.test(response.text)
        ? { ...response, outcome: { kind: 'duplicate' } }
        : response,
  };
}

/** A json-server database in json-server's own field names, made from our entities. */
export function jsonServerDatabase(data: {
  readonly workspace: Workspace;
  readonly people: readonly Person[];
  readonly projects: readonly Project[];
  readonly tasks: readonly Task[];
  readonly messages: readonly Message[];
}): Record<string, unknown> {
  return {
    workspace: data.workspace,
    users: data.people,
    boards: data.projects.map(({ name, ...rest }) => ({ ...rest, title: name })),
    cards: data.tasks.map(({ projectId, title, status, assigneeIds, due, version: _version, ...rest }) => ({
      ...rest,
      board_id: projectId,
      heading: title,
      lane: status,
      owner_ids: assigneeIds,
      due_on: due ?? null,
    })),
    comments: data.messages.map(({ taskId, version: _version, ...rest }) => ({ ...rest, card_id: taskId })),
  };
}
