import { MAX_LAG_DAYS } from '@cwm/core';

// Digits only, with an optional sign: "1.5", "1e2", "0x10" or " 3 4" are not a number of days, even
// though `Number()` would accept some of them.
const WHOLE_NUMBER = /^[+-]?\d+$/;

/**
 * The lag typed by the user as a whole number of days within -365..365, or `undefined` when the text
 * is not one (empty, a fraction, letters, out of range). Spaces around the number are ignored.
 */
export function parseLag(text: string): number | undefined {
  const trimmed = text.trim();
  if (!WHOLE_NUMBER.test(trimmed)) return undefined;
  const days = Number(trimmed);
  if (!Number.isSafeInteger(days) || Math.abs(days) > MAX_LAG_DAYS) return undefined;
  // `-0` would print as "0" but compare oddly with Object.is; a lag of zero is just 0.
  return days === 0 ? 0 : days;
}
