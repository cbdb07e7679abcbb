// The dashboard's and the workload view's model: pure functions over store data, no DOM.
export * from './drill-down.js';
export * from './kpis.js';
export * from './flow-replay.js';
export * from './flow.js';
export * from './pay-report.js';
export * from './csv.js';
export * from './workload-cells.js';
// Incremental versions for a live dashboard (their building blocks, kpi-task-part / kpi-assemble /
// kpi-tally / flow-task-track, and the shared helpers of collections.ts stay internal).
export * from './kpi-index.js';
export * from './flow-live.js';
