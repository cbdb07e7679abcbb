// The pure model of <cwm-gantt>: rows, the rendered window, scheduling rules, dependency rules and
// keyboard moves. No DOM, no lit.
export type { GanttRow, GanttRowKind, GanttRows, RowProblem } from './gantt-row.js';
export { buildGanttRows, type GanttRowsInput, type InvalidTask } from './gantt-rows.js';
export { updateGanttRows, type GanttRowsUpdate } from './rows-update.js';
export { projectTasksOf, updateProjectTasks, type ProjectTasks, type TaskLookup } from './project-tasks.js';
export { needsNewWindow, visibleWindow, windowStep, type RowWindow } from './visible-window.js';
export {
  buildDependencyIndex,
  planSchedule,
  type DependencyIndex,
  type ScheduleChange,
  type ScheduleOptions,
  type SchedulePlan,
  type SchedulePlanRefusal,
} from './schedule-plan.js';
// The checks before a dependency is created (`checkNewDependency`, `MAX_LAG_DAYS`) live in @cwm/core:
// the task detail asks the same questions.
export {
  addDependency,
  dependencyLinks,
  removeDependency,
  type DependencyLink,
  type DependencyLinks,
  type TaskSource,
} from './dependency-rules.js';
export { keyboardReschedule, stepDays, type RescheduleKey } from './key-moves.js';
export { scopeGanttRows, type ScopedRows } from './scope-rows.js';
