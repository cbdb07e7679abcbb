import type { CollectionName } from '../model/common.js';
import type { ListQuery } from './contract.js';

/** A filter of `ListQuery` and the entity field it compares. */
export type FilterName = 'projectId' | 'taskId' | 'personId';

/**
 * Which `ListQuery` filters apply to which collection; the others are ignored for it (people have no
 * project). Tasks and activity belong to a project, messages and activity to a task, notifications to
 * a person, read markers to a person and a task. Templates have none: a workspace holds few, and "the
 * templates of a project" includes the unscoped ones, which no equality filter can say (the store
 * filters them). Every adapter reads the same table, so a filter means the same thing everywhere.
 */
export const FILTERS: { readonly [C in CollectionName]: readonly FilterName[] } = {
  people: [],
  projects: [],
  tasks: ['projectId'],
  messages: ['taskId'],
  notifications: ['personId'],
  activity: ['projectId', 'taskId'],
  reads: ['personId', 'taskId'],
  templates: [],
};

/** The filters of `query` that apply to `collection`, as `[field, value]` pairs in `FILTERS` order. */
export function activeFilters(collection: CollectionName, query: Pick<ListQuery, FilterName>): [FilterName, string][] {
  const active: [FilterName, string][] = [];
  for (const field of FILTERS[collection]) {
    const value = query[field];
    if (value !== undefined) active.push([field, value]);
  }
  return active;
}

/** True when `entity` passes every filter in `filters` (its field equals the filter's value). */
export function matchesFilters(entity: unknown, filters: readonly (readonly [FilterName, string])[]): boolean {
  if (typeof entity !== 'object' || entity === null) return filters.length === 0;
  const record = entity as Record<string, unknown>;
  for (const [field, value] of filters) if (record[field] !== value) return false;
  return true;
}
