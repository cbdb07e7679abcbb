// Reading computed CSS values the export needs to decide what to draw.

/** Whether a computed colour paints nothing (`transparent`, or any syntax with alpha 0). */
export function isTransparentColor(color: string): boolean {
  const value = color.trim();
  if (value === '' || value === 'transparent' || value === 'none') return true;
  // rgba(r, g, b, a) / rgb(r g b / a) / color(srgb r g b / a): the alpha is the last number.
  const alpha = /[,/]\s*([\d.]+)(%?)\s*\)$/.exec(value);
  if (alpha === null) return false;
  // In rgb(r, g, b) the "last number after a comma" is blue, not alpha: only rgba/slash forms carry one.
  if (!value.startsWith('rgba(') && !value.includes('/')) return false;
  return Number(alpha[1]) === 0;
}

/** A computed length in px (`'12px'` -> 12); `NaN` when it is not in px. */
export function pxValue(value: string): number {
  return value.endsWith('px') ? Number(value.slice(0, -2)) : Number.NaN;
}

/** Whether a computed style hides an element and everything in it from painting. */
export function hidesSubtree(style: CSSStyleDeclaration): boolean {
  return style.display === 'none' || style.opacity === '0';
}

const portable = new Map<string, string>();
let probe: CanvasRenderingContext2D | null | undefined;

/**
 * A computed colour as `rgb()` / `rgba()`, which every SVG viewer reads. Chromium computes
 * `color-mix()` (our bar colours) as `color(srgb r g b)`, which many viewers and editors do not know.
 * Other values (`none`, `url(...)`, keywords) come back unchanged.
 */
export function portableColor(value: string): string {
  const text = value.trim();
  if (!text.startsWith('color(') && !text.startsWith('oklab(') && !text.startsWith('oklch(') && !text.startsWith('lab(') && !text.startsWith('lch(')) return value;
  const known = portable.get(text);
  if (known !== undefined) return known;
  const converted = srgbFunction(text) ?? viaCanvas(text) ?? value;
  portable.set(text, converted);
  return converted;
}

/** `color(srgb r g b [/ a])` with channels 0..1 (or percentages), converted exactly. */
function srgbFunction(text: string): string | undefined {
  const match = /^color\(\s*srgb\s+([-\d.e]+%?)\s+([-\d.e]+%?)\s+([-\d.e]+%?)\s*(?:\/\s*([-\d.e]+%?))?\s*\)$/.exec(text);
  if (!match) return undefined;
  const unit = (part: string): number => (part.endsWith('%') ? Number(part.slice(0, -1)) / 100 : Number(part));
  const channel = (part: string): number => Math.round(Math.min(1, Math.max(0, unit(part))) * 255);
  const [r, g, b] = [match[1]!, match[2]!, match[3]!].map(channel);
  const alpha = match[4] === undefined ? 1 : Math.min(1, Math.max(0, unit(match[4])));
  return alpha === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round(alpha * 1000) / 1000})`;
}

/** Any other colour space: painted on a 1 x 1 canvas and read back in sRGB. */
function viaCanvas(text: string): string | undefined {
  if (probe === undefined) probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return undefined;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = text;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round(((a ?? 0) / 255) * 1000) / 1000})`;
}
