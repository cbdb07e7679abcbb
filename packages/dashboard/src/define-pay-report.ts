// Registers <cwm-pay-report> under the default `cwm-` tag. Safe to import twice.
// For a vendor prefix: `defineElement('cwm-pay-report', CwmPayReport, { prefix: 'acme' })`.
import { defineElement } from '@cwm/ui';
import { CwmPayReport } from './pay-report/pay-report.js';

defineElement('cwm-pay-report', CwmPayReport);

export { CwmPayReport };
