// Draws HTML boxes (frappe's date header, our task grid) as SVG: a rect per painted background or
// border, a <text> per run of text at the place the browser laid it out. Good enough for panes of
// single-line labels on coloured boxes, which is what a Gantt's HTML parts are; no foreignObject,
// because that would taint the canvas the PNG is drawn on.
import { boxShowsIn, roundPx, type ClientBox, type ClientPoint } from './client-box.js';
import { hidesSubtree, isTransparentColor, portableColor, pxValue } from './css-values.js';
import { cloneVisibleSvg } from './svg-clone.js';
import { svgElement, type ExportIds } from './svg-build.js';

/** Where and how HTML is painted into the export. */
export interface HtmlPaintContext {
  /** The export's top left, in client coordinates. */
  readonly origin: ClientPoint;
  /** Only what shows inside this box (client coordinates) is painted. */
  readonly clip: ClientBox;
  /** Where per-label clip paths go. */
  readonly defs: SVGDefsElement;
  readonly ids: ExportIds;
  /** Elements skipped with their subtree (frappe's own svg, drawn separately; its popup). */
  readonly skip?: ReadonlySet<Element>;
}

/** Form controls and media: their look is not in the DOM, and images could taint the canvas. */
const UNPAINTED_ELEMENTS = new Set(['input', 'select', 'textarea', 'img', 'video', 'canvas', 'iframe', 'script', 'style', 'template']);

/**
 * Paints `root` and its descendants into `target`, in roughly the browser's stacking order: normal
 * flow first, then positioned elements with a z-index and sticky ones (sticky headers must cover the
 * rows that scroll under them), by z-index.
 */
export function paintHtml(root: Element, target: SVGElement, context: HtmlPaintContext): void {
  paintLayer(root, target, context);
}

interface Deferred {
  readonly element: Element;
  readonly zIndex: number;
  readonly order: number;
}

function paintLayer(layerRoot: Element, target: SVGElement, context: HtmlPaintContext): void {
  const deferred: Deferred[] = [];
  paintElement(layerRoot, target, context, deferred, true);
  deferred.sort((a, b) => a.zIndex - b.zIndex || a.order - b.order);
  for (const entry of deferred) paintLayer(entry.element, target, context);
}

function paintElement(element: Element, target: SVGElement, context: HtmlPaintContext, deferred: Deferred[], isLayerRoot: boolean): void {
  if (context.skip?.has(element) === true) return;
  if (UNPAINTED_ELEMENTS.has(element.localName)) return;
  if (element instanceof SVGSVGElement) {
    const copy = cloneVisibleSvg(element, context.clip, context.origin);
    if (copy !== null) target.append(copy);
    return;
  }
  if (!(element instanceof HTMLElement)) return;
  const style = getComputedStyle(element);
  if (hidesSubtree(style)) return;
  if (!isLayerRoot && startsOwnLayer(style)) {
    deferred.push({ element, zIndex: Number.parseInt(style.zIndex, 10) || 0, order: deferred.length });
    return;
  }

  let into = target;
  const opacity = Number(style.opacity);
  if (opacity < 1) {
    into = svgElement('g', { opacity });
    target.append(into);
  }
  // visibility is inherited and can be turned back on by a child, so a hidden box still recurses.
  if (style.visibility !== 'hidden') {
    const box = element.getBoundingClientRect();
    if (boxShowsIn(box, context.clip)) paintBox(box, style, into, context.origin);
  }
  for (const child of paintedChildren(element)) {
    if (child.nodeType === Node.TEXT_NODE) {
      if (style.visibility !== 'hidden') paintText(child as Text, element, style, into, context);
    } else if (child instanceof Element) {
      paintElement(child, into, context, deferred, false);
    }
  }
}

/** Sticky boxes and positioned boxes with a z-index paint above the normal flow. */
function startsOwnLayer(style: CSSStyleDeclaration): boolean {
  if (style.position === 'sticky' || style.position === 'fixed') return true;
  return style.position !== 'static' && style.zIndex !== 'auto';
}

/** Children as rendered: a shadow root's content, or what a slot shows. */
function paintedChildren(element: HTMLElement): Node[] {
  if (element.shadowRoot !== null) return [...element.shadowRoot.childNodes];
  if (element instanceof HTMLSlotElement) {
    const assigned = element.assignedNodes({ flatten: true });
    return assigned.length > 0 ? assigned : [...element.childNodes];
  }
  return [...element.childNodes];
}

/** The element's background and borders. */
function paintBox(box: DOMRect, style: CSSStyleDeclaration, target: SVGElement, origin: ClientPoint): void {
  const x = box.left - origin.x;
  const y = box.top - origin.y;
  if (!isTransparentColor(style.backgroundColor) && box.width > 0 && box.height > 0) {
    const radius = cornerRadius(style.borderTopLeftRadius, box);
    const rect = svgElement('rect', { x: roundPx(x), y: roundPx(y), width: roundPx(box.width), height: roundPx(box.height), fill: portableColor(style.backgroundColor) });
    if (radius > 0) rect.setAttribute('rx', String(roundPx(radius)));
    target.append(rect);
  }
  const sides = [
    { width: style.borderTopWidth, kind: style.borderTopStyle, color: style.borderTopColor, side: 'top' },
    { width: style.borderRightWidth, kind: style.borderRightStyle, color: style.borderRightColor, side: 'right' },
    { width: style.borderBottomWidth, kind: style.borderBottomStyle, color: style.borderBottomColor, side: 'bottom' },
    { width: style.borderLeftWidth, kind: style.borderLeftStyle, color: style.borderLeftColor, side: 'left' },
  ] as const;
  for (const border of sides) {
    const width = pxValue(border.width);
    if (!(width > 0) || border.kind === 'none' || border.kind === 'hidden' || isTransparentColor(border.color)) continue;
    const strip =
      border.side === 'top' ? { x, y, width: box.width, height: width }
      : border.side === 'bottom' ? { x, y: y + box.height - width, width: box.width, height: width }
      : border.side === 'left' ? { x, y, width, height: box.height }
      : { x: x + box.width - width, y, width, height: box.height };
    target.append(
      svgElement('rect', {
        x: roundPx(strip.x),
        y: roundPx(strip.y),
        width: roundPx(strip.width),
        height: roundPx(strip.height),
        fill: portableColor(border.color),
      }),
    );
  }
}

/** `border-radius` in px; a percentage is of the width (a dot, a pill). */
function cornerRadius(value: string, box: DOMRect): number {
  const first = value.split(' ')[0] ?? '';
  if (first.endsWith('%')) return (Number(first.slice(0, -1)) / 100) * box.width;
  const px = pxValue(first);
  return Number.isNaN(px) ? 0 : Math.min(px, box.width / 2, box.height / 2);
}

/**
 * One <text> for a run of text, placed where the browser laid out its first line. The string goes in
 * through `textContent` only: a task named like markup stays text in the file.
 */
function paintText(node: Text, parent: HTMLElement, style: CSSStyleDeclaration, target: SVGElement, context: HtmlPaintContext): void {
  const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return;
  const range = document.createRange();
  range.selectNodeContents(node);
  const lines = [...range.getClientRects()].filter((rect) => rect.width > 0);
  range.detach();
  const line = lines[0];
  if (line === undefined || !boxShowsIn(line, context.clip)) return;

  const label = svgElement('text', {
    x: roundPx(line.left - context.origin.x),
    y: roundPx(line.top + line.height / 2 - context.origin.y),
    'dominant-baseline': 'central',
    'text-anchor': 'start',
    fill: portableColor(style.color),
    'font-family': style.fontFamily,
    'font-size': style.fontSize,
    'font-weight': style.fontWeight,
    'font-style': style.fontStyle,
  });
  label.textContent = text;

  // Text cut by its box (ellipsis, overflow hidden) is cut the same way in the picture.
  const box = parent.getBoundingClientRect();
  const overflows = line.right > box.right + 0.5 || line.left < box.left - 0.5 || lines.length > 1;
  if (overflows && style.overflowX !== 'visible') {
    const id = context.ids.next('text-clip');
    const clipPath = svgElement('clipPath', { id });
    clipPath.append(
      svgElement('rect', {
        x: roundPx(box.left - context.origin.x),
        y: roundPx(box.top - context.origin.y),
        width: roundPx(box.width),
        height: roundPx(box.height),
      }),
    );
    context.defs.append(clipPath);
    label.setAttribute('clip-path', `url(#${id})`);
  }
  target.append(label);
}
