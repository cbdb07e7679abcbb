import type { Id, IsoDate } from './common.js';

/**
 * A workspace is one tenant's world: its people, projects and tasks. Storage, channels and locks are
 * namespaced by it, so two tenants on one page or one browser never see each other's data.
 */
export interface Workspace {
  readonly id: Id;
  readonly name: string;
  /** Working calendar used by scheduling and workload. */
  readonly calendar: WorkCalendar;
}

export interface WorkCalendar {
  /** Days of the week that are worked, 0 = Sunday ... 6 = Saturday. */
  readonly workingDays: readonly number[];
  /** Hours in one working day, used to turn estimates (hours) into days. */
  readonly hoursPerDay: number;
  /** Non-working dates. */
  readonly holidays: readonly IsoDate[];
}

export const DEFAULT_CALENDAR: WorkCalendar = {
  workingDays: [1, 2, 3, 4, 5],
  hoursPerDay: 8,
  holidays: [],
};
