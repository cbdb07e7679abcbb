import { registerDefaultMessages } from '@cwm/ui';
import { BOARD_DE } from './de.js';
import { BOARD_EN } from './en.js';

let registered = false;

/**
 * Adds the board's built-in English and German wording, once, under anything a vendor registered
 * already: `registerMessages('en', { 'board.add': ... })` wins whether it ran before or after.
 */
export function registerBoardMessages(): void {
  if (registered) return;
  registered = true;
  registerDefaultMessages('en', BOARD_EN);
  registerDefaultMessages('de', BOARD_DE);
}
