// `defineAll` from @cwm/elements: every element of the library under `cwm-*` and under a vendor's
// prefix, and the dashboard widgets working from those registrations on one workspace, as the demo's
// executive page uses them: a colleague's change on the same backend reaches the prefixed dashboard.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import {
  CwmDashboard,
  CwmPayReport,
  CwmStore,
  CwmTaskDetail,
  CwmWorkload,
  ELEMENTS,
  MemoryAdapter,
  MemoryBackend,
  defineAll,
  type CwmWorkspace,
  type DashboardDrillDownDetail,
  type Workspace,
} from '@cwm/elements';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

const WORKSPACE: Workspace = { id: 't-define-all', name: 'Define all', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
const TODAY = '2026-11-18';

/** What a prefix turns a default tag into: `cwm-board` under `acme` is `acme-board`. */
const prefixed = (tag: string, prefix: string): string => tag.replace(/^cwm-/, `${prefix}-`);

describe('defineAll', () => {
  it('lists the dashboard, workload, pay report and task detail after the provider and the earlier widgets', () => {
    const tags = ELEMENTS.map(([tag]) => tag);
    expect(tags).to.deep.equal(['cwm-workspace', 'cwm-date-field', 'cwm-tags-field', 'cwm-people-field', 'cwm-board', 'cwm-gantt', 'cwm-task-chat', 'cwm-notifications', 'cwm-dashboard', 'cwm-workload', 'cwm-pay-report', 'cwm-task-detail']);
    const byTag = new Map(ELEMENTS);
    expect(byTag.get('cwm-dashboard')).to.equal(CwmDashboard);
    expect(byTag.get('cwm-workload')).to.equal(CwmWorkload);
    expect(byTag.get('cwm-pay-report')).to.equal(CwmPayReport);
    expect(byTag.get('cwm-task-detail')).to.equal(CwmTaskDetail);
  });

  it('registers every element under cwm-* and is safe to call twice', () => {
    defineAll();
    expect(() => defineAll(), 'a second call').not.to.throw();
    for (const [tag, ctor] of ELEMENTS) {
      const registered = customElements.get(tag);
      expect(registered, `<${tag}>`).to.not.equal(undefined);
      // The class itself, or (when a test registered it under a prefix first) a subclass of it.
      expect(registered === ctor || registered!.prototype instanceof ctor, `<${tag}> is a ${ctor.name}`).to.equal(true);
    }
    expect(document.createElement('cwm-dashboard')).to.be.instanceOf(CwmDashboard);
    expect(document.createElement('cwm-workload')).to.be.instanceOf(CwmWorkload);
    expect(document.createElement('cwm-pay-report')).to.be.instanceOf(CwmPayReport);
  });

  it('registers every element under a vendor prefix too', () => {
    defineAll({ prefix: 'acme' });
    for (const [tag, ctor] of ELEMENTS) {
      const registered = customElements.get(prefixed(tag, 'acme'));
      expect(registered === ctor || registered?.prototype instanceof ctor, `<${prefixed(tag, 'acme')}> is a ${ctor.name}`).to.equal(true);
    }
    expect(document.createElement('acme-dashboard')).to.be.instanceOf(CwmDashboard);
    expect(document.createElement('acme-workload')).to.be.instanceOf(CwmWorkload);
    expect(document.createElement('acme-pay-report')).to.be.instanceOf(CwmPayReport);
    expect(document.createElement('acme-task-detail')).to.be.instanceOf(CwmTaskDetail);
  });

  describe('the dashboard widgets under a prefix, on one workspace', () => {
    let stores: CwmStore[] = [];
    afterEach(() => {
      for (const store of stores) store.dispose();
      stores = [];
    });

    it('render from the shared store, follow a change made in another store, and drill down', async () => {
      defineAll({ prefix: 'acme' });
      const people = [makePerson('u-1', { name: 'Ada Lovelace', role: 'manager' }), makePerson('u-2', { name: 'Grace Hopper' })];
      const backend = new MemoryBackend({
        seed: {
          workspace: WORKSPACE,
          people,
          projects: [makeProject('p-1', { memberIds: ['u-1', 'u-2'] })],
          tasks: [
            makeTask('t-1', { status: 'done', assigneeIds: ['u-2'], estimate: 8, start: '2026-11-16', due: '2026-11-17' }),
            makeTask('t-2', { assigneeIds: ['u-2'], estimate: 8, start: '2026-11-18', due: '2026-11-20', rank: 'j' }),
          ],
        },
      });
      const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
      const colleague = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-2' });
      stores = [store, colleague];
      const tag = (name: string) => unsafeStatic(`acme-${name}`);
      const workspace = await fixture<CwmWorkspace>(html`
        <${tag('workspace')} .store=${store} lang="en" theme="light">
          <${tag('dashboard')} projects="p-1" today=${TODAY}></${tag('dashboard')}>
          <${tag('workload')} projects="p-1" today=${TODAY} weeks="2"></${tag('workload')}>
          <!-- No day given: the period is the real current month, when the colleague's change is logged. -->
          <${tag('pay-report')} projects="p-1"></${tag('pay-report')}>
        </${tag('workspace')}>
      `);
      await store.connect();
      await colleague.connect();
      const dashboard = workspace.querySelector('acme-dashboard') as CwmDashboard;
      const workload = workspace.querySelector('acme-workload') as CwmWorkload;
      const payReport = workspace.querySelector('acme-pay-report') as CwmPayReport;
      expect([dashboard, workload, payReport].map((element) => element.localName)).to.deep.equal(['acme-dashboard', 'acme-workload', 'acme-pay-report']);

      const tileValue = (kpi: string) => dashboard.shadowRoot!.querySelector(`[data-kpi="${kpi}"] .value`)?.textContent?.trim();
      await waitUntil(() => tileValue('done') === '1', 'the dashboard renders the store data');
      expect(tileValue('open')).to.equal('1');
      await waitUntil(() => workload.shadowRoot!.querySelector('[data-person-id="u-2"]') !== null, 'the workload has a row for the assignee');

      // A colleague finishes t-2 elsewhere: the prefixed dashboard follows.
      expect(colleague.updateTask('t-2', { status: 'done' }).ok).to.equal(true);
      await waitUntil(() => tileValue('done') === '2' && tileValue('open') === '0', 'the dashboard follows the other store');
      // The pay report pays work completed in the period, from the activity log: the colleague's move.
      await waitUntil(() => (payReport.shadowRoot?.textContent ?? '').includes('Grace Hopper'), 'the pay report lists who completed work');

      const heard: DashboardDrillDownDetail[] = [];
      workspace.addEventListener('cwm-dashboard-drill-down', (event) => heard.push(event.detail));
      dashboard.shadowRoot!.querySelector<HTMLButtonElement>('[data-kpi="done"]')!.click();
      expect(heard.length).to.equal(1);
      expect(heard[0]!.filter.projectIds).to.deep.equal(['p-1']);
      expect(heard[0]!.filter.statusCategories).to.deep.equal(['done']);
    });
  });
});
