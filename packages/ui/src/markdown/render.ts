// Renders the syntax tree with lit templates. Every string reaches the DOM through a text binding or
// an attribute binding, never as markup, so no input can create an element or an attribute we did
// not write here. Links carry only URLs that passed `safeUrl`.
import type { Id } from '@cwm/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { MarkdownInline, MarkdownNode } from './ast.js';
import { splitMentions } from './mentions.js';

type Mentions = ReadonlyMap<Id, string> | undefined;

function renderText(text: string, mentions: Mentions): unknown {
  const pieces = splitMentions(text, mentions);
  if (pieces.length === 1 && pieces[0]!.personId === undefined) return text;
  return pieces.map((piece) =>
    piece.personId === undefined ? piece.text : html`<span class="mention" data-person-id=${piece.personId}>${piece.text}</span>`,
  );
}

function renderInline(nodes: readonly MarkdownInline[], mentions: Mentions): unknown[] {
  return nodes.map((node) => {
    switch (node.kind) {
      case 'text':
        return renderText(node.text, mentions);
      case 'break':
        return html`<br />`;
      case 'strong':
        return html`<strong>${renderInline(node.children, mentions)}</strong>`;
      case 'emphasis':
        return html`<em>${renderInline(node.children, mentions)}</em>`;
      case 'code':
        return html`<code>${node.text}</code>`;
      case 'link':
        // Mentions are not looked for inside links: a chip inside an anchor would be two targets in one.
        return html`<a href=${node.href} target="_blank" rel="noopener noreferrer nofollow">${renderInline(node.children, undefined)}</a>`;
    }
  });
}

function renderBlock(node: MarkdownNode, mentions: Mentions): TemplateResult {
  switch (node.kind) {
    case 'paragraph':
      return html`<p dir="auto">${renderInline(node.children, mentions)}</p>`;
    case 'code-block':
      return html`<pre data-language=${node.language || nothing}><code>${node.text}</code></pre>`;
    case 'list': {
      const items = node.items.map((item) => html`<li dir="auto">${renderInline(item, mentions)}</li>`);
      return node.ordered ? html`<ol start=${node.start === 1 ? nothing : node.start}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
  }
}

/** Renders parsed blocks inside a `div.markdown` (the root `markdownStyles` are scoped to). */
export function renderNodes(nodes: readonly MarkdownNode[], mentions: Mentions): TemplateResult {
  return html`<div class="markdown">${nodes.map((node) => renderBlock(node, mentions))}</div>`;
}
