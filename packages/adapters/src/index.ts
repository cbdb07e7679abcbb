/**
 * `@cwm/adapters`: connect the cwm-elements store to a backend. `LocalAdapter` (IndexedDB +
 * BroadcastChannel) is the embedded default; `MemoryAdapter` serves tests and stories; the reference
 * backend (`decide`, `MemoryBackend`) is the server logic both share, and a template for your own.
 */
export { decide, changesOf } from './backend/decide.js';
export type { AuthorizeHook, DecideOptions, Decision, EntityWrite } from './backend/decide.js';
export { MemoryBackend } from './backend/memory-backend.js';
export type { MemoryBackendOptions, PushOutcome } from './backend/memory-backend.js';
export type { WorkspaceData } from './backend/workspace-data.js';
export { MemoryAdapter } from './memory/memory-adapter.js';
export type { MemoryAdapterOptions } from './memory/memory-adapter.js';
export type { RemoteActor } from './memory/remote-actor.js';
export { PresenceRoster } from './shared/presence-roster.js';
export { LocalAdapter } from './local/local-adapter.js';
export type { LocalAdapterOptions } from './local/local-adapter.js';
export type { SeedSource } from './local/seed-workspace.js';
export { DEFAULT_NAMESPACE, userName, workspaceName } from './local/names.js';
