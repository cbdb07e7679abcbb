/**
 * One place that tells every localized element "the language may have changed": a `lang` attribute
 * changed somewhere, or a catalog was registered. Elements then re-resolve their language and render
 * again only if something differs, so a spurious notice costs a tree walk and nothing more.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let documentObserver: MutationObserver | undefined;

/**
 * Calls `listener` on every possible language change until the returned function is called.
 * `lang` attributes anywhere in the light DOM of the document are watched with one shared
 * MutationObserver; shadow trees are reached through `notifyLocaleChanged()` (the workspace calls it).
 */
export function onLocaleChange(listener: Listener): () => void {
  listeners.add(listener);
  if (documentObserver === undefined && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    documentObserver = new MutationObserver(notifyLocaleChanged);
    documentObserver.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['lang'] });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && documentObserver !== undefined) {
      documentObserver.disconnect();
      documentObserver = undefined;
    }
  };
}

/** Tells every localized element to check its language and wording again. */
export function notifyLocaleChanged(): void {
  for (const listener of [...listeners]) listener();
}
