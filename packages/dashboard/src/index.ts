// @cwm/dashboard: groundwork for <cwm-dashboard> and <cwm-workload> (issue 6). No element is registered
// yet: this exports the model the elements will render (KPIs with drill-down filters, burndown / burnup /
// cumulative flow from the activity log, pay from work done with CSV, workload cell drill-down).
export * from './model/index.js';
