// The Management dashboard page of the demo intranet: the portfolio dashboard of every project, the
// workload of everyone, and pay from work done, all on the same workspace as the Projects page, so a
// card moved there (in another tab, as another person) changes the numbers here live. A click on a
// number opens "Tasks behind the number": a board or plan scoped to exactly those tasks.
import { createTaskFilterContext, matchesTaskFilter, todayIso, type Id, type StoreState, type TaskFilter } from '@cwm/core';
import { defineAll, type CwmBoard, type CwmDashboard, type CwmGantt, type CwmPayReport, type CwmWorkload } from '@cwm/elements';
import { setUpIntranetPage } from './intranet-page.js';
import { wireTaskPanel } from './task-panel.js';

/** How the drill-down panel shows its tasks; kept in the URL like the Projects page's choices. */
type DrillView = 'board' | 'gantt';

/** A widget that takes a drill-down scope: `<cwm-board>` and `<cwm-gantt>` share this API. */
type Scoped = HTMLElement & { scope: TaskFilter | undefined; scopeLabel: string };

const page = setUpIntranetPage();
const { workspace, params, remember } = page;

const dashboard = document.querySelector('#dashboard') as CwmDashboard;
const workload = document.querySelector('#workload') as CwmWorkload;
const workloadWeeks = document.querySelector('#workload-weeks') as HTMLSelectElement;
const payReport = document.querySelector('#pay-report') as CwmPayReport;
const payExported = document.querySelector('#pay-exported') as HTMLElement;

// Every project of the workspace: the portfolio view (the workload shows everyone when given none).
workspace.addEventListener('cwm-workspace-ready', (event) => {
  const projectIds = event.detail.store.state.projects.values().map((project) => project.id);
  dashboard.projects = projectIds.join(',');
  payReport.projects = projectIds.join(',');
});

workloadWeeks.value = params.get('weeks') ?? '12';
workload.weeks = Number(workloadWeeks.value);
workloadWeeks.addEventListener('change', () => {
  workload.weeks = Number(workloadWeeks.value);
  remember('weeks', workloadWeeks.value);
});

// The pay report hands the host what it exports; a real portal would send it to payroll.
payReport.addEventListener('cwm-pay-report-export', (event) => {
  const { rows, from, to } = event.detail;
  payExported.textContent = `The page received the export of ${rows.length} people (${from} to ${to}): a real intranet would send it to its payroll system.`;
});

// ------------------------------------------------------------------ tasks behind the number

const drill = document.querySelector('#drill') as HTMLElement;
const drillTitle = document.querySelector('#drill-title') as HTMLElement;
const drillShowing = document.querySelector('#drill-showing') as HTMLElement;
const drillProject = document.querySelector('#drill-project') as HTMLSelectElement;
const drillProjectLabel = document.querySelector('#drill-project-label') as HTMLElement;
const drillEmpty = document.querySelector('#drill-empty') as HTMLElement;
const drillBoard = document.querySelector('#drill-board') as CwmBoard;
const drillGantt = document.querySelector('#drill-gantt') as CwmGantt;
const asBoard = document.querySelector('#drill-as-board') as HTMLButtonElement;
const asGantt = document.querySelector('#drill-as-gantt') as HTMLButtonElement;
const scopedWidgets = [drillBoard, drillGantt] as unknown as Scoped[];

/** Where the focus goes back when the panel closes: the tile or cell that opened it. */
let returnFocusTo: HTMLElement | undefined;

/**
 * The projects holding tasks of the filter, with how many, most first. A board or a plan shows one
 * project (a scope's other projects are ignored), so the panel offers the choice.
 */
function projectsBehind(state: StoreState, filter: TaskFilter): { id: Id; name: string; count: number }[] {
  const context = createTaskFilterContext(state.tasks.values(), (projectId) => state.projects.get(projectId)?.workflow, todayIso());
  const counts = new Map<Id, number>();
  for (const task of state.tasks.values()) {
    if (matchesTaskFilter(task, filter, context)) counts.set(task.projectId, (counts.get(task.projectId) ?? 0) + 1);
  }
  return [...counts]
    .map(([id, count]) => ({ id, count, name: state.projects.get(id)?.name ?? id }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function showView(view: DrillView): void {
  drillBoard.hidden = view !== 'board';
  drillGantt.hidden = view !== 'gantt';
  asBoard.setAttribute('aria-pressed', String(view === 'board'));
  asGantt.setAttribute('aria-pressed', String(view === 'gantt'));
}

function showProject(projectId: Id): void {
  drillBoard.project = projectId;
  drillGantt.project = projectId;
}

/**
 * The element that has the focus, inside shadow roots too: a widget fires its drill-down event from
 * its host, but the focus is on the tile or cell (a button) inside it.
 */
function focusedElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/** Opens the panel on the tasks a filter selects; `label` is plain text (it may hold names). */
function openDrill(filter: TaskFilter, label: string): void {
  const state = workspace.activeStore?.state;
  if (!state) return;
  returnFocusTo = focusedElement();
  // Labels are data: textContent, never markup.
  drillShowing.textContent = `Showing: ${label}`;
  const projects = projectsBehind(state, filter);
  drillProject.replaceChildren(
    ...projects.map((project) => {
      const option = document.createElement('option');
      option.value = project.id;
      option.textContent = `${project.name} (${project.count})`;
      return option;
    }),
  );
  // One project needs no choice; none means the number is zero (or changed since).
  drillProjectLabel.hidden = projects.length < 2;
  drillEmpty.hidden = projects.length > 0;
  for (const widget of scopedWidgets) {
    widget.scope = filter;
    widget.scopeLabel = label;
  }
  const first = projects[0];
  if (first) showProject(first.id);
  showView(params.get('drill-view') === 'gantt' ? 'gantt' : 'board');
  if (!first) {
    drillBoard.hidden = true;
    drillGantt.hidden = true;
  }
  drill.hidden = false;
  drill.scrollIntoView({ behavior: 'smooth', block: 'start' });
  drillTitle.focus({ preventScroll: true });
}

function closeDrill(): void {
  drill.hidden = true;
  for (const widget of scopedWidgets) widget.scope = undefined;
  returnFocusTo?.focus();
  returnFocusTo = undefined;
}

dashboard.addEventListener('cwm-dashboard-drill-down', (event) => {
  const { filter, label, kpi } = event.detail;
  // `label` is the dashboard's own wording with the count ("Overdue tasks (12)").
  openDrill(filter, label ?? kpi ?? 'Selected tasks');
});

// A workload cell opens the workload's own panel (the tasks behind the cell, with reassignment through
// the store and the policy), so the page does not add a second list of the same tasks.

drillProject.addEventListener('change', () => showProject(drillProject.value));
asBoard.addEventListener('click', () => {
  showView('board');
  remember('drill-view', 'board');
});
asGantt.addEventListener('click', () => {
  showView('gantt');
  remember('drill-view', 'gantt');
});
(document.querySelector('#drill-close') as HTMLButtonElement).addEventListener('click', closeDrill);
// "Clear filter" on the board's or the plan's chip: the tasks behind the number are no longer wanted.
for (const widget of scopedWidgets) widget.addEventListener('cwm-scope-clear', closeDrill);

// Opening a task anywhere (the bell, a card or bar of the tasks behind a number, a workload task, a
// subtask in the side panel) shows it in the side panel.
wireTaskPanel(page);

// Registered last, so the workspace starts with the seed, user and theme set above (and, on the
// server, once someone has signed in): the whole library from the umbrella package, as a portal that
// uses several widgets would.
await page.ready;
defineAll();
