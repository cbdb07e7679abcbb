// Mounts a real <cwm-task-chat> on a real store (MemoryAdapter) for the chat's browser tests, with
// helpers that look inside its shadow root and a second store on the same backend to play a peer.
import { fixture, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { clear } from 'idb-keyval';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore, createPolicy, type Message, type Person, type PolicyConfig, type Task, type Workspace } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmTaskChat, Outbox } from '@cwm/chat';
import { makeMessage, makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-task-chat', CwmTaskChat);

export const WORKSPACE: Workspace = {
  id: 't-chat',
  name: 'Chat tests',
  calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] },
};

/** Ada and Grace (front end), Alan (back end), Vera only reads, Gus is a guest, Rita is a room (a resource). */
export const PEOPLE: readonly Person[] = [
  makePerson('u-1', { name: 'Ada Lovelace', group: 'front' }),
  makePerson('u-2', { name: 'Grace Hopper', group: 'front' }),
  makePerson('u-3', { name: 'Alan Turing', group: 'back' }),
  makePerson('u-4', { name: 'Vera Viewer', role: 'viewer' }),
  makePerson('u-5', { name: 'Gus Guest', role: 'guest' }),
  makePerson('r-1', { name: 'Rita Room', kind: 'resource' }),
];

export const TASK: Task = makeTask('t-1', { title: 'Wire the login form', assigneeIds: ['u-1'] });

/** `count` messages on t-1, one minute apart from 2026-11-01 09:00Z, alternating Ada and Grace. */
export function thread(count: number, start = Date.parse('2026-11-01T09:00:00.000Z'), extra: (index: number) => Partial<Message> = () => ({})): Message[] {
  return Array.from({ length: count }, (_, index) => {
    const at = new Date(start + index * 60_000).toISOString();
    return makeMessage(`m-${String(index + 1).padStart(5, '0')}`, {
      authorId: index % 2 === 0 ? 'u-1' : 'u-2',
      body: `Message number ${index + 1}${index % 7 === 0 ? '\nwith a second line' : ''}`,
      createdAt: at,
      updatedAt: at,
      ...extra(index),
    });
  });
}

export interface ChatSetup {
  readonly messages?: readonly Message[];
  readonly people?: readonly Person[];
  readonly userId?: string;
  readonly policy?: PolicyConfig;
  /** Extra raw entities for the backend (read markers). */
  readonly reads?: readonly unknown[];
  /** Reuse this backend (a reload keeps the server's data). */
  readonly adapter?: MemoryAdapter;
  readonly height?: number;
}

export interface MountedChat {
  readonly chat: CwmTaskChat;
  readonly store: CwmStore;
  readonly adapter: MemoryAdapter;
  readonly workspace: CwmWorkspace;
}

/** A fresh backend seeded with the test project, the task and `setup.messages`. */
export function backend(setup: ChatSetup = {}): MemoryAdapter {
  return new MemoryAdapter({
    seed: {
      workspace: WORKSPACE,
      people: setup.people ?? PEOPLE,
      projects: [makeProject('p-1', { memberIds: (setup.people ?? PEOPLE).map((person) => person.id) })],
      tasks: [TASK],
      messages: setup.messages ?? [],
      ...(setup.reads ? { reads: setup.reads } : {}),
    } as never,
  });
}

/** Mounts `<cwm-workspace .store><cwm-task-chat task="t-1"></cwm-task-chat></cwm-workspace>` and waits until it shows. */
export async function mountChat(setup: ChatSetup = {}): Promise<MountedChat> {
  await setViewport({ width: 900, height: 800 });
  const adapter = setup.adapter ?? backend(setup);
  const store = new CwmStore({ adapter, workspaceId: WORKSPACE.id, userId: setup.userId ?? 'u-1', policy: createPolicy(setup.policy ?? {}) });
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} theme="light">
      <cwm-task-chat task="t-1" style="height:${setup.height ?? 480}px"></cwm-task-chat>
    </cwm-workspace>
  `);
  await store.connect();
  const chat = workspace.firstElementChild as CwmTaskChat;
  await settle(chat);
  return { chat, store, adapter, workspace };
}

/** A second person's store on the same backend (another tab or another user). */
export async function peer(adapter: MemoryAdapter, userId: string): Promise<CwmStore> {
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend: adapter.backend }), workspaceId: WORKSPACE.id, userId });
  await store.connect();
  return store;
}

/** Waits for renders, measurements and view placement to finish (a few frames). */
export async function settle(chat: CwmTaskChat, frames = 3): Promise<void> {
  for (let index = 0; index < frames; index++) {
    await chat.renderComplete;
    await nextFrame();
  }
  await chat.updateComplete;
}

/** Waits until `check` holds (or fails after `timeout` ms with `message`). */
export async function until(check: () => boolean, message: string, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function root(chat: CwmTaskChat): ShadowRoot {
  return chat.shadowRoot!;
}

export function scroller(chat: CwmTaskChat): HTMLElement {
  return root(chat).querySelector<HTMLElement>('.scroller')!;
}

/** The rendered message articles, top to bottom. */
export function articles(chat: CwmTaskChat): HTMLElement[] {
  return [...root(chat).querySelectorAll<HTMLElement>('article[data-message-id]')];
}

export function articleOf(chat: CwmTaskChat, id: string): HTMLElement | null {
  return root(chat).querySelector<HTMLElement>(`article[data-message-id="${id}"]`);
}

export function textarea(chat: CwmTaskChat): HTMLTextAreaElement {
  return root(chat).querySelector<HTMLTextAreaElement>('.composer textarea')!;
}

/** Types into the composer the way a user does (value + input event), caret at the end. */
export function type(chat: CwmTaskChat, text: string): void {
  const field = textarea(chat);
  field.focus();
  field.value = text;
  field.setSelectionRange(text.length, text.length);
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Presses a key on an element (keydown, composed). */
export function press(target: Element, key: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

/** The first visible row of the list and its distance from the top edge of the view (px). */
export function firstVisible(chat: CwmTaskChat): { key: string; top: number } {
  const view = scroller(chat).getBoundingClientRect();
  for (const row of root(chat).querySelectorAll<HTMLElement>('[data-key]')) {
    const box = row.getBoundingClientRect();
    if (box.bottom > view.top + 1) return { key: row.dataset['key']!, top: box.top - view.top };
  }
  throw new Error('No visible row');
}

export function atBottom(chat: CwmTaskChat): boolean {
  const view = scroller(chat);
  return view.scrollHeight - view.scrollTop - view.clientHeight <= 4;
}

/** Empties every outbox in IndexedDB and forgets the page's instances (a clean slate per test). */
export async function resetOutboxes(): Promise<void> {
  Outbox.forgetInstances();
  await clear();
}
