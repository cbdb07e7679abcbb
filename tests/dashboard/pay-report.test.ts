// <cwm-pay-report> on a MemoryBackend with a small hand-computed data set: amounts per person and in
// total, period change, per-person rates, the CSV download (BOM, localized header, decimals) and its
// cancelable export event, live update from a second store, bad settings in words, axe, XSS, 320 px.
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { MemoryAdapter, MemoryBackend } from '@cwm/adapters';
import { addDays, CwmStore, todayIso, type ActivityEntry, type Person, type Project, type Task, type Workspace } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmPayReport, resolvePayConfig, type PayReportExportDetail } from '@cwm/dashboard';
import { monthOf } from '../../packages/dashboard/src/pay-report/pay-report-config.js';
import { AT, makePerson, makeProject, makeTask } from '../fixtures/entities.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-pay-report', CwmPayReport);

const WORKSPACE: Workspace = { id: 't-pay', name: 'Pay tests', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
const XSS = '<img src=x onerror="window.__payXss=1">';

const PEOPLE: readonly Person[] = [makePerson('u-1', { name: 'Ann Müller' }), makePerson('u-2', { name: 'Bob' })];
const PROJECTS: readonly Project[] = [makeProject('p-1', { name: 'Website' }), makeProject('p-2', { name: 'Shop' }), makeProject('p-3', { name: 'Elsewhere' })];

/**
 * At 50.00 an hour (rate 5000) for November on p-1 and p-2:
 * Ann: t-1 8 h = 400.00, t-2 half of 10 h = 250.00, t-7 no estimate = 0  -> 3 tasks, 13 h, 650.00
 * Bob: t-2 half = 250.00, t-3 3 h = 150.00                               -> 2 tasks,  8 h, 400.00
 * Total 4 tasks (t-2 once), 21 h, 1,050.00. t-4 is October's (Ann 4 h = 200.00), t-5 is in p-3 (not
 * selected), t-6 is still open. With Bob at 72.50: t-2 362.50 + t-3 217.50 = 580.00, total 1,230.00.
 */
const TASKS: readonly Task[] = [
  makeTask('t-1', { title: 'Write spec', projectId: 'p-1', status: 'done', estimate: 8, assigneeIds: ['u-1'] }),
  makeTask('t-2', { title: 'Build API', projectId: 'p-1', status: 'done', estimate: 10, assigneeIds: ['u-1', 'u-2'] }),
  makeTask('t-3', { title: 'Checkout', projectId: 'p-2', status: 'done', estimate: 3, assigneeIds: ['u-2'] }),
  makeTask('t-4', { title: 'October work', projectId: 'p-1', status: 'done', estimate: 4, assigneeIds: ['u-1'] }),
  makeTask('t-5', { title: 'Other project', projectId: 'p-3', status: 'done', estimate: 5, assigneeIds: ['u-1'] }),
  makeTask('t-6', { title: 'Still open', projectId: 'p-1', status: 'todo', estimate: 2, assigneeIds: ['u-2'] }),
  makeTask('t-7', { title: 'Unsized', projectId: 'p-1', status: 'done', assigneeIds: ['u-1'] }),
];

function done(taskId: string, projectId: string, at: string): ActivityEntry {
  return { id: `a-${taskId}`, version: 1, createdAt: AT, updatedAt: AT, taskId, projectId, actorId: 'u-1', at, action: 'updated', changes: [{ field: 'status', from: 'todo', to: 'done' }] };
}

const ACTIVITY: readonly ActivityEntry[] = [
  done('t-1', 'p-1', '2026-11-05T10:00:00.000Z'),
  done('t-2', 'p-1', '2026-11-06T10:00:00.000Z'),
  done('t-3', 'p-2', '2026-11-20T10:00:00.000Z'),
  done('t-4', 'p-1', '2026-10-15T10:00:00.000Z'),
  done('t-5', 'p-3', '2026-11-10T10:00:00.000Z'),
  done('t-7', 'p-1', '2026-11-08T10:00:00.000Z'),
];

interface MountOptions {
  readonly tasks?: readonly Task[];
  readonly people?: readonly Person[];
  readonly projects?: readonly Project[];
  readonly theme?: 'light' | 'dark';
  readonly lang?: 'en' | 'de';
  readonly width?: string;
  /** Attributes of the element; `from`/`to` default to November 2026. */
  readonly attrs?: { projects?: string; from?: string; to?: string; rate?: string; currency?: string; today?: string };
  readonly rates?: Record<string, number>;
}

interface Mounted {
  readonly element: CwmPayReport;
  readonly store: CwmStore;
  readonly other: CwmStore;
}

let mounted: Mounted | undefined;

async function mount(options: MountOptions = {}): Promise<Mounted> {
  const backend = new MemoryBackend({
    seed: {
      workspace: WORKSPACE,
      people: options.people ?? PEOPLE,
      projects: options.projects ?? PROJECTS,
      tasks: options.tasks ?? TASKS,
      activity: ACTIVITY,
    },
  });
  const store = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
  const other = new CwmStore({ adapter: new MemoryAdapter({ backend }), workspaceId: WORKSPACE.id, userId: 'u-1' });
  const attrs = { projects: 'p-1,p-2', from: '2026-11-01', to: '2026-11-30', rate: '5000', currency: 'EUR', today: '', ...options.attrs };
  const workspace = await fixture<CwmWorkspace>(html`
    <div style="width: ${options.width ?? '60rem'}">
      <cwm-workspace .store=${store} theme=${options.theme ?? 'light'} lang=${options.lang ?? 'en'}>
        <cwm-pay-report
          projects=${attrs.projects}
          from=${attrs.from}
          to=${attrs.to}
          rate=${attrs.rate}
          currency=${attrs.currency}
          today=${attrs.today}
          .rates=${options.rates ?? {}}
        ></cwm-pay-report>
      </cwm-workspace>
    </div>
  `);
  await store.connect();
  await other.connect();
  const element = workspace.querySelector('cwm-pay-report') as CwmPayReport;
  mounted = { element, store, other };
  await waitUntil(async () => {
    await settle(element);
    return root(element).querySelector('table, .problems') !== null && (root(element).querySelector('.problems') !== null || element.report !== undefined);
  }, 'pay report did not render');
  await settle(element);
  return mounted;
}

async function settle(element: CwmPayReport): Promise<void> {
  await element.updateComplete;
  await nextFrame();
  await element.updateComplete;
}

const root = (element: CwmPayReport): ShadowRoot => element.shadowRoot!;
const norm = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const cellsOf = (row: Element | null | undefined): string[] => [...(row?.children ?? [])].map((cell) => norm(cell.textContent));

/** The person rows as [name, tasks, hours, rate, amount]. */
function personRows(element: CwmPayReport): string[][] {
  return [...root(element).querySelectorAll('tr.person')].map(cellsOf);
}

function totalRow(element: CwmPayReport): string[] {
  return cellsOf(root(element).querySelector('tfoot tr'));
}

function toggle(element: CwmPayReport, personId: string): HTMLButtonElement {
  const button = root(element).querySelector<HTMLButtonElement>(`tbody[data-person-id="${personId}"] button.toggle`);
  if (!button) throw new Error(`no toggle for ${personId}`);
  return button;
}

function problems(element: CwmPayReport): string[] {
  return [...root(element).querySelectorAll('.problems li')].map((item) => norm(item.textContent));
}

/** Replaces the browser's download path: records blobs, revocations and anchor clicks instead. */
interface DownloadSpy {
  readonly blobs: Blob[];
  readonly revoked: string[];
  readonly clicks: { download: string; href: string; connected: boolean }[];
  restore(): void;
}

function spyOnDownloads(): DownloadSpy {
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  const spy: DownloadSpy = {
    blobs: [],
    revoked: [],
    clicks: [],
    restore() {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
      HTMLAnchorElement.prototype.click = click;
    },
  };
  URL.createObjectURL = (blob: Blob | MediaSource): string => {
    spy.blobs.push(blob as Blob);
    return `blob:test/${spy.blobs.length}`;
  };
  URL.revokeObjectURL = (url: string): void => {
    spy.revoked.push(url);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement): void {
    spy.clicks.push({ download: this.download, href: this.href, connected: this.isConnected });
  };
  return spy;
}

let downloads: DownloadSpy | undefined;

afterEach(() => {
  downloads?.restore();
  downloads = undefined;
  mounted?.store.dispose();
  mounted?.other.dispose();
  mounted = undefined;
});

const EXPECTED_CSV = [
  'Person ID,Person,Task ID,Task,Project,Completed at,Estimate (h),Shared by,Hours,Rate per hour,Amount,Currency,Reopened',
  'u-1,Ann Müller,t-1,Write spec,Website,2026-11-05T10:00:00.000Z,8,1,8,50.00,400.00,EUR,',
  'u-1,Ann Müller,t-2,Build API,Website,2026-11-06T10:00:00.000Z,10,2,5,50.00,250.00,EUR,',
  'u-1,Ann Müller,t-7,Unsized,Website,2026-11-08T10:00:00.000Z,,1,0,50.00,0.00,EUR,',
  'u-1,Ann Müller,,Total,,,,,13,,650.00,EUR,',
  'u-2,Bob,t-2,Build API,Website,2026-11-06T10:00:00.000Z,10,2,5,50.00,250.00,EUR,',
  'u-2,Bob,t-3,Checkout,Shop,2026-11-20T10:00:00.000Z,3,1,3,50.00,150.00,EUR,',
  'u-2,Bob,,Total,,,,,8,,400.00,EUR,',
  ',,,Total,,,,,21,,1050.00,EUR,',
  '',
].join('\r\n');

describe('<cwm-pay-report>', () => {
  it('shows per person the completed tasks, hours, rate and amount, with a hand-computed total', async () => {
    const { element } = await mount();
    expect(personRows(element)).to.deep.equal([
      ['Ann Müller', '3', '13', '€50.00 / h', '€650.00'],
      ['Bob', '2', '8', '€50.00 / h', '€400.00'],
    ]);
    expect(totalRow(element)).to.deep.equal(['Total', '4', '21', '', '€1,050.00']);
    expect(norm(root(element).querySelector('caption')?.textContent)).to.equal('Pay for completed tasks, Nov 1, 2026 to Nov 30, 2026');
    expect(norm(root(element).querySelector('.unestimated')?.textContent)).to.equal('1 completed task has no estimate and is paid nothing: give it an estimate.');
    expect(root(element).querySelector('.unassigned')).to.equal(null);
    expect(norm(root(element).textContent)).not.to.contain('NaN');
  });

  it('applies per-person rates from the rates property', async () => {
    const { element } = await mount({ rates: { 'u-2': 7250 } });
    expect(personRows(element)).to.deep.equal([
      ['Ann Müller', '3', '13', '€50.00 / h', '€650.00'],
      ['Bob', '2', '8', '€72.50 / h', '€580.00'],
    ]);
    expect(totalRow(element)[4]).to.equal('€1,230.00');
  });

  it('formats money and numbers in the language of the page', async () => {
    const { element } = await mount({ lang: 'de', rates: { 'u-2': 7250 } });
    const space = (text: string): string => text.replace(/\u00a0/g, ' ');
    expect(personRows(element).map((row) => row.map(space))).to.deep.equal([
      ['Ann Müller', '3', '13', '50,00 €/Std.', '650,00 €'],
      ['Bob', '2', '8', '72,50 €/Std.', '580,00 €'],
    ]);
    expect(space(totalRow(element)[4]!)).to.equal('1.230,00 €');
    expect(norm(root(element).querySelector('caption')?.textContent)).to.equal('Vergütung erledigter Aufgaben, 01.11.2026 bis 30.11.2026');
    expect(norm(root(element).querySelector('.download')?.textContent)).to.equal('CSV herunterladen');
  });

  it('expands a person to their tasks with the keyboard, with completion day and share', async () => {
    const { element } = await mount();
    const button = toggle(element, 'u-1');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(root(element).querySelector('tr.line')).to.equal(null);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const lines = root(element).querySelector(`#${button.getAttribute('aria-controls')!}`)!;
    expect([...lines.querySelectorAll('tr.line')].map((row) => row.getAttribute('data-task-id'))).to.deep.equal(['t-1', 't-2', 't-7']);
    const rows = [...lines.querySelectorAll('tr.line')];
    expect(norm(rows[1]!.querySelector('.task-title')?.textContent)).to.equal('Build API');
    expect(norm(rows[1]!.querySelector('.meta')?.textContent)).to.equal('Website · completed Nov 6, 2026 · shared by 2');
    expect(cellsOf(rows[1]).slice(1)).to.deep.equal(['', '5', '€50.00 / h', '€250.00']);
    expect(norm(rows[2]!.querySelector('.meta')?.textContent)).to.equal('Website · completed Nov 8, 2026 · no estimate');
    // Bob stays collapsed; Space collapses Ann again.
    expect(toggle(element, 'u-2').getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Space' });
    await settle(element);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.hasAttribute('aria-controls')).to.equal(false);
    expect(root(element).querySelector('tr.line')).to.equal(null);
  });

  it('changes the period from the toolbar date inputs', async () => {
    const { element } = await mount();
    const from = root(element).querySelector<HTMLInputElement>('input.from')!;
    const to = root(element).querySelector<HTMLInputElement>('input.to')!;
    expect([from.value, to.value]).to.deep.equal(['2026-11-01', '2026-11-30']);
    from.value = '2026-10-01';
    from.dispatchEvent(new Event('change'));
    to.value = '2026-10-31';
    to.dispatchEvent(new Event('change'));
    await settle(element);
    expect([element.from, element.to]).to.deep.equal(['2026-10-01', '2026-10-31']);
    expect(personRows(element)).to.deep.equal([['Ann Müller', '1', '4', '€50.00 / h', '€200.00']]);
    expect(totalRow(element)).to.deep.equal(['Total', '1', '4', '', '€200.00']);
    expect(root(element).querySelector('.unestimated')).to.equal(null);
  });

  it('defaults to the current month and shows an empty period without NaN', async () => {
    const { element } = await mount({ attrs: { from: '', to: '', today: '2026-09-17' } });
    const inputs = [...root(element).querySelectorAll<HTMLInputElement>('input[type="date"]')].map((input) => input.value);
    expect(inputs).to.deep.equal(['2026-09-01', '2026-09-30']);
    expect(norm(root(element).querySelector('caption')?.textContent)).to.equal('Pay for completed tasks, Sep 1, 2026 to Sep 30, 2026');
    expect(norm(root(element).querySelector('tbody .empty')?.textContent)).to.equal('No completed tasks in this period.');
    expect(totalRow(element)).to.deep.equal(['Total', '0', '0', '', '€0.00']);
    expect(norm(root(element).textContent)).not.to.contain('NaN');
    expect(monthOf('2028-02-10')).to.deep.equal({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('downloads the CSV with a BOM, localized labels and decimal amounts, then revokes the URL', async () => {
    const { element } = await mount();
    downloads = spyOnDownloads();
    const events: PayReportExportDetail[] = [];
    element.addEventListener('cwm-pay-report-export', (event) => events.push(event.detail));
    root(element).querySelector<HTMLButtonElement>('.download')!.click();
    expect(events).to.have.length(1);
    expect(downloads.clicks).to.deep.equal([{ download: 'pay-report-2026-11-01-2026-11-30.csv', href: 'blob:test/1', connected: true }]);
    // The temporary link is gone again.
    expect(root(element).querySelector('a')).to.equal(null);
    const blob = downloads.blobs[0]!;
    expect(blob.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).to.equal(`\uFEFF${EXPECTED_CSV}`);
    await waitUntil(() => downloads!.revoked.length === 1, 'blob URL not revoked', { timeout: 3000 });
    expect(downloads.revoked).to.deep.equal(['blob:test/1']);
  });

  it('writes the CSV header in the language of the page', async () => {
    const { element } = await mount({ lang: 'de' });
    downloads = spyOnDownloads();
    const events: PayReportExportDetail[] = [];
    element.addEventListener('cwm-pay-report-export', (event) => events.push(event.detail));
    root(element).querySelector<HTMLButtonElement>('.download')!.click();
    const lines = events[0]!.csv.split('\r\n');
    expect(lines[0]).to.equal('Personen-ID,Person,Aufgaben-ID,Aufgabe,Projekt,Erledigt am,Schätzung (Std.),Geteilt durch,Stunden,Satz pro Stunde,Betrag,Währung,Wieder geöffnet');
    // Amounts stay machine-readable whatever the language: a point, two decimals.
    expect(lines.at(-2)).to.equal(',,,Summe,,,,,21,,1050.00,EUR,');
  });

  it('emits the export event with the report before downloading; preventDefault keeps the file', async () => {
    const { element } = await mount({ rates: { 'u-2': 7250 } });
    downloads = spyOnDownloads();
    let detail: PayReportExportDetail | undefined;
    let cancelable = false;
    element.addEventListener('cwm-pay-report-export', (event) => {
      detail = event.detail;
      cancelable = event.cancelable;
      // Nothing is downloaded before the host had its say.
      expect(downloads!.blobs).to.have.length(0);
      event.preventDefault();
    });
    root(element).querySelector<HTMLButtonElement>('.download')!.click();
    expect(cancelable).to.equal(true);
    expect(detail).to.not.equal(undefined);
    expect(detail!.from).to.equal('2026-11-01');
    expect(detail!.to).to.equal('2026-11-30');
    expect(detail!.currency).to.equal('EUR');
    expect(detail!.totalCents).to.equal(123000);
    expect(detail!.rows.map((row) => [row.personId, row.tasks, row.hours, row.amount])).to.deep.equal([
      ['u-1', 3, 13, 65000],
      ['u-2', 2, 8, 58000],
    ]);
    expect(detail!.csv.startsWith('Person ID,')).to.equal(true);
    expect(detail!.csv).to.contain('u-2,Bob,t-3,Checkout,Shop,2026-11-20T10:00:00.000Z,3,1,3,72.50,217.50,EUR,');
    expect(downloads.blobs).to.have.length(0);
    expect(downloads.clicks).to.have.length(0);
  });

  it('updates live when a task is completed through another store', async () => {
    const today = todayIso();
    const { element, other } = await mount({ attrs: { from: '2026-11-01', to: addDays(today, 1) } });
    const before = totalRow(element);
    other.updateTask('t-6', { status: 'done' });
    await waitUntil(
      async () => {
        await element.updateComplete;
        return totalRow(element)[1] !== before[1];
      },
      'the completed task did not appear',
      { timeout: 3000 },
    );
    // Bob gains t-6: 2 h at 50.00.
    expect(personRows(element)[1]).to.deep.equal(['Bob', '3', '10', '€50.00 / h', '€500.00']);
    expect(totalRow(element)).to.deep.equal(['Total', '5', '23', '', '€1,150.00']);
  });

  it('explains bad settings in words instead of a table, and disables the download', async () => {
    const { element } = await mount({ attrs: { from: '2026-11-30', to: '2026-11-01', rate: '-5', currency: 'EURO' }, rates: { 'u-2': -1 } });
    expect(problems(element)).to.deep.equal([
      'The end of the period (2026-11-01) is before its start (2026-11-30).',
      'The rate must be a number of zero or more (cents per hour), not "-5".',
      'The rate of Bob must be a number of zero or more, not "-1".',
      '"EURO" is not a currency code (ISO 4217, like EUR).',
    ]);
    expect(root(element).querySelector('[role="alert"] .problems')).to.not.equal(null);
    expect(root(element).querySelector('table')).to.equal(null);
    expect(root(element).querySelector<HTMLButtonElement>('.download')!.disabled).to.equal(true);
    expect(norm(root(element).textContent)).not.to.contain('NaN');
    element.setAttribute('rate', 'fifty');
    await settle(element);
    expect(problems(element)[1]).to.equal('The rate must be a number of zero or more (cents per hour), not "fifty".');
    expect(norm(root(element).textContent)).not.to.contain('NaN');
    // Fixing the period from the toolbar, the rate and the currency brings the table back.
    element.from = '2026-11-01';
    element.to = '2026-11-30';
    element.rate = 5000;
    element.rates = {};
    element.currency = 'eur';
    await settle(element);
    expect(problems(element)).to.deep.equal([]);
    expect(totalRow(element)[4]).to.equal('€1,050.00');
  });

  it('checks the settings without throwing: non-numeric rate, malformed dates, no projects', () => {
    const base = { projects: 'p-1', from: '2026-11-01', to: '2026-11-30', rate: 0, rates: {}, currency: 'EUR', today: '' };
    const keys = (settings: typeof base): string[] => {
      const result = resolvePayConfig(settings);
      return result.ok ? [] : result.problems.map((problem) => problem.key);
    };
    expect(keys(base)).to.deep.equal([]);
    // The attribute as written is echoed, not the NaN it parsed to.
    const typo = resolvePayConfig({ ...base, rate: Number.NaN, rateText: '50,00' });
    expect(typo.ok ? [] : typo.problems.map((problem) => problem.params['rate'])).to.deep.equal(['50,00']);
    expect(keys({ ...base, rate: Number.NaN })).to.deep.equal(['pay.error.negative-rate']);
    expect(keys({ ...base, rate: Number.POSITIVE_INFINITY })).to.deep.equal(['pay.error.negative-rate']);
    expect(keys({ ...base, from: '2026-11-31' })).to.deep.equal(['pay.error.bad-date']);
    expect(keys({ ...base, to: 'November' })).to.deep.equal(['pay.error.bad-date']);
    expect(keys({ ...base, projects: ' , ' })).to.deep.equal(['pay.error.no-projects']);
    const jpy = resolvePayConfig({ ...base, currency: 'JPY' });
    expect(jpy.ok && jpy.config.fractionDigits).to.equal(0);
  });

  it('renders names, titles and project names as text, never as markup', async () => {
    const hostile: Task[] = [makeTask('t-1', { title: XSS, projectId: 'p-1', status: 'done', estimate: 8, assigneeIds: ['u-9'] })];
    const { element } = await mount({
      tasks: hostile,
      people: [...PEOPLE, makePerson('u-9', { name: XSS })],
      projects: [makeProject('p-1', { name: XSS }), makeProject('p-2')],
    });
    toggle(element, 'u-9').click();
    await settle(element);
    expect(root(element).querySelector('img')).to.equal(null);
    expect(norm(root(element).querySelector('tr.person .name')?.textContent)).to.equal(XSS);
    expect(norm(root(element).querySelector('tr.line .task-title')?.textContent)).to.equal(XSS);
    expect(norm(root(element).querySelector('tr.line .meta')?.textContent)).to.contain(XSS);
    expect((window as unknown as { __payXss?: number }).__payXss).to.equal(undefined);
  });

  it('scrolls the table inside its own box at 320 px', async () => {
    const { element } = await mount({ width: '320px' });
    toggle(element, 'u-1').click();
    await settle(element);
    const scroller = root(element).querySelector<HTMLElement>('.scroller')!;
    expect(element.getBoundingClientRect().width).to.be.at.most(320);
    expect(scroller.getBoundingClientRect().width).to.be.at.most(320);
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    expect(scroller.tabIndex).to.equal(0);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });

  it('passes axe expanded, in light mode', async () => {
    const { element } = await mount();
    toggle(element, 'u-1').click();
    await settle(element);
    await expect(element).to.be.accessible();
  });

  it('passes axe in dark mode, and with bad settings shown', async () => {
    const dark = await mount({ theme: 'dark' });
    toggle(dark.element, 'u-2').click();
    await settle(dark.element);
    await expect(dark.element).to.be.accessible();
    dark.store.dispose();
    dark.other.dispose();
    const bad = await mount({ theme: 'dark', attrs: { rate: '-1' } });
    await expect(bad.element).to.be.accessible();
  });
});
