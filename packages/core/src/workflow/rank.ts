/**
 * Fractional ranks: order within a column as strings, so moving one card rewrites only that card
 * (concurrent moves by two people do not conflict). A rank is a base-36 fraction written without
 * "0.": `"i"` is 0.5, `"9"` is 0.25. Ranks never end in `0`, which keeps every rank distinct.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digitAt(rank: string, index: number): number {
  if (index >= rank.length) return 0;
  const value = DIGITS.indexOf(rank[index]!);
  if (value < 0) throw new RangeError(`"${rank}" is not a rank: use the characters 0-9 and a-z.`);
  return value;
}

/**
 * A rank strictly between `before` and `after` (either may be absent: start or end of the column).
 * When the two are equal or reversed, which bad data can cause, the result sorts just after `before`.
 */
export function rankBetween(before?: string, after?: string): string {
  const low = before ?? '';
  const high = after !== undefined && after > low ? after : undefined;
  let result = '';
  // While `bounded`, the digits chosen so far equal `high`'s, so `high` still limits the next digit.
  let bounded = high !== undefined;
  for (let index = 0; ; index++) {
    const lowDigit = digitAt(low, index);
    const highDigit = bounded ? digitAt(high!, index) : BASE;
    if (highDigit - lowDigit > 1) {
      return result + DIGITS[Math.floor((lowDigit + highDigit) / 2)];
    }
    result += DIGITS[lowDigit];
    if (highDigit - lowDigit === 1) bounded = false;
  }
}

/** `count` evenly spread ranks, for seeding or re-ranking a whole column. */
export function spreadRanks(count: number): string[] {
  const ranks: string[] = [];
  const width = Math.max(1, Math.ceil(Math.log(count + 1) / Math.log(BASE)) + 1);
  const span = BASE ** width;
  for (let i = 1; i <= count; i++) {
    let value = Math.floor((i * span) / (count + 1));
    let digits = '';
    for (let d = 0; d < width; d++) {
      digits = DIGITS[value % BASE] + digits;
      value = Math.floor(value / BASE);
    }
    ranks.push(digits.replace(/0+$/, '') || rankBetween(ranks[ranks.length - 1]));
  }
  return ranks;
}

/** Compares two ranks for `Array.prototype.sort`. */
export function compareRanks(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
