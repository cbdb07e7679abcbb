// One "tab" of the outbox tests: loaded in a same-origin iframe, it opens outboxes in its own realm
// (its own Web Locks holder, BroadcastChannel and IndexedDB connections). Removing the iframe is
// closing the tab: the browser releases its lock and its timers stop.
import { Outbox, type OutboxOptions } from '../../packages/adapter-rest/src/outbox/outbox.js';

declare global {
  interface Window {
    openOutbox?: (options: OutboxOptions) => Promise<Outbox>;
  }
}

window.openOutbox = (options) => Outbox.open(options);
