// Registers <cwm-template-picker> (and the <cwm-date-field> it renders) under the default `cwm-` tags.
// Safe to import twice. For a vendor prefix: `defineElement('cwm-template-picker', CwmTemplatePicker, { prefix: 'acme' })`.
import { defineElement } from '@cwm/ui';
import { CwmTemplatePicker } from './template-picker.js';

defineElement('cwm-template-picker', CwmTemplatePicker);

export { CwmTemplatePicker };
