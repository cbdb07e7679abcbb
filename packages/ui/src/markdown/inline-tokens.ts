// First inline pass: cut one block's text into tokens in a single left-to-right scan. Code spans, bare
// URLs and the `](url)` tail of links are whole tokens, so `*` or `_` inside them can never become
// emphasis. Every lookahead is answered from tables built once per block (next index of a character,
// backtick runs by length), which keeps the scan linear however hostile the input.
import { safeUrl } from './safe-url.js';

/** A token of the inline scanner; `source` is the exact text it came from (used when it stays literal). */
export type InlineToken =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'break' }
  | { readonly type: 'code'; readonly text: string; readonly source: string }
  | { readonly type: 'autolink'; readonly href: string; readonly text: string }
  | { readonly type: 'open-bracket' }
  | { readonly type: 'link-close'; readonly href: string; readonly source: string }
  | {
      readonly type: 'delimiter';
      readonly char: '*' | '_';
      readonly length: number;
      readonly canOpen: boolean;
      readonly canClose: boolean;
      readonly source: string;
    };

const WHITESPACE = /\s/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** Characters that end a bare URL: they are never part of a URL someone pastes into prose. */
const URL_STOP = /[\s<>"`]/;
/** Punctuation that usually belongs to the sentence, not to the URL it follows. */
const URL_TRAILING = /[.,;:!?'*_]/;
const BARE_PREFIXES = ['https://', 'http://', 'mailto:'] as const;

function isWhitespace(char: string | undefined): boolean {
  return char === undefined || WHITESPACE.test(char);
}

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && WORD_CHARACTER.test(char);
}

interface LinkTables {
  /** `close[i]`: first index >= i of `)`, or the text length. Likewise `open` for `(` and `space` for whitespace. */
  readonly close: Int32Array;
  readonly open: Int32Array;
  readonly space: Int32Array;
}

/** Next-index tables for link tails, built in one backward pass. */
function linkTablesOf(text: string): LinkTables {
  const size = text.length + 1;
  const close = new Int32Array(size);
  const open = new Int32Array(size);
  const space = new Int32Array(size);
  let nextClose = text.length;
  let nextOpen = text.length;
  let nextSpace = text.length;
  close[text.length] = open[text.length] = space[text.length] = text.length;
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const code = text.charCodeAt(index);
    if (code === 0x29) nextClose = index;
    else if (code === 0x28) nextOpen = index;
    else if (code <= 0x20 || (code > 0x7f && WHITESPACE.test(text[index]!))) nextSpace = index;
    close[index] = nextClose;
    open[index] = nextOpen;
    space[index] = nextSpace;
  }
  return { close, open, space };
}

/** Start positions of every maximal backtick run, grouped by run length, in increasing order. */
function backtickRuns(text: string): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  let index = 0;
  while (index < text.length) {
    if (text[index] !== '`') {
      index += 1;
      continue;
    }
    const start = index;
    while (text[index] === '`') index += 1;
    const list = runs.get(index - start) ?? [];
    list.push(start);
    runs.set(index - start, list);
  }
  return runs;
}

/** The first value in the sorted `list` that is >= `minimum`, or undefined. */
function firstAtLeast(list: readonly number[] | undefined, minimum: number): number | undefined {
  if (list === undefined) return undefined;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < minimum) low = middle + 1;
    else high = middle;
  }
  return list[low];
}

function runLength(text: string, start: number, char: string): number {
  let end = start;
  while (text[end] === char) end += 1;
  return end - start;
}

/** Where a bare URL starting at `start` ends (exclusive), without the sentence punctuation after it. */
function bareUrlEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && !URL_STOP.test(text[end]!)) end += 1;
  let opened = 0;
  let closed = 0;
  for (let index = start; index < end; index += 1) {
    if (text[index] === '(') opened += 1;
    else if (text[index] === ')') closed += 1;
  }
  while (end > start) {
    const last = text[end - 1]!;
    if (URL_TRAILING.test(last)) end -= 1;
    else if (last === ')' && closed > opened) {
      end -= 1;
      closed -= 1;
    } else break;
  }
  return end;
}

/** Characters that may start an inline construct (bare URLs are found separately). */
const SPECIAL = /[\n\\`*_[\]]/g;
/** Candidate starts of bare URLs; a plain alternation of literals, so the scan is linear. */
const BARE_URL_START = /https?:\/\/|mailto:/gi;

function bareUrlStarts(text: string): number[] {
  const starts: number[] = [];
  BARE_URL_START.lastIndex = 0;
  for (let match = BARE_URL_START.exec(text); match; match = BARE_URL_START.exec(text)) starts.push(match.index);
  return starts;
}

function barePrefixAt(text: string, index: number): string | undefined {
  if (isWordCharacter(text[index - 1])) return undefined;
  const head = text.slice(index, index + 8).toLowerCase();
  return BARE_PREFIXES.find((prefix) => head.startsWith(prefix));
}

/** Cuts the text of one block (lines joined by `\n`) into inline tokens. */
export function tokenizeInline(text: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  // The tables behind link tails are only worth building when the text has a link tail at all.
  let tables: LinkTables | undefined;
  const linkTables = (): LinkTables => (tables ??= linkTablesOf(text));
  const runsByLength = backtickRuns(text);
  let pending = '';

  const flush = (): void => {
    if (pending !== '') tokens.push({ type: 'text', text: pending });
    pending = '';
  };
  const push = (token: InlineToken): void => {
    flush();
    tokens.push(token);
  };

  /** The end (exclusive) of a `](url)` tail starting at `index`, or -1. One nested pair of parentheses is allowed (wiki URLs). */
  const linkTailEnd = (index: number): number => {
    const { close: nextClose, open: nextOpen, space: nextSpace } = linkTables();
    const urlStart = index + 2;
    let close = nextClose[urlStart]!;
    if (close >= text.length) return -1;
    const open = nextOpen[urlStart]!;
    if (open < close) {
      close = nextClose[close + 1]!;
      if (close >= text.length || nextOpen[open + 1]! < close) return -1;
    }
    if (close === urlStart || nextSpace[urlStart]! < close) return -1;
    return close + 1;
  };

  const urlStarts = bareUrlStarts(text);
  let nextUrl = 0;
  let index = 0;
  while (index < text.length) {
    while (nextUrl < urlStarts.length && urlStarts[nextUrl]! < index) nextUrl += 1;
    const char = text[index]!;
    if (char === '\n') {
      push({ type: 'break' });
      index += 1;
    } else if (char === '\\' && index + 1 < text.length && ASCII_PUNCTUATION.test(text[index + 1]!)) {
      pending += text[index + 1];
      index += 2;
    } else if (char === '`') {
      const length = runLength(text, index, '`');
      const closer = firstAtLeast(runsByLength.get(length), index + length);
      if (closer === undefined) {
        pending += text.slice(index, index + length);
        index += length;
      } else {
        let code = text.slice(index + length, closer);
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
        push({ type: 'code', text: code, source: text.slice(index, closer + length) });
        index = closer + length;
      }
    } else if (char === '*' || char === '_') {
      const length = runLength(text, index, char);
      const before = text[index - 1];
      const after = text[index + length];
      const flankedOpen = !isWhitespace(after);
      const flankedClose = !isWhitespace(before);
      // `_` inside a word (snake_case, __proto__) is never emphasis; `*` may be.
      const canOpen = char === '_' ? flankedOpen && !isWordCharacter(before) : flankedOpen;
      const canClose = char === '_' ? flankedClose && !isWordCharacter(after) : flankedClose;
      push({ type: 'delimiter', char, length, canOpen, canClose, source: text.slice(index, index + length) });
      index += length;
    } else if (char === '[') {
      push({ type: 'open-bracket' });
      index += 1;
    } else if (char === ']' && text[index + 1] === '(') {
      const end = linkTailEnd(index);
      if (end < 0) {
        pending += char;
        index += 1;
        continue;
      }
      const source = text.slice(index, end);
      const href = safeUrl(text.slice(index + 2, end - 1));
      // A refused URL keeps its whole tail as text: the reader sees exactly what was written.
      if (href === undefined) pending += source;
      else push({ type: 'link-close', href, source });
      index = end;
    } else if (index === urlStarts[nextUrl]) {
      nextUrl += 1;
      const prefix = barePrefixAt(text, index);
      const end = prefix === undefined ? index : bareUrlEnd(text, index);
      const candidate = text.slice(index, end);
      const href = prefix !== undefined && end - index > prefix.length ? safeUrl(candidate) : undefined;
      if (href === undefined) pending += candidate.length > 0 ? candidate : char;
      else push({ type: 'autolink', href, text: candidate });
      index = Math.max(end, index + 1);
    } else {
      // Plain text up to the next character that may start something: copied in one slice.
      SPECIAL.lastIndex = index + 1;
      const special = SPECIAL.exec(text)?.index ?? text.length;
      const stop = Math.min(special, urlStarts[nextUrl] ?? text.length);
      pending += text.slice(index, stop);
      index = stop;
    }
  }
  flush();
  return tokens;
}
