export * from './template-from-task.js';
export * from './tasks-from-template.js';
export * from './templates-for.js';
