export * from './model/index.js';
export * from './adapter/index.js';
export * from './store/table.js';
export * from './store/state.js';
export * from './store/store-error.js';
export * from './validation/issue.js';
export * from './permissions/types.js';
