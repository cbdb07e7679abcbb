import { activeFilters, matchesFilters, type CollectionName, type ListQuery } from '@cwm/core';
import type { CacheScope } from './cache-db.js';

/** The scope of a list query: its collection and the filters that apply to it (`FILTERS` order). */
export function scopeOf(collection: CollectionName, query: ListQuery): CacheScope {
  return { collection, filters: activeFilters(collection, query) };
}

/** A stable text key of a scope. */
export function scopeKey(scope: CacheScope): string {
  return `${scope.collection}?${scope.filters.map(([field, value]) => `${field}=${encodeURIComponent(value)}`).join('&')}`;
}

/**
 * True when what `scope` read holds every entity `query` asks for: same collection, and each of the
 * scope's filters is also one of the query's (the whole collection covers any narrower query; the
 * messages of task A do not cover task B's).
 */
export function covers(scope: CacheScope, collection: CollectionName, query: ListQuery): boolean {
  if (scope.collection !== collection) return false;
  const wanted = new Map(activeFilters(collection, query));
  return scope.filters.every(([field, value]) => wanted.get(field) === value);
}

/** True when an entity of `scope.collection` falls inside what the scope read (a live change to keep). */
export function within(scope: CacheScope, entity: unknown): boolean {
  return matchesFilters(entity, scope.filters);
}
