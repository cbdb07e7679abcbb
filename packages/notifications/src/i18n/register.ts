import { defaultMessagesRegistrar } from '@cwm/ui';
import { NOTIFICATIONS_DE } from './de.js';
import { NOTIFICATIONS_EN } from './en.js';

/**
 * Adds the inbox's built-in English and German wording, once, under anything a vendor registered already:
 * a vendor's `registerMessages` wins whether it ran before or after.
 */
export const registerNotificationsMessages: () => void = defaultMessagesRegistrar({ en: NOTIFICATIONS_EN, de: NOTIFICATIONS_DE });
