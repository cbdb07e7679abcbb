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
  /** Set when the popup must be shorter than it is (and scroll inside) to stay off what it belongs to. */
  readonly maxHeight?: number;
}

/** Gap kept between the popup and the anchor, and between the popup and the viewport's edges. */
export const POPUP_GAP = 8;

/**
 * Places a popup of `size` next to `anchor` inside `viewport`: below and to the right of the anchor
 * when it fits, above it (above `anchor.top` when given) when there is no room below, shifted left when
 * it would leave the right edge, and never past the top-left edge. When it fits on neither side:
 * without `anchor.top` it is pushed up from the bottom (and scrolls inside itself when larger than the
 * viewport); with `anchor.top` it takes the roomier side with a `maxHeight`, because covering the bar
 * it belongs to would catch the second click of a double click on that bar.
 */
export function placePopup(anchor: PopupAnchor, size: BoxSize, viewport: BoxSize, gap: number = POPUP_GAP): PopupPlacement {
  let left = anchor.x;
  if (left + size.width > viewport.width - gap) left = viewport.width - gap - size.width;
  left = Math.max(gap, left);
  const below = anchor.y + gap;
  if (below + size.height <= viewport.height - gap) return { left, top: below };
  const ceiling = anchor.top ?? anchor.y;
  const above = ceiling - gap - size.height;
  if (above >= gap) return { left, top: above };
  if (anchor.top === undefined) return { left, top: Math.max(gap, viewport.height - gap - size.height) };
  const roomBelow = viewport.height - gap - below;
  const roomAbove = ceiling - 2 * gap;
  return roomBelow >= roomAbove ? { left, top: below, maxHeight: roomBelow } : { left, top: gap, maxHeight: roomAbove };
}
