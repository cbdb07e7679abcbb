// Mounts a real <cwm-task-detail> for the tests of the dependencies, people, documents and activity
// sections: `detail-fixtures.ts`'s mount with these sections' people and one plain task, plus the
// helpers only they use. The shadow-root helpers are `detail-fixtures.ts`'s, re-exported.
import type { Person } from '@cwm/core';
import { makePerson, makeTask } from '../fixtures/entities.js';
import { mountDetail as mountTaskDetail, settle, until, type DetailSetup, type MountedDetail } from './detail-fixtures.js';

export { $, $$, WORKSPACE, focused, settle, type as typeInto, until } from './detail-fixtures.js';
export type { MountedDetail } from './detail-fixtures.js';

/** Ada (member, the default user), Grace (member), Mia (manager), Vera (viewer), two resources. */
export const PEOPLE: readonly Person[] = [
  makePerson('u-1', { name: 'Ada Lovelace' }),
  makePerson('u-2', { name: 'Grace Hopper', capacity: 20 }),
  makePerson('u-3', { name: 'Mia Manager', role: 'manager' }),
  makePerson('u-4', { name: 'Vera Viewer', role: 'viewer' }),
  makePerson('r-1', { name: 'Room Ada', kind: 'resource' }),
  makePerson('r-2', { name: 'Laser cutter', kind: 'resource' }),
];

/** What a section test may set: `detail-fixtures.ts`'s setup (its viewport follows `width`). */
export type SectionSetup = Omit<DetailSetup, 'viewportWidth'>;

/** Monday to Friday of the reader's current week, `YYYY-MM-DD`. */
export function thisWeek(): { monday: string; friday: string } {
  const now = new Date();
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
  const friday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 4);
  const iso = (date: Date): string =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return { monday: iso(monday), friday: iso(friday) };
}

/**
 * Mounts the detail (600 px wide in a 900 px viewport, English, one task "Wire the login form",
 * these sections' `PEOPLE`) and waits until the task shows.
 */
export async function mountDetail(setup: SectionSetup = {}): Promise<MountedDetail> {
  const mounted = await mountTaskDetail({
    ...setup,
    tasks: setup.tasks ?? [makeTask('t-1', { title: 'Wire the login form' })],
    people: setup.people ?? PEOPLE,
    lang: setup.lang ?? 'en',
    width: setup.width ?? 600,
    viewportWidth: setup.width ?? 900,
  });
  await until(() => mounted.detail.shadowRoot?.querySelector('.deps') != null, 'the task detail shows the task');
  await settle(mounted.detail);
  return mounted;
}

/** Picks an option of a select the way a user does (value + change event). */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Visible text with runs of white space collapsed. */
export function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
