export * from './critical-path.js';
export * from './timeline.js';
export * from './check-dependency.js';
