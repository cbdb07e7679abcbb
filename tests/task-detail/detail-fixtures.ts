// Mounts a real <cwm-task-detail> on a real store (MemoryBackend) for the task-detail browser tests,
// with helpers that look inside its shadow root and a second store on the same backend to play a peer.
// The one mount and set of helpers of this folder: `sections-fixtures.ts` builds on it.
import { fixture, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html, nothing } from 'lit';
import { MemoryAdapter, MemoryBackend } from '@cwm/adapters';
import {
  CwmStore,
  createPolicy,
  type ActivityEntry,
  type Message,
  type Person,
  type PolicyConfig,
  type Project,
  type Task,
  type Workflow,
  type Workspace,
} from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmTaskDetail } from '@cwm/task-detail';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-task-detail', CwmTaskDetail);

export const WORKSPACE: Workspace = {
  id: 't-detail',
  name: 'Task detail tests',
  calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] },
};

/** To do -> Doing -> Review -> Done; Done is final and To do cannot jump straight to Done. */
export const STRICT_WORKFLOW: Workflow = {
  statuses: [
    { id: 'todo', name: 'To do', category: 'todo' },
    { id: 'doing', name: 'Doing', category: 'active' },
    { id: 'review', name: 'Review', category: 'active' },
    { id: 'done', name: 'Done', category: 'done' },
  ],
  transitions: { todo: ['doing'], doing: ['todo', 'review', 'done'], review: ['doing', 'done'], done: [] },
  wipPolicy: 'warn',
};

/** Ada and Grace are members, Vera only reads. */
export const PEOPLE: readonly Person[] = [
  makePerson('u-1', { name: 'Ada Lovelace' }),
  makePerson('u-2', { name: 'Grace Hopper' }),
  makePerson('u-4', { name: 'Vera Viewer', role: 'viewer' }),
];

/** t-1 with two subtasks (t-2 done, t-3 to do, both estimated) and a checklist of 3 (1 ticked). */
export function defaultTasks(): Task[] {
  return [
    makeTask('t-1', {
      title: 'Launch the site',
      description: 'Ship **it**.',
      start: '2026-11-02',
      due: '2026-11-20',
      estimate: 8,
      progress: 10,
      tags: ['web'],
      checklist: [
        { id: 'c-1', text: 'Write copy', done: true },
        { id: 'c-2', text: 'Pick images', done: false },
        { id: 'c-3', text: 'Proofread', done: false },
      ],
    }),
    makeTask('t-2', { title: 'Design', parentId: 't-1', status: 'done', rank: 'b', estimate: 3, checklist: [{ id: 'c-9', text: 'Mock-up', done: true }] }),
    makeTask('t-3', { title: 'Build', parentId: 't-1', status: 'todo', rank: 'c', estimate: 1 }),
    makeTask('t-4', { title: 'Unrelated', rank: 'z' }),
  ];
}

export interface DetailSetup {
  /** Default: `defaultTasks()`. */
  readonly tasks?: readonly Task[];
  /** Default: `PEOPLE`. */
  readonly people?: readonly Person[];
  readonly messages?: readonly Message[];
  readonly activity?: readonly ActivityEntry[];
  /** Default: p-1 with every person as a member. */
  readonly project?: Project;
  readonly userId?: string;
  readonly policy?: PolicyConfig;
  /** The element's width in px (default 640); also the viewport's unless `viewportWidth` is given. */
  readonly width?: number;
  /** The viewport's width in px (default `width`, else 900; never under 320). */
  readonly viewportWidth?: number;
  readonly theme?: 'light' | 'dark';
  /** The workspace's `lang` (default: none, the page's). */
  readonly lang?: string;
  readonly taskId?: string;
}

export interface MountedDetail {
  readonly detail: CwmTaskDetail;
  readonly store: CwmStore;
  readonly backend: MemoryBackend;
  readonly workspace: CwmWorkspace;
}

/** Mounts `<cwm-workspace .store><cwm-task-detail task="t-1"></cwm-task-detail></cwm-workspace>` and waits until it shows. */
export async function mountDetail(setup: DetailSetup = {}): Promise<MountedDetail> {
  await setViewport({ width: Math.max(setup.viewportWidth ?? setup.width ?? 900, 320), height: 900 });
  const people = setup.people ?? PEOPLE;
  const backend = new MemoryBackend({
    seed: {
      workspace: WORKSPACE,
      people,
      projects: [setup.project ?? makeProject('p-1', { memberIds: people.map((person) => person.id) })],
      tasks: setup.tasks ?? defaultTasks(),
      messages: setup.messages,
      activity: setup.activity,
    },
  });
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: setup.userId ?? 'u-1', policy: createPolicy(setup.policy ?? {}) });
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} theme=${setup.theme ?? 'light'} lang=${setup.lang ?? nothing}>
      <cwm-task-detail task=${setup.taskId ?? 't-1'} style="width:${setup.width ?? 640}px"></cwm-task-detail>
    </cwm-workspace>
  `);
  await store.connect();
  const detail = workspace.querySelector('cwm-task-detail') as CwmTaskDetail;
  await settle(detail);
  return { detail, store, backend, workspace };
}

/** A second person's store on the same backend (another tab or another user). */
export async function peer(backend: MemoryBackend, userId: string): Promise<CwmStore> {
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId });
  await store.connect();
  return store;
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

/** Types into a field the way a user does (value + input event). */
export function type(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Presses a key on an element (keydown, composed). */
export function press(target: Element, key: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

/** Fires `change` the way a browser does when a field is left or Enter pressed. */
export function change(target: Element): void {
  target.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The text of the field's error message beside it ('' when none). */
export function errorOf(detail: CwmTaskDetail, field: string): string {
  return detail.shadowRoot!.querySelector(`#error-${field}`)?.textContent?.trim() ?? '';
}

/** The element focused inside the detail's shadow root. */
export function focused(detail: CwmTaskDetail): Element | null {
  return detail.shadowRoot!.activeElement;
}
