import { daysInMonth, formatIsoDate, parseIsoDate, type DayNumber } from '@cwm/core';
import type { IsoDate } from '@cwm/core';
import { safeLocale } from '../../i18n/format.js';

/** The order of day, month and year in a language's short numeric date, and the separator it uses. */
export interface DatePattern {
  readonly order: readonly ('day' | 'month' | 'year')[];
  readonly separator: string;
}

const patterns = new Map<string, DatePattern>();

/** How `locale` writes a short numeric date: `en-US` is month/day/year, `de` day.month.year. */
export function datePattern(locale: string): DatePattern {
  const tag = safeLocale(locale);
  let pattern = patterns.get(tag);
  if (pattern === undefined) {
    const parts = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(
      Date.UTC(2026, 10, 25),
    );
    const order = parts.filter((part) => part.type === 'day' || part.type === 'month' || part.type === 'year').map((part) => part.type as 'day' | 'month' | 'year');
    const separator = parts.find((part) => part.type === 'literal')?.value ?? '/';
    pattern = order.length === 3 ? { order, separator } : { order: ['year', 'month', 'day'], separator: '-' };
    patterns.set(tag, pattern);
  }
  return pattern;
}

/** A day as the user reads and types it in `locale`, e.g. `11/25/2026` or `25.11.2026`. '' for ''. */
export function formatDateText(value: IsoDate | '', locale: string): string {
  const day = parseIsoDate(value);
  if (day === undefined) return '';
  const [year, month, date] = formatIsoDate(day).split('-') as [string, string, string];
  const { order, separator } = datePattern(locale);
  const pieces = { year, month, day: date };
  return order.map((part) => pieces[part]).join(separator);
}

/** What the user typed, read as a date. */
export type ParsedDateText = { readonly kind: 'empty' } | { readonly kind: 'date'; readonly value: IsoDate; readonly day: DayNumber } | { readonly kind: 'invalid' };

/**
 * Reads typed text as a day: ISO `2026-11-25` always, and the locale's short numeric form with any
 * separator (`25.11.2026`, `25/11/26`, `25 11 2026`). A two-digit year is in this century. Anything
 * that is not a real calendar day (`31.02.2026`, `tomorrow`) is `invalid`, never guessed at.
 */
export function parseDateText(text: string, locale: string): ParsedDateText {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const iso = parseIsoDate(trimmed);
  if (iso !== undefined) return { kind: 'date', value: formatIsoDate(iso), day: iso };
  const groups = trimmed.split(/[^0-9]+/).filter(Boolean);
  // The whole text must be three digit groups separated by non-digits, nothing else (no words).
  if (groups.length !== 3 || !/^[0-9]+[\s./-]+[0-9]+[\s./-]+[0-9]+\.?$/.test(trimmed)) return { kind: 'invalid' };
  const { order } = datePattern(locale);
  const read: Record<'day' | 'month' | 'year', string> = { day: '', month: '', year: '' };
  order.forEach((part, index) => {
    read[part] = groups[index]!;
  });
  if (read.year.length !== 2 && read.year.length !== 4) return { kind: 'invalid' };
  if (read.day.length > 2 || read.month.length > 2) return { kind: 'invalid' };
  const year = read.year.length === 2 ? 2000 + Number(read.year) : Number(read.year);
  const month = Number(read.month);
  const day = Number(read.day);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { kind: 'invalid' };
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { kind: 'date', value, day: parseIsoDate(value)! };
}
