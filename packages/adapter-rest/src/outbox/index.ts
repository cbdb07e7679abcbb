export { Outbox, type OutboxOptions, type OutboxState } from './outbox.js';
export { outboxNamespace } from './namespace.js';
