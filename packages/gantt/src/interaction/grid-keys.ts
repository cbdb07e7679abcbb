/**
 * What a key press on the task grid means. Pure, so the whole keyboard map is testable without a
 * browser and documented in one place:
 *
 * | keys | command |
 * |---|---|
 * | ArrowUp / ArrowDown, PageUp / PageDown, Home / End | move between rows |
 * | ArrowRight / ArrowLeft | expand / collapse a summary (or go to its first child / the parent) |
 * | Alt+ArrowLeft / Alt+ArrowRight | move the task one day earlier / later |
 * | Alt+Shift+ArrowLeft / Alt+Shift+ArrowRight | end one day earlier / later (resize) |
 * | Alt+PageUp / Alt+PageDown | move by one unit of the zoom (a week, a month, ...) |
 * | Enter | open the task (`cwm-task-open`) |
 * | Space | show the task's details and dependencies (popup) |
 * | + / - | zoom in / out |
 * | T | scroll to today |
 * | Escape | close the popup |
 */
export type GridCommand =
  | { readonly kind: 'focus'; readonly to: 'previous' | 'next' | 'page-up' | 'page-down' | 'first' | 'last' }
  | { readonly kind: 'expand' }
  | { readonly kind: 'collapse' }
  | { readonly kind: 'reschedule'; readonly move: 'earlier' | 'later' | 'shorter' | 'longer'; readonly big: boolean }
  | { readonly kind: 'open' }
  | { readonly kind: 'details' }
  | { readonly kind: 'zoom'; readonly direction: 'in' | 'out' }
  | { readonly kind: 'today' }
  | { readonly kind: 'escape' };

/** The command of a key press, or undefined when the key is not ours (the browser keeps it). */
export function gridCommand(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): GridCommand | undefined {
  const { key, altKey, shiftKey, ctrlKey, metaKey } = event;
  if (ctrlKey || metaKey) return undefined;
  if (altKey) {
    if (key === 'ArrowLeft') return { kind: 'reschedule', move: shiftKey ? 'shorter' : 'earlier', big: false };
    if (key === 'ArrowRight') return { kind: 'reschedule', move: shiftKey ? 'longer' : 'later', big: false };
    if (key === 'PageUp') return { kind: 'reschedule', move: 'earlier', big: true };
    if (key === 'PageDown') return { kind: 'reschedule', move: 'later', big: true };
    return undefined;
  }
  switch (key) {
    case 'ArrowUp':
      return { kind: 'focus', to: 'previous' };
    case 'ArrowDown':
      return { kind: 'focus', to: 'next' };
    case 'PageUp':
      return { kind: 'focus', to: 'page-up' };
    case 'PageDown':
      return { kind: 'focus', to: 'page-down' };
    case 'Home':
      return { kind: 'focus', to: 'first' };
    case 'End':
      return { kind: 'focus', to: 'last' };
    case 'ArrowRight':
      return { kind: 'expand' };
    case 'ArrowLeft':
      return { kind: 'collapse' };
    case 'Enter':
      return { kind: 'open' };
    case ' ':
      return { kind: 'details' };
    case '+':
    case '=':
      return { kind: 'zoom', direction: 'in' };
    case '-':
      return { kind: 'zoom', direction: 'out' };
    case 't':
    case 'T':
      return { kind: 'today' };
    case 'Escape':
      return { kind: 'escape' };
    default:
      return undefined;
  }
}

/** The row index a focus command leads to, clamped to the rows. */
export function focusTarget(to: Extract<GridCommand, { kind: 'focus' }>['to'], current: number, rowCount: number, pageRows: number): number {
  const last = rowCount - 1;
  const next = {
    previous: current - 1,
    next: current + 1,
    'page-up': current - pageRows,
    'page-down': current + pageRows,
    first: 0,
    last,
  }[to];
  return Math.max(0, Math.min(last, next));
}
