import { defaultMessagesRegistrar } from '@cwm/ui';
import { BOARD_DE } from './de.js';
import { BOARD_EN } from './en.js';

/**
 * Adds the board's built-in English and German wording, once, under anything a vendor registered already:
 * a vendor's `registerMessages` wins whether it ran before or after.
 */
export const registerBoardMessages: () => void = defaultMessagesRegistrar({ en: BOARD_EN, de: BOARD_DE });
