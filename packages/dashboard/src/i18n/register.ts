import { defaultMessagesRegistrar } from '@cwm/ui';
import { DASHBOARD_DE } from './de.js';
import { DASHBOARD_EN } from './en.js';

/** Adds the dashboard's built-in English and German wording once, under whatever a vendor registered. */
export const registerDashboardMessages: () => void = defaultMessagesRegistrar({ en: DASHBOARD_EN, de: DASHBOARD_DE });
