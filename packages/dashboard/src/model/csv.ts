import type { PayLine, PayReport } from './pay-report.js';

/** One CSV cell: text (user data, guarded) or a number we computed ourselves. */
export type CsvCell = string | number;

// A spreadsheet treats a cell starting with one of these as a formula (or as a formula after it
// strips the tab or carriage return), so user text like `=HYPERLINK(...)` could run on opening.
const FORMULA_START = /^[=+\-@\t\r]/;
// RFC 4180: a field holding a quote, a comma or a line break must be quoted.
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Writes rows as RFC 4180 CSV: comma separated, CRLF after every row (the last one too), fields with a
 * quote, comma or line break enclosed in double quotes with inner quotes doubled.
 *
 * Against formula injection (CSV opened in Excel, LibreOffice or Google Sheets), a TEXT cell starting
 * with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, which spreadsheets show as text.
 * Number cells are ours, not user input, and are written as they are (`-2.5`); a non-finite number is
 * written as an empty cell. No byte-order mark is added: the caller adds `\uFEFF` when it saves a file
 * for Excel.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  let out = '';
  for (const row of rows) out += row.map(csvField).join(',') + '\r\n';
  return out;
}

function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Column names of the pay CSV, in the reader's language (the caller takes them from its i18n). */
export interface PayCsvLabels {
  readonly personId: string;
  readonly person: string;
  readonly taskId: string;
  readonly task: string;
  readonly project: string;
  readonly completedAt: string;
  readonly estimate: string;
  readonly sharedBy: string;
  readonly hours: string;
  readonly rate: string;
  readonly amount: string;
  readonly currency: string;
  readonly reopened: string;
  /** Written in the task column of a total row (`Total`, `Summe`). */
  readonly total: string;
  /** Written in the reopened column of a reopened line (`yes`, `ja`). */
  readonly yes: string;
}

export interface PayCsvOptions {
  readonly labels: PayCsvLabels;
  /**
   * Digits after the decimal point of the currency's major unit (2 for EUR, 0 for JPY); by default
   * what `Intl` knows for the report's currency, 2 when it knows nothing.
   */
  readonly fractionDigits?: number;
  /** Add a total row after each person and one for everyone at the end; default true. */
  readonly totals?: boolean;
}

/**
 * The pay report as CSV: a header row of `labels`, then per person one row per completed task and
 * (unless `totals: false`) a total row, then a grand total row. Amounts and rates are written in
 * MAJOR units with a `.` decimal point and a fixed number of digits (`1234.50`), hours with up to two
 * decimals: what accounting imports expect whatever the language of the headers.
 */
export function payReportCsv(report: PayReport, options: PayCsvOptions): string {
  const { labels } = options;
  const digits = options.fractionDigits ?? currencyDigits(report.currency);
  const money = (minor: number): string => (minor / 10 ** digits).toFixed(digits);
  const withTotals = options.totals ?? true;

  const rows: CsvCell[][] = [
    [
      labels.personId,
      labels.person,
      labels.taskId,
      labels.task,
      labels.project,
      labels.completedAt,
      labels.estimate,
      labels.sharedBy,
      labels.hours,
      labels.rate,
      labels.amount,
      labels.currency,
      labels.reopened,
    ],
  ];
  const lineRow = (line: PayLine, name: string): CsvCell[] => [
    line.personId,
    name,
    line.taskId,
    line.title,
    line.projectName,
    line.completedAt,
    line.estimate ?? '',
    line.sharedBy,
    roundHours(line.hours),
    money(line.rate),
    money(line.amount),
    report.currency,
    line.reopened ? labels.yes : '',
  ];
  const totalRow = (personId: string, name: string, hours: number, amount: number): CsvCell[] => [
    personId,
    name,
    '',
    labels.total,
    '',
    '',
    '',
    '',
    roundHours(hours),
    '',
    money(amount),
    report.currency,
    '',
  ];
  for (const person of report.people) {
    for (const line of person.lines) rows.push(lineRow(line, person.name));
    if (withTotals) rows.push(totalRow(person.personId, person.name, person.hours, person.amount));
  }
  if (withTotals) rows.push(totalRow('', '', report.totals.hours, report.totals.amount));
  return toCsv(rows);
}

/** Hours to at most two decimals, as a number (3.33, 2.5, 4). */
function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** Minor-unit digits of an ISO 4217 currency from `Intl`; 2 for a code it rejects. */
function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
