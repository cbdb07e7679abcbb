// @cwm/dashboard: <cwm-dashboard> and its model (KPIs with drill-down filters, burndown / burnup /
// cumulative flow from the activity log, pay from work done with CSV, workload cell drill-down).
// Importing this module registers nothing; import `@cwm/dashboard/define` to register <cwm-dashboard>.
export { CwmDashboard } from './dashboard.js';
export {
  DASHBOARD_TILES,
  DASHBOARD_PANELS,
  type DashboardTile,
  type DashboardPanel,
  type DrillDownSource,
  type DashboardDrillDownDetail,
  type DashboardConfigWarningDetail,
} from './events.js';
export { PORTFOLIO_PANELS, SINGLE_PROJECT_PANELS, parseNames, type DashboardLayout, type ParsedNames } from './panels/layout.js';
export { DASHBOARD_EN } from './i18n/en.js';
export { DASHBOARD_DE } from './i18n/de.js';
export type { DashboardMessages } from './i18n/messages.js';
export { linePoints, polylineAttribute, countTicks, dateLabelIndexes, type ChartBox, type ChartPoint } from './charts/line-geometry.js';
export { stackSeries } from './charts/stacked-area-chart.js';
export { segmentWidths } from './charts/segmented-bar-chart.js';
export * from './model/index.js';
export * from './workload/index.js';
export * from './pay-report/index.js';
