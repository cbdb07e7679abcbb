import type { DashboardFilter } from './model/drill-down.js';

/** The tiles of `<cwm-dashboard>`, in display order; also the `kpi` of a drill-down event. */
export const DASHBOARD_TILES = ['percent-complete', 'done', 'open', 'overdue', 'blocked', 'due-this-week', 'checklist', 'people'] as const;

/** One KPI tile of `<cwm-dashboard>`. */
export type DashboardTile = (typeof DASHBOARD_TILES)[number];

/** Detail of `cwm-dashboard-drill-down`: which tile was clicked and the filter selecting its tasks. */
export interface DashboardDrillDownDetail {
  readonly kpi: DashboardTile;
  /** Ready to pass to a board or Gantt (or the host's own list). */
  readonly filter: DashboardFilter;
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /** A KPI tile was clicked: show the tasks behind its number. */
    'cwm-dashboard-drill-down': CustomEvent<DashboardDrillDownDetail>;
  }
}
