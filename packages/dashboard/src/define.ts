// Registers <cwm-dashboard> under the default `cwm-` tag. Safe to import twice.
// For a vendor prefix: `defineElement('cwm-dashboard', CwmDashboard, { prefix: 'acme' })`.
import { defineElement } from '@cwm/ui';
import { CwmDashboard } from './dashboard.js';

defineElement('cwm-dashboard', CwmDashboard);

export * from './index.js';
