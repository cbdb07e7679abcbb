// The running counts both KPI computations (the full `computeKpis` and the incremental assembly) keep.
import type { StatusCategory } from '@cwm/core';

/** The categories that count as open: the "Open" tile's drill-down filter. */
export const OPEN_CATEGORIES: readonly StatusCategory[] = ['todo', 'active'];

/** Running counts of one project (or of all of them). */
export interface Tally {
  total: number;
  done: number;
  open: number;
  overdue: number;
  blocked: number;
  unplanned: number;
}

/** A tally at zero. */
export const newTally = (): Tally => ({ total: 0, done: 0, open: 0, overdue: 0, blocked: 0, unplanned: 0 });
