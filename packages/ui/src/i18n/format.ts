import type { MessageKey, MessageParams, PluralText } from './messages.js';
import { resolveMessage, SOURCE_LOCALE } from './registry.js';

// Intl constructors are slow (they load locale data); widgets format thousands of dates, so every
// formatter is built once per language and options.
const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object | undefined, create: () => T): T {
  const key = `${kind}|${locale}|${options === undefined ? '' : JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = create();
    cache.set(key, formatter);
  }
  return formatter;
}

/**
 * A language tag Intl accepts. `lang` attributes come from pages we do not control; an invalid one
 * (`lang="english please"`) must not throw inside a render, so it falls back to English.
 */
export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? SOURCE_LOCALE;
  } catch {
    return SOURCE_LOCALE;
  }
}

/** A date or instant as text, e.g. `25 Nov 2026`. Strings are parsed as ISO dates. */
export function formatDate(locale: string, value: Date | string | number, options?: Intl.DateTimeFormatOptions): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const resolved = options ?? { dateStyle: 'medium' };
  const tag = safeLocale(locale);
  return cached('date', tag, resolved, () => new Intl.DateTimeFormat(tag, resolved)).format(date);
}

/** A number as text, e.g. `1,234.5` or `1.234,5`; percentages with `{ style: 'percent' }`. */
export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  const tag = safeLocale(locale);
  return cached('number', tag, options, () => new Intl.NumberFormat(tag, options)).format(value);
}

/** A list as text, e.g. `Ann, Bob and Cleo` / `Ann, Bob und Cleo`. */
export function formatList(locale: string, items: Iterable<string>, options?: Intl.ListFormatOptions): string {
  const tag = safeLocale(locale);
  return cached('list', tag, options, () => new Intl.ListFormat(tag, options)).format(items);
}

const RELATIVE_STEPS: readonly { readonly unit: Intl.RelativeTimeFormatUnit; readonly seconds: number; readonly below: number }[] = [
  { unit: 'second', seconds: 1, below: 45 },
  { unit: 'minute', seconds: 60, below: 45 * 60 },
  { unit: 'hour', seconds: 3600, below: 22 * 3600 },
  { unit: 'day', seconds: 86_400, below: 6.5 * 86_400 },
  { unit: 'week', seconds: 7 * 86_400, below: 26 * 86_400 },
  { unit: 'month', seconds: 30.44 * 86_400, below: 320 * 86_400 },
  { unit: 'year', seconds: 365.25 * 86_400, below: Number.POSITIVE_INFINITY },
];

/**
 * How long ago or how far ahead `value` is from `now`, in the largest unit that reads naturally:
 * `5 minutes ago`, `yesterday`, `in 3 weeks` (`vor 5 Minuten`, `gestern`, `in 3 Wochen`).
 */
export function formatRelativeTime(
  locale: string,
  value: Date | string | number,
  now: Date = new Date(),
  options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' },
): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const deltaSeconds = (date.getTime() - now.getTime()) / 1000;
  const step = RELATIVE_STEPS.find((candidate) => Math.abs(deltaSeconds) < candidate.below) ?? RELATIVE_STEPS[RELATIVE_STEPS.length - 1]!;
  const amount = Math.round(deltaSeconds / step.seconds);
  const tag = safeLocale(locale);
  return cached('relative', tag, options, () => new Intl.RelativeTimeFormat(tag, options)).format(amount, step.unit);
}

/** The plural category of `count` in `locale` (`one`, `other`, ...). */
export function pluralCategory(locale: string, count: number, options?: Intl.PluralRulesOptions): Intl.LDMLPluralRule {
  const tag = safeLocale(locale);
  return cached('plural', tag, options, () => new Intl.PluralRules(tag, options)).select(count);
}

/**
 * The text of message `key` in `locale` with `{name}` placeholders filled in. Numbers and dates are
 * formatted for the language; a plural message picks its form by `params.count`. An unknown key
 * returns the key itself, so a missing string is visible but never breaks a widget.
 */
export function formatMessage(locale: string, key: MessageKey, params: MessageParams = {}): string {
  const resolved = resolveMessage(locale, key);
  if (resolved === undefined) return key;
  const template =
    typeof resolved.text === 'string' ? resolved.text : choosePlural(resolved.text, resolved.locale, params['count']);
  return template.replace(/\{([\w-]+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    if (typeof value === 'number') return formatNumber(locale, value);
    if (value instanceof Date) return formatDate(locale, value);
    return value;
  });
}

function choosePlural(forms: PluralText, catalogLocale: string, count: unknown): string {
  if (typeof count !== 'number') return forms.other;
  const exact = count === 0 ? forms['=0'] : count === 1 ? forms['=1'] : undefined;
  if (exact !== undefined) return exact;
  return forms[pluralCategory(catalogLocale, count)] ?? forms.other;
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}
