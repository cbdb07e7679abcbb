// The chat's use of the safe markdown of @cwm/ui, in one place: bodies render through the sanitizing
// renderer (never as HTML), quotes use its plain text, and every attachment URL passes `safeUrl`.
import { markdownStyles, markdownToText, renderMarkdown, safeUrl } from '@cwm/ui';
import type { CSSResult, TemplateResult } from 'lit';
import type { Id } from '@cwm/core';

/** Renders a message body (markdown subset; `@Name` of `mentions` as mention chips). */
export function renderBody(source: string, mentions: ReadonlyMap<Id, string>): TemplateResult {
  return renderMarkdown(source, { mentions });
}

/** Plain text of a body (for reply quotes and labels). */
export function bodyText(source: string): string {
  return markdownToText(source);
}

/** The URL when it is http, https or mailto; `undefined` for anything else. */
export function checkUrl(url: string): string | undefined {
  return safeUrl(url);
}

/** Styles of the rendered markdown. */
export const bodyStyles: CSSResult = markdownStyles;
