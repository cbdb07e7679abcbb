// <cwm-workload>: the element, its event, its wording and the pure grid arithmetic it renders with.
export { CwmWorkload, WORKLOAD_ROW_HEIGHT, WORKLOAD_HEADER_HEIGHT } from './workload.js';
export type { WorkloadDrillDownDetail } from './workload-events.js';
export { WORKLOAD_EN, WORKLOAD_DE, type WorkloadMessages } from './workload-messages.js';
export { moveCell, parseProjectIds, scrollTopToShow, visibleRows, workloadScope, type CellPosition, type GridBounds, type RowRange, type WorkloadScope } from './workload-grid.js';
