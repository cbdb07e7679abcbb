export * from './inbox-item.js';
export * from './build-inbox.js';
export * from './reminder-reads.js';
export * from './filter.js';
export * from './badge.js';
export * from './describe-item.js';
export * from './preview.js';
export * from './arrivals.js';
