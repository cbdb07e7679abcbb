// Mounts a real <cwm-notifications> for Grace (u-2) on a MemoryBackend, plus a second store for Ada
// (u-1) on the same backend, so tests can mention and assign Grace "from another tab" and watch the
// bell react live.
import { fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { MemoryAdapter, MemoryBackend } from '@cwm/adapters';
import { CwmStore, type Message, type Notification, type Person, type Project, type Task, type Workspace } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmNotifications } from '@cwm/notifications';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-notifications', CwmNotifications);

export const WORKSPACE: Workspace = {
  id: 't-notifications',
  name: 'Notification tests',
  calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] },
};

/** Ada manages (she may assign anyone); Grace, whose inbox we look at, and Alan are members. */
export const PEOPLE: readonly Person[] = [
  makePerson('u-1', { name: 'Ada Lovelace', role: 'manager' }),
  makePerson('u-2', { name: 'Grace Hopper' }),
  makePerson('u-3', { name: 'Alan Turing' }),
];

/** To do -> Doing -> Review -> Done, everyone a member. */
export const PROJECT: Project = makeProject('p-1', {
  memberIds: PEOPLE.map((person) => person.id),
  workflow: {
    statuses: [
      { id: 'todo', name: 'To do', category: 'todo' },
      { id: 'doing', name: 'Doing', category: 'active' },
      { id: 'review', name: 'Review', category: 'active' },
      { id: 'done', name: 'Done', category: 'done' },
    ],
    wipPolicy: 'warn',
  },
});

/** A stored notification for Grace. */
export function notice(id: string, overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    version: 1,
    createdAt: '2026-11-05T08:00:00.000Z',
    updatedAt: '2026-11-05T08:00:00.000Z',
    personId: 'u-2',
    kind: 'assignment',
    taskId: 't-1',
    actorId: 'u-1',
    ...overrides,
  };
}

export interface InboxSetup {
  readonly tasks?: readonly Task[];
  readonly notifications?: readonly Notification[];
  /** Messages the backend holds (mention previews read them). */
  readonly messages?: readonly Message[];
  readonly people?: readonly Person[];
  /** The `today` attribute (default: none, the real today). */
  readonly today?: string;
  readonly limit?: number;
  readonly theme?: 'light' | 'dark';
  readonly lang?: string;
}

export interface MountedInbox {
  readonly workspace: CwmWorkspace;
  readonly inbox: CwmNotifications;
  /** Grace's store (the inbox's). */
  readonly store: CwmStore;
  /** Ada's store on the same backend: "another tab". */
  readonly ada: CwmStore;
  /** Ada's adapter: reads what the shared backend holds. */
  readonly adaAdapter: MemoryAdapter;
  readonly backend: MemoryBackend;
}

/** The default task: "Fix login", assigned to nobody. */
export const FIX_LOGIN = makeTask('t-1', { title: 'Fix login' });

export async function mountInbox(setup: InboxSetup = {}): Promise<MountedInbox> {
  const backend = new MemoryBackend({
    seed: {
      workspace: WORKSPACE,
      people: setup.people ?? PEOPLE,
      projects: [PROJECT],
      tasks: setup.tasks ?? [FIX_LOGIN],
      notifications: setup.notifications ?? [],
      messages: setup.messages ?? [],
    },
  });
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-2' });
  const adaAdapter = new MemoryAdapter({ backend });
  const ada = new CwmStore({ adapter: adaAdapter, workspaceId: WORKSPACE.id, userId: 'u-1' });
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} theme=${setup.theme ?? 'light'} lang=${setup.lang ?? 'en'}>
      <cwm-notifications today=${setup.today ?? ''} limit=${setup.limit ?? 50}></cwm-notifications>
    </cwm-workspace>
  `);
  await store.connect();
  await ada.connect();
  const inbox = workspace.querySelector('cwm-notifications') as CwmNotifications;
  await settle(inbox);
  return { workspace, inbox, store, ada, adaAdapter, backend };
}

export async function settle(inbox: CwmNotifications): Promise<void> {
  await inbox.updateComplete;
  await nextFrame();
  await inbox.updateComplete;
}

export function shadow(inbox: CwmNotifications): ShadowRoot {
  return inbox.shadowRoot!;
}

export function bell(inbox: CwmNotifications): HTMLButtonElement {
  return shadow(inbox).querySelector<HTMLButtonElement>('.bell')!;
}

/** The badge text, '' when there is none. */
export function badge(inbox: CwmNotifications): string {
  return shadow(inbox).querySelector('[part=badge]')?.textContent?.trim() ?? '';
}

/** The rendered items, top to bottom. */
export function items(inbox: CwmNotifications): HTMLButtonElement[] {
  return [...shadow(inbox).querySelectorAll<HTMLButtonElement>('button.item')];
}

/** An item's sentence, whitespace collapsed. */
export function textOf(item: Element): string {
  return item.querySelector('.text')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function texts(inbox: CwmNotifications): string[] {
  return items(inbox).map(textOf);
}

/** Opens the panel with the bell, as a user would. */
export async function openPanel(inbox: CwmNotifications): Promise<void> {
  bell(inbox).click();
  await settle(inbox);
}

/** What the live region says. */
export function liveText(inbox: CwmNotifications): string {
  return shadow(inbox).querySelector('[role=status]')?.textContent?.trim() ?? '';
}

/** Waits until `check` holds, re-rendering in between (live changes are asynchronous). */
export async function eventually(inbox: CwmNotifications, check: () => boolean, message: string): Promise<void> {
  await waitUntil(
    async () => {
      await inbox.updateComplete;
      return check();
    },
    message,
    { timeout: 3000 },
  );
}

/** Collects the `detail` of every `type` event heard on `target`. */
export function record<T>(target: EventTarget, type: string): T[] {
  const details: T[] = [];
  target.addEventListener(type, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}
