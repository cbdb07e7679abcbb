// Registers <cwm-notifications> under the default `cwm-` tag. Safe to import twice.
// For a vendor prefix: `defineElement('cwm-notifications', CwmNotifications, { prefix: 'acme' })`.
import { defineElement } from '@cwm/ui';
import { CwmNotifications } from './notifications.js';

defineElement('cwm-notifications', CwmNotifications);

export * from './index.js';
