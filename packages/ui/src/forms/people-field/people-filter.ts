/** One person the people field offers. */
export interface PersonOption {
  readonly id: string;
  readonly name: string;
  /** Why this person cannot be chosen (policy, absence...). The option stays visible with this reason. */
  readonly disabledReason?: string;
}

// Accents and case do not matter when searching names: "zoe" finds "Zoë", "muller" finds "Müller".
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

/**
 * The people matching `query`, leaving out those in `excludeIds` (already chosen). A name that starts
 * with the query (or has a word that does) comes before one that only contains it; otherwise the given
 * order is kept. Disabled people are kept: hiding them would hide the reason.
 */
export function filterPeople(people: readonly PersonOption[], query: string, excludeIds: readonly string[] = []): PersonOption[] {
  const wanted = fold(query.trim());
  const excluded = new Set(excludeIds);
  const starts: PersonOption[] = [];
  const contains: PersonOption[] = [];
  for (const person of people) {
    if (excluded.has(person.id)) continue;
    const name = fold(person.name);
    if (wanted === '' || name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted))) starts.push(person);
    else if (name.includes(wanted)) contains.push(person);
  }
  return [...starts, ...contains];
}

/** The ids of a comma-separated value, without empties or repeats. */
export function parseIds(value: string): string[] {
  return [...new Set(value.split(',').map((id) => id.trim()).filter(Boolean))];
}
