/** An entity id. Opaque to the library; adapters may generate them or accept ours. */
export type Id = string;

/** A calendar date without time, `YYYY-MM-DD`. Plans (start, due) are days, not instants. */
export type IsoDate = string;

/** An instant, ISO 8601 with time zone (`2026-11-25T09:30:00.000Z`). */
export type IsoDateTime = string;

/**
 * Revision of an entity on the backend. Every confirmed write increases it; a write made against an
 * older version is a conflict. Adapters over ETags map them to this counter or keep their own.
 */
export type Version = number;

/** Fields every stored entity has. */
export interface EntityMeta {
  readonly id: Id;
  readonly version: Version;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
}

/** The collections of the domain, the unit of reads, writes and live changes. */
export type CollectionName = 'people' | 'projects' | 'tasks' | 'messages' | 'notifications' | 'activity' | 'reads' | 'templates';

export const COLLECTIONS: readonly CollectionName[] = [
  'people',
  'projects',
  'tasks',
  'messages',
  'notifications',
  'activity',
  'reads',
  'templates',
];
