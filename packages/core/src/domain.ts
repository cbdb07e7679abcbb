// The pure domain functions of @cwm/core: validation, dates, dependency graph, critical path,
// roll-ups, workload, permissions, subtask moves and task templates. No DOM, no rxjs; the store and every widget build on these.
export * from './validation/index.js';
export * from './dates/index.js';
export * from './graph/index.js';
export * from './permissions/index.js';
export * from './scheduling/index.js';
export * from './rollup/index.js';
export * from './workload/index.js';
export * from './notifications/due-notifications.js';
export * from './hierarchy/index.js';
export * from './templates/index.js';
