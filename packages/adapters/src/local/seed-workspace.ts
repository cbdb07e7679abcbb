import { promisifyRequest } from 'idb-keyval';
import { AdapterError, COLLECTIONS, DEFAULT_CALENDAR, type Id, type Workspace } from '@cwm/core';
import type { WorkspaceData } from '../backend/workspace-data.js';
import type { WorkspaceDatabase } from './database.js';
import { ALL_STORES, META_STORE } from './schema.js';

/** Data for a workspace opened for the first time on this device. */
export type SeedSource = (workspaceId: Id) => WorkspaceData | Promise<WorkspaceData>;

const WORKSPACE_KEY = 'workspace';
const SEEDED_AT_KEY = 'seededAt';

/** The stored workspace record, or undefined when this device has never opened it. */
export async function readWorkspace(db: WorkspaceDatabase): Promise<Workspace | undefined> {
  return db.run([META_STORE], 'readonly', (transaction) =>
    promisifyRequest(transaction.objectStore(META_STORE).get(WORKSPACE_KEY)) as Promise<Workspace | undefined>,
  );
}

/**
 * Fills an empty workspace database. The seed is computed outside any transaction (it may be async
 * and large), then written in one transaction that first checks nobody else seeded meanwhile: two
 * tabs opening a new workspace at once end up with one copy, the first writer's.
 *
 * Without a seed, an empty workspace named after its id is created: the right start for real use.
 */
export async function seedWorkspace(db: WorkspaceDatabase, workspaceId: Id, seed: SeedSource | undefined): Promise<Workspace> {
  const data: WorkspaceData = seed === undefined ? { workspace: { id: workspaceId, name: workspaceId, calendar: DEFAULT_CALENDAR } } : await seed(workspaceId);
  if (data.workspace?.id !== workspaceId) {
    throw new AdapterError('validation', `The seed for workspace "${workspaceId}" returned workspace "${String(data.workspace?.id)}".`);
  }
  return db.run(ALL_STORES, 'readwrite', async (transaction) => {
    const meta = transaction.objectStore(META_STORE);
    const existing = (await promisifyRequest(meta.get(WORKSPACE_KEY))) as Workspace | undefined;
    if (existing !== undefined) return existing;
    for (const collection of COLLECTIONS) {
      const store = transaction.objectStore(collection);
      for (const entity of data[collection] ?? []) store.put(entity);
    }
    meta.put(data.workspace, WORKSPACE_KEY);
    meta.put(new Date().toISOString(), SEEDED_AT_KEY);
    return data.workspace;
  });
}
