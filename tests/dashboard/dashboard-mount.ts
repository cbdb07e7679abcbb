// Mounting <cwm-dashboard> on a MemoryBackend for the dashboard's element tests, and small DOM readers.
import { fixture, nextFrame } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { MemoryAdapter, MemoryBackend } from '@cwm/adapters';
import { CwmStore, type ActivityEntry, type Person, type Project, type Task, type Workspace } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmDashboard } from '@cwm/dashboard';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-dashboard', CwmDashboard);

/** Thursday: its ISO week runs Monday 2026-11-23 to Sunday 2026-11-29. */
export const TODAY = '2026-11-26';
export const WORKSPACE: Workspace = { id: 't-dashboard', name: 'Dashboard tests', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };

/** What a dashboard is mounted on. */
export interface Seed {
  readonly people: readonly Person[];
  readonly projects: readonly Project[];
  readonly tasks: readonly Task[];
  readonly activity?: readonly ActivityEntry[];
}

/** How it is mounted: the dashboard's attributes as a template, and the workspace around it. */
export interface MountOptions {
  readonly theme?: 'light' | 'dark';
  readonly lang?: 'en' | 'de';
  /** Width of the box around the workspace, e.g. `320px`. */
  readonly width?: string;
  /** The dashboard element; default `<cwm-dashboard projects=p-1 today=TODAY>`. */
  readonly dashboard?: TemplateResult;
}

export interface Mounted {
  readonly dashboard: CwmDashboard;
  readonly store: CwmStore;
  readonly other: CwmStore;
}

export async function mountDashboard(seed: Seed, options: MountOptions = {}): Promise<Mounted> {
  const backend = new MemoryBackend({ seed: { workspace: WORKSPACE, people: seed.people, projects: seed.projects, tasks: seed.tasks, activity: seed.activity ?? [] } });
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
  const other = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
  const element = options.dashboard ?? html`<cwm-dashboard projects="p-1" today=${TODAY}></cwm-dashboard>`;
  const box = await fixture<HTMLDivElement>(html`
    <div style="inline-size: ${options.width ?? '1200px'}">
      <cwm-workspace .store=${store} theme=${options.theme ?? 'light'} lang=${options.lang ?? 'en'}>${element}</cwm-workspace>
    </div>
  `);
  await store.connect();
  await other.connect();
  const dashboard = box.querySelector('cwm-dashboard') as CwmDashboard;
  await settle(dashboard);
  return { dashboard, store, other };
}

/** Waits for the store's data to reach the element and for it to render. */
export async function settle(dashboard: CwmDashboard): Promise<void> {
  await dashboard.updateComplete;
  await nextFrame();
  await dashboard.updateComplete;
}

export const root = (dashboard: CwmDashboard): ShadowRoot => dashboard.shadowRoot!;
export const text = (element: Node | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const panel = (dashboard: CwmDashboard, name: string): HTMLElement => root(dashboard).querySelector<HTMLElement>(`[data-panel="${name}"]`)!;
export const panelNames = (dashboard: CwmDashboard): string[] => [...root(dashboard).querySelectorAll('[data-panel]')].map((section) => section.getAttribute('data-panel')!);
export const tileNames = (dashboard: CwmDashboard): string[] => [...root(dashboard).querySelectorAll('.tile')].map((tile) => tile.getAttribute('data-kpi')!);
export const chart = (dashboard: CwmDashboard, id: string): HTMLElement => root(dashboard).querySelector<HTMLElement>(`figure[data-chart="${id}"]`)!;

/** Opens a chart's data table and returns its rows as cell texts (header cell first). */
export async function openData(dashboard: CwmDashboard, id: string): Promise<string[][]> {
  const figure = chart(dashboard, id);
  const toggle = figure.querySelector<HTMLButtonElement>('.toggle-data')!;
  if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  await settle(dashboard);
  return [...chart(dashboard, id).querySelectorAll('tr')].map((row) => [...row.children].map(text));
}

/** Collects the events of one type a dashboard fires. */
export function record<T>(dashboard: CwmDashboard, type: string): T[] {
  const details: T[] = [];
  dashboard.addEventListener(type, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}
