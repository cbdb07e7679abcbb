// Registers the elements of @cwm/ui under their default `cwm-` tags. Safe to import twice.
// For a vendor prefix call `defineElement('cwm-workspace', CwmWorkspace, { prefix: 'acme' })`,
// or `defineAll({ prefix })` from @cwm/elements.
import { defineElement } from './define/define-element.js';
import { CwmWorkspace } from './workspace/workspace.js';

defineElement('cwm-workspace', CwmWorkspace);

export * from './index.js';
