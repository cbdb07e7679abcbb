// @cwm/notifications: the bell and inbox. Importing this module registers nothing; import
// `@cwm/notifications/define` (or `defineAll` from @cwm/elements) to register <cwm-notifications>.
export { CwmNotifications } from './notifications.js';
export type { NotificationOpenDetail } from './events.js';
export { NOTIFICATIONS_EN } from './i18n/en.js';
export { NOTIFICATIONS_DE } from './i18n/de.js';
export type { NotificationsMessages } from './i18n/messages.js';
export * from './model/index.js';
