import { MAX_MESSAGE_LENGTH, type Message } from '../model/message.js';
import { previewValue } from './describe.js';
import { readDocumentLink, readMeta, withOptional } from './read-common.js';
import type { EntityReader } from './reader.js';

function readReactions(reader: EntityReader): Record<string, readonly string[]> {
  const reactions: Record<string, readonly string[]> = {};
  for (const [emoji, people] of Object.entries(reader.record('reactions'))) {
    if (!Array.isArray(people) || people.some((person) => typeof person !== 'string')) {
      reader.fail('wrong-type', `reactions.${emoji}`, `must be an array of person ids, got ${previewValue(people)}`);
    }
    reactions[emoji] = [...(people as string[])];
  }
  return reactions;
}

/**
 * A chat message. `kind` defaults to `user`; `mentions`, `attachments` to `[]`, `reactions` to `{}`.
 * The body may not exceed `MAX_MESSAGE_LENGTH` characters.
 */
export function readMessage(reader: EntityReader, id: string): Message {
  const body = reader.string('body');
  if (body.length > MAX_MESSAGE_LENGTH) {
    reader.fail('too-long', 'body', `has ${body.length} characters; at most ${MAX_MESSAGE_LENGTH} are accepted`);
  }
  const message: Message = {
    ...readMeta(reader, id),
    taskId: reader.nonEmptyString('taskId'),
    authorId: reader.nonEmptyString('authorId'),
    kind: reader.oneOf('kind', ['user', 'system'], 'user'),
    body,
    mentions: reader.stringArray('mentions'),
    reactions: readReactions(reader),
    attachments: reader.array('attachments', (item, index) => readDocumentLink(reader.nested(`attachments.${index}`, item))),
  };
  return withOptional(message, {
    replyToId: reader.optionalId('replyToId'),
    editedAt: reader.optionalTimestamp('editedAt'),
    deleted: reader.optionalBoolean('deleted'),
  });
}
