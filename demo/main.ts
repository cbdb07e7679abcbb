// Wires the intranet page: who acts (kept in the URL so two tabs can be two people), language, theme,
// and a reset. The workspace and the panel do the rest through the store.
import type { Person } from '@cwm/core';
import { addDays, todayIso, weekStart } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { CwmWorkspace, defineElement, type WorkspaceTheme } from '@cwm/ui';
import { DemoFoundationPanel } from './demo-panel.js';
import { CwmBoard } from '@cwm/board';
import { CwmGantt } from '@cwm/gantt';
import { CwmTaskChat } from '@cwm/chat';
import { CwmNotifications } from '@cwm/notifications';
import type { Project } from '@cwm/core';

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

workspace.addEventListener('cwm-workspace-ready', (event) => {
  fillPeople(event.detail.store.state.people);
  fillProjects(event.detail.store.state.projects);
});

// The board: pick a project and swimlanes; opening a card says which (the task editor comes later).
const board = document.querySelector('#board') as CwmBoard;
const boardProject = document.querySelector('#board-project') as HTMLSelectElement;
const boardLanes = document.querySelector('#board-lanes') as HTMLSelectElement;
const boardOpened = document.querySelector('#board-opened') as HTMLElement;
board.project = params.get('project') ?? 'p-1';
boardLanes.value = params.get('lanes') ?? 'none';
board.lanesBy = boardLanes.value as CwmBoard['lanesBy'];

function fillProjects(projects: Iterable<Project>): void {
  boardProject.replaceChildren(
    ...[...projects].map((project) => {
      const option = document.createElement('option');
      option.value = project.id;
      option.textContent = project.name;
      return option;
    }),
  );
  boardProject.value = board.project;
}
boardProject.addEventListener('change', () => {
  board.project = boardProject.value;
  gantt.project = boardProject.value;
  remember('project', boardProject.value);
});
boardLanes.addEventListener('change', () => {
  board.lanesBy = boardLanes.value as CwmBoard['lanesBy'];
  remember('lanes', boardLanes.value);
});
// The plan of the same project, live on the same store: a card moved on the board moves here too.
const gantt = document.querySelector('#gantt') as CwmGantt;
const ganttViolation = document.querySelector('#gantt-violation') as HTMLSelectElement;
const ganttPush = document.querySelector('#gantt-push') as HTMLInputElement;
gantt.project = board.project;
ganttViolation.addEventListener('change', () => (gantt.violation = ganttViolation.value as CwmGantt['violation']));
ganttPush.addEventListener('change', () => (gantt.pushSuccessors = ganttPush.checked));

// Opening a task anywhere (a card, a bar, a notification) shows its conversation under the board.
const chatWidget = document.querySelector('#chat-widget') as HTMLElement;
const chatTitle = document.querySelector('#chat-title') as HTMLElement;
const chat = document.querySelector('#chat') as CwmTaskChat;
function showOpened(taskId: string): void {
  const task = workspace.activeStore?.state.tasks.get(taskId);
  if (!task) return;
  // Titles are data: textContent, never markup.
  boardOpened.textContent = `Opened "${task.title}": its conversation is below (the task editor arrives with its own issue).`;
  chatTitle.textContent = `Conversation: ${task.title}`;
  chat.task = taskId;
  chatWidget.hidden = false;
  chatWidget.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  remember('task', taskId);
}
(document.querySelector('#chat-close') as HTMLButtonElement).addEventListener('click', () => {
  chatWidget.hidden = true;
  params.delete('task');
  history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
});
gantt.addEventListener('cwm-task-open', (event) => showOpened(event.detail.taskId));

// The bell in the header opens tasks the same way; a task in the URL (a reload) opens again.
(document.querySelector('cwm-notifications') as CwmNotifications).addEventListener('cwm-task-open', (event) => showOpened(event.detail.taskId));
workspace.addEventListener('cwm-workspace-ready', () => {
  const task = params.get('task');
  if (task) showOpened(task);
});

board.addEventListener('cwm-task-open', (event) => showOpened(event.detail.taskId));
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
defineElement('cwm-board', CwmBoard);
defineElement('cwm-gantt', CwmGantt);
defineElement('cwm-task-chat', CwmTaskChat);
defineElement('cwm-notifications', CwmNotifications);
defineElement('cwm-foundation-panel', DemoFoundationPanel, { prefix: 'demo' });
