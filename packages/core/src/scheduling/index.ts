export * from './critical-path.js';
export * from './timeline.js';
