// Figures of the fault tests (operations run, faults injected, writes lost or duplicated): the issue's
// closing note lists them. Each report is appended as one JSON line to tests/faults/.figures.json
// (gitignored) so a run that dies half-way still leaves what it measured, and the run prints a table
// of its own figures when it ends. `node tests/harness/figures.mjs` prints the latest figures per test
// from the file again.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the figures are kept, one JSON object per line. */
export const FIGURES_FILE = resolve(here, '../faults/.figures.json');

const NUMBER_FIELDS = ['operations', 'faultsInjected', 'lost', 'duplicated', 'ms'];

/**
 * Checks a figures payload from the browser and returns a clean copy (only the known fields), so a
 * typo in a test shows as an error instead of a silent blank column.
 * @param {unknown} payload
 */
export function checkFigures(payload) {
  if (payload === null || typeof payload !== 'object') throw new Error('cwm-figures: payload must be an object');
  const record = /** @type {Record<string, unknown>} */ (payload);
  if (typeof record.test !== 'string' || record.test.length === 0) throw new Error('cwm-figures: "test" must be a name');
  const figures = { test: record.test };
  for (const field of NUMBER_FIELDS) {
    const value = record[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`cwm-figures: "${field}" must be a number >= 0 (got ${JSON.stringify(value)})`);
    }
    figures[field] = value;
  }
  if (record.notes !== undefined) {
    if (typeof record.notes !== 'string') throw new Error('cwm-figures: "notes" must be a string');
    figures.notes = record.notes;
  }
  return figures;
}

/**
 * Appends one line to the figures file, stamped with the run it belongs to and the time.
 * @param {ReturnType<typeof checkFigures>} figures
 * @param {string} run when this test run started (ISO), to tell runs apart in the file
 * @param {string} [file]
 */
export function appendFigures(figures, run, file = FIGURES_FILE) {
  mkdirSync(dirname(file), { recursive: true });
  const line = { ...figures, run, at: new Date().toISOString() };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
  return line;
}

/**
 * Reads every line of the figures file; lines that are not JSON are skipped (a run killed mid-write).
 * @param {string} [file]
 * @returns {Array<Record<string, unknown>>}
 */
export function readFigures(file = FIGURES_FILE) {
  if (!existsSync(file)) return [];
  const rows = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      rows.push(JSON.parse(line));
    } catch {
      // A torn last line: ignore it rather than lose the rest.
    }
  }
  return rows;
}

/**
 * Formats figures as a plain-text table (fixed-width columns, readable in a CI log).
 * @param {ReadonlyArray<Record<string, unknown>>} rows
 */
export function figuresTable(rows) {
  const columns = ['test', ...NUMBER_FIELDS, 'notes'];
  const cells = rows.map((row) => columns.map((column) => (row[column] === undefined ? '' : String(row[column]))));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((line) => line[index].length)));
  const format = (line) => line.map((cell, index) => cell.padEnd(widths[index])).join('  ').trimEnd();
  return [format(columns), format(widths.map((width) => '-'.repeat(width))), ...cells.map(format)].join('\n');
}

/** The last figures of each test in the file (a test run twice shows its latest run). */
export function latestPerTest(rows) {
  const byTest = new Map();
  for (const row of rows) byTest.set(row.test, row);
  return [...byTest.values()];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = latestPerTest(readFigures());
  console.log(rows.length === 0 ? `no figures in ${FIGURES_FILE}` : figuresTable(rows));
}
