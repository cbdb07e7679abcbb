import type { CollectionName, Id } from '../model/common.js';

export type ValidationCode =
  | 'not-an-object'
  | 'missing-id'
  | 'missing-field'
  | 'wrong-type'
  | 'bad-date'
  | 'reversed-dates'
  | 'out-of-range'
  | 'unknown-reference'
  | 'dependency-cycle'
  | 'parent-cycle'
  | 'too-long'
  /** Two items of one list share an id (workflow statuses, checklist items). */
  | 'duplicate-id';

/**
 * Why an entity from an adapter was not believed. Raised on the store's error stream; the entity
 * (or, for a cycle, the offending dependency) is skipped and the rest loads.
 */
export interface ValidationIssue {
  readonly code: ValidationCode;
  readonly collection: CollectionName;
  /** The entity's id when it had one. */
  readonly id?: Id;
  /** The field at fault, dotted for nested ones (`dependencies.2.predecessorId`). */
  readonly field?: string;
  /** A sentence a developer can act on. */
  readonly message: string;
}
