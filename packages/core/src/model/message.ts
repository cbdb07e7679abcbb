import type { EntityMeta, Id, IsoDateTime } from './common.js';
import type { DocumentLink } from './task.js';

export interface Message extends EntityMeta {
  readonly taskId: Id;
  readonly authorId: Id;
  /** `user` messages are written by people; `system` ones narrate task events from the activity log. */
  readonly kind: 'user' | 'system';
  /** Markdown source of a small safe subset; rendered only through the sanitizer. */
  readonly body: string;
  readonly mentions: readonly Id[];
  /** Emoji to the people who reacted with it. */
  readonly reactions: Readonly<Record<string, readonly Id[]>>;
  /** One level of threading: the message this one answers. */
  readonly replyToId?: Id;
  readonly attachments: readonly DocumentLink[];
  readonly editedAt?: IsoDateTime;
  /** Deleted messages stay as tombstones so threads and read markers keep their place. */
  readonly deleted?: boolean;
}

/** Longest message body accepted, in characters. Longer ones are refused with a clear error. */
export const MAX_MESSAGE_LENGTH = 10_000;
