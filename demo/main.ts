// Wires the intranet page: who acts (kept in the URL so two tabs can be two people), language, theme,
// and a reset. The workspace and the panel do the rest through the store.
import type { Person } from '@cwm/core';
import { addDays, todayIso, weekStart } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { CwmWorkspace, defineElement, type WorkspaceTheme } from '@cwm/ui';
import { DemoFoundationPanel } from './demo-panel.js';

const DEFAULT_USER = 'u-3';
const params = new URLSearchParams(location.search);

const workspace = document.querySelector('cwm-workspace') as CwmWorkspace;
const actAs = document.querySelector('#act-as') as HTMLSelectElement;
const language = document.querySelector('#language') as HTMLSelectElement;
const themeButton = document.querySelector('#theme') as HTMLButtonElement;
const resetButton = document.querySelector('#reset') as HTMLButtonElement;

/** Keeps the page's choices in the URL, so a reload or a copied link shows the same thing. */
function remember(key: string, value: string): void {
  params.set(key, value);
  history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
}

// First run: a realistic company (6 projects, 25 people, 600 tasks), stored in IndexedDB after that.
// The sample plan is dated around today, so due dates, overdue work and recent activity look current.
// Its history ends yesterday: the generator spreads a day's events over working hours, which today
// may not have reached yet.
const asOf = addDays(todayIso(), -1);
const planStart = weekStart(addDays(asOf, -140));
workspace.seed = (workspaceId) => generateWorkspace({ workspaceId, projects: 6, people: 25, tasks: 600, start: planStart, today: asOf });
workspace.user = params.get('as') ?? DEFAULT_USER;

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  language.value = lang;
}
applyLanguage(params.get('lang') === 'de' ? 'de' : 'en');
language.addEventListener('change', () => {
  applyLanguage(language.value);
  remember('lang', language.value);
});

function applyTheme(theme: WorkspaceTheme): void {
  workspace.theme = theme;
  document.documentElement.dataset['theme'] = theme;
  themeButton.setAttribute('aria-pressed', String(theme === 'dark'));
}
applyTheme(params.get('theme') === 'dark' ? 'dark' : 'light');
themeButton.addEventListener('click', () => {
  const next = workspace.theme === 'dark' ? 'light' : 'dark';
  applyTheme(next);
  remember('theme', next);
});

function fillPeople(people: Iterable<Person>): void {
  const sorted = [...people].filter((person) => person.kind === 'person').sort((a, b) => a.name.localeCompare(b.name));
  actAs.replaceChildren(
    ...sorted.map((person) => {
      const option = document.createElement('option');
      option.value = person.id;
      // Names are data: textContent, never markup.
      option.textContent = `${person.name} (${person.role})`;
      return option;
    }),
  );
  actAs.value = workspace.user ?? '';
}

workspace.addEventListener('cwm-workspace-ready', (event) => fillPeople(event.detail.store.state.people));
workspace.addEventListener('cwm-error', (event) => console.warn('[acme intranet] cwm-error', event.detail));
workspace.addEventListener('cwm-workspace-error', (event) => console.error('[acme intranet] workspace failed', event.detail));

actAs.addEventListener('change', () => {
  workspace.user = actAs.value;
  remember('as', actAs.value);
});

resetButton.addEventListener('click', async () => {
  resetButton.disabled = true;
  await workspace.wipe();
  location.reload();
});

// Registered last, so the workspace starts with the seed, user and theme set above.
defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-foundation-panel', DemoFoundationPanel, { prefix: 'demo' });
