import { defaultMessagesRegistrar } from '@cwm/ui';
import { GANTT_DE } from './de.js';
import { GANTT_EN } from './en.js';

export type { GanttMessages } from './messages.js';
export { GANTT_EN } from './en.js';
export { GANTT_DE } from './de.js';

/**
 * Adds the Gantt's built-in English and German wording, once, under anything a vendor registered already:
 * a vendor's `registerMessages` wins whether it ran before or after.
 */
export const registerGanttMessages: () => void = defaultMessagesRegistrar({ en: GANTT_EN, de: GANTT_DE });
