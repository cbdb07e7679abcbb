import type { ReactiveElement } from 'lit';

/**
 * After the element that renders `from` has updated, focuses the first of `selectors` found in its
 * shadow root (a fallback list, unlike one selector list, which would pick by document order). A
 * store write re-renders asynchronously, and the button that was pressed may be gone by then: focus
 * must land on something that exists, never on the page body. A fallback heading is made focusable
 * by script only (`tabindex=-1`).
 */
export function focusAfterUpdate(from: EventTarget | null, ...selectors: string[]): void {
  if (!(from instanceof Node)) return;
  const root = from.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  const host = root.host as Partial<ReactiveElement>;
  void (host.updateComplete ?? Promise.resolve(true)).then(() => {
    for (const selector of selectors) {
      const target = root.querySelector<HTMLElement>(selector);
      if (!target) continue;
      if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
      return;
    }
  });
}
