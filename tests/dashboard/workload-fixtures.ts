// Shared set-up of the <cwm-workload> tests: a workspace on a memory backend with two stores on it (the
// element's and "someone else's"), the hand-made team of the tests, and DOM helpers that answer
// strings and ids (never elements: a failing chai comparison of two DOM nodes takes the browser down).
import { fixture, nextFrame } from '@open-wc/testing';
import { html } from 'lit';
import { MemoryAdapter, MemoryBackend } from '@cwm/adapters';
import { CwmStore, createPolicy, type Person, type PolicyConfig, type Project, type Task, type Workspace } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmWorkload } from '@cwm/dashboard';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-workload', CwmWorkload);

export const WORKSPACE: Workspace = { id: 't-workload', name: 'Workload tests', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };

/** Mondays of the first two of the three weeks shown (2026-W48, W49, W50). */
export const W1 = '2026-11-23';
export const W2 = '2026-11-30';

/** Ada is a manager (she may reassign), Grace and Alan members; two groups. */
export const PEOPLE: readonly Person[] = [
  makePerson('u-1', { name: 'Ada Lovelace', capacity: 40, role: 'manager', group: 'Platform' }),
  makePerson('u-2', { name: 'Grace Hopper', capacity: 20, group: 'Apps' }),
  makePerson('u-3', { name: 'Alan Turing', capacity: 40, group: 'Platform' }),
];

/**
 * Week 1: Ada 30 + 20 = 50 of 40 (over). Week 2: t-3's 20 h split Grace 10 / Alan 10, and t-4's 10 h over
 * ten working days gives Grace 5 in week 2 and 5 in week 3. Alan's done task counts nothing; t-6 (no
 * estimate) and t-7 (no dates) are unplanned.
 */
export const TASKS: readonly Task[] = [
  makeTask('t-1', { title: 'Spec', assigneeIds: ['u-1'], estimate: 30, start: W1, due: '2026-11-27' }),
  makeTask('t-2', { title: 'Review', assigneeIds: ['u-1'], estimate: 20, start: W1, due: '2026-11-27' }),
  makeTask('t-3', { title: 'Pairing', assigneeIds: ['u-2', 'u-3'], estimate: 20, start: W2, due: '2026-12-04' }),
  makeTask('t-4', { title: 'Docs', assigneeIds: ['u-2'], estimate: 10, start: W2, due: '2026-12-11' }),
  makeTask('t-5', { title: 'Shipped', assigneeIds: ['u-3'], estimate: 40, start: W1, due: '2026-11-27', status: 'done' }),
  makeTask('t-6', { title: 'Unsized', assigneeIds: ['u-3'], start: W1, due: '2026-11-27' }),
  makeTask('t-7', { title: 'Undated', assigneeIds: ['u-2'], estimate: 5 }),
];

export interface MountOptions {
  readonly people?: readonly Person[];
  readonly tasks?: readonly Task[];
  readonly projects?: readonly Project[];
  /** The `projects` attribute (default `p-1`). */
  readonly projectsAttribute?: string;
  readonly weeks?: number;
  readonly days?: number;
  readonly unit?: 'week' | 'day';
  readonly group?: string;
  readonly theme?: 'light' | 'dark';
  readonly lang?: 'en' | 'de';
  readonly userId?: string;
  readonly policy?: PolicyConfig;
  /** Width of the box around the workspace, in px. */
  readonly width?: number;
}

export interface Mounted {
  readonly element: CwmWorkload;
  readonly store: CwmStore;
  readonly other: CwmStore;
  readonly adapter: MemoryAdapter;
}

let current: Mounted | undefined;

/** Mounts `<cwm-workload today="2026-11-25">` in a workspace and waits until it shows the data. */
export async function mountWorkload(options: MountOptions = {}): Promise<Mounted> {
  const people = options.people ?? PEOPLE;
  const backend = new MemoryBackend({
    seed: {
      workspace: WORKSPACE,
      people,
      projects: options.projects ?? [makeProject('p-1', { memberIds: people.map((person) => person.id) })],
      tasks: options.tasks ?? TASKS,
      notifications: [],
      messages: [],
    },
  });
  const adapter = new MemoryAdapter({ backend });
  const policy = createPolicy(options.policy ?? {});
  const userId = options.userId ?? 'u-1';
  const store = new CwmStore({ adapter, workspaceId: WORKSPACE.id, userId, policy });
  const other = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId });
  const box = await fixture<HTMLDivElement>(html`
    <div style="inline-size: ${options.width ?? 1000}px">
      <cwm-workspace .store=${store} theme=${options.theme ?? 'light'} lang=${options.lang ?? 'en'}>
        <cwm-workload
          projects=${options.projectsAttribute ?? 'p-1'}
          weeks=${options.weeks ?? 3}
          days=${options.days ?? 14}
          unit=${options.unit ?? 'week'}
          group=${options.group ?? ''}
          today="2026-11-25"
        ></cwm-workload>
      </cwm-workspace>
    </div>
  `);
  await store.connect();
  await other.connect();
  const element = box.querySelector('cwm-workload') as CwmWorkload;
  await settle(element);
  current = { element, store, other, adapter };
  return current;
}

/** Disposes the stores of the last mount (call from `afterEach`). */
export function unmountWorkload(): void {
  current?.store.dispose();
  current?.other.dispose();
  current = undefined;
}

export async function settle(element: CwmWorkload): Promise<void> {
  await element.updateComplete;
  await nextFrame();
  await element.updateComplete;
}

export const root = (element: CwmWorkload): ShadowRoot => element.shadowRoot!;
export const norm = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

export function cell(element: CwmWorkload, personId: string, col: number): HTMLButtonElement {
  const button = root(element).querySelector<HTMLButtonElement>(`[data-person-id="${personId}"] button.cell[data-col="${col}"]`);
  if (!button) throw new Error(`no cell ${personId} / ${col}`);
  return button;
}

/** The visible hours of a cell or a team total. */
export const hours = (node: Element): string => norm(node.querySelector('.hours')?.textContent);

/** `personId/col` of the focused cell, the class of another focused element, or `none`. */
export function focusedCell(element: CwmWorkload): string {
  const active = root(element).activeElement as HTMLElement | null;
  if (!active) return 'none';
  if (!active.matches('button.cell')) return active.className || active.tagName.toLowerCase();
  const personId = active.closest<HTMLElement>('[data-person-id]')?.dataset['personId'];
  return `${personId}/${active.dataset['col']}`;
}

/** Names of the people rows rendered, in row order. */
export function rowNames(element: CwmWorkload): string[] {
  const rows = [...root(element).querySelectorAll<HTMLElement>('.body [role="row"]')].sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
  return rows.map((row) => norm(row.querySelector('[role="rowheader"]')?.textContent));
}

/** The drill-down panel's tasks as `title: hours`. */
export function panelLines(element: CwmWorkload): string[] {
  return [...root(element).querySelectorAll('.panel-task')].map((item) => `${norm(item.querySelector('.panel-task-title')?.textContent)}: ${norm(item.querySelector('.panel-task-hours')?.textContent)}`);
}

/** Selects `value` in a select and fires `change`, as a user's choice does. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
