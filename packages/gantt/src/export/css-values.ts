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
