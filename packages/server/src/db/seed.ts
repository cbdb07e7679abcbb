import { addDays, COLLECTIONS, todayIso, weekStart } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import type { WorkspaceData } from '@cwm/adapters/backend';
import type { Repository } from './repository.js';

/** The data sets the server can start with. */
export type SeedName = 'demo' | 'test';

export const SEED_NAMES: readonly SeedName[] = ['demo', 'test'];

/**
 * `demo`: the intranet demo's company (6 projects, 25 people, 600 tasks), dated around today so due
 * dates and recent activity look current. `test`: small and identical on every run (2 projects,
 * 5 people, one of each role, 30 tasks), for the tests.
 */
export function seedData(name: SeedName): WorkspaceData {
  if (name === 'test') {
    return generateWorkspace({ workspaceId: 'test', projects: 2, people: 5, tasks: 30, messagesPerTask: 2, seed: 8, start: '2026-01-05', today: '2026-03-02' });
  }
  // Same dating as demo/intranet-page.ts: the plan's history ends yesterday.
  const asOf = addDays(todayIso(), -1);
  return generateWorkspace({ workspaceId: 'acme', projects: 6, people: 25, tasks: 600, start: weekStart(addDays(asOf, -140)), today: asOf });
}

/**
 * Replaces everything in the database with `data`, in one transaction. Tokens stay (they name
 * people, who are usually seeded again). The change log starts empty at the next sequence number:
 * the floor moves past every position handed out before, so a client resuming from any of them (even
 * the newest) is told to reload.
 */
export function loadSeed(repository: Repository, name: SeedName, data: WorkspaceData = seedData(name)): void {
  repository.transaction(() => {
    repository.clearData();
    for (const collection of COLLECTIONS) {
      for (const entity of data[collection] ?? []) repository.put(collection, entity);
    }
    repository.setMeta('workspace', JSON.stringify(data.workspace));
    repository.setMeta('seed', name);
    repository.setMeta('seededAt', new Date().toISOString());
    repository.setMeta('changeFloor', String(repository.skipSequence()));
  });
}
