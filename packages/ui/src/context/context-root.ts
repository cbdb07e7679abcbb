import { ContextRoot } from '@lit/context';

let attached = false;

/**
 * Makes late providers work: a widget that upgrades before its `<cwm-workspace>` (its definition
 * loaded first, or the workspace is defined lazily) asks for the store when nobody can answer yet.
 * A `ContextRoot` on the document keeps such requests and replays them when a provider appears.
 * Called on element registration, the one moment side effects are expected. Idempotent.
 */
export function ensureContextRoot(): void {
  if (attached || typeof document === 'undefined') return;
  attached = true;
  new ContextRoot().attach(document.documentElement);
}
