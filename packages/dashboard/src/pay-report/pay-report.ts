import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { merge, type Observable } from 'rxjs';
import type { Id, IsoDate, IsoDateTime, StoreState } from '@cwm/core';
import { CwmElement } from '@cwm/ui';
import { payReportCsv, type PayCsvLabels } from '../model/csv.js';
import { payReport, type PayLine, type PayPersonTotal, type PayReport } from '../model/pay-report.js';
import { downloadTextFile, UTF8_BOM } from './download-file.js';
import { effectivePeriod, parseProjectList, payReportFileName, resolvePayConfig, type PayConfigProblem, type PayReportConfig } from './pay-report-config.js';
import { registerPayReportMessages } from './pay-report-messages.js';
import { payReportStyles } from './pay-report.styles.js';
import './pay-report-events.js';

/** What the report was last computed from: it is computed again only when one of these changes. */
interface ReportBasis {
  readonly tasks: StoreState['tasks'];
  readonly people: StoreState['people'];
  readonly projects: StoreState['projects'];
  readonly activity: StoreState['activity'];
  readonly configKey: string;
  readonly report: PayReport;
}

/**
 * Pay from work done: per person, the tasks completed in a period, their estimate hours, the hourly
 * rate and the amount, with a total row, live from the shared store and its activity log. Each person
 * expands to their tasks (completion day, share when several people did it). "Download CSV" fires a
 * cancelable `cwm-pay-report-export` with the report and its CSV, then saves the CSV (UTF-8 with a
 * byte-order mark, so Excel shows umlauts) unless a listener called `preventDefault()` to send it to a
 * payroll system instead.
 *
 * Every figure comes from the tested model (`payReport`, `payReportCsv`); money stays in integer
 * minor units until it is formatted. Settings that cannot be priced (no projects, a period ending
 * before it starts, a negative rate, an unknown currency) are explained in words above the table.
 *
 * @summary Pay report: completed tasks, hours and amounts per person over a period, with CSV export.
 * @tagname cwm-pay-report
 *
 * @event cwm-pay-report-export - "Download CSV" was pressed; cancelable. `detail`: `{ from, to, currency, rows, totalCents, csv }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The period inputs and the download button.
 * @csspart table - The horizontally scrolling box around the table.
 */
export class CwmPayReport extends CwmElement {
  static override styles = [...CwmElement.styles, payReportStyles];

  /** Comma-separated project ids whose completed tasks are paid. */
  @property() projects = '';

  /** First day of the period (`YYYY-MM-DD`, a UTC day); empty is the first day of the current month. */
  @property() from = '';

  /** Last day of the period, inclusive; empty is the last day of the current month. */
  @property() to = '';

  /** Hourly rate of everyone without a per-person rate, in minor units of `currency` (5000 = 50.00 EUR). */
  @property({ type: Number }) rate = 0;

  /** Per-person hourly rates in minor units, by person id (a JS property only). */
  @property({ attribute: false }) rates: Readonly<Record<Id, number>> = {};

  /** ISO 4217 code of the rates and amounts. */
  @property() currency = 'EUR';

  /** The day whose month is the default period (`YYYY-MM-DD`); empty means the real today. */
  @property() today = '';

  @state() private data: StoreState | undefined;
  /** People whose task lines are shown. */
  @state() private expanded: ReadonlySet<Id> = new Set();

  private basis: ReportBasis | undefined;

  constructor() {
    super();
    registerPayReportMessages();
    this.observe(
      (store) => store.state$,
      (value) => {
        this.data = value;
      },
    );
    // Completions are read from the activity log, which is loaded per project on subscription; its
    // entries (a task completed in another tab included) then arrive through state$.
    this.observe(
      (store) => merge(...parseProjectList(this.projects).map((projectId) => store.activity$({ projectId }))) as Observable<unknown>,
      () => undefined,
      () => [this.projects],
    );
  }

  /** The report as shown, or `undefined` while the store loads or when the settings are unusable. */
  get report(): PayReport | undefined {
    const resolved = this.resolved();
    return resolved.ok && this.data ? this.computed(this.data, resolved.config) : undefined;
  }

  private resolved(): ReturnType<typeof resolvePayConfig> {
    return resolvePayConfig({ projects: this.projects, from: this.from, to: this.to, rate: this.rate, rateText: this.rateText(), rates: this.rates, currency: this.currency, today: this.today });
  }

  /** The `rate` attribute as written when it did not parse as a number (`abc`), echoed instead of `NaN`. */
  private rateText(): string | null {
    return Number.isNaN(this.rate) ? this.getAttribute('rate') : null;
  }

  private computed(state: StoreState, config: PayReportConfig): PayReport {
    const configKey = JSON.stringify(config);
    const basis = this.basis;
    if (
      basis &&
      basis.tasks === state.tasks &&
      basis.people === state.people &&
      basis.projects === state.projects &&
      basis.activity === state.activity &&
      basis.configKey === configKey
    ) {
      return basis.report;
    }
    const selected = new Set(config.projectIds);
    const report = payReport({
      tasks: state.tasks.filter((task) => selected.has(task.projectId)),
      activity: state.activity.filter((entry) => selected.has(entry.projectId)),
      people: state.people.values(),
      projects: config.projectIds.flatMap((id) => state.projects.get(id) ?? []),
      from: config.from,
      to: config.to,
      rates: config.rates,
    });
    this.basis = { tasks: state.tasks, people: state.people, projects: state.projects, activity: state.activity, configKey, report };
    return report;
  }

  // ------------------------------------------------------------------ actions

  private toggle(personId: Id): void {
    const next = new Set(this.expanded);
    if (!next.delete(personId)) next.add(personId);
    this.expanded = next;
  }

  private onPeriodChange(bound: 'from' | 'to', event: Event): void {
    this[bound] = (event.currentTarget as HTMLInputElement).value;
  }

  /** Announces the export, then saves the CSV unless a listener took it over. */
  private exportCsv(config: PayReportConfig, report: PayReport): void {
    const csv = payReportCsv(report, { labels: this.csvLabels(), fractionDigits: config.fractionDigits });
    const proceed = this.dispatch(
      'cwm-pay-report-export',
      { from: config.from, to: config.to, currency: report.currency, rows: report.people, totalCents: report.totals.amount, csv },
      { cancelable: true },
    );
    if (!proceed) return;
    downloadTextFile(this.renderRoot, payReportFileName(config.from, config.to), UTF8_BOM + csv, 'text/csv;charset=utf-8');
  }

  private csvLabels(): PayCsvLabels {
    const t = this.localize.t.bind(this.localize);
    return {
      personId: t('pay.csv.person-id'),
      person: t('pay.csv.person'),
      taskId: t('pay.csv.task-id'),
      task: t('pay.csv.task'),
      project: t('pay.csv.project'),
      completedAt: t('pay.csv.completed-at'),
      estimate: t('pay.csv.estimate'),
      sharedBy: t('pay.csv.shared-by'),
      hours: t('pay.csv.hours'),
      rate: t('pay.csv.rate'),
      amount: t('pay.csv.amount'),
      currency: t('pay.csv.currency'),
      reopened: t('pay.csv.reopened'),
      total: t('pay.csv.total'),
      yes: t('pay.csv.yes'),
    };
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const resolved = this.resolved();
    const state = this.data;
    const config = resolved.ok ? resolved.config : undefined;
    const report = config && state ? this.computed(state, config) : undefined;
    return html`
      <div class="base" part="base">
        ${this.renderToolbar(config, report)}
        ${resolved.ok ? nothing : this.renderProblems(resolved.problems)}
        ${config && report ? this.renderReport(config, report) : nothing}
      </div>
    `;
  }

  private renderToolbar(config: PayReportConfig | undefined, report: PayReport | undefined): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    // The inputs show the period in effect, the current month included when no bound is set.
    const period = effectivePeriod(this);
    return html`
      <div class="toolbar" part="toolbar">
        <div class="period" role="group" aria-label=${t('pay.period')}>
          <label>${t('pay.from')}<input class="from" type="date" .value=${live(period.from)} @change=${(event: Event) => this.onPeriodChange('from', event)} /></label>
          <label>${t('pay.to')}<input class="to" type="date" .value=${live(period.to)} @change=${(event: Event) => this.onPeriodChange('to', event)} /></label>
        </div>
        <button class="download" type="button" ?disabled=${!config || !report} @click=${() => config && report && this.exportCsv(config, report)}>${t('pay.download')}</button>
      </div>
    `;
  }

  private renderProblems(problems: readonly PayConfigProblem[]): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const name = (personId: Id): string => this.data?.people.get(personId)?.name ?? personId;
    return html`
      <div role="alert">
        <ul class="problems">
          ${problems.map((problem) => html`<li data-problem=${problem.key}>${t(problem.key, problem.personId === undefined ? problem.params : { ...problem.params, name: name(problem.personId) })}</li>`)}
        </ul>
      </div>
    `;
  }

  private renderReport(config: PayReportConfig, report: PayReport): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const caption = t('pay.caption', { from: this.formatDay(config.from), to: this.formatDay(config.to) });
    return html`
      <div class="scroller" part="table" role="region" aria-label=${caption} tabindex="0">
        <table>
          <caption><span>${caption}</span></caption>
          <thead>
            <tr>
              <th scope="col">${t('pay.person')}</th>
              <th scope="col" class="number">${t('pay.tasks')}</th>
              <th scope="col" class="number">${t('pay.hours')}</th>
              <th scope="col" class="number">${t('pay.rate')}</th>
              <th scope="col" class="number">${t('pay.amount')}</th>
            </tr>
          </thead>
          ${report.people.length === 0
            ? html`<tbody><tr><td class="empty" colspan="5">${t('pay.empty')}</td></tr></tbody>`
            : report.people.map((person, index) => this.renderPerson(config, person, index))}
          <tfoot>
            <tr class="total">
              <th scope="row">${t('pay.total')}</th>
              <td class="number tasks">${this.localize.formatNumber(report.totals.tasks)}</td>
              <td class="number hours">${this.formatHours(report.totals.hours)}</td>
              <td></td>
              <td class="number amount">${this.formatMoney(report.totals.amount, config)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      ${report.unestimated.length > 0 ? html`<p class="note unestimated">${t('pay.unestimated', { count: report.unestimated.length })}</p>` : nothing}
      ${report.unassigned.length > 0 ? html`<p class="note unassigned">${t('pay.unassigned', { count: report.unassigned.length })}</p>` : nothing}
    `;
  }

  private renderPerson(config: PayReportConfig, person: PayPersonTotal, index: number): TemplateResult {
    const open = this.expanded.has(person.personId);
    const rate = config.rates.byPerson?.[person.personId] ?? config.rates.default;
    // Ids may hold any character; the row ids only need to be unique inside this shadow root.
    const linesId = `lines-${index}`;
    return html`
      <tbody data-person-id=${person.personId}>
        <tr class="person">
          <th scope="row">
            <button class="toggle" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${open ? linesId : nothing} @click=${() => this.toggle(person.personId)}>
              ${chevron}<span class="name">${person.name}</span>
            </button>
          </th>
          <td class="number tasks">${this.localize.formatNumber(person.tasks)}</td>
          <td class="number hours">${this.formatHours(person.hours)}</td>
          <td class="number rate">${this.formatRate(rate, config)}</td>
          <td class="number amount">${this.formatMoney(person.amount, config)}</td>
        </tr>
      </tbody>
      ${open ? html`<tbody id=${linesId} class="lines" data-lines-of=${person.personId}>${person.lines.map((line) => this.renderLine(line, config))}</tbody>` : nothing}
    `;
  }

  private renderLine(line: PayLine, config: PayReportConfig): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const facts = [t('pay.completed-on', { date: this.formatInstantDay(line.completedAt) })];
    if (line.sharedBy > 1) facts.push(t('pay.shared', { count: line.sharedBy }));
    if (line.estimate === undefined) facts.push(t('pay.no-estimate'));
    return html`
      <tr class="line" data-task-id=${line.taskId}>
        <th scope="row">
          <span class="task-title">${line.title}</span>
          <span class="meta">${line.projectName} · ${facts.join(' · ')}${line.reopened ? html` · <span class="reopened">${t('pay.reopened')}</span>` : nothing}</span>
        </th>
        <td></td>
        <td class="number hours">${this.formatHours(line.hours)}</td>
        <td class="number rate">${this.formatRate(line.rate, config)}</td>
        <td class="number amount">${this.formatMoney(line.amount, config)}</td>
      </tr>
    `;
  }

  // ------------------------------------------------------------------ formatting

  /** Integer minor units as money in the reader's language (`1.066,67 €`, `€1,066.67`). */
  private formatMoney(minor: number, config: PayReportConfig): string {
    return this.localize.formatNumber(minor / 10 ** config.fractionDigits, { style: 'currency', currency: config.rates.currency });
  }

  private formatRate(minor: number, config: PayReportConfig): string {
    return this.localize.t('pay.rate-value', { amount: this.formatMoney(minor, config) });
  }

  private formatHours(hours: number): string {
    return this.localize.formatNumber(hours, { maximumFractionDigits: 2 });
  }

  /** A period bound is a UTC day: formatted in UTC so no time zone shifts it. */
  private formatDay(day: IsoDate): string {
    return this.localize.formatDate(`${day}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  }

  /** The day of a completion, in UTC like the period it was counted in. */
  private formatInstantDay(at: IsoDateTime): string {
    return this.localize.formatDate(at, { dateStyle: 'medium', timeZone: 'UTC' });
  }
}

// Points right when collapsed, turned down by CSS when expanded; the button's aria-expanded says it in words.
const chevron = svg`<svg class="chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d="M4 2.5 7.5 6 4 9.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
