// Block pass: lines become paragraphs, fenced code blocks and lists. Every line pattern is anchored
// and has no nested quantifiers, so matching is linear in the line length.
import type { MarkdownInline, MarkdownNode } from './ast.js';
import { parseInline } from './parse-inline.js';

const FENCE = /^ {0,3}(`{3,})([^`]*)$/;
const BULLET_ITEM = /^ {0,3}[-*][ \t]+(\S.*)$/;
const NUMBERED_ITEM = /^ {0,3}(\d{1,9})[.)][ \t]+(\S.*)$/;
/** An item's continuation line: indented at least two spaces (a tab counts) and not blank. */
const CONTINUATION = /^(?: {2,}|\t)\s*(\S.*)$/;

interface ListItemLine {
  readonly ordered: boolean;
  readonly number: number;
  readonly content: string;
}

function listItem(line: string): ListItemLine | undefined {
  const bullet = BULLET_ITEM.exec(line);
  if (bullet) return { ordered: false, number: 0, content: bullet[1]! };
  const numbered = NUMBERED_ITEM.exec(line);
  if (numbered) return { ordered: true, number: Number(numbered[1]), content: numbered[2]! };
  return undefined;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * Parses markdown source into blocks of the safe subset (see `MarkdownNode`). Never throws; text it
 * does not understand (headings, images, HTML) comes back as literal text.
 */
export function parseMarkdown(source: string): MarkdownNode[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MarkdownNode[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (isBlank(line)) {
      index += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      index += 1;
      // An unclosed fence runs to the end: CommonMark does the same, and nothing typed is dropped.
      while (index < lines.length && !(lines[index]!.trim().startsWith(marker) && /^`+$/.test(lines[index]!.trim()))) {
        body.push(lines[index]!);
        index += 1;
      }
      index += 1;
      blocks.push({ kind: 'code-block', language: fence[2]!.trim(), text: body.join('\n') });
      continue;
    }
    const first = listItem(line);
    if (first) {
      const items: MarkdownInline[][] = [];
      let current: ListItemLine | undefined = first;
      while (current && current.ordered === first.ordered) {
        const content = [current.content];
        index += 1;
        let continuation: RegExpExecArray | null;
        while (index < lines.length && !listItem(lines[index]!) && (continuation = CONTINUATION.exec(lines[index]!))) {
          content.push(continuation[1]!);
          index += 1;
        }
        items.push(parseInline(content.join('\n')));
        current = index < lines.length ? listItem(lines[index]!) : undefined;
      }
      blocks.push({ kind: 'list', ordered: first.ordered, start: first.ordered ? first.number : 1, items });
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length && !isBlank(lines[index]!) && !FENCE.test(lines[index]!) && !listItem(lines[index]!)) {
      paragraph.push(lines[index]!);
      index += 1;
    }
    blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}
