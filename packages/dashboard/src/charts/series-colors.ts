// Colours of chart series, from the theme's tokens so they follow light and dark mode and a vendor's
// palette. Statuses are coloured by category (to do, active, done); several statuses of one category
// get lighter shades of its colour, mixed toward the surface so they stay distinct on either theme.
import type { StatusCategory } from '@cwm/core';
import { tokenValue } from '@cwm/ui';

/** Strength of the n-th status of a category: full, then lighter shades (cycling after three). */
const SHADES = [100, 62, 38] as const;

/** A CSS colour for the `index`-th status (0-based) of `category`; an unknown status uses the warning colour. */
export function statusColor(category: StatusCategory | 'unknown' | undefined, index = 0): string {
  const base = category === 'todo' || category === 'active' || category === 'done' ? tokenValue(`color-status-${category}`) : tokenValue('color-warning');
  const shade = SHADES[index % SHADES.length]!;
  return shade === 100 ? base : `color-mix(in srgb, ${base} ${shade}%, ${tokenValue('color-surface-raised')})`;
}

/** Colours for a list of statuses in display order: each category's statuses count their own shades. */
export function statusColors(categories: readonly (StatusCategory | 'unknown' | undefined)[]): string[] {
  const seen = new Map<string, number>();
  return categories.map((category) => {
    const key = category ?? 'unknown';
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return statusColor(category, index);
  });
}

/** The two lines of a burnup: done work and the whole scope. */
export const LINE_COLORS = {
  primary: tokenValue('color-accent'),
  done: tokenValue('color-status-done'),
  scope: tokenValue('color-text-muted'),
} as const;
