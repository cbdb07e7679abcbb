import type { Id } from '@cwm/core';
import type { DashboardFilter } from './model/drill-down.js';

/** The tiles of `<cwm-dashboard>`, in default display order; also the `kpi` of a tile's drill-down event. */
export const DASHBOARD_TILES = ['percent-complete', 'done', 'open', 'overdue', 'blocked', 'due-this-week', 'checklist', 'people'] as const;

/** One KPI tile of `<cwm-dashboard>`. */
export type DashboardTile = (typeof DASHBOARD_TILES)[number];

/** The panels of `<cwm-dashboard>` (the names the `panels` attribute takes). */
export const DASHBOARD_PANELS = ['portfolio', 'status-mix', 'overdue', 'who-is-on-what', 'unplanned', 'burndown', 'burnup', 'cumulative-flow'] as const;

/** One panel of `<cwm-dashboard>`. */
export type DashboardPanel = (typeof DASHBOARD_PANELS)[number];

/** What a drill-down was started from. */
export type DrillDownSource = 'tile' | 'project' | 'status' | 'person' | 'unplanned' | 'overdue';

/**
 * Detail of `cwm-dashboard-drill-down`: what was clicked and the filter selecting the tasks behind it.
 *
 * `label` is plain text that may contain user data (a project, status or person name): a host shows it
 * as text (`textContent`), never as markup, e.g. "Showing: " + label.
 */
export interface DashboardDrillDownDetail {
  /** Which kind of number was clicked. */
  readonly source: DrillDownSource;
  /** The tile, when `source` is `tile`. */
  readonly kpi?: DashboardTile;
  /** The project, status or person id, when `source` is `project`, `status` or `person`. */
  readonly id?: Id;
  /** Ready to pass to a board or Gantt (or the host's own list). */
  readonly filter: DashboardFilter;
  /** What the filter shows in the user's language, with its number: "Overdue tasks (12)". */
  readonly label: string;
}

/** Detail of `cwm-dashboard-config-warning`: a name in `tiles`, `panels` or `layout` the dashboard does not know. */
export interface DashboardConfigWarningDetail {
  /** The setting the name came from. */
  readonly setting: 'tiles' | 'panels';
  /** The name as written. */
  readonly name: string;
  /** The names that setting accepts. */
  readonly known: readonly string[];
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /** A number was clicked (a tile, a project, a status, a person, a list's "Show all"): show the tasks behind it. */
    'cwm-dashboard-drill-down': CustomEvent<DashboardDrillDownDetail>;
    /** A layout setting named a tile or panel that does not exist; it was skipped. Fired once per name. */
    'cwm-dashboard-config-warning': CustomEvent<DashboardConfigWarningDetail>;
  }
}
