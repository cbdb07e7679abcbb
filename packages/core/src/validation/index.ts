export type { Validated } from './validated.js';
export { validateEntity } from './validate-entity.js';
export { NOTIFICATION_KINDS } from './validate-notification.js';
export * from './check-references.js';
export * from './cycles.js';
