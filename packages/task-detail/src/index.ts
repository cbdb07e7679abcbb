// @cwm/task-detail: <cwm-task-detail>, the editor every widget opens for one task. Importing this
// module registers nothing; import `@cwm/task-detail/define` (or call `defineElement`) to register it.
export { CwmTaskDetail } from './task-detail.js';
export type { TaskDetailCloseDetail } from './events.js';
export { TASK_DETAIL_EN } from './i18n/en.js';
export { TASK_DETAIL_DE } from './i18n/de.js';
export { SECTIONS_EN } from './i18n/sections-en.js';
export { SECTIONS_DE } from './i18n/sections-de.js';
export { registerTaskDetailMessages } from './i18n/register.js';
export type { TaskDetailMessages } from './i18n/messages.js';
export type { SectionMessages } from './i18n/sections-messages.js';
export type { SectionContext } from './sections/section-context.js';
export { checkDraft, DRAFT_FIELDS, fieldText, splitTags, type DraftCheck, type DraftField } from './model/field-drafts.js';
export { keepMine, lastChangedBy, reconcileEdit, startEdit, useTheirs, type FieldEdit } from './model/field-edit.js';
export { completionStatus, isDoneStatus, subtasksOf } from './model/subtask-moves.js';
export { addItem, checklistCounts, moveItem, removeItem, renameItem, tickItem } from './model/checklist-edits.js';
export { CwmTemplatePicker } from './template-picker.js';
export type { TemplateCreateDetail } from './template-picker-events.js';
export { TemplatesSection, templatesStyles, TEMPLATES_FIELD, TEMPLATE_NAME_FIELD } from './sections/templates.js';
export { TEMPLATES_EN } from './i18n/templates-en.js';
export { TEMPLATES_DE } from './i18n/templates-de.js';
export { registerTemplatesMessages, type TemplatesMessages } from './i18n/templates-messages.js';
export { descendantCount, templateRows, type TemplateRow } from './model/template-rows.js';
