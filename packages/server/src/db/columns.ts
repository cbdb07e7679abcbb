import type { AnyEntity, CollectionName } from '@cwm/core';

/** The columns of `entities` besides the JSON, derived from the entity: what lists filter and sort by. */
export interface IndexColumns {
  readonly projectId: string | null;
  readonly taskId: string | null;
  readonly personId: string | null;
  readonly createdAt: string | null;
}

function text(record: Record<string, unknown>, field: string): string | null {
  const value = record[field];
  return typeof value === 'string' ? value : null;
}

/**
 * Which entity fields fill the filter columns. A collection only gets the columns its list filters
 * use (people and projects none, tasks a project, messages a task, notifications a person...).
 */
export function indexColumns(collection: CollectionName, entity: AnyEntity): IndexColumns {
  const record = entity as unknown as Record<string, unknown>;
  const hasProject = collection === 'tasks' || collection === 'activity' || collection === 'templates';
  const hasTask = collection === 'messages' || collection === 'activity' || collection === 'reads' || collection === 'notifications';
  const hasPerson = collection === 'notifications' || collection === 'reads';
  return {
    projectId: hasProject ? text(record, 'projectId') : null,
    taskId: hasTask ? text(record, 'taskId') : null,
    personId: hasPerson ? text(record, 'personId') : null,
    createdAt: text(record, 'createdAt'),
  };
}

/**
 * Private collections: each entity belongs to one person (`personId`) and nobody else reads it, nor
 * hears of its changes.
 */
export const PRIVATE_COLLECTIONS: ReadonlySet<CollectionName> = new Set<CollectionName>(['notifications', 'reads']);

/** The person a private entity belongs to; null for everything everyone in the workspace may see. */
export function audienceOf(collection: CollectionName, entity: AnyEntity | undefined): string | null {
  if (!PRIVATE_COLLECTIONS.has(collection) || entity === undefined) return null;
  return text(entity as unknown as Record<string, unknown>, 'personId');
}
