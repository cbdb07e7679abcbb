/** The offline read replica: what the store read, kept per person so a reload while offline still shows it. */
export { ReadCache, type ReadCacheOptions } from './read-cache.js';
export { cacheDatabaseName, deleteCacheDatabase, type CacheScope } from './cache-db.js';
