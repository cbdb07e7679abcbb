import { LocalAdapter, MemoryAdapter, type WorkspaceData } from '@cwm/adapters';
import type { CwmAdapter, Id } from '@cwm/core';

/** Values of the workspace's `adapter` attribute. */
export type WorkspaceAdapterKind = 'local' | 'memory' | 'rest';

/**
 * How the REST adapter signs its requests: the same shape as `RestAuth` of `@cwm/adapter-rest`,
 * repeated here so pages that never use a server do not pull that package's types or code in.
 */
export interface WorkspaceAuth {
  /** Headers for the next request (e.g. `{ Authorization: 'Bearer …' }`); called per request, never stored. */
  header(): Promise<Record<string, string> | undefined>;
  /** Called once on a 401; resolve `true` when a new token is ready, `false` when the person must sign in again. */
  refresh?(): Promise<boolean>;
  /** Who is signed in now; the outbox never sends one person's queue under another's sign-in. */
  userId?(): Id | undefined;
}

/** Data for an empty workspace, made on demand (it can be large, so only when needed). */
export type WorkspaceSeed = (workspaceId: Id) => WorkspaceData | Promise<WorkspaceData>;

/** What `createWorkspaceAdapter` needs to know. */
export interface WorkspaceAdapterOptions {
  readonly kind: WorkspaceAdapterKind;
  readonly workspaceId: Id;
  /** Seed for an empty workspace; sample data from the generator when absent. */
  readonly seed?: WorkspaceSeed | undefined;
  /** `rest` only: the API's base URL, e.g. `http://127.0.0.1:8787/api/v1`. */
  readonly api?: string | undefined;
  /** `rest` only: the outbox namespace on this device (default: the workspace id). */
  readonly tenant?: string | undefined;
  /** `rest` only: how requests are signed. */
  readonly auth?: WorkspaceAuth | undefined;
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
 * every time; `rest` talks to the reference server's API (or one with the same routes) with an offline
 * outbox, and is loaded only when asked for.
 */
export async function createWorkspaceAdapter(options: WorkspaceAdapterOptions): Promise<CwmAdapter> {
  const seed = options.seed ?? sampleSeed;
  switch (options.kind) {
    case 'memory':
      return new MemoryAdapter({ seed: await seed(options.workspaceId) });
    case 'local':
      return new LocalAdapter({ seed });
    case 'rest':
      return createRestAdapter(options);
    default:
      throw new Error(`[cwm] unknown adapter "${String(options.kind)}": use "local", "memory" or "rest".`);
  }
}

async function createRestAdapter(options: WorkspaceAdapterOptions): Promise<CwmAdapter> {
  if (!options.api) throw new Error('[cwm] adapter="rest" needs the API\'s base URL in the `api` attribute.');
  if (!options.auth) throw new Error('[cwm] adapter="rest" needs a `token` or an `auth` object to sign its requests.');
  // Loaded on demand: the REST adapter, its outbox and SSE client stay out of pages on local data.
  const { RestAdapter, cwmServerOptions } = await import('@cwm/adapter-rest');
  return new RestAdapter(
    cwmServerOptions({
      baseUrl: options.api,
      workspaceId: options.workspaceId,
      auth: options.auth,
      ...(options.tenant ? { tenant: options.tenant } : {}),
    }),
  );
}
