// The small syntax tree of the safe markdown subset. It holds only plain strings and already-vetted
// URLs: nothing in it is markup, so a renderer that writes strings as text cannot produce HTML.

/**
 * An inline piece of a block.
 * - `text`: literal text (everything the subset does not understand stays here, unchanged).
 * - `break`: a single newline inside a paragraph or list item (a line break, as chat users expect).
 * - `strong` / `emphasis`: `**bold**`, `*italic*` or `_italic_`.
 * - `code`: `` `inline code` ``, its text verbatim.
 * - `link`: `[text](url)` or a bare URL; `href` has passed `safeUrl`, `bare` tells which form it came from.
 */
export type MarkdownInline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'break' }
  | { readonly kind: 'strong'; readonly children: readonly MarkdownInline[] }
  | { readonly kind: 'emphasis'; readonly children: readonly MarkdownInline[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly href: string; readonly bare: boolean; readonly children: readonly MarkdownInline[] };

/**
 * A block of the parsed document (what `parseMarkdown` returns, in source order).
 * - `paragraph`: consecutive non-blank lines; single newlines inside are `break` nodes.
 * - `code-block`: a ``` fenced block; `text` is verbatim, `language` the info string ('' when none).
 * - `list`: consecutive `-`/`*` items (`ordered: false`) or `1.` items (`ordered: true`, `start` = first number);
 *   each item is a run of inline nodes.
 */
export type MarkdownNode =
  | { readonly kind: 'paragraph'; readonly children: readonly MarkdownInline[] }
  | { readonly kind: 'code-block'; readonly language: string; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly (readonly MarkdownInline[])[] };
