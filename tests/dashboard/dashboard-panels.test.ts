// The panels of <cwm-dashboard> on a small known data set: the numbers each one shows, its drill-downs,
// bounded lists, chart text alternatives and data tables, hostile names, axe and a narrow column.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ActivityEntry, Person, Project, Task } from '@cwm/core';
import type { TaskOpenDetail } from '@cwm/ui';
import type { DashboardDrillDownDetail } from '@cwm/dashboard';
import { AT, WORKFLOW, makePerson, makeProject, makeTask } from '../fixtures/entities.js';
import { XSS_PAYLOADS, normalizeSpace, xssViolations } from '../fixtures/xss-payloads.js';
import { TODAY, chart, mountDashboard, openData, panel, panelNames, record, root, settle, text, type Seed } from './dashboard-mount.js';

const PEOPLE: readonly Person[] = [makePerson('u-1', { name: 'Ada Lovelace', role: 'manager' }), makePerson('u-2', { name: 'Grace Hopper' })];
const P1: Project = makeProject('p-1', { name: 'Apollo', memberIds: ['u-1', 'u-2'] });
const P2: Project = makeProject('p-2', { name: 'Gemini', memberIds: ['u-1'] });

/**
 * p-1, hand-computed. t-1 done; t-2 doing, 6 days late (Grace); t-3 to do, blocked; t-4 doing (Grace)
 * without an estimate; t-5 to do without dates. Status mix: To do 2, Doing 2, Done 1. Who is on what:
 * Grace on t-2 and t-4. Unplanned: t-4 (estimate), t-5 (dates). p-2: one task to do (g-1).
 */
const TASKS: readonly Task[] = [
  makeTask('t-1', { title: 'Write spec', status: 'done', estimate: 4, assigneeIds: ['u-1'], start: '2026-11-02', due: '2026-11-06' }),
  makeTask('t-2', { title: 'Build API', status: 'doing', estimate: 4, assigneeIds: ['u-2'], start: '2026-11-10', due: '2026-11-20' }),
  makeTask('t-3', { title: 'Ship', status: 'todo', estimate: 8, start: '2026-11-25', due: '2026-11-27', dependencies: [{ predecessorId: 't-2', type: 'FS', lag: 0 }] }),
  makeTask('t-4', { title: 'Write docs', status: 'doing', assigneeIds: ['u-2'], start: '2026-11-24', due: '2026-11-30' }),
  makeTask('t-5', { title: 'Plan launch party', status: 'todo', estimate: 2 }),
  makeTask('g-1', { projectId: 'p-2', title: 'Orbit', status: 'todo', estimate: 1, start: '2026-11-24', due: '2026-11-30' }),
];

/** t-1 went from To do to Done on 2026-11-20. */
const ACTIVITY: readonly ActivityEntry[] = [
  { id: 'a-1', version: 1, createdAt: AT, updatedAt: AT, taskId: 't-1', projectId: 'p-1', actorId: 'u-1', at: '2026-11-20T10:00:00.000Z', action: 'updated', changes: [{ field: 'status', from: 'todo', to: 'done' }] },
];

const SEED: Seed = { people: PEOPLE, projects: [P1, P2], tasks: TASKS, activity: ACTIVITY };

const ALL_PANELS = 'portfolio,status-mix,overdue,who-is-on-what,unplanned,burndown,burnup,cumulative-flow';
const dashboardOf = (projects: string, extra: { panels?: string; rangeDays?: number } = {}) =>
  html`<cwm-dashboard projects=${projects} today=${TODAY} panels=${extra.panels ?? ALL_PANELS} range-days=${extra.rangeDays ?? 30}></cwm-dashboard>`;

describe('<cwm-dashboard> panels', () => {
  it('shows the status mix as a bar with a legend of buttons and a summary', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: dashboardOf('p-1') });
    const figure = chart(dashboard, 'status-mix');
    const summary = '5 tasks: To do 2, Doing 2, and Done 1.';
    expect(text(figure.querySelector('figcaption'))).to.equal(summary);
    expect(figure.querySelector('svg[role="img"]')!.getAttribute('aria-label')).to.equal(summary);
    const legend = [...figure.querySelectorAll('.legend li')].map((item) => [item.getAttribute('data-key'), text(item)]);
    expect(legend).to.deep.equal([
      ['todo', 'To do 2'],
      ['doing', 'Doing 2'],
      ['done', 'Done 1'],
    ]);
    // Segments are as wide as their share of 5 tasks over 300 units.
    const widths = [...figure.querySelectorAll('rect.segment')].map((rect) => [rect.getAttribute('data-series'), Number(rect.getAttribute('width'))]);
    expect(widths).to.deep.equal([
      ['todo', 120],
      ['doing', 120],
      ['done', 60],
    ]);
    expect(await openData(dashboard, 'status-mix')).to.deep.equal([
      ['Status', 'Tasks', 'Share'],
      ['To do', '2', '40%'],
      ['Doing', '2', '40%'],
      ['Done', '1', '20%'],
    ]);
  });

  it('drills down from a status legend entry and from a bar segment', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: dashboardOf('p-1') });
    const details = record<DashboardDrillDownDetail>(dashboard, 'cwm-dashboard-drill-down');
    chart(dashboard, 'status-mix').querySelector<HTMLButtonElement>('.legend li[data-key="doing"] button')!.click();
    chart(dashboard, 'status-mix').querySelector('rect.segment[data-series="todo"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(details).to.deep.equal([
      { source: 'status', id: 'doing', label: 'Doing (2)', filter: { projectIds: ['p-1'], taskIds: ['t-2', 't-4'] } },
      { source: 'status', id: 'todo', label: 'To do (2)', filter: { projectIds: ['p-1'], taskIds: ['t-3', 't-5'] } },
    ]);
  });

  it('lists who is on what, drills down per person and opens tasks', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: dashboardOf('p-1') });
    const people = [...panel(dashboard, 'who-is-on-what').querySelectorAll('.who-list > li')];
    expect(people.map((item) => item.getAttribute('data-person-id'))).to.deep.equal(['u-2']);
    expect(text(people[0]!.querySelector('.person-name'))).to.equal('Grace Hopper');
    expect(text(people[0]!.querySelector('.person-count'))).to.equal('2 tasks in progress');
    const titles = [...people[0]!.querySelectorAll('.person-tasks .task-title')].map(text);
    expect(titles).to.have.members(['Build API', 'Write docs']);
    const drills = record<DashboardDrillDownDetail>(dashboard, 'cwm-dashboard-drill-down');
    const opened = record<TaskOpenDetail>(dashboard, 'cwm-task-open');
    people[0]!.querySelector<HTMLButtonElement>('.person-name')!.click();
    const docs = [...people[0]!.querySelectorAll<HTMLButtonElement>('.task-title')].find((button) => text(button) === 'Write docs')!;
    docs.click();
    expect(drills).to.deep.equal([
      { source: 'person', id: 'u-2', label: 'Grace Hopper: in progress (2)', filter: { projectIds: ['p-1'], statusCategories: ['active'], assigneeIds: ['u-2'] } },
    ]);
    expect(opened).to.deep.equal([{ taskId: 't-4' }]);
  });

  it('lists unplanned tasks with what they miss, opens them and drills down to all', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: dashboardOf('p-1') });
    const items = [...panel(dashboard, 'unplanned').querySelectorAll('.unplanned-list > li')];
    expect(items.map((item) => [item.getAttribute('data-task-id'), text(item.querySelector('.task-title')), text(item.querySelector('.missing'))])).to.deep.equal([
      ['t-4', 'Write docs', 'No estimate'],
      ['t-5', 'Plan launch party', 'No dates'],
    ]);
    const drills = record<DashboardDrillDownDetail>(dashboard, 'cwm-dashboard-drill-down');
    const opened = record<TaskOpenDetail>(dashboard, 'cwm-task-open');
    items[1]!.querySelector<HTMLButtonElement>('.task-title')!.click();
    const showAll = panel(dashboard, 'unplanned').querySelector<HTMLButtonElement>('.show-all')!;
    expect(text(showAll)).to.equal('Show all 2');
    showAll.click();
    expect(opened).to.deep.equal([{ taskId: 't-5' }]);
    expect(drills).to.deep.equal([{ source: 'unplanned', label: 'Unplanned tasks (2)', filter: { projectIds: ['p-1'], taskIds: ['t-4', 't-5'] } }]);
  });

  it('opens an overdue task and drills down to all overdue tasks', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: dashboardOf('p-1') });
    const drills = record<DashboardDrillDownDetail>(dashboard, 'cwm-dashboard-drill-down');
    const opened = record<TaskOpenDetail>(dashboard, 'cwm-task-open');
    panel(dashboard, 'overdue').querySelector<HTMLButtonElement>('.task-title')!.click();
    panel(dashboard, 'overdue').querySelector<HTMLButtonElement>('.show-all')!.click();
    expect(opened).to.deep.equal([{ taskId: 't-2' }]);
    expect(drills).to.deep.equal([{ source: 'overdue', label: 'Overdue tasks (1)', filter: { projectIds: ['p-1'], statusCategories: ['todo', 'active'], overdue: true } }]);
  });

  it('drills down from a portfolio row to its project', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: dashboardOf('p-1,p-2') });
    const rows = [...panel(dashboard, 'portfolio').querySelectorAll('tbody tr')];
    expect(rows.map((row) => [text(row.querySelector('.project-name')), text(row.querySelector('.progress-text')), text(row.querySelector('.overdue-count'))])).to.deep.equal([
      // Leaves t-1..t-5 weigh 4, 4, 8, 1 (no estimate), 2: 4 of 19 done, rounded down.
      ['Apollo', '21% · 1 of 5 done', '1'],
      ['Gemini', '0% · 0 of 1 done', '0'],
    ]);
    const drills = record<DashboardDrillDownDetail>(dashboard, 'cwm-dashboard-drill-down');
    rows[1]!.querySelector<HTMLButtonElement>('.project-name')!.click();
    expect(drills).to.deep.equal([{ source: 'project', id: 'p-2', label: 'Gemini (1)', filter: { projectIds: ['p-2'] } }]);
  });

  it('draws the burnup as done against scope with a legend and a data table', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: dashboardOf('p-1') });
    const figure = chart(dashboard, 'burnup');
    const summary = '1 of 5 tasks done on Nov 26, 2026; 0 of 5 on Oct 28, 2026.';
    expect(text(figure.querySelector('figcaption'))).to.equal(summary);
    expect(figure.querySelector('svg')!.getAttribute('aria-label')).to.equal(summary);
    expect([...figure.querySelectorAll('polyline')].map((line) => line.getAttribute('data-series'))).to.deep.equal(['scope', 'done']);
    // Grid lines (one per value tick) are drawn first, under the lines.
    expect([...figure.querySelector('svg')!.children].map((shape) => shape.getAttribute('class'))).to.deep.equal([
      ...figure.querySelectorAll('.y-axis span'),
    ].map(() => 'grid').concat(['line', 'line']));
    expect([...figure.querySelectorAll('.legend li')].map(text)).to.deep.equal(['Scope (all tasks)', 'Done']);
    const rows = await openData(dashboard, 'burnup');
    expect(rows[0]).to.deep.equal(['Date', 'Done', 'Scope (all tasks)']);
    expect(rows).to.have.length(31);
    expect(rows[1]).to.deep.equal(['Oct 28, 2026', '0', '5']);
    expect(rows[24]).to.deep.equal(['Nov 20, 2026', '1', '5']);
    expect(rows[30]).to.deep.equal(['Nov 26, 2026', '1', '5']);
  });

  it('stacks the cumulative flow with done at the bottom and tabulates it per status', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: dashboardOf('p-1') });
    const figure = chart(dashboard, 'cumulative-flow');
    expect(text(figure.querySelector('figcaption'))).to.equal('Tasks per status on Nov 26, 2026: To do 2, Doing 2, and Done 1.');
    expect([...figure.querySelectorAll('polygon')].map((area) => area.getAttribute('data-series'))).to.deep.equal(['done', 'doing', 'todo']);
    // Grid lines come after the bands, so filled areas do not hide them.
    const shapes = [...figure.querySelector('svg')!.children].map((shape) => shape.getAttribute('class'));
    expect(shapes.slice(0, 3)).to.deep.equal(['area', 'area', 'area']);
    expect(shapes.slice(3)).to.have.length(figure.querySelectorAll('.y-axis span').length).and.to.satisfy((rest: string[]) => rest.every((name) => name === 'grid over'));
    // The legend reads like the bands on screen: top first.
    expect([...figure.querySelectorAll('.legend li')].map(text)).to.deep.equal(['To do', 'Doing', 'Done']);
    const rows = await openData(dashboard, 'cumulative-flow');
    expect(rows[0]).to.deep.equal(['Date', 'To do', 'Doing', 'Done']);
    expect(rows[1]).to.deep.equal(['Oct 28, 2026', '3', '2', '0']);
    expect(rows[30]).to.deep.equal(['Nov 26, 2026', '2', '2', '1']);
  });

  it('labels the date axis with at most three short dates and the value axis from 0', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: dashboardOf('p-1') });
    const figure = chart(dashboard, 'burndown');
    expect([...figure.querySelectorAll('.x-axis span')].map(text)).to.deep.equal(['Oct 28', 'Nov 11', 'Nov 26']);
    expect([...figure.querySelectorAll('.y-axis span')].map(text)).to.deep.equal(['0', '2', '4', '6']);
    expect(figure.querySelector('.x-axis')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('follows range-days in the charts and their titles', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: dashboardOf('p-1', { rangeDays: 7 }) });
    expect(text(panel(dashboard, 'burndown').querySelector('h3'))).to.equal('Burndown, last 7 days');
    const rows = await openData(dashboard, 'burndown');
    expect(rows.map((row) => row[0])).to.deep.equal(['Date', 'Nov 20, 2026', 'Nov 21, 2026', 'Nov 22, 2026', 'Nov 23, 2026', 'Nov 24, 2026', 'Nov 25, 2026', 'Nov 26, 2026']);
    dashboard.rangeDays = 0;
    await settle(dashboard);
    expect(text(panel(dashboard, 'burnup').querySelector('h3'))).to.equal('Burnup, last 30 days');
  });

  it('keeps long lists bounded with a "Show all" drill-down', async () => {
    const people = Array.from({ length: 12 }, (_, index) => makePerson(`u-${index + 10}`, { name: `Person ${index + 10}` }));
    const late = Array.from({ length: 20 }, (_, index) =>
      makeTask(`late-${index}`, { title: `Late ${index}`, status: 'doing', estimate: 1, start: '2026-11-01', due: '2026-11-10', assigneeIds: [people[index % 12]!.id] }),
    );
    const { dashboard } = await mountDashboard({ people, projects: [P1], tasks: late }, { dashboard: dashboardOf('p-1') });
    expect(panel(dashboard, 'overdue').querySelectorAll('.overdue-list > li')).to.have.length(8);
    expect(text(panel(dashboard, 'overdue').querySelector('.show-all'))).to.equal('Show all 20');
    expect(panel(dashboard, 'who-is-on-what').querySelectorAll('.who-list > li')).to.have.length(8);
    const drills = record<DashboardDrillDownDetail>(dashboard, 'cwm-dashboard-drill-down');
    const showAll = panel(dashboard, 'who-is-on-what').querySelector<HTMLButtonElement>('.show-all')!;
    expect(text(showAll)).to.equal('Show all 12');
    showAll.click();
    expect(drills[0]!.source).to.equal('person');
    expect(drills[0]!.label).to.equal('Who is on what (12)');
    expect(drills[0]!.filter.assigneeIds).to.have.length(12);
    // The busiest (two late tasks each) come first; a person's task list stops at three titles.
    expect([...panel(dashboard, 'who-is-on-what').querySelectorAll('.who-list > li')].slice(0, 2).map((item) => item.getAttribute('data-person-id'))).to.deep.equal(['u-10', 'u-11']);
  });

  it('shows every hostile name as text in every panel, chart legend and data table', async () => {
    const payloads = XSS_PAYLOADS.map((payload) => payload.text);
    const people = payloads.map((name, index) => makePerson(`x-${index}`, { name }));
    const workflow = { ...WORKFLOW, statuses: [...WORKFLOW.statuses, { id: 'hostile', name: payloads[2]!, category: 'active' as const }] };
    const projects = [makeProject('p-1', { name: payloads[0]!, workflow }), makeProject('p-2', { name: payloads[6]!, workflow })];
    const tasks = payloads.map((title, index) =>
      makeTask(`h-${index}`, { title, status: index % 2 === 0 ? 'hostile' : 'todo', due: '2026-11-01', assigneeIds: [`x-${index}`] }),
    );
    const { dashboard } = await mountDashboard({ people, projects, tasks }, { dashboard: dashboardOf('p-1,p-2') });
    for (const id of ['status-mix', 'burndown', 'burnup', 'cumulative-flow']) await openData(dashboard, id);
    const shadow = root(dashboard);
    // The only SVGs are the four charts' own drawings.
    expect(xssViolations(shadow).filter((problem) => problem !== '<svg> element')).to.deep.equal([]);
    expect([...shadow.querySelectorAll('svg')].every((svg) => svg.matches('.plot-area, .bar-chart'))).to.equal(true);
    expect(shadow.querySelectorAll('svg')).to.have.length(4);
    expect(normalizeSpace(text(shadow.querySelector('.project-name')))).to.equal(normalizeSpace(payloads[0]!));
    expect(normalizeSpace(text(chart(dashboard, 'status-mix').querySelector('.legend li[data-key="hostile"] .legend-label')))).to.equal(normalizeSpace(payloads[2]!));
    expect(chart(dashboard, 'status-mix').querySelector('svg')!.getAttribute('aria-label')).to.contain(payloads[2]!);
    const overdueTitles = [...panel(dashboard, 'overdue').querySelectorAll('.task-title')].map((title) => normalizeSpace(title.textContent ?? ''));
    expect(overdueTitles).to.have.length(8);
    for (const title of overdueTitles) expect(payloads.map(normalizeSpace)).to.include(title);
    const personNames = [...panel(dashboard, 'who-is-on-what').querySelectorAll('.person-name')].map((name) => normalizeSpace(name.textContent ?? ''));
    for (const name of personNames) expect(payloads.map(normalizeSpace)).to.include(name);
    expect(window.__xss).to.equal(undefined);
  });

  it('passes axe with every data table open, in light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { dashboard } = await mountDashboard(SEED, { theme, dashboard: dashboardOf('p-1,p-2') });
      for (const id of ['status-mix', 'burndown', 'burnup', 'cumulative-flow']) await openData(dashboard, id);
      await expect(dashboard).to.be.accessible();
    }
  });

  it('fits a 320 px column in German without horizontal overflow or clipped tile values', async () => {
    const { dashboard } = await mountDashboard(SEED, { width: '320px', lang: 'de', dashboard: dashboardOf('p-1,p-2') });
    for (const id of ['burndown', 'cumulative-flow']) await openData(dashboard, id);
    const base = root(dashboard).querySelector<HTMLElement>('.base')!;
    expect(dashboard.scrollWidth).to.be.at.most(dashboard.clientWidth);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    const tiles = [...root(dashboard).querySelectorAll<HTMLElement>('.tile')];
    expect(tiles).to.have.length(8);
    // Two tiles per row.
    expect(tiles[0]!.getBoundingClientRect().top).to.equal(tiles[1]!.getBoundingClientRect().top);
    expect(tiles[2]!.getBoundingClientRect().top).to.be.greaterThan(tiles[1]!.getBoundingClientRect().top);
    for (const tile of tiles) {
      for (const part of tile.querySelectorAll<HTMLElement>('.value, .label')) expect(part.scrollWidth, text(part)).to.be.at.most(part.clientWidth + 1);
      expect(tile.scrollWidth, text(tile)).to.be.at.most(tile.clientWidth + 1);
    }
    // Axis labels of a chart do not touch each other.
    const labels = [...chart(dashboard, 'burndown').querySelectorAll('.x-axis span')].map((label) => label.getBoundingClientRect());
    for (let index = 1; index < labels.length; index++) expect(labels[index]!.left).to.be.greaterThan(labels[index - 1]!.right);
    expect(panelNames(dashboard)).to.include('portfolio');
  });

  it('lays tiles in one row on a wide screen', async () => {
    const { dashboard } = await mountDashboard(SEED, { width: '1400px', dashboard: dashboardOf('p-1,p-2') });
    const tops = new Set([...root(dashboard).querySelectorAll('.tile')].map((tile) => Math.round(tile.getBoundingClientRect().top)));
    expect(tops.size).to.equal(1);
  });
});
