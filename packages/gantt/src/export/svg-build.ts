// Creating SVG nodes for the export. Everything goes through DOM APIs (attributes and textContent);
// no markup is ever assembled from strings, so user text can only ever become text.

/** The SVG namespace. */
export const SVG_NS = 'http://www.w3.org/2000/svg';

/** A new SVG element with the given attributes (numbers are written as they are). */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number>> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** Hands out ids unique within one export (clip paths), prefixed so they cannot clash with cloned ids. */
export class ExportIds {
  #next = 0;
  /** A fresh id such as `cwm-export-clip-3`. */
  next(kind: string): string {
    this.#next += 1;
    return `cwm-export-${kind}-${this.#next}`;
  }
}
