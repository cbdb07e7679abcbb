// Which tiles and panels a dashboard shows, in what order: parsed from attributes or the `layout`
// property. Pure, so the rules (order kept, repeats dropped, unknown names set aside) are testable alone.
import { DASHBOARD_PANELS, DASHBOARD_TILES, type DashboardPanel, type DashboardTile } from '../events.js';

/** The `layout` property of `<cwm-dashboard>`: names in display order; a missing field keeps the default. */
export interface DashboardLayout {
  readonly tiles?: readonly string[];
  readonly panels?: readonly string[];
}

/** The names a setting asked for, split into the ones that exist (in order, once each) and the rest. */
export interface ParsedNames<T extends string> {
  readonly names: readonly T[];
  readonly unknown: readonly string[];
}

/** Panels of a one-project dashboard: no portfolio (it would be a single row). */
export const SINGLE_PROJECT_PANELS: readonly DashboardPanel[] = ['status-mix', 'overdue', 'burndown', 'burnup', 'who-is-on-what', 'cumulative-flow', 'unplanned'];

/** Panels of a portfolio (several projects): projects side by side first. */
export const PORTFOLIO_PANELS: readonly DashboardPanel[] = ['portfolio', 'status-mix', 'overdue', 'burndown', 'burnup', 'who-is-on-what', 'cumulative-flow', 'unplanned'];

/** A comma-separated attribute as a list of names, blanks dropped; `undefined` when it was not given. */
export function splitNames(value: string | null | undefined): string[] | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  return value.split(',').map((name) => name.trim()).filter((name) => name !== '');
}

/** Keeps the known names in the order given (the first of a repeat wins) and collects the unknown ones. */
export function parseNames<T extends string>(requested: readonly string[], known: readonly T[]): ParsedNames<T> {
  const accepted = new Set<string>(known);
  const names: T[] = [];
  const unknown: string[] = [];
  for (const name of requested) {
    if (!accepted.has(name)) {
      if (!unknown.includes(name)) unknown.push(name);
    } else if (!names.includes(name as T)) {
      names.push(name as T);
    }
  }
  return { names, unknown };
}

/** The tiles to show: those requested, or all of them in their default order. */
export function resolveTiles(requested: readonly string[] | undefined): ParsedNames<DashboardTile> {
  return requested === undefined ? { names: DASHBOARD_TILES, unknown: [] } : parseNames(requested, DASHBOARD_TILES);
}

/** The panels to show: those requested, or the default for one project or for a portfolio. */
export function resolvePanels(requested: readonly string[] | undefined, projectCount: number): ParsedNames<DashboardPanel> {
  if (requested === undefined) return { names: projectCount > 1 ? PORTFOLIO_PANELS : SINGLE_PROJECT_PANELS, unknown: [] };
  return parseNames(requested, DASHBOARD_PANELS);
}
