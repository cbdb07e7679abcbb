// Mounts <cwm-task-detail> (whose templates section is under test) or <cwm-template-picker> on a real
// store (MemoryAdapter), with templates seeded, for sections-templates and template-picker tests.
import { fixture } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore, createPolicy, type PolicyConfig, type Project, type Task, type TaskTemplate, type TemplateTask } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmTemplatePicker } from '../../packages/task-detail/src/define-template-picker.js';
import { AT, makeProject, makeTask } from '../fixtures/entities.js';
import { PEOPLE, WORKSPACE, until } from './sections-fixtures.js';
import { CwmTaskDetail } from '../../packages/task-detail/src/task-detail.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-task-detail', CwmTaskDetail);

/** A template task with a title and, optionally, a checklist and subtasks. */
export function templateTask(title: string, overrides: Partial<TemplateTask> = {}): TemplateTask {
  return { title, priority: 'none', tags: [], checklist: [], subtasks: [], ...overrides };
}

/** A template made by `u-2` (Grace), offered in every project unless `projectId` is given. */
export function makeTemplate(id: string, name: string, overrides: Partial<TaskTemplate> = {}): TaskTemplate {
  return { id, version: 1, createdAt: AT, updatedAt: AT, name, createdBy: 'u-2', ...templateTask(name), ...overrides };
}

/** "Onboarding": a root with a two-item checklist and two subtasks, one with its own subtask (4 tasks). */
export const ONBOARDING: TaskTemplate = makeTemplate('tpl-onb', 'Onboarding', {
  title: 'Onboard a new colleague',
  checklist: ['Laptop ordered', 'Badge requested'],
  durationDays: 5,
  startOffsetDays: 0,
  subtasks: [
    templateTask('Accounts', { checklist: ['Mail', 'Chat'], startOffsetDays: 0, durationDays: 1 }),
    templateTask('First week', { startOffsetDays: 1, durationDays: 4, subtasks: [templateTask('Buddy lunch', { startOffsetDays: 2, durationDays: 1 })] }),
  ],
});

export interface TemplatesSetup {
  readonly tasks?: readonly Task[];
  readonly templates?: readonly TaskTemplate[];
  readonly projects?: readonly Project[];
  readonly userId?: string;
  readonly policy?: PolicyConfig;
  readonly theme?: 'light' | 'dark';
  readonly lang?: string;
  readonly width?: number;
}

interface Mounted<E extends HTMLElement> {
  readonly element: E;
  readonly store: CwmStore;
  readonly workspace: CwmWorkspace;
}

async function mount<E extends HTMLElement>(setup: TemplatesSetup, child: TemplateResult, ready: (element: E) => boolean): Promise<Mounted<E>> {
  await setViewport({ width: Math.max(setup.width ?? 900, 320), height: 900 });
  const adapter = new MemoryAdapter({
    seed: {
      workspace: WORKSPACE,
      people: PEOPLE,
      projects: setup.projects ?? [makeProject('p-1', { memberIds: PEOPLE.map((person) => person.id) })],
      tasks: setup.tasks ?? [makeTask('t-1', { title: 'Hire a designer', start: '2026-12-07', due: '2026-12-18' })],
      messages: [],
      activity: [],
      templates: setup.templates ?? [ONBOARDING],
    },
  });
  const store = new CwmStore({ adapter, workspaceId: WORKSPACE.id, userId: setup.userId ?? 'u-1', policy: createPolicy(setup.policy ?? {}) });
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} theme=${setup.theme ?? 'light'} lang=${setup.lang ?? 'en'}>${child}</cwm-workspace>
  `);
  await store.connect();
  const element = workspace.firstElementChild as E;
  await until(() => ready(element), 'the element shows its content');
  return { element, store, workspace };
}

/** `<cwm-task-detail>` on task `t-1` (or `taskId`), once its templates section is shown. */
export function mountSection(setup: TemplatesSetup = {}, taskId = 't-1'): Promise<Mounted<CwmTaskDetail>> {
  return mount<CwmTaskDetail>(
    setup,
    html`<cwm-task-detail task=${taskId} style="width:${setup.width ?? 600}px"></cwm-task-detail>`,
    (element) => element.shadowRoot?.querySelector('.templates') != null,
  );
}

/** What the element's polite live region says now (the sections announce through it). */
export function announced(element: HTMLElement): string {
  const region = element.shadowRoot?.querySelector('.panel > [aria-live="polite"]');
  return (region?.textContent ?? '').trim();
}

/** `<cwm-template-picker project="p-1">`. */
export function mountPicker(setup: TemplatesSetup = {}, project = 'p-1'): Promise<Mounted<CwmTemplatePicker>> {
  return mount<CwmTemplatePicker>(
    setup,
    html`<cwm-template-picker project=${project} style="width:${setup.width ?? 600}px"></cwm-template-picker>`,
    (element) => (element.shadowRoot?.querySelector('form, .note') ?? null) !== null,
  );
}

/** Waits for the element's renders to finish. */
export async function rendered(element: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  for (let index = 0; index < 3; index++) {
    await element.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The tasks of the store below `parentId`, depth first, in sibling order. */
export function tree(tasks: Iterable<Task>, parentId: string): { title: string; checklist: { text: string; done: boolean }[]; start?: string; due?: string; children: unknown[] }[] {
  const all = [...tasks];
  return all
    .filter((task) => task.parentId === parentId)
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1))
    .map((task) => ({
      title: task.title,
      checklist: task.checklist.map(({ text, done }) => ({ text, done })),
      ...(task.start === undefined ? {} : { start: task.start }),
      ...(task.due === undefined ? {} : { due: task.due }),
      children: tree(all, task.id),
    }));
}
