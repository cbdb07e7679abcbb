import { LocalAdapter, MemoryAdapter, type WorkspaceData } from '@cwm/adapters';
import type { CwmAdapter, Id } from '@cwm/core';

/** Values of the workspace's `adapter` attribute. */
export type WorkspaceAdapterKind = 'local' | 'memory';

/** Data for an empty workspace, made on demand (it can be large, so only when needed). */
export type WorkspaceSeed = (workspaceId: Id) => WorkspaceData | Promise<WorkspaceData>;

/** What `createWorkspaceAdapter` needs to know. */
export interface WorkspaceAdapterOptions {
  readonly kind: WorkspaceAdapterKind;
  readonly workspaceId: Id;
  /** Seed for an empty workspace; sample data from the generator when absent. */
  readonly seed?: WorkspaceSeed | undefined;
}

/**
 * Sample data for a workspace nobody filled yet: small enough to load at once, big enough to show
 * every widget doing something. The generator is loaded only when a seed is actually needed, so pages
 * with their own data never download it.
 */
export const sampleSeed: WorkspaceSeed = async (workspaceId) => {
  const { generateWorkspace } = await import('@cwm/core/testing');
  return generateWorkspace({ workspaceId, projects: 3, people: 12, tasks: 150 });
};

/**
 * The adapter `<cwm-workspace adapter="...">` makes. `local` keeps the workspace in IndexedDB (seeded
 * on first open, shared live between tabs); `memory` lives as long as the page and starts from the seed
 * every time.
 */
export async function createWorkspaceAdapter(options: WorkspaceAdapterOptions): Promise<CwmAdapter> {
  const seed = options.seed ?? sampleSeed;
  switch (options.kind) {
    case 'memory':
      return new MemoryAdapter({ seed: await seed(options.workspaceId) });
    case 'local':
      return new LocalAdapter({ seed });
    default:
      throw new Error(`[cwm] unknown adapter "${String(options.kind)}": use "local" or "memory".`);
  }
}
