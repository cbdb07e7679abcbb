export * from './rollups.js';
export * from './status-category.js';
export * from './hierarchy.js';
