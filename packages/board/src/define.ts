// Registers <cwm-board> (and its parts) under the default `cwm-` tags. Safe to import twice.
// For a vendor prefix: `defineElement('cwm-board', CwmBoard, { prefix: 'acme' })` or `defineAll({ prefix })`.
import { defineElement } from '@cwm/ui';
import { CwmBoard } from './board.js';

defineElement('cwm-board', CwmBoard);

export * from './index.js';
