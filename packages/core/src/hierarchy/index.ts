export * from './task-children.js';
export * from './subtask-moves.js';
