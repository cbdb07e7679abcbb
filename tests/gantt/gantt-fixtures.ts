// Mounts a real <cwm-gantt> on a real store (MemoryAdapter + CwmStore inside <cwm-workspace>) for the
// element's browser tests, with readable hand-built plans and helpers that look inside its shadow root.
import { fixture, nextFrame } from '@open-wc/testing';
import { resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore, type Dependency, type Person, type Project, type StoreError, type Task, type Workspace } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmGantt } from '@cwm/gantt';
import { HEADER_HEIGHT, ROW_HEIGHT } from '@cwm/gantt';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-gantt', CwmGantt);

export { HEADER_HEIGHT, ROW_HEIGHT };

/** The day every test treats as today, so the axis never depends on the clock. A Monday. */
export const TODAY = '2026-03-02';

const WORKSPACE: Workspace = {
  id: 't-gantt',
  name: 'Gantt tests',
  calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] },
};

/** Ada manages, Grace is a member, Vera only reads. */
export const PEOPLE: readonly Person[] = [
  makePerson('u-1', { name: 'Ada Lovelace', role: 'manager' }),
  makePerson('u-2', { name: 'Grace Hopper' }),
  makePerson('u-4', { name: 'Vera Viewer', role: 'viewer' }),
];

/** The plan's project; everyone is a member. */
export function ganttProject(id = 'p-1'): Project {
  return makeProject(id, { name: 'Launch', memberIds: PEOPLE.map((person) => person.id) });
}

/** A task of `p-1` called `title`, from `start` to `due` (inclusive), ranked by its id. */
export function task(id: string, title: string, start?: string, due?: string, extra: Partial<Task> = {}): Task {
  return makeTask(id, {
    title,
    rank: id,
    ...(start === undefined ? {} : { start }),
    ...(due === undefined ? {} : { due }),
    ...extra,
  });
}

/** A finish-to-start (or other) dependency on `predecessorId`. */
export function after(predecessorId: string, type: Dependency['type'] = 'FS', lag = 0): Dependency {
  return { predecessorId, type, lag };
}

export interface GanttSetup {
  readonly tasks: readonly Task[];
  /** Raw entities the store should refuse (malformed data), seeded straight into the backend. */
  readonly rawTasks?: readonly unknown[];
  readonly projects?: readonly Project[];
  /** The acting person (default Ada, a manager). */
  readonly userId?: string;
  readonly theme?: 'light' | 'dark';
  readonly zoom?: 'day' | 'week' | 'month' | 'quarter' | 'year';
  readonly readonly?: boolean;
  readonly violation?: 'refuse' | 'shift';
  readonly pushSuccessors?: boolean;
  readonly criticalPath?: boolean;
  /** CSS height of the gantt (default 520px). */
  readonly height?: string;
  /** Use this adapter instead of a fresh one (two gantts or two stores on one backend). */
  readonly adapter?: MemoryAdapter;
}

/** A mounted gantt with everything a test needs to drive it and look at it. */
export interface MountedGantt {
  readonly workspace: CwmWorkspace;
  readonly gantt: CwmGantt;
  readonly store: CwmStore;
  readonly adapter: MemoryAdapter;
  /** Every `cwm-error` the workspace dispatched. */
  readonly errors: StoreError[];
}

/** A fresh MemoryAdapter seeded with the setup's people, projects and tasks. */
export function ganttAdapter(setup: Pick<GanttSetup, 'tasks' | 'rawTasks' | 'projects'>): MemoryAdapter {
  return new MemoryAdapter({
    seed: {
      workspace: WORKSPACE,
      people: PEOPLE,
      projects: setup.projects ?? [ganttProject()],
      tasks: [...setup.tasks, ...((setup.rawTasks ?? []) as Task[])],
    },
  });
}

/**
 * Mounts `<cwm-workspace .store><cwm-gantt project="p-1" today=TODAY></cwm-gantt></cwm-workspace>`
 * and waits until the chart has drawn its window.
 */
export async function mountGantt(setup: GanttSetup): Promise<MountedGantt> {
  await setViewport({ width: 1400, height: 900 });
  // No pointer left over a bar by an earlier test (a hovered bar has another fill).
  await resetMouse();
  const adapter = setup.adapter ?? ganttAdapter(setup);
  const store = new CwmStore({ adapter, workspaceId: WORKSPACE.id, userId: setup.userId ?? 'u-1' });
  const errors: StoreError[] = [];
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} theme=${setup.theme ?? 'light'} @cwm-error=${(event: CustomEvent<StoreError>) => errors.push(event.detail)}>
      <cwm-gantt
        project="p-1"
        today=${TODAY}
        zoom=${setup.zoom ?? 'day'}
        violation=${setup.violation ?? 'refuse'}
        ?readonly=${setup.readonly ?? false}
        ?critical-path=${setup.criticalPath ?? false}
        .pushSuccessors=${setup.pushSuccessors ?? true}
        style=${`--cwm-gantt-height: ${setup.height ?? '520px'}`}
      ></cwm-gantt>
    </cwm-workspace>
  `);
  await store.connect();
  const gantt = workspace.querySelector('cwm-gantt')!;
  await settle(gantt);
  return { workspace, gantt, store, adapter, errors };
}

/** Waits for the gantt to render, its chart to draw, and the announcements of the next frame. */
export async function settle(gantt: CwmGantt): Promise<void> {
  await gantt.updateComplete;
  await nextFrame();
  await gantt.updateComplete;
  await nextFrame();
  await gantt.updateComplete;
}

export function shadow(gantt: CwmGantt): ShadowRoot {
  return gantt.shadowRoot!;
}

/** Whitespace-collapsed text of a node. */
export function textOf(node: Node | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The grid row (`role=row`) of a task, or null when it is not rendered. */
export function gridRow(gantt: CwmGantt, id: string): HTMLElement | null {
  return shadow(gantt).querySelector<HTMLElement>(`.grid .row[data-id="${CSS.escape(id)}"]`);
}

/** The ids of the rendered grid rows, top to bottom. */
export function gridIds(gantt: CwmGantt): string[] {
  return [...shadow(gantt).querySelectorAll<HTMLElement>('.grid .row[data-id]')]
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
    .map((row) => row.dataset['id']!);
}

/** frappe's `.bar-wrapper` group of a task, or null when it has no bar in the window. */
export function barGroup(gantt: CwmGantt, id: string): SVGGElement | null {
  return shadow(gantt).querySelector<SVGGElement>(`.frappe-host .bar-wrapper[data-id="${CSS.escape(id)}"]`);
}

/** frappe's `.bar` rectangle of a task; throws when it is not drawn. */
export function barRect(gantt: CwmGantt, id: string): SVGRectElement {
  const bar = barGroup(gantt, id)?.querySelector<SVGRectElement>('.bar');
  if (!bar) throw new Error(`No bar for ${id}`);
  return bar;
}

/** The bar's x and width in the chart's coordinates (what frappe drew). */
export function barBox(gantt: CwmGantt, id: string): { x: number; width: number } {
  const bar = barRect(gantt, id);
  return { x: Number(bar.getAttribute('x')), width: Number(bar.getAttribute('width')) };
}

/** The ids of the bars frappe has in its SVG, in document order. */
export function barIds(gantt: CwmGantt): string[] {
  return [...shadow(gantt).querySelectorAll<SVGGElement>('.frappe-host .bar-wrapper')].map((group) => group.getAttribute('data-id')!);
}

/** Text of the visible notice line (refusals), '' when empty. */
export function noticeText(gantt: CwmGantt): string {
  return textOf(shadow(gantt).querySelector('.notice'));
}

/** Text of the live region (assertive announcements). */
export function liveText(gantt: CwmGantt): string {
  return textOf(shadow(gantt).querySelector('[aria-live=assertive]'));
}

/** What the live region says once the announcement (set on the next frame) has rendered. */
export async function announced(gantt: CwmGantt): Promise<string> {
  await nextFrame();
  await gantt.updateComplete;
  return liveText(gantt);
}

/** The task as the store holds it now. */
export function stored(store: CwmStore, id: string): Task {
  const value = store.state.tasks.get(id);
  if (!value) throw new Error(`No task ${id} in the store`);
  return value;
}

/** Collects the events of `type` dispatched on `target`. */
export function record<T>(target: EventTarget, type: string): CustomEvent<T>[] {
  const events: CustomEvent<T>[] = [];
  target.addEventListener(type, (event) => events.push(event as CustomEvent<T>));
  return events;
}

/** The centre of an element in viewport coordinates, rounded for the mouse. */
export function centreOf(element: Element, dx = 0): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2 + dx), Math.round(box.top + box.height / 2)];
}

/** Pixels per day: at day zoom one column is a day; measured from a bar of known length. */
export function pixelsPerDay(gantt: CwmGantt, id: string, days: number): number {
  return barBox(gantt, id).width / days;
}

/**
 * Drags a bar's body with the real mouse by `dx` CSS pixels (several steps, as a hand would; frappe
 * follows mousemove on its SVG), then releases, and lets the gantt settle.
 */
export async function dragBar(gantt: CwmGantt, id: string, dx: number, grip: 'body' | 'right' = 'body'): Promise<void> {
  const bar = barRect(gantt, id);
  // frappe's resize handle is a 3 px rect on the bar's end; the body is grabbed in the middle.
  const from: [number, number] = grip === 'body' ? centreOf(bar) : centreOf(barGroup(gantt, id)!.querySelector('.handle.right')!);
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  for (let step = 1; step <= 4; step += 1) {
    await sendMouse({ type: 'move', position: [from[0] + Math.round((dx * step) / 4), from[1]] });
  }
  await sendMouse({ type: 'up' });
  await settle(gantt);
}

/** Focuses the grid's active row (what Tab into the treegrid does) and returns it. */
export async function focusActiveRow(gantt: CwmGantt): Promise<HTMLElement> {
  const row = shadow(gantt).querySelector<HTMLElement>('.grid .row[tabindex="0"]');
  if (!row) throw new Error('No active row');
  row.focus();
  await gantt.updateComplete;
  return row;
}

/** The id of the grid row that has focus. */
export function focusedRowId(gantt: CwmGantt): string | undefined {
  return (shadow(gantt).activeElement as HTMLElement | null)?.dataset?.['id'];
}

/** Viewport (scroll container) of the gantt. */
export function viewportOf(gantt: CwmGantt): HTMLElement {
  return shadow(gantt).querySelector<HTMLElement>('.viewport')!;
}

/** Scrolls the viewport and waits for the window to follow. */
export async function scrollTo(gantt: CwmGantt, top: number, left?: number): Promise<void> {
  const viewport = viewportOf(gantt);
  viewport.scrollTop = top;
  if (left !== undefined) viewport.scrollLeft = left;
  viewport.dispatchEvent(new Event('scroll'));
  await settle(gantt);
}

/** `count` flat tasks `n-0 ... n-(count-1)`, each 3 days, staggered a day apart from TODAY. */
export function manyTasks(count: number): Task[] {
  const tasks: Task[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = addIso(TODAY, index % 60);
    tasks.push(task(`n-${String(index).padStart(5, '0')}`, `Task ${index}`, start, addIso(start, 2)));
  }
  return tasks;
}

/** `date` plus `days` (ISO, UTC arithmetic). */
export function addIso(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** Resolves once `condition()` holds (checked every frame), or fails after `timeout` ms. */
export async function waitFor(condition: () => boolean, timeout = 2000, what = 'condition'): Promise<void> {
  const until = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await nextFrame();
  }
}

/**
 * What the pointer would hit at the centre of `element` inside the gantt, described as `tag.class`
 * (strings keep chai's failure messages small): equal to `describeNode(element)` when nothing covers it.
 */
export function hitAt(gantt: CwmGantt, element: Element): string {
  const [x, y] = centreOf(element);
  return describeNode(shadow(gantt).elementFromPoint(x, y));
}

/** `tag.class1.class2` of an element, for assertions. */
export function describeNode(element: Element | null): string {
  if (!element) return 'nothing';
  return [element.localName, ...element.classList].join('.');
}

/** Alpha (3 days), Beta right after it (FS), Gamma a day after Beta ends (FS on Beta). */
export const CHAIN: readonly Task[] = [
  task('a', 'Alpha', '2026-03-02', '2026-03-04'),
  task('b', 'Beta', '2026-03-05', '2026-03-06', { dependencies: [after('a')] }),
  task('c', 'Gamma', '2026-03-09', '2026-03-10', { dependencies: [after('b')] }),
];
