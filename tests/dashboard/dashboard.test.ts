// <cwm-dashboard> on a MemoryBackend with a small known data set; a second store on the same backend
// plays "another tab" for the live update.
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { MemoryAdapter, MemoryBackend } from '@cwm/adapters';
import { CwmStore, type ActivityEntry, type Person, type Project, type Task, type Workspace } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmDashboard, linePoints, type DashboardDrillDownDetail } from '@cwm/dashboard';
import { AT, makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-dashboard', CwmDashboard);

// Thursday: its ISO week runs Monday 2026-11-23 to Sunday 2026-11-29.
const TODAY = '2026-11-26';
const WORKSPACE: Workspace = { id: 't-dashboard', name: 'Dashboard tests', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
const XSS = '<img src=x onerror="window.__dashboardXss=1">';
const PEOPLE: readonly Person[] = [makePerson('u-1', { name: 'Ada Lovelace', role: 'manager' }), makePerson('u-2', { name: 'Grace Hopper' })];
const P1: Project = makeProject('p-1', { name: 'Apollo', memberIds: ['u-1', 'u-2'] });
const P2: Project = makeProject('p-2', { name: 'Empty one', memberIds: ['u-1'] });

/**
 * p-1, hand-computed: t-1 done (4 h), t-2 doing (4 h, due 11-20: 6 days late, Grace), t-3 to do (8 h,
 * due 11-27 this week, blocked by t-2, nobody). Percent complete 4 / 16 = 25 %; done 1; open 2;
 * overdue 1; blocked 1; due this week 1; checklist 1 of 2; people u-1, u-2 = 2.
 */
const TASKS: readonly Task[] = [
  makeTask('t-1', { title: 'Write spec', status: 'done', estimate: 4, assigneeIds: ['u-1'], start: '2026-11-02', due: '2026-11-06', checklist: [{ id: 'c-1', text: 'Draft', done: true }, { id: 'c-2', text: 'Review', done: false }] }),
  makeTask('t-2', { title: 'Build API', status: 'doing', estimate: 4, assigneeIds: ['u-2'], start: '2026-11-10', due: '2026-11-20' }),
  makeTask('t-3', { title: 'Ship', status: 'todo', estimate: 8, start: '2026-11-25', due: '2026-11-27', dependencies: [{ predecessorId: 't-2', type: 'FS', lag: 0 }] }),
];

/** t-1 went from To do to Done on 2026-11-20: the burndown starts at 3 open and ends at 2. */
const ACTIVITY: readonly ActivityEntry[] = [
  { id: 'a-1', version: 1, createdAt: AT, updatedAt: AT, taskId: 't-1', projectId: 'p-1', actorId: 'u-1', at: '2026-11-20T10:00:00.000Z', action: 'updated', changes: [{ field: 'status', from: 'todo', to: 'done' }] },
];

interface Mounted {
  readonly dashboard: CwmDashboard;
  readonly store: CwmStore;
  readonly other: CwmStore;
}

async function mount(projects: string, tasks: readonly Task[] = TASKS, theme: 'light' | 'dark' = 'light'): Promise<Mounted> {
  const backend = new MemoryBackend({ seed: { workspace: WORKSPACE, people: PEOPLE, projects: [P1, P2], tasks, activity: ACTIVITY } });
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
  const other = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} theme=${theme} lang="en"><cwm-dashboard projects=${projects} today=${TODAY}></cwm-dashboard></cwm-workspace>
  `);
  await store.connect();
  await other.connect();
  const dashboard = workspace.querySelector('cwm-dashboard') as CwmDashboard;
  await settle(dashboard);
  return { dashboard, store, other };
}

async function settle(dashboard: CwmDashboard): Promise<void> {
  await dashboard.updateComplete;
  await nextFrame();
  await dashboard.updateComplete;
}

const root = (dashboard: CwmDashboard): ShadowRoot => dashboard.shadowRoot!;
const tile = (dashboard: CwmDashboard, kpi: string): HTMLButtonElement => root(dashboard).querySelector<HTMLButtonElement>(`.tile[data-kpi="${kpi}"]`)!;
const tileValue = (dashboard: CwmDashboard, kpi: string): string => tile(dashboard, kpi).querySelector('.value')!.textContent!.trim();
const text = (element: Node | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<cwm-dashboard>', () => {
  it('shows the hand-computed KPI numbers of a small project', async () => {
    const { dashboard } = await mount('p-1');
    expect(tileValue(dashboard, 'percent-complete')).to.equal('25%');
    expect(tileValue(dashboard, 'done')).to.equal('1');
    expect(tileValue(dashboard, 'open')).to.equal('2');
    expect(tileValue(dashboard, 'overdue')).to.equal('1');
    expect(tileValue(dashboard, 'blocked')).to.equal('1');
    expect(tileValue(dashboard, 'due-this-week')).to.equal('1');
    expect(tileValue(dashboard, 'checklist')).to.equal('1 of 2');
    expect(tileValue(dashboard, 'people')).to.equal('2');
    expect(text(tile(dashboard, 'overdue'))).to.equal('1 Overdue');
  });

  it('lists overdue tasks with their owners and a portfolio row per project, empty ones marked', async () => {
    const { dashboard } = await mount('p-1,p-2');
    const items = [...root(dashboard).querySelectorAll('.overdue-list li')];
    expect(items.map((item) => item.getAttribute('data-task-id'))).to.deep.equal(['t-2']);
    expect(text(items[0]!.querySelector('.task-title'))).to.equal('Build API');
    expect(text(items[0]!.querySelector('.late'))).to.contain('6 days late');
    expect(text(items[0]!.querySelector('.owners'))).to.equal('Grace Hopper');
    const rows = [...root(dashboard).querySelectorAll('.portfolio tbody tr')];
    expect(rows.map((row) => text(row.querySelector('.project-name')))).to.deep.equal(['Apollo', 'Empty one']);
    expect(text(rows[0]!.querySelector('.progress-text'))).to.equal('25% · 1 of 3 done');
    expect(text(rows[1]!.querySelector('td'))).to.equal('No tasks yet');
    expect(text(root(dashboard).querySelector('.kpis .empty'))).to.equal('');
  });

  it('shows empty states for no projects and for projects without tasks, never NaN', async () => {
    const none = await mount('');
    expect(text(root(none.dashboard).querySelector('.empty'))).to.equal('No projects chosen for this dashboard.');
    const empty = await mount('p-2');
    expect(text(root(empty.dashboard).querySelector('.kpis .empty'))).to.equal('These projects have no tasks yet.');
    expect(tileValue(empty.dashboard, 'percent-complete')).to.equal('0%');
    expect(text(root(empty.dashboard))).not.to.contain('NaN');
  });

  it('updates live after a change made through another store', async () => {
    const { dashboard, other } = await mount('p-1');
    other.updateTask('t-2', { status: 'done' });
    await waitUntil(
      async () => {
        await dashboard.updateComplete;
        return tileValue(dashboard, 'done') === '2';
      },
      'done tile did not update',
      { timeout: 3000 },
    );
    // t-2 done: 8 of 16 hours, nothing overdue, t-3 no longer blocked.
    expect(tileValue(dashboard, 'percent-complete')).to.equal('50%');
    expect(tileValue(dashboard, 'overdue')).to.equal('0');
    expect(tileValue(dashboard, 'blocked')).to.equal('0');
    expect(text(root(dashboard).querySelector('.overdue .empty'))).to.equal('Nothing is overdue.');
  });

  it('emits a drill-down event with the filter behind the clicked tile', async () => {
    const { dashboard } = await mount('p-1');
    const details: DashboardDrillDownDetail[] = [];
    dashboard.addEventListener('cwm-dashboard-drill-down', (event) => details.push(event.detail));
    tile(dashboard, 'overdue').click();
    tile(dashboard, 'due-this-week').click();
    expect(details).to.deep.equal([
      { source: 'tile', kpi: 'overdue', label: 'Overdue (1)', filter: { projectIds: ['p-1'], statusCategories: ['todo', 'active'], overdue: true } },
      {
        source: 'tile',
        kpi: 'due-this-week',
        label: 'Due this week (1)',
        filter: { projectIds: ['p-1'], statusCategories: ['todo', 'active'], dueWithin: { from: '2026-11-23', to: '2026-11-29' } },
      },
    ]);
  });

  it('summarises the burndown in words and reveals its data table on demand', async () => {
    const { dashboard } = await mount('p-1');
    const figure = root(dashboard).querySelector('figure[data-chart="burndown"]')!;
    const summary = 'Open tasks went from 3 on Oct 28, 2026 to 2 on Nov 26, 2026.';
    expect(text(figure.querySelector('figcaption'))).to.equal(summary);
    expect(figure.querySelector('svg[role="img"]')!.getAttribute('aria-label')).to.equal(summary);
    expect(figure.querySelector('svg polyline')).to.exist;
    const toggle = figure.querySelector<HTMLButtonElement>('.toggle-data')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(figure.querySelector('table')).to.equal(null);
    toggle.click();
    await settle(dashboard);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Hide data');
    const rows = [...figure.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(30);
    const cells = (row: Element | undefined): string[] => [...(row?.children ?? [])].map(text);
    expect(cells(rows[0])).to.deep.equal(['Oct 28, 2026', '3', '16']);
    expect(cells(rows[29])).to.deep.equal(['Nov 26, 2026', '2', '12']);
  });

  it('renders user text as text, never as markup', async () => {
    const hostile: Task[] = [makeTask('t-9', { title: XSS, status: 'doing', due: '2026-11-01', assigneeIds: ['u-9'] })];
    const backend = new MemoryBackend({
      seed: { workspace: WORKSPACE, people: [...PEOPLE, makePerson('u-9', { name: XSS })], projects: [makeProject('p-1', { name: XSS })], tasks: hostile },
    });
    const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
    const workspace = await fixture<CwmWorkspace>(html`<cwm-workspace .store=${store} lang="en"><cwm-dashboard projects="p-1" panels="portfolio,overdue" today=${TODAY}></cwm-dashboard></cwm-workspace>`);
    await store.connect();
    const dashboard = workspace.querySelector('cwm-dashboard') as CwmDashboard;
    await settle(dashboard);
    expect(root(dashboard).querySelector('img')).to.equal(null);
    expect(text(root(dashboard).querySelector('.overdue-list .task-title'))).to.equal(XSS);
    expect(text(root(dashboard).querySelector('.owners'))).to.equal(XSS);
    expect(text(root(dashboard).querySelector('.project-name'))).to.equal(XSS);
    expect((window as unknown as { __dashboardXss?: number }).__dashboardXss).to.equal(undefined);
  });

  it('passes axe with the data tables open', async () => {
    const { dashboard } = await mount('p-1,p-2');
    for (const toggle of root(dashboard).querySelectorAll<HTMLButtonElement>('.toggle-data')) toggle.click();
    await settle(dashboard);
    await expect(dashboard).to.be.accessible();
  });

  it('passes axe in dark mode', async () => {
    const { dashboard } = await mount('p-1', TASKS, 'dark');
    await expect(dashboard).to.be.accessible();
  });

  it('places chart points without NaN, zeros on the baseline', () => {
    const box = { width: 100, height: 50, padding: 5 };
    expect(linePoints([4, 2, 0], box)).to.deep.equal([{ x: 5, y: 5 }, { x: 50, y: 25 }, { x: 95, y: 45 }]);
    expect(linePoints([0, 0], box)).to.deep.equal([{ x: 5, y: 45 }, { x: 95, y: 45 }]);
    expect(linePoints([7], box)).to.deep.equal([{ x: 5, y: 5 }]);
  });
});
