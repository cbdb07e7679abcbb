import { defaultMessagesRegistrar, type MessageText } from '@cwm/ui';
import { TEMPLATES_DE } from './templates-de.js';
import { TEMPLATES_EN } from './templates-en.js';

/**
 * The strings of the templates section of `<cwm-task-detail>` (`task-detail.templates.*`) and of
 * `<cwm-template-picker>` (`template-picker.*`).
 */
export interface TemplatesMessages {
  readonly 'task-detail.templates.heading': MessageText;
  readonly 'task-detail.templates.save-heading': MessageText;
  readonly 'task-detail.templates.name': MessageText;
  readonly 'task-detail.templates.name-empty': MessageText;
  readonly 'task-detail.templates.scoped': MessageText;
  readonly 'task-detail.templates.save': MessageText;
  readonly 'task-detail.templates.tree-size': MessageText;
  readonly 'task-detail.templates.too-big': MessageText;
  readonly 'task-detail.templates.saved': MessageText;
  readonly 'task-detail.templates.list-heading': MessageText;
  readonly 'task-detail.templates.none': MessageText;
  readonly 'task-detail.templates.count': MessageText;
  readonly 'task-detail.templates.by': MessageText;
  readonly 'task-detail.templates.scope-project': MessageText;
  readonly 'task-detail.templates.scope-all': MessageText;
  readonly 'task-detail.templates.add': MessageText;
  readonly 'task-detail.templates.add-label': MessageText;
  readonly 'task-detail.templates.added': MessageText;
  readonly 'task-detail.templates.cannot-add': MessageText;
  readonly 'task-detail.templates.cannot-delete': MessageText;
  readonly 'task-detail.templates.delete-label': MessageText;
  readonly 'task-detail.templates.deleted': MessageText;
  readonly 'task-detail.templates.not-author': MessageText;
  readonly 'template-picker.label': MessageText;
  readonly 'template-picker.template': MessageText;
  readonly 'template-picker.choose': MessageText;
  readonly 'template-picker.option': MessageText;
  readonly 'template-picker.none': MessageText;
  readonly 'template-picker.start': MessageText;
  readonly 'template-picker.create': MessageText;
  readonly 'template-picker.pick-template': MessageText;
  readonly 'template-picker.bad-start': MessageText;
  readonly 'template-picker.created': MessageText;
  readonly 'template-picker.refused': MessageText;
  readonly 'template-picker.rolled-back': MessageText;
  readonly 'template-picker.denied': MessageText;
}

declare module '@cwm/ui' {
  interface CwmMessages extends TemplatesMessages {}
}

/**
 * Adds the built-in English and German wording of the templates section and the template picker,
 * once, under anything a vendor registered: a vendor's `registerMessages` wins whether it ran before
 * or after.
 */
export const registerTemplatesMessages: () => void = defaultMessagesRegistrar({ en: TEMPLATES_EN, de: TEMPLATES_DE });
