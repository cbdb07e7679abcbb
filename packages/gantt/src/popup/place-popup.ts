import type { PopupAnchor } from './popup-model.js';

/** Width and height in CSS pixels. */
export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

/** Where the popup's top-left corner goes, in viewport pixels (for `position: fixed`). */
export interface PopupPlacement {
  readonly left: number;
  readonly top: number;
}

/** Gap kept between the popup and the anchor, and between the popup and the viewport's edges. */
export const POPUP_GAP = 8;

/**
 * Places a popup of `size` next to `anchor` inside `viewport`: below and to the right of the anchor
 * when it fits, above it when there is no room below, shifted left when it would leave the right edge,
 * and never past the top-left edge (a popup larger than the viewport scrolls inside itself instead).
 */
export function placePopup(anchor: PopupAnchor, size: BoxSize, viewport: BoxSize, gap: number = POPUP_GAP): PopupPlacement {
  let left = anchor.x;
  if (left + size.width > viewport.width - gap) left = viewport.width - gap - size.width;
  let top = anchor.y + gap;
  if (top + size.height > viewport.height - gap) {
    const above = anchor.y - gap - size.height;
    top = above >= gap ? above : viewport.height - gap - size.height;
  }
  return { left: Math.max(gap, left), top: Math.max(gap, top) };
}
