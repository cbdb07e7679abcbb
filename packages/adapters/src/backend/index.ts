/**
 * `@cwm/adapters/backend`: the server side of the reference backend (what a write does, its side
 * effects) without the browser adapters, so a Node server can import it without IndexedDB code.
 */
export { decide, changesOf } from './decide.js';
export type { AuthorizeHook, DecideOptions, Decision, EntityWrite } from './decide.js';
export { notificationsFor, taskActivity } from './side-effects.js';
export type { WorkspaceData } from './workspace-data.js';
