import type { Id, Person } from '@cwm/core';

/** What a card shows of an assignee. */
export interface PersonChip {
  readonly id: Id;
  readonly name: string;
  readonly initials: string;
  readonly avatarUrl?: string;
  /** 0-359, stable per person, for the avatar colour. */
  readonly hue: number;
}

/** Up to two letters: the first of the first and of the last word (`Ada Lovelace` -> `AL`); `?` for no name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return '?';
  // Array.from splits by code point, so a name starting with an emoji or a CJK surrogate pair stays whole.
  const first = Array.from(words[0]!)[0]!;
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0]! : '';
  return (first + last).toLocaleUpperCase();
}

/** A hue from the person's id (FNV-1a), so a person keeps their colour on every card and every page load. */
export function hueOf(id: Id): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

/** The chip of a person. */
export function personChip(person: Person): PersonChip {
  return {
    id: person.id,
    name: person.name,
    initials: initialsOf(person.name),
    ...(person.avatarUrl ? { avatarUrl: person.avatarUrl } : {}),
    hue: hueOf(person.id),
  };
}
