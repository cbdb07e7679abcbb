import type { DocumentLink, Id, WriteOutcome } from '@cwm/core';

/** Detail of `cwm-message-send`: the message about to be posted. */
export interface MessageSendDetail {
  readonly taskId: Id;
  /** Markdown source. */
  readonly body: string;
  /** People the message mentions (only people the policy lets the user address). */
  readonly mentions: readonly Id[];
  readonly attachments: readonly DocumentLink[];
  readonly replyToId?: Id;
}

/** Detail of `cwm-message-sent`: the message was posted (shown at once, pending until confirmed). */
export interface MessageSentDetail extends MessageSendDetail {
  readonly messageId: Id;
  /** Settles when the backend answered; a rejected message stays in the chat's outbox as "not sent". */
  readonly confirmed: Promise<WriteOutcome>;
}

/** Detail of `cwm-mention`: a message the user sent mentions these people. */
export interface MentionDetail {
  readonly taskId: Id;
  readonly messageId: Id;
  readonly personIds: readonly Id[];
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /** Before a message is posted; cancel it to keep the draft and post nothing. */
    'cwm-message-send': CustomEvent<MessageSendDetail>;
    /** After a message was posted (optimistically; `detail.confirmed` tells how the backend answered). */
    'cwm-message-sent': CustomEvent<MessageSentDetail>;
    /** A message the user sent mentions people. */
    'cwm-mention': CustomEvent<MentionDetail>;
  }
}
