import { markdownToText } from '@cwm/ui';

/** Longest preview of a mentioning message, in characters, before it is cut with an ellipsis. */
export const PREVIEW_LENGTH = 140;

/**
 * One-line plain text of a markdown message (through @cwm/ui's `markdownToText`), whitespace collapsed
 * and cut at `maxLength`. Rendered only as text, never as HTML.
 */
export function previewText(markdown: string, maxLength = PREVIEW_LENGTH): string {
  const text = markdownToText(markdown).replace(/\s+/g, ' ').trim();
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
