import type { Id, PermissionResult, Person } from '@cwm/core';

/** The `@query` being typed at the caret: where it starts (the `@`) and what follows it. */
export interface MentionQuery {
  readonly start: number;
  readonly query: string;
}

/** A person offered by the autocomplete, with whether the policy lets the user address them. */
export interface MentionCandidate {
  readonly person: Person;
  readonly allowed: PermissionResult;
}

/** Most people the autocomplete lists. */
export const MAX_CANDIDATES = 8;

/**
 * The mention being typed right before `caret`, if any: an `@` at the start or after whitespace,
 * followed by up to 40 characters without a line break or another `@`. Spaces are allowed so
 * "@Ada Lo" keeps narrowing to Ada Lovelace.
 */
export function mentionAt(text: string, caret: number): MentionQuery | undefined {
  const before = text.slice(Math.max(0, caret - 41), caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return undefined;
  const query = before.slice(at + 1);
  if (/[\n@]/.test(query) || query.startsWith(' ')) return undefined;
  const start = caret - before.length + at;
  if (start > 0 && !/\s/.test(text[start - 1]!)) return undefined;
  return { start, query };
}

/** Whether `name` matches a typed query: the query starts the name or one of its words, any case. */
export function nameMatches(name: string, query: string): boolean {
  if (query === '') return true;
  const lower = name.toLocaleLowerCase();
  const wanted = query.toLocaleLowerCase();
  return lower.startsWith(wanted) || lower.split(/\s+/).some((word) => word.startsWith(wanted));
}

/**
 * People to offer for `query`: people (not resources) other than the user, allowed ones first, then
 * by name. `can` answers the policy's `message.mention` for a person.
 */
export function mentionCandidates(
  people: Iterable<Person>,
  query: string,
  userId: Id,
  can: (person: Person) => PermissionResult,
): MentionCandidate[] {
  const matches: MentionCandidate[] = [];
  for (const person of people) {
    if (person.kind !== 'person' || person.id === userId || !nameMatches(person.name, query)) continue;
    matches.push({ person, allowed: can(person) });
  }
  matches.sort((a, b) => Number(b.allowed.allowed) - Number(a.allowed.allowed) || a.person.name.localeCompare(b.person.name));
  return matches.slice(0, MAX_CANDIDATES);
}

/**
 * The people a body mentions: every `@Name` of a candidate person that appears in it (followed by
 * the end, whitespace or punctuation), longest names first so "@Ada Lovelace" is not read as "@Ada".
 */
export function mentionedIn(body: string, people: Iterable<Person>): Id[] {
  const found: Id[] = [];
  const sorted = [...people].filter((person) => person.name !== '').sort((a, b) => b.name.length - a.name.length);
  let rest = body;
  for (const person of sorted) {
    const token = `@${person.name}`;
    let index = rest.indexOf(token);
    let hit = false;
    while (index >= 0) {
      const after = rest[index + token.length];
      const before = index === 0 ? ' ' : rest[index - 1]!;
      if ((after === undefined || !/[\p{L}\p{N}_]/u.test(after)) && /[\s([{"'>]/.test(before)) {
        hit = true;
        // Blank the match so a shorter name inside it is not found again.
        rest = rest.slice(0, index) + ' '.repeat(token.length) + rest.slice(index + token.length);
      }
      index = rest.indexOf(token, index + 1);
    }
    if (hit) found.push(person.id);
  }
  return found;
}
