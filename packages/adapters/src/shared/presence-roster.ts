/**
 * The roster moved to `@cwm/core` so that adapters outside this package (`@cwm/adapter-rest`) share
 * it; re-exported here so existing imports keep working.
 */
export { PresenceRoster } from '@cwm/core';
