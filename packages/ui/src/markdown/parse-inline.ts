// Second inline pass: pair the tokens into links and emphasis. Links are paired first (a `[` with the
// next safe `](url)`), then emphasis inside each container: an opener takes the first later closer of
// the same character and run length in the same container, found by binary search. No backtracking,
// so 10,000 `*` or `[` cost the same as 10,000 letters.
import type { MarkdownInline } from './ast.js';
import { tokenizeInline, type InlineToken } from './inline-tokens.js';

/** Deeper nesting than this is not something people write; past it everything stays literal text. */
const MAX_DEPTH = 12;
/** Runs of `*`/`_` longer than this stay literal (`***` is the longest: bold and italic at once). */
const MAX_DELIMITER_RUN = 3;

interface Pairing {
  /** For an `[` token: the index of its `](url)` token, else -1. */
  readonly linkEnd: Int32Array;
  /** For every token: the `[` index of the link whose text contains it, else -1. */
  readonly container: Int32Array;
  /** Token indices of possible closers, by `char + length + '@' + container`, ascending. */
  readonly closers: Map<string, number[]>;
}

function closerKey(char: string, length: number, container: number): string {
  return `${char}${length}@${container}`;
}

function pair(tokens: readonly InlineToken[]): Pairing {
  const linkEnd = new Int32Array(tokens.length).fill(-1);
  const container = new Int32Array(tokens.length).fill(-1);
  const nextLinkClose = new Int32Array(tokens.length + 1).fill(-1);
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    nextLinkClose[index] = tokens[index]!.type === 'link-close' ? index : nextLinkClose[index + 1]!;
  }
  let index = 0;
  while (index < tokens.length) {
    const end = tokens[index]!.type === 'open-bracket' ? nextLinkClose[index + 1]! : -1;
    if (end < 0) {
      index += 1;
      continue;
    }
    linkEnd[index] = end;
    container.fill(index, index + 1, end);
    index = end + 1;
  }
  const closers = new Map<string, number[]>();
  tokens.forEach((token, position) => {
    if (token.type !== 'delimiter' || !token.canClose || token.length > MAX_DELIMITER_RUN) return;
    const key = closerKey(token.char, token.length, container[position]!);
    const list = closers.get(key) ?? [];
    list.push(position);
    closers.set(key, list);
  });
  return { linkEnd, container, closers };
}

function firstAfter(list: readonly number[] | undefined, after: number): number {
  if (list === undefined) return -1;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! <= after) low = middle + 1;
    else high = middle;
  }
  return list[low] ?? -1;
}

/** The text a token shows when it is not part of any structure. */
function literal(token: InlineToken): string {
  switch (token.type) {
    case 'text':
    case 'autolink':
      return token.text;
    case 'break':
      return '\n';
    case 'open-bracket':
      return '[';
    case 'code':
    case 'link-close':
    case 'delimiter':
      return token.source;
  }
}

class InlineBuilder {
  readonly nodes: MarkdownInline[] = [];

  text(text: string): void {
    if (text === '') return;
    const last = this.nodes[this.nodes.length - 1];
    if (last?.kind === 'text') this.nodes[this.nodes.length - 1] = { kind: 'text', text: last.text + text };
    else this.nodes.push({ kind: 'text', text });
  }

  node(node: MarkdownInline): void {
    this.nodes.push(node);
  }
}

function build(tokens: readonly InlineToken[], pairing: Pairing, from: number, to: number, depth: number, inLink: boolean): MarkdownInline[] {
  const out = new InlineBuilder();
  let index = from;
  while (index < to) {
    const token = tokens[index]!;
    if (depth > MAX_DEPTH) {
      if (token.type === 'break') out.node({ kind: 'break' });
      else out.text(literal(token));
      index += 1;
      continue;
    }
    switch (token.type) {
      case 'text':
        out.text(token.text);
        break;
      case 'break':
        out.node({ kind: 'break' });
        break;
      case 'code':
        out.node({ kind: 'code', text: token.text });
        break;
      case 'autolink':
        // A link inside a link is not valid HTML: inside link text a bare URL is just text.
        if (inLink) out.text(token.text);
        else out.node({ kind: 'link', href: token.href, bare: true, children: [{ kind: 'text', text: token.text }] });
        break;
      case 'open-bracket': {
        const end = pairing.linkEnd[index]!;
        const close = end >= 0 && end < to ? tokens[end] : undefined;
        if (close?.type !== 'link-close' || inLink) {
          out.text('[');
          break;
        }
        out.node({ kind: 'link', href: close.href, bare: false, children: build(tokens, pairing, index + 1, end, depth + 1, true) });
        index = end;
        break;
      }
      case 'link-close':
        out.text(token.source);
        break;
      case 'delimiter': {
        const closer =
          token.canOpen && token.length <= MAX_DELIMITER_RUN
            ? firstAfter(pairing.closers.get(closerKey(token.char, token.length, pairing.container[index]!)), index)
            : -1;
        if (closer < 0 || closer >= to) {
          out.text(token.source);
          break;
        }
        const inner = build(tokens, pairing, index + 1, closer, depth + 1, inLink);
        if (token.length === 1) out.node({ kind: 'emphasis', children: inner });
        else if (token.length === 2) out.node({ kind: 'strong', children: inner });
        else out.node({ kind: 'strong', children: [{ kind: 'emphasis', children: inner }] });
        index = closer;
        break;
      }
    }
    index += 1;
  }
  return out.nodes;
}

/** Parses the inline content of one block (its lines joined by `\n`). */
export function parseInline(text: string): MarkdownInline[] {
  const tokens = tokenizeInline(text);
  return build(tokens, pair(tokens), 0, tokens.length, 0, false);
}
