// What one browser tab of the demo does, reduced to the store: open the local workspace as a person.
// Loaded inside an iframe by the live-sync tests, so the "other tab" is a separate JavaScript realm.
import { CwmStore } from '@cwm/core';
import { LocalAdapter } from '@cwm/adapters';
import { generateWorkspace } from '@cwm/core/testing';

export interface Tab {
  readonly store: CwmStore;
  readonly adapter: LocalAdapter;
}

/** The seed every tab of a test workspace agrees on: the first tab to open it writes it. */
export const smallSeed = (workspaceId: string) => generateWorkspace({ workspaceId, projects: 2, people: 6, tasks: 60, seed: 7 });

export async function openTab(workspaceId: string, userId: string): Promise<Tab> {
  const adapter = new LocalAdapter({ seed: smallSeed });
  const store = new CwmStore({ adapter, workspaceId, userId });
  await store.connect();
  return { store, adapter };
}

declare global {
  interface Window {
    cwmTab?: Promise<Tab>;
  }
}
