// Layout of <cwm-dashboard> from configuration (tiles, panels, the layout property, defaults per mode,
// unknown names), guard caching by identity, and the pure chart geometry.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { Person, Project, Task } from '@cwm/core';
import {
  PORTFOLIO_PANELS,
  SINGLE_PROJECT_PANELS,
  countTicks,
  dateLabelIndexes,
  linePoints,
  parseNames,
  segmentWidths,
  stackSeries,
  type DashboardConfigWarningDetail,
} from '@cwm/dashboard';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';
import { TODAY, mountDashboard, panel, panelNames, root, settle, tileNames, type Seed } from './dashboard-mount.js';

const PEOPLE: readonly Person[] = [makePerson('u-1', { name: 'Ada Lovelace' })];
const PROJECTS: readonly Project[] = [makeProject('p-1', { name: 'Apollo' }), makeProject('p-2', { name: 'Gemini' })];
const TASKS: readonly Task[] = [makeTask('t-1', { title: 'Write spec', status: 'doing', estimate: 2, assigneeIds: ['u-1'], start: '2026-11-02', due: '2026-11-06' })];
const SEED: Seed = { people: PEOPLE, projects: PROJECTS, tasks: TASKS };

/** Captures `console.warn` while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return messages;
}

describe('<cwm-dashboard> layout', () => {
  it('shows all tiles and the one-project panels by default', async () => {
    const { dashboard } = await mountDashboard(SEED);
    expect(tileNames(dashboard)).to.deep.equal(['percent-complete', 'done', 'open', 'overdue', 'blocked', 'due-this-week', 'checklist', 'people']);
    expect(panelNames(dashboard)).to.deep.equal([...SINGLE_PROJECT_PANELS]);
    expect(panelNames(dashboard)).not.to.include('portfolio');
  });

  it('shows the portfolio first when several projects are chosen', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: html`<cwm-dashboard projects="p-1,p-2" today=${TODAY}></cwm-dashboard>` });
    expect(panelNames(dashboard)).to.deep.equal([...PORTFOLIO_PANELS]);
    expect(panelNames(dashboard)[0]).to.equal('portfolio');
  });

  it('shows the tiles and panels named in the attributes, in their order, once each', async () => {
    const { dashboard } = await mountDashboard(SEED, {
      dashboard: html`<cwm-dashboard projects="p-1" today=${TODAY} tiles="overdue, done,open,done" panels="burnup,portfolio,status-mix"></cwm-dashboard>`,
    });
    expect(tileNames(dashboard)).to.deep.equal(['overdue', 'done', 'open']);
    expect(panelNames(dashboard)).to.deep.equal(['burnup', 'portfolio', 'status-mix']);
    dashboard.panels = 'unplanned';
    await settle(dashboard);
    expect(panelNames(dashboard)).to.deep.equal(['unplanned']);
    expect(dashboard.visiblePanels).to.deep.equal(['unplanned']);
  });

  it('lets the layout property win over the attributes, field by field', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: html`<cwm-dashboard projects="p-1" today=${TODAY} tiles="done" panels="burndown"></cwm-dashboard>` });
    dashboard.layout = { panels: ['who-is-on-what', 'overdue'] };
    await settle(dashboard);
    expect(tileNames(dashboard)).to.deep.equal(['done']);
    expect(panelNames(dashboard)).to.deep.equal(['who-is-on-what', 'overdue']);
    dashboard.layout = { tiles: ['people', 'blocked'], panels: [] };
    await settle(dashboard);
    expect(tileNames(dashboard)).to.deep.equal(['people', 'blocked']);
    expect(panelNames(dashboard)).to.deep.equal([]);
    expect(root(dashboard).querySelector('.panels')).to.equal(null);
  });

  it('skips unknown names, warning once per name with a console message and an event', async () => {
    const events: DashboardConfigWarningDetail[] = [];
    const messages = await warnings(async () => {
      const { dashboard } = await mountDashboard(SEED, {
        dashboard: html`<cwm-dashboard
          projects="p-1"
          today=${TODAY}
          tiles="done,velocity"
          panels="gantt,burndown"
          @cwm-dashboard-config-warning=${(event: CustomEvent<DashboardConfigWarningDetail>) => events.push(event.detail)}
        ></cwm-dashboard>`,
      });
      expect(tileNames(dashboard)).to.deep.equal(['done']);
      expect(panelNames(dashboard)).to.deep.equal(['burndown']);
      // Setting the same names again (and re-rendering) does not repeat the warning.
      dashboard.tiles = 'velocity,open';
      dashboard.projects = 'p-1,p-2';
      await settle(dashboard);
      expect(tileNames(dashboard)).to.deep.equal(['open']);
    });
    expect(events.map((event) => [event.setting, event.name])).to.deep.equal([
      ['tiles', 'velocity'],
      ['panels', 'gantt'],
    ]);
    expect(events[1]!.known).to.include('cumulative-flow');
    expect(messages).to.have.length(2);
    expect(messages[0]).to.contain('"velocity"').and.to.contain('percent-complete');
  });

  it('does not re-render a panel whose input objects are unchanged', async () => {
    const { dashboard } = await mountDashboard(SEED, { dashboard: html`<cwm-dashboard projects="p-1,p-2" today=${TODAY} panels="portfolio,burndown"></cwm-dashboard>` });
    // The portfolio looks project names up as it renders: count the look-ups.
    const projects = (dashboard as unknown as { data: { projects: { get: (id: string) => unknown } } }).data.projects;
    const get = projects.get.bind(projects);
    let lookUps = 0;
    projects.get = (id) => {
      lookUps++;
      return get(id);
    };
    // Opening the burndown's table re-renders the element, but the portfolio's inputs are the same objects.
    panel(dashboard, 'burndown').querySelector<HTMLButtonElement>('.toggle-data')!.click();
    await settle(dashboard);
    expect(panel(dashboard, 'burndown').querySelector('table')).to.exist;
    expect(lookUps).to.equal(0);
    // A language switch is a new input: the portfolio renders again.
    dashboard.closest('cwm-workspace')!.setAttribute('lang', 'de');
    await settle(dashboard);
    expect(lookUps).to.be.greaterThan(0);
    expect(panel(dashboard, 'portfolio').querySelector('h3')!.textContent).to.equal('Projekte');
  });

  it('parses names keeping order and collecting the unknown ones', () => {
    expect(parseNames(['b', 'x', 'a', 'b', 'x'], ['a', 'b', 'c'] as const)).to.deep.equal({ names: ['b', 'a'], unknown: ['x'] });
    expect(parseNames([], ['a'] as const)).to.deep.equal({ names: [], unknown: [] });
  });

  it('computes chart geometry without NaN', () => {
    expect(countTicks(0)).to.deep.equal([0, 1]);
    expect(countTicks(3)).to.deep.equal([0, 1, 2, 3]);
    expect(countTicks(5)).to.deep.equal([0, 2, 4, 6]);
    expect(countTicks(37)).to.deep.equal([0, 10, 20, 30, 40]);
    expect(countTicks(Number.NaN)).to.deep.equal([0, 1]);
    expect(dateLabelIndexes(0)).to.deep.equal([]);
    expect(dateLabelIndexes(1)).to.deep.equal([0]);
    expect(dateLabelIndexes(2)).to.deep.equal([0, 1]);
    expect(dateLabelIndexes(30)).to.deep.equal([0, 14, 29]);
    expect(stackSeries([[1, 2], [3, -1], [0, 4]])).to.deep.equal([[1, 2], [4, 2], [4, 6]]);
    expect(segmentWidths([1, 0, 3], 100)).to.deep.equal([{ x: 0, width: 25 }, { x: 25, width: 0 }, { x: 25, width: 75 }]);
    expect(segmentWidths([0, 0], 100)).to.deep.equal([{ x: 0, width: 0 }, { x: 0, width: 0 }]);
    // A shared maximum puts two series on one axis.
    const box = { width: 100, height: 50, padding: 5 };
    expect(linePoints([2, 4], box, 8)).to.deep.equal([{ x: 5, y: 35 }, { x: 95, y: 25 }]);
  });
});
