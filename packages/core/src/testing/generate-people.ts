import type { Person, Role } from '../model/person.js';
import { type GeneratorContext, instant, minuteOf } from './context.js';
import { FIRST_NAMES, GROUPS, GUEST_GROUP, LAST_NAMES } from './vocabulary.js';

/**
 * Roles by position: the first person is the admin, about one in six is a manager, the last two are
 * a viewer and a guest (when there are enough people), everyone else is a member.
 */
function roleAt(index: number, count: number): Role {
  if (index === 0) return 'admin';
  if (count >= 3 && index === count - 1) return 'viewer';
  if (count >= 4 && index === count - 2) return 'guest';
  const managers = Math.max(1, Math.round(count / 6));
  return index <= managers ? 'manager' : 'member';
}

/** Most people work full time; some part time (32 h), a few half time (20 h). */
function capacityAt(index: number, role: Role): number {
  if (role === 'guest') return 20;
  if (index % 7 === 5) return 20;
  if (index % 5 === 3) return 32;
  return 40;
}

/** Engineering is the biggest group; the guest is always a contractor. */
function groupAt(index: number, role: Role): string {
  if (role === 'guest') return GUEST_GROUP;
  const weighted = [GROUPS[0], GROUPS[0], GROUPS[1], GROUPS[2]];
  return weighted[index % weighted.length] as string;
}

/** A domain-safe form of the workspace id for e-mail addresses and URLs. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace';
}

/** `count` people `u-1 ... u-<count>` with unique, plausible names. */
export function generatePeople(context: GeneratorContext, count: number): Person[] {
  const firsts = context.rng.shuffle(FIRST_NAMES);
  const lasts = context.rng.shuffle(LAST_NAMES);
  const created = instant(context, minuteOf(context.setupDay, 8));
  const domain = `${slug(context.workspaceId)}.example`;
  const people: Person[] = [];
  for (let index = 0; index < count; index++) {
    // Walking the last names with a stride coprime to both list lengths keeps every pair unique for
    // the first FIRST_NAMES.length * LAST_NAMES.length people; after that a number tells them apart.
    const first = firsts[index % firsts.length] as string;
    const last = lasts[(index + Math.floor(index / firsts.length)) % lasts.length] as string;
    const round = Math.floor(index / (firsts.length * lasts.length));
    const name = round === 0 ? `${first} ${last}` : `${first} ${last} ${round + 1}`;
    const role = roleAt(index, count);
    people.push({
      id: `u-${index + 1}`,
      version: 1,
      createdAt: created,
      updatedAt: created,
      name,
      email: `${first}.${last}${round === 0 ? '' : round + 1}@${domain}`.toLowerCase(),
      kind: 'person',
      role,
      group: groupAt(index, role),
      capacity: capacityAt(index, role),
    });
  }
  return people;
}
