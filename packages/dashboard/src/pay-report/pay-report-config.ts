import { isIsoDate, parseIsoDate, todayIso, type Id, type IsoDate } from '@cwm/core';
import type { PayRates } from '../model/pay-report.js';
import type { PayReportMessages } from './pay-report-messages.js';

/** What the element's attributes and properties say, as given (unchecked). */
export interface PayReportSettings {
  /** Comma-separated project ids. */
  readonly projects: string;
  /** `YYYY-MM-DD` or empty for the first day of the current month. */
  readonly from: string;
  /** `YYYY-MM-DD` or empty for the last day of the current month. */
  readonly to: string;
  /** Default rate in minor units per hour. */
  readonly rate: number;
  /** The `rate` attribute as written, echoed in the message when the rate is unusable (`abc`, not `NaN`). */
  readonly rateText?: string | null;
  /** Per-person rates in minor units per hour. */
  readonly rates: Readonly<Record<Id, number>>;
  readonly currency: string;
  /** The day "the current month" is taken from (`YYYY-MM-DD`); empty or invalid means the real today. */
  readonly today: string;
}

/** One thing wrong with the settings: a message key and its parameters (raw values, shown as text). */
export interface PayConfigProblem {
  readonly key: keyof PayReportMessages & `pay.error.${string}`;
  readonly params: Readonly<Record<string, string>>;
  /** For a per-person rate: whose, so the element can show the name. */
  readonly personId?: Id;
}

/** Settings checked and completed with their defaults, ready for `payReport`. */
export interface PayReportConfig {
  readonly projectIds: readonly Id[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly rates: PayRates;
  /** Digits of the currency's minor unit (2 for EUR, 0 for JPY). */
  readonly fractionDigits: number;
}

/** Either a usable configuration or every problem found, so the user can fix them all at once. */
export type PayConfigResult = { readonly ok: true; readonly config: PayReportConfig } | { readonly ok: false; readonly problems: readonly PayConfigProblem[] };

/**
 * Checks the settings of `<cwm-pay-report>` and fills in the defaults (the current month). Never
 * throws: a bad date, a period ending before it starts, a negative or non-numeric rate or an unknown
 * currency become problems the element shows in words, so no NaN or exception ever reaches the table.
 */
export function resolvePayConfig(settings: PayReportSettings): PayConfigResult {
  const problems: PayConfigProblem[] = [];
  const projectIds = parseProjectList(settings.projects);
  if (projectIds.length === 0) problems.push({ key: 'pay.error.no-projects', params: {} });

  const { from, to } = effectivePeriod(settings);
  if (!isIsoDate(from) || !isIsoDate(to)) problems.push({ key: 'pay.error.bad-date', params: {} });
  else if (parseIsoDate(to)! < parseIsoDate(from)!) problems.push({ key: 'pay.error.period-order', params: { from, to } });

  if (!validRate(settings.rate)) problems.push({ key: 'pay.error.negative-rate', params: { rate: settings.rateText ?? String(settings.rate) } });
  const byPerson: Record<Id, number> = {};
  for (const [personId, rate] of Object.entries(settings.rates ?? {})) {
    if (validRate(rate)) byPerson[personId] = rate;
    else problems.push({ key: 'pay.error.person-rate', params: { rate: String(rate) }, personId });
  }

  const currency = settings.currency.trim().toUpperCase();
  const fractionDigits = currencyFractionDigits(currency);
  if (fractionDigits === undefined) problems.push({ key: 'pay.error.currency', params: { currency: settings.currency } });

  if (problems.length > 0 || fractionDigits === undefined) return { ok: false, problems };
  return {
    ok: true,
    config: { projectIds, from: from, to: to, rates: { default: settings.rate, byPerson, currency }, fractionDigits },
  };
}

/**
 * The period the settings ask for, each empty bound replaced by that of the current month (the month
 * of `today`). Not checked: either bound may still be malformed.
 */
export function effectivePeriod(settings: Pick<PayReportSettings, 'from' | 'to' | 'today'>): { readonly from: string; readonly to: string } {
  const month = monthOf(isIsoDate(settings.today) ? settings.today : todayIso());
  return {
    from: settings.from.trim() === '' ? month.from : settings.from.trim(),
    to: settings.to.trim() === '' ? month.to : settings.to.trim(),
  };
}

/** The selected project ids, in order, without blanks or repeats. */
export function parseProjectList(projects: string): Id[] {
  return [...new Set(projects.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
}

/** First and last day of the calendar month holding `day`. */
export function monthOf(day: IsoDate): { readonly from: IsoDate; readonly to: IsoDate } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = day.slice(0, 8);
  return { from: `${prefix}01`, to: `${prefix}${String(last).padStart(2, '0')}` };
}

/** Digits after the decimal point of a currency, or `undefined` when it is not an ISO 4217-shaped code. */
export function currencyFractionDigits(currency: string): number | undefined {
  if (!/^[A-Z]{3}$/.test(currency)) return undefined;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return undefined;
  }
}

/** The download's file name: `pay-report-2026-11-01-2026-11-30.csv`. */
export function payReportFileName(from: IsoDate, to: IsoDate): string {
  return `pay-report-${from}-${to}.csv`;
}

/** A rate the model can price with: a finite number of zero or more (hand-set attributes may hold anything). */
function validRate(rate: unknown): rate is number {
  return typeof rate === 'number' && Number.isFinite(rate) && rate >= 0;
}
