// Finding `@Name` of known people inside plain text. Names come from the caller (people who may be
// addressed), are matched longest first and case-sensitively, and only as whole words: `@Ann` is not
// found inside `@Annabel`, nor in `bob@Ann.example`.
import type { Id } from '@cwm/core';

/** A piece of text: either plain text or a mention of a known person. */
export type MentionPiece = { readonly text: string; readonly personId?: undefined } | { readonly text: string; readonly personId: Id };

interface MentionIndex {
  /** Names with their person, longest name first. */
  readonly names: readonly { readonly name: string; readonly id: Id }[];
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;
const indexes = new WeakMap<ReadonlyMap<Id, string>, MentionIndex>();

function indexOf(mentions: ReadonlyMap<Id, string>): MentionIndex {
  let index = indexes.get(mentions);
  if (index) return index;
  const seen = new Set<string>();
  const names: { name: string; id: Id }[] = [];
  for (const [id, name] of mentions) {
    // An empty name would match every `@`; a second person with the same name cannot be told apart.
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    names.push({ name, id });
  }
  names.sort((a, b) => b.name.length - a.name.length);
  index = { names };
  indexes.set(mentions, index);
  return index;
}

/** Splits `text` into plain pieces and mentions of the people in `mentions` (id -> display name). */
export function splitMentions(text: string, mentions: ReadonlyMap<Id, string> | undefined): MentionPiece[] {
  if (mentions === undefined || mentions.size === 0 || !text.includes('@')) return [{ text }];
  const { names } = indexOf(mentions);
  const pieces: MentionPiece[] = [];
  let plainStart = 0;
  let at = text.indexOf('@');
  while (at >= 0) {
    const before = at > 0 ? text[at - 1] : undefined;
    const match = before !== undefined && WORD_CHARACTER.test(before)
      ? undefined
      : names.find(({ name }) => text.startsWith(name, at + 1) && !WORD_CHARACTER.test(text[at + 1 + name.length] ?? ' '));
    if (match) {
      if (at > plainStart) pieces.push({ text: text.slice(plainStart, at) });
      pieces.push({ text: `@${match.name}`, personId: match.id });
      plainStart = at + 1 + match.name.length;
    }
    at = text.indexOf('@', match ? plainStart : at + 1);
  }
  if (plainStart < text.length) pieces.push({ text: text.slice(plainStart) });
  return pieces;
}
