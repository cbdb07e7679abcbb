// Registers <cwm-workload> under the default `cwm-` tag. Safe to import twice.
// For a vendor prefix: `defineElement('cwm-workload', CwmWorkload, { prefix: 'acme' })`.
import { defineElement } from '@cwm/ui';
import { CwmWorkload } from './workload/workload.js';

defineElement('cwm-workload', CwmWorkload);

export { CwmWorkload };
