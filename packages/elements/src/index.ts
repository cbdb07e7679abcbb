// @cwm/elements: the whole library from one import. Importing it registers nothing; import
// `@cwm/elements/define` for the `cwm-*` tags, or call `defineAll({ prefix })`.
export * from '@cwm/core';
export * from '@cwm/adapters';
export * from '@cwm/ui';
export * from '@cwm/board';
export * from '@cwm/gantt';
export * from '@cwm/chat';
export * from '@cwm/notifications';
export { defineAll, ELEMENTS } from './define-all.js';
