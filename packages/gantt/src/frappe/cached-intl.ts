// frappe-gantt's `date_utils.format` builds two `Intl.DateTimeFormat` objects on every call, and it is
// called for every column of the axis and every day of the weekend highlight: ~83 % of a re-render
// (README, measured). frappe does not export `date_utils`, so instead of patching it, every synchronous
// call into frappe runs with `Intl.DateTimeFormat` swapped for a constructor that hands back cached
// instances, and the real one is restored before the call returns (also when it throws).

const RealDateTimeFormat = Intl.DateTimeFormat;
const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * Behaves like `new Intl.DateTimeFormat(locales, options)` but returns one shared instance per
 * (locales, options). A constructor that returns an object makes `new` yield that object.
 */
const CachingDateTimeFormat = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locales ?? null, options ?? null]);
  let format = cache.get(key);
  if (format === undefined) {
    format = new RealDateTimeFormat(locales, options);
    cache.set(key, format);
  }
  return format;
} as unknown as typeof Intl.DateTimeFormat;
Object.assign(CachingDateTimeFormat, { supportedLocalesOf: RealDateTimeFormat.supportedLocalesOf.bind(RealDateTimeFormat) });

let depth = 0;

/**
 * Runs `work` (a synchronous call into frappe-gantt) with `Intl.DateTimeFormat` cached, then restores
 * the real constructor. Re-entrant: nested calls restore only when the outermost one returns.
 */
export function withCachedDateTimeFormat<T>(work: () => T): T {
  if (depth === 0) Intl.DateTimeFormat = CachingDateTimeFormat;
  depth += 1;
  try {
    return work();
  } finally {
    depth -= 1;
    if (depth === 0) Intl.DateTimeFormat = RealDateTimeFormat;
  }
}

/** A cached formatter for our own labels (same cache, no swap needed). */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new CachingDateTimeFormat(locale, options);
}
