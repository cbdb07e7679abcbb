// Registers <cwm-gantt> (and its popup part) under the default `cwm-` tags. Safe to import twice.
// For a vendor prefix: `defineElement('cwm-gantt', CwmGantt, { prefix: 'acme' })` or `defineAll({ prefix })`.
import { defineElement } from '@cwm/ui';
import { CwmGantt } from './gantt.js';

defineElement('cwm-gantt', CwmGantt);

export * from './index.js';
