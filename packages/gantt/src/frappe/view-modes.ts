import type { FrappeViewModeDefinition } from 'frappe-gantt';
import type { Zoom } from '../zoom.js';
import { ZOOM_AXES } from '../timeline/time-scale.js';
import { dateTimeFormat } from './cached-intl.js';

// frappe-gantt's view modes for our zoom levels. frappe has no quarter, and its labels format dates
// through `date_utils.format` (slow, English-centric patterns): ours use cached `Intl` formatters in the
// chart's language. Steps and column widths come from ZOOM_AXES, the single source TimeScale reads too.

type Label = (date: Date, previous: Date | null, language: string) => string;

const changed = (date: Date, previous: Date | null, key: (value: Date) => number): boolean =>
  previous === null || key(date) !== key(previous);

const monthKey = (date: Date): number => date.getFullYear() * 12 + date.getMonth();
const yearKey = (date: Date): number => date.getFullYear();
const decadeKey = (date: Date): number => Math.floor(date.getFullYear() / 10);

/** "March 2026" when the month changes (or on the first column), else nothing. */
const monthYearOnChange: Label = (date, previous, language) =>
  changed(date, previous, monthKey) ? dateTimeFormat(language, { month: 'long', year: 'numeric' }).format(date) : '';

/** "2026" when the year changes (or on the first column), else nothing. */
const yearOnChange: Label = (date, previous, language) =>
  changed(date, previous, yearKey) ? dateTimeFormat(language, { year: 'numeric' }).format(date) : '';

const dayOfMonth: Label = (date) => String(date.getDate());

/** "Mar 30 – Apr 5" (en) / "30. März – 5. Apr." (de): the first and last day of the week column. */
const weekSpan: Label = (date, _previous, language) => {
  const last = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 6);
  const format = dateTimeFormat(language, { day: 'numeric', month: 'short' });
  return `${format.format(date)} – ${format.format(last)}`;
};

const monthName: Label = (date, _previous, language) => dateTimeFormat(language, { month: 'long' }).format(date);

/** "Q1 2026": quarters are written this way in English and German business use alike. */
const quarterName: Label = (date, _previous, language) =>
  `Q${Math.floor(date.getMonth() / 3) + 1} ${dateTimeFormat(language, { year: 'numeric' }).format(date)}`;

const yearName: Label = (date, _previous, language) => dateTimeFormat(language, { year: 'numeric' }).format(date);

/** "2020s"-style decade heading, written as the decade's first year (language-neutral). */
const decadeOnChange: Label = (date, previous) => (changed(date, previous, decadeKey) ? String(decadeKey(date) * 10) : '');

interface Labels {
  readonly lower: Label;
  readonly upper: Label;
  readonly thick: (date: Date) => boolean;
  /** frappe's drag snap (a duration string); a day for the fine zooms, a week or a month for the coarse ones. */
  readonly snap: string;
}

const LABELS: Readonly<Record<Zoom, Labels>> = {
  day: { lower: dayOfMonth, upper: monthYearOnChange, thick: (date) => date.getDay() === 1, snap: '1d' },
  week: { lower: weekSpan, upper: monthYearOnChange, thick: (date) => date.getDate() <= 7, snap: '1d' },
  month: { lower: monthName, upper: yearOnChange, thick: (date) => date.getMonth() % 3 === 0, snap: '7d' },
  quarter: { lower: quarterName, upper: yearOnChange, thick: (date) => date.getMonth() === 0, snap: '7d' },
  year: { lower: yearName, upper: decadeOnChange, thick: (date) => date.getFullYear() % 10 === 0, snap: '30d' },
};

const STEP_SUFFIX = { day: 'd', month: 'm', year: 'y' } as const;

/** frappe's view mode object for a zoom level; `name` is the zoom itself. */
export function viewModeFor(zoom: Zoom): FrappeViewModeDefinition {
  const { unit, step, columnWidth } = ZOOM_AXES[zoom];
  const labels = LABELS[zoom];
  return {
    name: zoom,
    // Unused: our chart fixes the axis itself (see WindowedGantt.setup_gantt_dates); kept valid anyway.
    padding: '0d',
    step: `${step}${STEP_SUFFIX[unit]}`,
    column_width: columnWidth,
    // Column class names (`date_2026-03-02`): one format for every zoom, parsed by nobody but frappe.
    date_format: 'YYYY-MM-DD',
    lower_text: labels.lower,
    upper_text: labels.upper,
    thick_line: labels.thick,
    snap_at: labels.snap,
  };
}
