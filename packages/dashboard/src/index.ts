// @cwm/dashboard: <cwm-dashboard> and its model (KPIs with drill-down filters, burndown / burnup /
// cumulative flow from the activity log, pay from work done with CSV, workload cell drill-down).
// Importing this module registers nothing; import `@cwm/dashboard/define` to register <cwm-dashboard>.
export { CwmDashboard } from './dashboard.js';
export { DASHBOARD_TILES, type DashboardTile, type DashboardDrillDownDetail } from './events.js';
export { DASHBOARD_EN } from './i18n/en.js';
export { DASHBOARD_DE } from './i18n/de.js';
export type { DashboardMessages } from './i18n/messages.js';
export { linePoints, polylineAttribute, type ChartBox, type ChartPoint } from './charts/line-geometry.js';
export * from './model/index.js';
export * from './workload/index.js';
