// Mounts a real <cwm-task-detail> on a real store (MemoryAdapter) for the tests of the dependencies,
// people, documents and activity sections, with helpers that look inside its shadow root.
import { fixture, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore, createPolicy, type ActivityEntry, type Message, type Person, type PolicyConfig, type Task, type Workspace } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmTaskDetail } from '../../packages/task-detail/src/index.js';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-task-detail', CwmTaskDetail);

export const WORKSPACE: Workspace = {
  id: 't-sections',
  name: 'Section tests',
  calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] },
};

/** Ada (member, the default user), Grace (member), Mia (manager), Vera (viewer), two resources. */
export const PEOPLE: readonly Person[] = [
  makePerson('u-1', { name: 'Ada Lovelace' }),
  makePerson('u-2', { name: 'Grace Hopper', capacity: 20 }),
  makePerson('u-3', { name: 'Mia Manager', role: 'manager' }),
  makePerson('u-4', { name: 'Vera Viewer', role: 'viewer' }),
  makePerson('r-1', { name: 'Room Ada', kind: 'resource' }),
  makePerson('r-2', { name: 'Laser cutter', kind: 'resource' }),
];

export interface SectionSetup {
  readonly tasks?: readonly Task[];
  readonly people?: readonly Person[];
  readonly messages?: readonly Message[];
  readonly activity?: readonly ActivityEntry[];
  readonly userId?: string;
  readonly policy?: PolicyConfig;
  readonly taskId?: string;
  readonly lang?: string;
  readonly theme?: 'light' | 'dark';
  readonly width?: number;
}

export interface MountedDetail {
  readonly detail: CwmTaskDetail;
  readonly store: CwmStore;
  readonly adapter: MemoryAdapter;
}

/** Monday to Friday of the reader's current week, `YYYY-MM-DD`. */
export function thisWeek(): { monday: string; friday: string } {
  const now = new Date();
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
  const friday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 4);
  const iso = (date: Date): string =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return { monday: iso(monday), friday: iso(friday) };
}

/** Mounts `<cwm-workspace .store><cwm-task-detail task=...>` and waits until the task shows. */
export async function mountDetail(setup: SectionSetup = {}): Promise<MountedDetail> {
  await setViewport({ width: setup.width ?? 900, height: 900 });
  const people = setup.people ?? PEOPLE;
  const adapter = new MemoryAdapter({
    seed: {
      workspace: WORKSPACE,
      people,
      projects: [makeProject('p-1', { memberIds: people.map((person) => person.id) })],
      tasks: setup.tasks ?? [makeTask('t-1', { title: 'Wire the login form' })],
      messages: setup.messages ?? [],
      activity: setup.activity ?? [],
    },
  });
  const store = new CwmStore({ adapter, workspaceId: WORKSPACE.id, userId: setup.userId ?? 'u-1', policy: createPolicy(setup.policy ?? {}) });
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} theme=${setup.theme ?? 'light'} lang=${setup.lang ?? 'en'}>
      <cwm-task-detail task=${setup.taskId ?? 't-1'} style="width:${setup.width ?? 600}px"></cwm-task-detail>
    </cwm-workspace>
  `);
  await store.connect();
  const detail = workspace.firstElementChild as CwmTaskDetail;
  await until(() => detail.shadowRoot?.querySelector('.deps') != null, 'the task detail shows the task');
  await settle(detail);
  return { detail, store, adapter };
}

/** Waits for renders to finish (a few frames). */
export async function settle(detail: CwmTaskDetail, frames = 2): Promise<void> {
  for (let index = 0; index < frames; index++) {
    await detail.updateComplete;
    await nextFrame();
  }
  await detail.updateComplete;
}

/** Waits until `check` holds (or fails after `timeout` ms with `message`). */
export async function until(check: () => boolean, message: string, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function $<T extends Element = HTMLElement>(detail: CwmTaskDetail, selector: string): T {
  const found = detail.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(detail: CwmTaskDetail, selector: string): T[] {
  return [...detail.shadowRoot!.querySelectorAll<T>(selector)];
}

/** Types into an input the way a user does (value + input event). */
export function typeInto(input: HTMLInputElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Picks an option of a select the way a user does (value + change event). */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The element inside the shadow root that has focus. */
export function focused(detail: CwmTaskDetail): Element | null {
  return detail.shadowRoot!.activeElement;
}

/** Visible text with runs of white space collapsed. */
export function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
