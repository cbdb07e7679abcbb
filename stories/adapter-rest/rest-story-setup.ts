// Stores for the REST adapter stories: one in-page backend per story (kept for the page's life, so
// changing a control or coming back to a story finds the same data), and per person a CwmStore on a
// real RestAdapter configured with `cwmServerOptions`, whose fetch is the in-page backend's.
import { RestAdapter, cwmServerOptions } from '@cwm/adapter-rest';
import { CwmStore, type Id, type Project, type Task } from '@cwm/core';
import { datedWorkspace } from '../board/board-data.js';
import { IN_PAGE_API, InPageBackend, type InPageBackendOptions } from './in-page-backend.js';
import type { InPageLink } from './in-page-link.js';

/** The workspace every REST story serves. */
export const STORY_WORKSPACE = 'storybook-rest';
/** The generated workspace's admin: "you" in every story. */
export const YOU: Id = 'u-1';
/** The generated workspace's manager: the other person. */
export const OTHER: Id = 'u-2';

const backends = new Map<string, InPageBackend>();
const stores = new Map<string, CwmStore>();
const links = new Map<string, InPageLink>();

/** The in-page backend of story `key`, seeded on first use: two projects, eight people, 80 tasks. */
export function storyBackend(key: string, options: Omit<InPageBackendOptions, 'seed'> = {}): InPageBackend {
  let backend = backends.get(key);
  if (backend === undefined) {
    backend = new InPageBackend({ ...options, seed: datedWorkspace({ workspaceId: STORY_WORKSPACE, projects: 2, people: 8, tasks: 80 }) });
    backends.set(key, backend);
  }
  return backend;
}

/** The network connection of `personId`'s browser in story `key`: cut it to put that person offline. */
export function storyLink(key: string, personId: Id): InPageLink {
  const linkKey = `${key}\u0000${personId}`;
  let link = links.get(linkKey);
  if (link === undefined) {
    link = storyBackend(key).link();
    links.set(linkKey, link);
  }
  return link;
}

/**
 * The store of `personId` in story `key`, on `new RestAdapter(cwmServerOptions(...))` with the fetch of
 * the person's own link to the in-page backend and the person's token. The outbox tenant is the story's, so stories never share a
 * queue (the outbox is in IndexedDB: what waits there survives a reload of the story).
 */
export function storyStore(key: string, personId: Id): CwmStore {
  const storeKey = `${key}\u0000${personId}`;
  let store = stores.get(storeKey);
  if (store === undefined) {
    const backend = storyBackend(key);
    const adapter = new RestAdapter(
      cwmServerOptions({
        baseUrl: IN_PAGE_API,
        workspaceId: STORY_WORKSPACE,
        auth: {
          header: async () => ({ Authorization: `Bearer ${backend.tokenFor(personId)}` }),
          userId: () => personId,
        },
        fetch: storyLink(key, personId).fetch,
        tenant: `storybook-${key}`,
      }),
    );
    store = new CwmStore({ adapter, workspaceId: STORY_WORKSPACE, userId: personId });
    stores.set(storeKey, store);
  }
  return store;
}

/** The card the board shows first in `projectId` on the server: the first workflow column with tasks, lowest rank. */
export function firstCard(backend: InPageBackend, projectId: Id): Task | undefined {
  const project = backend.memory.get('projects', projectId) as Project | undefined;
  const tasks = (backend.memory.all('tasks') as Task[]).filter((task) => task.projectId === projectId);
  for (const status of project?.workflow.statuses ?? []) {
    const column = tasks.filter((task) => task.status === status.id);
    column.sort((a, b) => (a.rank === b.rank ? (a.id < b.id ? -1 : 1) : a.rank < b.rank ? -1 : 1));
    if (column[0] !== undefined) return column[0];
  }
  return undefined;
}
