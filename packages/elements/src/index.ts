// @cwm/elements: the whole library from one import. Importing it registers nothing; import
// `@cwm/elements/define` for the `cwm-*` tags, or call `defineAll({ prefix })`.
export * from '@cwm/core';
export * from '@cwm/adapters';
export * from '@cwm/ui';
export * from '@cwm/board';
export * from '@cwm/gantt';
export * from '@cwm/chat';
export * from '@cwm/notifications';
export * from '@cwm/dashboard';
export * from '@cwm/task-detail';
// Names two packages export: an explicit export wins over the `export *` lines above. The earlier
// packages keep the plain names they have had since their release; the dashboard's equal or
// near-equal types stay reachable under a dashboard name (its `matchesFilter` is core's
// `matchesTaskFilter`, exported above under that name).
export { matchesFilter, type FilterContext } from '@cwm/board';
export type { RowRange, TaskSource } from '@cwm/gantt';
export type { RowRange as WorkloadRowRange, TaskSource as WorkloadTaskSource } from '@cwm/dashboard';
// The task detail's `isIsoDate` checks a typed draft the way core's does; core's (a type guard) keeps the name.
export { isIsoDate } from '@cwm/core';
export { defineAll, ELEMENTS } from './define-all.js';
