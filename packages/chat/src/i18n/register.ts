import { defaultMessagesRegistrar } from '@cwm/ui';
import { CHAT_DE } from './de.js';
import { CHAT_EN } from './en.js';

/**
 * Adds the chat's built-in English and German wording, once, under anything a vendor registered already:
 * a vendor's `registerMessages` wins whether it ran before or after.
 */
export const registerChatMessages: () => void = defaultMessagesRegistrar({ en: CHAT_EN, de: CHAT_DE });
