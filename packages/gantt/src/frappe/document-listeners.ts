/** A listener something added to `document`, kept so it can be removed again. */
export interface DocumentListener {
  readonly type: string;
  readonly listener: EventListenerOrEventListenerObject;
  readonly options: boolean | AddEventListenerOptions | undefined;
}

/**
 * Runs `work` and returns its result with every listener it added to `document` meanwhile.
 *
 * frappe-gantt's constructor adds an anonymous `mouseup` listener to `document` and keeps no reference
 * to it, so nothing could ever remove it: each chart would leak its listener and, through its closure,
 * the whole chart. Recording the registration while the (synchronous) constructor runs gives us the
 * reference. `document.addEventListener` is restored before this returns, even when `work` throws.
 */
export function recordDocumentListeners<T>(work: () => T): { readonly result: T; readonly listeners: readonly DocumentListener[] } {
  const listeners: DocumentListener[] = [];
  const original = Object.getOwnPropertyDescriptor(document, 'addEventListener');
  // Whatever is installed now (normally the prototype's), so anything else wrapping it keeps working.
  const add = document.addEventListener;
  document.addEventListener = function (this: Document, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (listener) listeners.push({ type, listener, options });
    if (listener) add.call(this, type, listener, options);
  };
  try {
    return { result: work(), listeners };
  } finally {
    if (original) Object.defineProperty(document, 'addEventListener', original);
    else delete (document as { addEventListener?: unknown }).addEventListener;
  }
}

/** Removes listeners recorded by `recordDocumentListeners`. */
export function removeDocumentListeners(listeners: readonly DocumentListener[]): void {
  for (const { type, listener, options } of listeners) document.removeEventListener(type, listener, options);
}
