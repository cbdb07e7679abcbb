// The safe markdown subset shared by chat messages and task descriptions: parse to a small tree,
// render the tree with lit templates. No string is ever parsed as HTML (no innerHTML, no unsafeHTML).
import type { Id } from '@cwm/core';
import type { TemplateResult } from 'lit';
import { parseMarkdown } from './parse.js';
import { renderNodes } from './render.js';
import { nodesToText } from './to-text.js';

export type { MarkdownInline, MarkdownNode } from './ast.js';
export { parseMarkdown } from './parse.js';
export { safeUrl } from './safe-url.js';
export { markdownStyles } from './markdown.styles.js';

/** How `renderMarkdown` treats the text beyond the syntax. */
export interface MarkdownOptions {
  /** People mentioned in this text: id -> display name. `@Name` of these people renders as a mention chip. */
  readonly mentions?: ReadonlyMap<Id, string>;
}

/**
 * Renders markdown source as a lit template: `<div class="markdown">` holding paragraphs, lists, code
 * and links (new tab, `rel="noopener noreferrer nofollow"`), with `@Name` of `options.mentions` as
 * `<span class="mention" data-person-id>`. Adopt `markdownStyles` in the shadow root that shows it.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): TemplateResult {
  return renderNodes(parseMarkdown(source), options.mentions);
}

/** The plain text a reader sees (no markup, no URLs of titled links), for previews and aria labels. */
export function markdownToText(source: string): string {
  return nodesToText(parseMarkdown(source));
}
