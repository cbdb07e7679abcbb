/**
 * A tag as stored: surrounding space trimmed, inner runs of space collapsed. Commas separate tags in
 * the form value, so a tag never contains one.
 */
export function normalizeTag(text: string): string {
  return text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The tags of a comma-separated value (`"ux, api"` -> `['ux', 'api']`), without empties or repeats. */
export function parseTags(value: string): string[] {
  let tags: string[] = [];
  for (const piece of value.split(',')) {
    const result = addTag(tags, piece);
    if (result.kind === 'added') tags = result.tags;
  }
  return tags;
}

/** What adding a typed tag did. */
export type AddTagResult =
  | { readonly kind: 'added'; readonly tag: string; readonly tags: string[] }
  | { readonly kind: 'duplicate'; readonly tag: string }
  | { readonly kind: 'empty' };

/**
 * Adds `text` as a tag. A tag already there, in any letter case (`UX` next to `ux`), is refused: two
 * spellings of one tag split filters and reports in two.
 */
export function addTag(tags: readonly string[], text: string): AddTagResult {
  const tag = normalizeTag(text);
  if (tag === '') return { kind: 'empty' };
  const key = tag.toLocaleLowerCase();
  const existing = tags.find((candidate) => candidate.toLocaleLowerCase() === key);
  if (existing !== undefined) return { kind: 'duplicate', tag: existing };
  return { kind: 'added', tag, tags: [...tags, tag] };
}

/** Suggestions matching `text` (case-insensitive, anywhere in the word) that are not tags already, best first. */
export function matchingSuggestions(suggestions: readonly string[], tags: readonly string[], text: string, limit = 8): string[] {
  const query = normalizeTag(text).toLocaleLowerCase();
  const taken = new Set(tags.map((tag) => tag.toLocaleLowerCase()));
  const seen = new Set<string>();
  const starts: string[] = [];
  const contains: string[] = [];
  for (const raw of suggestions) {
    const suggestion = normalizeTag(raw);
    const key = suggestion.toLocaleLowerCase();
    if (suggestion === '' || taken.has(key) || seen.has(key)) continue;
    seen.add(key);
    if (key.startsWith(query)) starts.push(suggestion);
    else if (key.includes(query)) contains.push(suggestion);
  }
  return [...starts, ...contains].slice(0, limit);
}
