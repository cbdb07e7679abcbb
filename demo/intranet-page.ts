// The header every page of the demo intranet shares: one workspace (adapter="local", tenant="acme") with
// the same seed, who acts (kept in the URL so two tabs can be two people), language, theme, reset, and
// nav links that carry those choices to the other page; or, with "Data: Server", the reference server and
// a sign-in per tab (data-source.ts). Each page (main.ts, executive.ts) calls `setUpIntranetPage()`
// first and registers its elements once `ready`, so the workspace starts with all of it set.
import type { Person } from '@cwm/core';
import { addDays, todayIso, weekStart } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import type { CwmWorkspace, WorkspaceTheme } from '@cwm/ui';
import { setUpDataSource } from './data-source.js';

/** Who acts when the URL does not say: a member with open tasks on the sample projects. */
const DEFAULT_USER = 'u-3';

/** The URL parameters that describe the reader rather than the page, so they follow the nav links. */
const CARRIED_PARAMS = ['as', 'lang', 'theme'] as const;

/** What a page gets back from `setUpIntranetPage`. */
export interface IntranetPage {
  /** The page's one `<cwm-workspace>` (not yet upgraded: the page registers the elements last). */
  readonly workspace: CwmWorkspace;
  /** The page's URL parameters, live. */
  readonly params: URLSearchParams;
  /** Keeps a choice in the URL, so a reload or a copied link shows the same thing. */
  readonly remember: (key: string, value: string) => void;
  /** Drops a choice from the URL. */
  readonly forget: (key: string) => void;
  /**
   * Resolves when the workspace may start: at once on this browser's data; on the server once someone
   * signed in (or the server turned out not to run). Register the elements after it.
   */
  readonly ready: Promise<void>;
}

/**
 * Wires the shared header of a demo page (the elements with ids `act-as`, `language`, `theme`, `reset`,
 * and nav links marked `data-carry-params`) to the page's `<cwm-workspace>`.
 */
export function setUpIntranetPage(): IntranetPage {
  const params = new URLSearchParams(location.search);
  const workspace = document.querySelector('cwm-workspace') as CwmWorkspace;
  const actAs = document.querySelector('#act-as') as HTMLSelectElement;
  const language = document.querySelector('#language') as HTMLSelectElement;
  const themeButton = document.querySelector('#theme') as HTMLButtonElement;
  const resetButton = document.querySelector('#reset') as HTMLButtonElement;

  const writeUrl = (): void => {
    const query = params.toString();
    history.replaceState(null, '', query === '' ? location.pathname : `${location.pathname}?${query}`);
    carryParamsToNav(params);
  };
  const remember = (key: string, value: string): void => {
    params.set(key, value);
    writeUrl();
  };
  const forget = (key: string): void => {
    params.delete(key);
    writeUrl();
  };
  carryParamsToNav(params);

  // First run: a realistic company (6 projects, 25 people, 600 tasks), stored in IndexedDB after that, so
  // every page and tab of the intranet reads the same data. The sample plan is dated around today, so
  // due dates, overdue work and recent activity look current. Its history ends yesterday: the generator
  // spreads a day's events over working hours, which today may not have reached yet.
  const asOf = addDays(todayIso(), -1);
  const planStart = weekStart(addDays(asOf, -140));
  workspace.seed = (workspaceId) => generateWorkspace({ workspaceId, projects: 6, people: 25, tasks: 600, start: planStart, today: asOf });
  workspace.user = params.get('as') ?? DEFAULT_USER;

  const applyLanguage = (lang: string): void => {
    document.documentElement.lang = lang;
    language.value = lang;
  };
  applyLanguage(params.get('lang') === 'de' ? 'de' : 'en');
  language.addEventListener('change', () => {
    applyLanguage(language.value);
    remember('lang', language.value);
  });

  const applyTheme = (theme: WorkspaceTheme): void => {
    workspace.theme = theme;
    document.documentElement.dataset['theme'] = theme;
    themeButton.setAttribute('aria-pressed', String(theme === 'dark'));
  };
  applyTheme(params.get('theme') === 'dark' ? 'dark' : 'light');
  themeButton.addEventListener('click', () => {
    const next = workspace.theme === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    remember('theme', next);
  });

  const fillPeople = (people: Iterable<Person>): void => {
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
  };
  workspace.addEventListener('cwm-workspace-ready', (event) => fillPeople(event.detail.store.state.people));
  actAs.addEventListener('change', () => {
    workspace.user = actAs.value;
    remember('as', actAs.value);
  });

  resetButton.addEventListener('click', async () => {
    resetButton.disabled = true;
    await workspace.wipe();
    location.reload();
  });

  workspace.addEventListener('cwm-error', (event) => console.warn('[acme intranet] cwm-error', event.detail));
  workspace.addEventListener('cwm-workspace-error', (event) => console.error('[acme intranet] workspace failed', event.detail));

  const ready = setUpDataSource(workspace, params.get('as'));
  return { workspace, params, remember, forget, ready };
}

/** Nav links to the other demo page keep who acts, the language and the theme (not the page's own choices). */
function carryParamsToNav(params: URLSearchParams): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-carry-params]')) {
    const target = new URL(link.getAttribute('href') ?? './', location.href);
    for (const key of CARRIED_PARAMS) {
      const value = params.get(key);
      if (value === null) target.searchParams.delete(key);
      else target.searchParams.set(key, value);
    }
    link.href = target.href;
  }
}
