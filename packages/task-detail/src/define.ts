// Registers <cwm-task-detail> under the default `cwm-` tag. Safe to import twice.
// For a vendor prefix: `defineElement('cwm-task-detail', CwmTaskDetail, { prefix: 'acme' })`.
import { defineElement } from '@cwm/ui';
import { CwmTaskDetail } from './task-detail.js';

defineElement('cwm-task-detail', CwmTaskDetail);

export * from './index.js';
