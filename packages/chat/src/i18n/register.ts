import { registerDefaultMessages } from '@cwm/ui';
import { CHAT_DE } from './de.js';
import { CHAT_EN } from './en.js';

let registered = false;

/**
 * Adds the chat's built-in English and German wording, once, under anything a vendor registered
 * already, so `registerMessages('en', { 'chat.send': ... })` wins whenever it ran.
 */
export function registerChatMessages(): void {
  if (registered) return;
  registered = true;
  registerDefaultMessages('en', CHAT_EN);
  registerDefaultMessages('de', CHAT_DE);
}
