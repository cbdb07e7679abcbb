// <cwm-workload>: the element, its event, its wording, the pure grid arithmetic it renders with and
// the day-granularity model (core's computeWorkload answers per week only).
export { CwmWorkload, WORKLOAD_ROW_HEIGHT, WORKLOAD_HEADER_HEIGHT } from './workload.js';
export type { WorkloadDrillDownDetail } from './workload-events.js';
export { WORKLOAD_EN, WORKLOAD_DE, type WorkloadMessages } from './workload-messages.js';
export {
  groupsOf,
  moveCell,
  parseProjectIds,
  scopeOfGroup,
  scrollTopToShow,
  visibleRows,
  workloadScope,
  type CellPosition,
  type GridBounds,
  type RowRange,
  type WorkloadScope,
} from './workload-grid.js';
export { dayView, weekView, type WorkloadColumn, type WorkloadUnit, type WorkloadView, type WorkloadViewCell, type WorkloadViewRow } from './workload-view.js';
export type { PanelNotice, PanelTask, ReassignChoice } from './workload-panel.js';
export {
  computeDailyWorkload,
  type DailyWorkloadCell,
  type DailyWorkloadOptions,
  type DailyWorkloadReport,
  type DailyWorkloadRow,
  type WorkloadDay,
} from '../model/workload-days.js';
