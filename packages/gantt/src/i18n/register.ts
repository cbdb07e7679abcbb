import { registerDefaultMessages } from '@cwm/ui';
import { GANTT_DE } from './de.js';
import { GANTT_EN } from './en.js';

export type { GanttMessages } from './messages.js';
export { GANTT_EN } from './en.js';
export { GANTT_DE } from './de.js';

let registered = false;

/**
 * Adds the Gantt's built-in English and German wording, once, under anything a vendor registered
 * already: `registerMessages('en', { 'gantt.today': ... })` wins whether it ran before or after.
 */
export function registerGanttMessages(): void {
  if (registered) return;
  registered = true;
  registerDefaultMessages('en', GANTT_EN);
  registerDefaultMessages('de', GANTT_DE);
}
