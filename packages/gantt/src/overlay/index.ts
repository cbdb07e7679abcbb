// The dependency overlay of <cwm-gantt>: arrows of all four types, the today line, milestone diamonds
// and the link handles, drawn over frappe's timeline.

export type { BarGeometry, ScaleLike } from './scale-like.js';
export {
  ARROW_HEAD_LENGTH,
  ARROW_STUB,
  arrowHeadPath,
  arrowPath,
  arrowRoute,
  arrowShape,
  arrowSource,
  arrowTarget,
  type ArrowLink,
  type ArrowShape,
  type Point,
} from './arrow-geometry.js';
export {
  barOfId,
  barOfRow,
  rowIndexOf,
  linkTargetAt,
  linkTypeFor,
  MILESTONE_HALF_SIZE,
  rowBarGeometry,
  sidePoint,
  handlePoint,
  HANDLE_OFFSET,
  type BarLayout,
  type DragGeometry,
  type LinkSide,
  type LinkTarget,
  type OverlayRow,
  type OverlayRows,
  type RowRange,
} from './row-bars.js';
export { LinkDrag, type LinkDraft, type LinkDragOptions, type LinkRequest } from './link-drag.js';
export { linkKey, renderOverlay, type OverlayInput, type OverlayLink } from './gantt-overlay.js';
export { overlayStyles } from './overlay.styles.js';
