// Drill-down filters: what a KPI tile hands the host when clicked, so the host can open a board or a
// Gantt showing exactly the tasks behind the number. The filter and its predicates live in @cwm/core
// (`TaskFilter`, `matchesTaskFilter`), because `<cwm-board>` and `<cwm-gantt>` apply the very same
// filter as their `scope` and widgets never import each other. The names below are the dashboard's
// historic ones, kept so its code and its users keep compiling.
import type { TaskFilter, TaskFilterContext } from '@cwm/core';

/** A dashboard tile's drill-down filter: core's `TaskFilter` (pass it as `scope` to `<cwm-board>` or `<cwm-gantt>`). */
export type DashboardFilter = TaskFilter;

/** What `matchesFilter` needs besides the task: core's `TaskFilterContext`. */
export type FilterContext = TaskFilterContext;

export {
  /** Core's `matchesTaskFilter`: true when a task passes every field of a `DashboardFilter`. */
  matchesTaskFilter as matchesFilter,
  /** Core's `createTaskFilterContext`: a `FilterContext` over a list of tasks. */
  createTaskFilterContext as createFilterContext,
  isBlocked,
  isOverdue,
  openPredecessorIds,
} from '@cwm/core';
