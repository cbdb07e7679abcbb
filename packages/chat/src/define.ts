// Registers <cwm-task-chat> under the default `cwm-` tag. Safe to import twice.
// For a vendor prefix: `defineElement('cwm-task-chat', CwmTaskChat, { prefix: 'acme' })` or `defineAll({ prefix })`.
import { defineElement } from '@cwm/ui';
import { CwmTaskChat } from './chat.js';

defineElement('cwm-task-chat', CwmTaskChat);

export * from './index.js';
