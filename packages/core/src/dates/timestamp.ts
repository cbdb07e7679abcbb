import { parseIsoDate } from './iso-date.js';

const MS_PER_DAY = 86_400_000;

// RFC 3339 profile of ISO 8601: date, time to the minute at least, and a mandatory zone. A timestamp
// without a zone means a different instant in every browser's time zone, so it is refused.
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses an ISO 8601 timestamp with a time zone (`2026-11-25T09:30:00.000Z`,
 * `2026-11-25T10:30+01:00`) into milliseconds since the epoch. Returns `undefined` for anything else,
 * including impossible dates and times and timestamps without a zone.
 */
export function parseIsoDateTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const day = parseIsoDate(match[1]);
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  const seconds = match[4] === undefined ? 0 : Number(match[4]);
  const millis = match[5] === undefined ? 0 : Number(`0.${match[5]}`) * 1000;
  if (day === undefined || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  let offsetMinutes = 0;
  if (match[6] === undefined) {
    const offsetHours = Number(match[8]);
    const offsetMins = Number(match[9]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (match[7] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  return day * MS_PER_DAY + ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000 + Math.floor(millis);
}
