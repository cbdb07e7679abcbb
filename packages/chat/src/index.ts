// @cwm/chat: the task conversation. Importing this module registers nothing; import `@cwm/chat/define`
// (or `defineAll` from @cwm/elements) to register <cwm-task-chat>.
export { CwmTaskChat } from './chat.js';
export type { MentionDetail, MessageSendDetail, MessageSentDetail } from './events.js';
export { CHAT_EN } from './i18n/en.js';
export { CHAT_DE } from './i18n/de.js';
export type { ChatMessages } from './i18n/messages.js';
export { HeightIndex } from './model/height-index.js';
export { buildTimeline, localDay, type ChatRow, type TimelineInput } from './model/timeline.js';
export { activityLines, type ActivityLine } from './model/activity-text.js';
export { mentionAt, mentionCandidates, mentionedIn, nameMatches, MAX_CANDIDATES, type MentionCandidate, type MentionQuery } from './model/mentions.js';
export { Outbox, outboxKey, type OutboxEntry } from './model/outbox.js';
export { REACTIONS } from './view/rows.js';
