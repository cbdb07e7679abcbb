import type { EntityMeta } from './common.js';

/** Built-in roles. A host's policy may define more; these are the ones the default policy knows. */
export type BuiltInRole = 'admin' | 'manager' | 'member' | 'guest' | 'viewer';
export type Role = BuiltInRole | (string & {});

/**
 * Someone (or something) work can be assigned to. `kind: 'resource'` covers rooms, machines and
 * licences that are booked like people but never log in.
 */
export interface Person extends EntityMeta {
  readonly name: string;
  readonly email?: string;
  readonly avatarUrl?: string;
  readonly kind: 'person' | 'resource';
  readonly role: Role;
  /** Communication group (team, department, company). Policies draw message boundaries between groups. */
  readonly group?: string;
  /** Hours per week this person or resource can take on. */
  readonly capacity: number;
}
