import { registerDefaultMessages } from '@cwm/ui';
import { NOTIFICATIONS_DE } from './de.js';
import { NOTIFICATIONS_EN } from './en.js';

let registered = false;

/**
 * Adds the inbox's built-in English and German wording, once, under anything a vendor registered
 * already, so a vendor's `registerMessages` wins whether it ran before or after.
 */
export function registerNotificationsMessages(): void {
  if (registered) return;
  registered = true;
  registerDefaultMessages('en', NOTIFICATIONS_EN);
  registerDefaultMessages('de', NOTIFICATIONS_DE);
}
