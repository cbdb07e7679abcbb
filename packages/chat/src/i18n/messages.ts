import type { MessageText } from '@cwm/ui';

/** Every string `<cwm-task-chat>` shows or announces. */
export interface ChatMessages {
  readonly 'chat.label': MessageText;
  readonly 'chat.no-task': MessageText;
  readonly 'chat.loading': MessageText;
  readonly 'chat.empty': MessageText;
  readonly 'chat.history-loading': MessageText;
  readonly 'chat.history-start': MessageText;
  readonly 'chat.unread': MessageText;
  readonly 'chat.new-messages': MessageText;
  readonly 'chat.unknown-person': MessageText;
  readonly 'chat.edited': MessageText;
  readonly 'chat.deleted': MessageText;
  readonly 'chat.sending': MessageText;
  readonly 'chat.not-sent': MessageText;
  readonly 'chat.interrupted': MessageText;
  readonly 'chat.list-label': MessageText;
  readonly 'chat.retry': MessageText;
  readonly 'chat.discard': MessageText;
  readonly 'chat.reply': MessageText;
  readonly 'chat.replying-to': MessageText;
  readonly 'chat.reply-cancel': MessageText;
  readonly 'chat.reply-missing': MessageText;
  readonly 'chat.react': MessageText;
  readonly 'chat.reaction': MessageText;
  readonly 'chat.edit': MessageText;
  readonly 'chat.edit-label': MessageText;
  readonly 'chat.save': MessageText;
  readonly 'chat.cancel': MessageText;
  readonly 'chat.delete': MessageText;
  readonly 'chat.delete-confirm': MessageText;
  readonly 'chat.actions': MessageText;
  readonly 'chat.attachment': MessageText;
  readonly 'chat.attachment-blocked': MessageText;
  readonly 'chat.composer.label': MessageText;
  readonly 'chat.composer.placeholder': MessageText;
  readonly 'chat.composer.hint': MessageText;
  readonly 'chat.send': MessageText;
  readonly 'chat.too-long': MessageText;
  readonly 'chat.read-only': MessageText;
  readonly 'chat.mentions.label': MessageText;
  readonly 'chat.mentions.none': MessageText;
  readonly 'chat.attach': MessageText;
  readonly 'chat.attach.name': MessageText;
  readonly 'chat.attach.url': MessageText;
  readonly 'chat.attach.type': MessageText;
  readonly 'chat.attach.add': MessageText;
  readonly 'chat.attach.remove': MessageText;
  readonly 'chat.attach.bad-url': MessageText;
  readonly 'chat.attach.no-name': MessageText;
  readonly 'chat.typing': MessageText;
  readonly 'chat.refused': MessageText;
  readonly 'chat.system.created': MessageText;
  readonly 'chat.system.status': MessageText;
  readonly 'chat.system.assigned': MessageText;
  readonly 'chat.system.unassigned': MessageText;
  readonly 'chat.system.due': MessageText;
  readonly 'chat.system.due-cleared': MessageText;
  readonly 'chat.system.title': MessageText;
  readonly 'chat.system.priority': MessageText;
  readonly 'chat.system.deleted': MessageText;
  readonly 'chat.dismiss': MessageText;
  readonly 'chat.documents': MessageText;
}

declare module '@cwm/ui' {
  interface CwmMessages extends ChatMessages {}
}
