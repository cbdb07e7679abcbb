// The Projects page of the demo intranet: a board and a plan of one project, the side panel with an
// opened task (its editor and its conversation), and the foundation panel. The header (who acts, language, theme, reset) is shared with
// the Management dashboard page (intranet-page.ts); both pages read one workspace, live across tabs.
import type { Project } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmBoard } from '@cwm/board';
import { CwmGantt } from '@cwm/gantt';
import { CwmTaskChat } from '@cwm/chat';
import { CwmNotifications } from '@cwm/notifications';
import { CwmTaskDetail } from '@cwm/task-detail';
import { DemoFoundationPanel } from './demo-panel.js';
import { setUpIntranetPage } from './intranet-page.js';
import { wireTaskPanel } from './task-panel.js';

const page = setUpIntranetPage();
const { workspace, params, remember } = page;

// The board: pick a project and swimlanes.
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
      // Names are data: textContent, never markup.
      option.textContent = project.name;
      return option;
    }),
  );
  boardProject.value = board.project;
}
workspace.addEventListener('cwm-workspace-ready', (event) => fillProjects(event.detail.store.state.projects));
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

// Opening a task anywhere (a card, a bar, a notification, a subtask in the panel) shows it in the side panel.
wireTaskPanel(page, (task) => {
  // Titles are data: textContent, never markup.
  boardOpened.textContent = `Opened "${task.title}" in the side panel.`;
});

// Registered last, so the workspace starts with the seed, user and theme set above (and, on the
// server, once someone has signed in).
await page.ready;
defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-board', CwmBoard);
defineElement('cwm-gantt', CwmGantt);
defineElement('cwm-task-chat', CwmTaskChat);
defineElement('cwm-task-detail', CwmTaskDetail);
defineElement('cwm-notifications', CwmNotifications);
defineElement('cwm-foundation-panel', DemoFoundationPanel, { prefix: 'demo' });
