// Bar labels are centred on their bar, or put after it when they do not fit: that needs their width.
// frappe measures each label with getBBox in a requestAnimationFrame per bar and writes its position
// right after, so every bar forces a layout of its own (read, write, read, ...). A canvas measures text
// without any layout; widths are cached per font, since the same names come back as the window moves.

let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
let currentFont = '';
const widths = new Map<string, number>();

function measuringContext(): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null {
  if (context === undefined) {
    context = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : document.createElement('canvas').getContext('2d');
  }
  return context;
}

/**
 * Width in CSS pixels of `text` drawn in `font` (a CSS `font` shorthand). Falls back to an estimate
 * (0.6 em per character) where no canvas exists, which only moves a label, never a bar.
 */
export function textWidth(text: string, font: string): number {
  if (font !== currentFont) {
    widths.clear();
    currentFont = font;
  }
  let width = widths.get(text);
  if (width === undefined) {
    const canvas = measuringContext();
    if (canvas === null) {
      const size = Number.parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '13');
      width = text.length * size * 0.6;
    } else {
      canvas.font = font;
      width = canvas.measureText(text).width;
    }
    widths.set(text, width);
  }
  return width;
}
