import { defaultMessagesRegistrar } from '@cwm/ui';
import { TASK_DETAIL_DE } from './de.js';
import { TASK_DETAIL_EN } from './en.js';
import { SECTIONS_DE } from './sections-de.js';
import { SECTIONS_EN } from './sections-en.js';

/**
 * Adds the built-in English and German wording of `<cwm-task-detail>` (shell and every section), once,
 * under anything a vendor registered: a vendor's `registerMessages` wins whether it ran before or after.
 */
export const registerTaskDetailMessages: () => void = defaultMessagesRegistrar({
  en: { ...TASK_DETAIL_EN, ...SECTIONS_EN },
  de: { ...TASK_DETAIL_DE, ...SECTIONS_DE },
});
