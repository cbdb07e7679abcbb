export * from './iso-date.js';
export * from './iso-week.js';
export * from './timestamp.js';
export * from './work-calendar.js';
