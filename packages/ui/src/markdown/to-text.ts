// Plain text of a document: what a reader sees, without markup. Used where only text fits (previews,
// notification bodies, aria labels); its words are exactly the rendered element's text.
import type { MarkdownInline, MarkdownNode } from './ast.js';

function inlineText(nodes: readonly MarkdownInline[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.kind === 'text' || node.kind === 'code') text += node.text;
    else if (node.kind === 'break') text += '\n';
    else text += inlineText(node.children);
  }
  return text;
}

/** Blocks separated by a blank line, list items and line breaks by a newline; no list markers. */
export function nodesToText(nodes: readonly MarkdownNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'paragraph') return inlineText(node.children);
      if (node.kind === 'code-block') return node.text;
      return node.items.map(inlineText).join('\n');
    })
    .join('\n\n');
}
