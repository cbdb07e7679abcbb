export * from './contract.js';
export * from './errors.js';
export * from './mutation.js';
export * from './apply.js';
export * from './unread.js';
export * from './rebase.js';
export * from './same-value.js';
export * from './list-filters.js';
