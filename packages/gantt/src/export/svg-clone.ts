// Copies a live <svg> (frappe's chart, our overlay, an icon) into the export: only the parts that
// show inside the clip, with the computed styles that matter written onto each copy, because the
// shadow root's stylesheet and the --cwm-* custom properties do not travel with the file.
import { boxShowsIn, roundPx, type ClientBox, type ClientPoint } from './client-box.js';
import { hidesSubtree, portableColor } from './css-values.js';
import { svgElement } from './svg-build.js';

/**
 * Properties inlined on the copies: what decides how a shape or a label looks. All but `opacity`
 * inherit, so a copy only carries the ones that differ from its parent's (the parent's copy carries
 * those): the file says the same with a fraction of the text. The outermost copy carries them all.
 */
const INHERITED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'visibility',
] as const;

/**
 * Not inherited everywhere (SVG 1.1 viewers do not inherit `dominant-baseline`), so written wherever
 * it is not the initial value.
 */
const OWN_PROPERTIES = [
  ['opacity', '1'],
  ['dominant-baseline', 'auto'],
] as const;

/**
 * Never copied: scripts and links could run code, foreignObject would taint the PNG's canvas, and
 * animations (frappe grows bars from width 0) would make the file differ from what was on screen.
 */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'foreignobject', 'iframe', 'a', 'animate', 'animatetransform', 'animatemotion', 'set']);

/** Definitions and metadata: not painted where they stand, so copied whole without measuring. */
const DEFINITION_ELEMENTS = new Set([
  'defs',
  'pattern',
  'clippath',
  'mask',
  'marker',
  'lineargradient',
  'radialgradient',
  'symbol',
  'filter',
]);

/** Not worth carrying: the export has its own title, and hover hints mean nothing in a picture. */
const METADATA_ELEMENTS = new Set(['title', 'desc', 'metadata']);

/**
 * A standalone copy of `source` positioned in export coordinates (`origin` is the export's top left in
 * client coordinates), or `null` when nothing of it shows inside `clip`.
 */
export function cloneVisibleSvg(source: SVGSVGElement, clip: ClientBox, origin: ClientPoint): SVGSVGElement | null {
  const style = getComputedStyle(source);
  if (hidesSubtree(style) || style.visibility === 'hidden') return null;
  const box = source.getBoundingClientRect();
  if (!boxShowsIn(box, clip)) return null;
  // A nested <svg> at the measured box: its user units are CSS px unless it has a viewBox (copied).
  const copy = svgElement('svg', {
    x: roundPx(box.left - origin.x),
    y: roundPx(box.top - origin.y),
    width: roundPx(box.width),
    height: roundPx(box.height),
  });
  for (const name of ['viewBox', 'preserveAspectRatio']) {
    const value = source.getAttribute(name);
    if (value !== null) copy.setAttribute(name, value);
  }
  if (style.overflow === 'visible') copy.setAttribute('overflow', 'visible');
  inlineStyles(copy, style, undefined);
  appendVisibleChildren(source, copy, clip, style);
  return copy;
}

function appendVisibleChildren(source: Element, target: Element, clip: ClientBox, parentStyle: CSSStyleDeclaration): void {
  for (const child of source.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.append(document.createTextNode(child.textContent ?? ''));
    } else if (child instanceof SVGElement) {
      const copy = cloneVisibleElement(child, clip, parentStyle);
      if (copy !== null) target.append(copy);
    }
    // HTML inside an SVG can only come through foreignObject, which is dropped; comments are dropped.
  }
}

function cloneVisibleElement(source: SVGElement, clip: ClientBox, parentStyle: CSSStyleDeclaration): Element | null {
  const tag = source.localName.toLowerCase();
  if (DROPPED_ELEMENTS.has(tag) || METADATA_ELEMENTS.has(tag)) return null;
  if (DEFINITION_ELEMENTS.has(tag)) return cloneDefinition(source);

  const style = getComputedStyle(source);
  if (hidesSubtree(style) || style.visibility === 'hidden') return null;
  // A group's box is the union of its children's, so a group outside the clip takes its subtree with it.
  if (source instanceof SVGGraphicsElement && !boxShowsIn(source.getBoundingClientRect(), clip)) return null;

  const copy = source.cloneNode(false) as Element;
  removeActiveAttributes(copy);
  inlineStyles(copy, style, parentStyle);
  appendVisibleChildren(source, copy, clip, style);
  return copy;
}

/** A gradient, pattern or marker copied whole (minus anything active), styles inlined as they stand. */
function cloneDefinition(source: SVGElement): Element {
  const copy = source.cloneNode(true) as Element;
  for (const element of [copy, ...copy.querySelectorAll('*')]) {
    const tag = element.localName.toLowerCase();
    if (DROPPED_ELEMENTS.has(tag)) element.remove();
    else removeActiveAttributes(element);
  }
  return copy;
}

/** Event handlers and links could run code where the file is opened; the picture needs neither. */
function removeActiveAttributes(element: Element): void {
  for (const name of element.getAttributeNames()) {
    const lower = name.toLowerCase();
    const value = element.getAttribute(name) ?? '';
    const linksOut = (lower === 'href' || lower === 'xlink:href') && !value.startsWith('#');
    // `style` is rebuilt from computed values; `class` stays so readers of the file can find parts.
    if (lower.startsWith('on') || linksOut || lower === 'style' || lower === 'tabindex') {
      element.removeAttribute(name);
    }
  }
}

/**
 * Writes the computed look onto the copy (as a `style` attribute, which nothing in the file can
 * override); inherited values equal to the parent's are left to inheritance. Local `url(...)`
 * references are kept local.
 */
function inlineStyles(copy: Element, style: CSSStyleDeclaration, parentStyle: CSSStyleDeclaration | undefined): void {
  const declarations: string[] = [];
  for (const property of INHERITED_PROPERTIES) {
    const value = style.getPropertyValue(property);
    if (value === '' || (parentStyle !== undefined && parentStyle.getPropertyValue(property) === value)) continue;
    declarations.push(`${property}: ${portableColor(localUrl(value))}`);
  }
  for (const [property, initial] of OWN_PROPERTIES) {
    const value = style.getPropertyValue(property);
    if (value !== '' && value !== initial) declarations.push(`${property}: ${value}`);
  }
  if (declarations.length > 0) copy.setAttribute('style', declarations.join('; '));
}

/** Chromium computes `url(#id)` as an absolute URL of the page; in a file only the fragment works. */
function localUrl(value: string): string {
  return value.replace(/url\(\s*["']?[^"')#]*(#[^"')]+)["']?\s*\)/g, 'url("$1")');
}
