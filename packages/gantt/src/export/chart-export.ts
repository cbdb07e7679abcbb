// Export of what a Gantt shows right now, as a standalone SVG document or a PNG, in the browser.
// The picture is assembled in the viewport's coordinates from measured client rects, so whatever
// moved the content (scrolling, sticky panes, the timeline window's translateY) is honoured as drawn.
import { boxShowsIn, intersectBoxes, roundPx, type ClientBox, type ClientPoint } from './client-box.js';
import { isTransparentColor, portableColor } from './css-values.js';
import { paintHtml } from './html-paint.js';
import { cloneVisibleSvg } from './svg-clone.js';
import { ExportIds, svgElement } from './svg-build.js';

/** The live parts of a Gantt to export. */
export interface ExportSource {
  /** The scroll container: its visible client area is exactly what is exported. */
  readonly viewport: HTMLElement;
  /** The task grid beside the timeline; its boxes and texts are exported when given. */
  readonly gridPane?: HTMLElement;
  /** frappe's `.gantt-container` (its svg and its HTML date header). */
  readonly frappeContainer: HTMLElement;
  /** Our overlay (dependency arrows, today line, milestones), drawn over frappe's bars. */
  readonly overlay?: SVGSVGElement;
  /** Plain text for the document's `<title>`. */
  readonly title?: string;
}

/** How a PNG is rendered. */
export interface PngExportOptions {
  /** Device pixels per CSS pixel; defaults to `devicePixelRatio` (sharp on the screen it came from). */
  readonly scale?: number;
}

/** Used when neither the viewport nor any ancestor paints a background. */
const FALLBACK_BACKGROUND = 'rgb(255, 255, 255)';

/**
 * A standalone SVG document (serialised) of exactly what the viewport shows: the grid, frappe's
 * header and bars, the overlay, on the viewport's background, clipped to its size. Styles are
 * inlined, user text is text, and nothing scrolled out of view is included.
 */
export function exportSvg(source: ExportSource): string {
  return new XMLSerializer().serializeToString(buildExportSvg(source));
}

/** {@link exportSvg} as an `image/svg+xml` blob, ready for {@link downloadBlob}. */
export function exportSvgBlob(source: ExportSource): Blob {
  return new Blob([exportSvg(source)], { type: 'image/svg+xml' });
}

/**
 * The same picture as a PNG, rendered by the browser from the SVG (no foreignObject, so the canvas is
 * not tainted and `toBlob` works). Size: the viewport's client size times `scale`, rounded.
 */
export async function exportPng(source: ExportSource, options: PngExportOptions = {}): Promise<Blob> {
  const scale = options.scale ?? window.devicePixelRatio ?? 1;
  if (!(scale > 0)) throw new RangeError(`exportPng: scale must be positive, got ${scale}`);
  const { width, height } = visibleSize(source.viewport);
  const url = URL.createObjectURL(exportSvgBlob(source));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('exportPng: no 2d canvas context');
    // Drawn at the target size, an SVG image is rasterised at that size: sharp, not an upscaled bitmap.
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob === null ? reject(new Error('exportPng: the canvas produced no image')) : resolve(blob)), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The export as an SVG element (not attached anywhere). */
function buildExportSvg(source: ExportSource): SVGSVGElement {
  const { viewport, gridPane, frappeContainer, overlay } = source;
  const { width, height } = visibleSize(viewport);
  const viewportBox = viewport.getBoundingClientRect();
  // The client area starts inside the border; scrollbars are outside clientWidth/clientHeight.
  const origin: ClientPoint = { x: viewportBox.left + viewport.clientLeft, y: viewportBox.top + viewport.clientTop };
  const visible: ClientBox = { left: origin.x, top: origin.y, right: origin.x + width, bottom: origin.y + height };

  const root = svgElement('svg', { width, height, viewBox: `0 0 ${width} ${height}` });
  root.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (source.title !== undefined) {
    const title = svgElement('title');
    title.textContent = source.title;
    root.append(title);
  }
  const defs = svgElement('defs');
  root.append(defs);
  root.append(svgElement('rect', { x: 0, y: 0, width, height, fill: backgroundOf(viewport) }));
  const ids = new ExportIds();

  const gridBox = gridPane !== undefined && isShown(gridPane) ? intersectBoxes(gridPane.getBoundingClientRect(), visible) : undefined;
  const timelineClip = gridBox !== undefined ? besideGrid(visible, gridBox) : visible;
  // frappe's date header is sticky: bars that scroll under it are covered, so they are left out.
  const header = frappeContainer.querySelector<HTMLElement>('.grid-header');
  const headerBox = header !== null && isShown(header) ? header.getBoundingClientRect() : undefined;
  const bodyClip: ClientBox =
    headerBox !== undefined && boxShowsIn(headerBox, timelineClip)
      ? { ...timelineClip, top: Math.max(timelineClip.top, headerBox.bottom) }
      : timelineClip;

  const timeline = clippedGroup(root, defs, ids, timelineClip, origin);
  const body = clippedGroup(timeline, defs, ids, bodyClip, origin);
  const frappeSvg = frappeContainer.querySelector<SVGSVGElement>('svg.gantt');
  for (const svg of [frappeSvg, overlay]) {
    if (svg === null || svg === undefined) continue;
    const copy = cloneVisibleSvg(svg, bodyClip, origin);
    if (copy !== null) body.append(copy);
  }
  const skip = new Set<Element>([...frappeContainer.querySelectorAll('svg.gantt, .popup-wrapper, .extras')]);
  paintHtml(frappeContainer, timeline, { origin, clip: timelineClip, defs, ids, skip });

  if (gridPane !== undefined && gridBox !== undefined) {
    const grid = clippedGroup(root, defs, ids, gridBox, origin);
    paintHtml(gridPane, grid, { origin, clip: gridBox, defs, ids });
  }
  if (defs.childElementCount === 0) defs.remove();
  return root;
}

/** The viewport's visible size in CSS px, without borders and scrollbars. */
function visibleSize(viewport: HTMLElement): { width: number; height: number } {
  return { width: viewport.clientWidth, height: viewport.clientHeight };
}

function isShown(element: Element): boolean {
  return getComputedStyle(element).display !== 'none' && element.getClientRects().length > 0;
}

/** What of the viewport the timeline shows: the side the grid pane does not cover (RTL puts it right). */
function besideGrid(visible: ClientBox, grid: ClientBox): ClientBox {
  const gridOnLeft = grid.left - visible.left <= visible.right - grid.right;
  return gridOnLeft ? { ...visible, left: Math.max(visible.left, grid.right) } : { ...visible, right: Math.min(visible.right, grid.left) };
}

/** A group clipped to `clip`, appended to `parent`. */
function clippedGroup(parent: SVGElement, defs: SVGDefsElement, ids: ExportIds, clip: ClientBox, origin: ClientPoint): SVGGElement {
  const id = ids.next('clip');
  const clipPath = svgElement('clipPath', { id });
  clipPath.append(
    svgElement('rect', {
      x: roundPx(clip.left - origin.x),
      y: roundPx(clip.top - origin.y),
      width: roundPx(Math.max(0, clip.right - clip.left)),
      height: roundPx(Math.max(0, clip.bottom - clip.top)),
    }),
  );
  defs.append(clipPath);
  const group = svgElement('g', { 'clip-path': `url(#${id})` });
  parent.append(group);
  return group;
}

/**
 * The colour behind the chart: the viewport's background, or the nearest ancestor's that paints one
 * (crossing shadow boundaries), so a dark theme exports dark.
 */
function backgroundOf(viewport: HTMLElement): string {
  let element: Element | null = viewport;
  while (element !== null) {
    const color = getComputedStyle(element).backgroundColor;
    if (!isTransparentColor(color)) return portableColor(color);
    const parent: Node | null = element.parentNode;
    element = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return FALLBACK_BACKGROUND;
}
