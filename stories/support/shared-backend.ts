// Stores for stories where several people work on the same data: one MemoryBackend per story setup,
// each person a store with their own MemoryAdapter on it (what two tabs, or two users, are). Writes of
// one store reach the others live, exactly as in tests/chat/chat-fixtures.ts.
import { MemoryAdapter, MemoryBackend, type WorkspaceData } from '@cwm/adapters';
import { CwmStore, type Id } from '@cwm/core';

const backends = new Map<string, MemoryBackend>();
const stores = new Map<string, CwmStore>();

/**
 * The backend of the story setup `key`, seeded on first use and kept: changing a control re-renders the
 * story on the same data (and the messages written so far) instead of seeding it again.
 */
export function storyBackend(key: string, seed: () => WorkspaceData): MemoryBackend {
  let backend = backends.get(key);
  if (!backend) {
    backend = new MemoryBackend({ seed: seed() });
    backends.set(key, backend);
  }
  return backend;
}

/** The store of `userId` on the backend of `key`: one per person and setup, kept like the backend. */
export function personStore(key: string, seed: () => WorkspaceData, userId: Id): CwmStore {
  const storeKey = `${key}\u0000${userId}`;
  let store = stores.get(storeKey);
  if (!store) {
    const backend = storyBackend(key, seed);
    const workspaceId = backend.workspace?.id ?? seed().workspace.id;
    store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId, userId });
    stores.set(storeKey, store);
  }
  return store;
}
