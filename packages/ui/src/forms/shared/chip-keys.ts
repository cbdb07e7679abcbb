/**
 * Where focus goes in a chip control: a chip's remove button by its index (counted after any removal),
 * or the text input.
 */
export type ChipFocusTarget = number | 'input';

/** What a key pressed on a chip's remove button does. */
export type ChipKeyAction =
  | { readonly kind: 'focus'; readonly target: ChipFocusTarget }
  | { readonly kind: 'remove'; readonly index: number; readonly then: ChipFocusTarget }
  | { readonly kind: 'none' };

/**
 * The roving keys of the chips of `count` chips, pressed on chip `index`. The chips sit before the input
 * in reading order, so "forward" (ArrowRight, or ArrowLeft when right-to-left) past the last chip goes
 * back to the input, and "backward" stops at the first chip. Home and End go to the first chip and the
 * input. Escape returns to the input. Backspace removes the chip and focuses the one before it (the one
 * after when it was the first), Delete focuses the one after it; with no chip left, the input.
 */
export function chipKeyAction(key: string, index: number, count: number, rtl = false): ChipKeyAction {
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
  const left = count - 1;
  switch (key) {
    case forward:
      return { kind: 'focus', target: index + 1 < count ? index + 1 : 'input' };
    case backward:
      return { kind: 'focus', target: Math.max(0, index - 1) };
    case 'Home':
      return { kind: 'focus', target: 0 };
    case 'End':
    case 'Escape':
      return { kind: 'focus', target: 'input' };
    case 'Backspace':
      return { kind: 'remove', index, then: left === 0 ? 'input' : Math.max(0, index - 1) };
    case 'Delete':
      return { kind: 'remove', index, then: index < left ? index : 'input' };
    default:
      return { kind: 'none' };
  }
}

/**
 * Whether a key in the text input moves focus to the last chip: the "backward" arrow (ArrowLeft, or
 * ArrowRight when right-to-left) with the caret at the very start and nothing selected, when there are chips.
 */
export function leavesInputForChips(key: string, input: Pick<HTMLInputElement, 'selectionStart' | 'selectionEnd'>, count: number, rtl = false): boolean {
  if (count === 0 || key !== (rtl ? 'ArrowRight' : 'ArrowLeft')) return false;
  return input.selectionStart === 0 && input.selectionEnd === 0;
}

/** Focuses `target` among the chip remove buttons (`.chip button`) or the `input` of a control's shadow root. */
export function focusChipTarget(root: ParentNode, target: ChipFocusTarget): void {
  const element = target === 'input' ? root.querySelector('input') : root.querySelectorAll<HTMLElement>('.chip button')[target];
  element?.focus();
}
