/** Largest count the badge spells out; above it shows `9+`. */
export const BADGE_CAP = 9;

/** The badge text for `count` unread items: '' for none, `3`, or `9+` above the cap. */
export function badgeText(count: number, formatNumber: (value: number) => string = String): string {
  if (count <= 0) return '';
  return count > BADGE_CAP ? `${formatNumber(BADGE_CAP)}+` : formatNumber(count);
}
