// Registers the elements of @cwm/ui under their default `cwm-` tags. Safe to import twice.
// For a vendor prefix call `defineElement('cwm-workspace', CwmWorkspace, { prefix: 'acme' })`,
// or `defineAll({ prefix })` from @cwm/elements.
import { defineElement } from './define/define-element.js';
import { CwmWorkspace } from './workspace/workspace.js';
import { CwmDateField } from './forms/date-field/date-field.js';
import { CwmPeopleField } from './forms/people-field/people-field.js';
import { CwmTagsField } from './forms/tags-field/tags-field.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-date-field', CwmDateField);
defineElement('cwm-tags-field', CwmTagsField);
defineElement('cwm-people-field', CwmPeopleField);

export * from './index.js';
