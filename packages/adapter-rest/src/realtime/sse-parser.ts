import type { SseEvent } from './types.js';

const LINE_END = /[\r\n]/g;
const DIGITS_ONLY = /^[0-9]+$/;

/**
 * Turns the text of an event stream into events, following the WHATWG "event stream interpretation"
 * rules: fields `id`, `event`, `data`, `retry`; other fields and `:` comment lines ignored; lines ended by
 * CR, LF or CRLF; an event is dispatched only by a blank line, and only when it has data. Text may be
 * pushed in chunks cut anywhere, including between the CR and the LF of one line end. Bytes are not
 * its business: decode them first with a streaming `TextDecoder`, which keeps a character cut in two.
 *
 * One parser reads one connection; `lastEventId` and `retry` outlive the events that set them, so a
 * reconnect can resume from them.
 */
export class SseParser {
  /** Text after the last line end seen: the start of a line whose end has not arrived yet. */
  private partialLine = '';
  /** The previous chunk ended with CR, so an LF opening the next chunk is the rest of that line end. */
  private skipLeadingLf = false;
  private atStreamStart = true;
  private dataLines: string[] = [];
  private eventType = '';
  private eventRetry: number | undefined;
  private idBuffer = '';
  /** The id buffer as of the last finished event: what a reconnect resumes from. */
  private dispatchedId = '';
  private reconnectMs: number | undefined;

  /**
   * The stream's last event id: updated by every `id:` line (without NUL) of a finished event, even an
   * event with no data that is never dispatched. Undefined when none was given or the last was empty.
   */
  get lastEventId(): string | undefined {
    return this.dispatchedId === '' ? undefined : this.dispatchedId;
  }

  /** The latest valid `retry:` value in ms (the server's reconnection delay), whether or not its event was dispatched. */
  get retry(): number | undefined {
    return this.reconnectMs;
  }

  /** `lastEventId`: where the previous connection of the same stream left off (an empty `id:` still clears it). */
  constructor(lastEventId?: string) {
    this.idBuffer = lastEventId ?? '';
    this.dispatchedId = this.idBuffer;
  }

  /** Reads one more piece of the stream; returns the events it completed, in order. */
  push(chunk: string): SseEvent[] {
    const events: SseEvent[] = [];
    let text = chunk;
    if (text === '') return events;
    if (this.skipLeadingLf) {
      this.skipLeadingLf = false;
      if (text.startsWith('\n')) text = text.slice(1);
    }
    if (this.atStreamStart) {
      // A byte order mark may open the stream, once; a decoder usually drops it already.
      this.atStreamStart = false;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    let lineStart = 0;
    LINE_END.lastIndex = 0;
    for (let match = LINE_END.exec(text); match !== null; match = LINE_END.exec(text)) {
      const end = match.index;
      const line = this.partialLine + text.slice(lineStart, end);
      this.partialLine = '';
      let next = end + 1;
      if (text[end] === '\r') {
        if (next === text.length) this.skipLeadingLf = true;
        else if (text[next] === '\n') next += 1;
      }
      lineStart = next;
      LINE_END.lastIndex = next;
      const event = this.readLine(line);
      if (event !== undefined) events.push(event);
    }
    this.partialLine += text.slice(lineStart);
    return events;
  }

  private readLine(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.dataLines.push(value);
        break;
      case 'id':
        // A NUL in an id is refused outright (it could not be sent back in a Last-Event-ID header).
        if (!value.includes('\0')) this.idBuffer = value;
        break;
      case 'retry':
        if (DIGITS_ONLY.test(value)) {
          this.reconnectMs = Number(value);
          this.eventRetry = this.reconnectMs;
        }
        break;
      default:
        break;
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    this.dispatchedId = this.idBuffer;
    const hasData = this.dataLines.length > 0;
    const data = this.dataLines.join('\n');
    const type = this.eventType === '' ? 'message' : this.eventType;
    const retry = this.eventRetry;
    this.dataLines = [];
    this.eventType = '';
    this.eventRetry = undefined;
    if (!hasData) return undefined;
    return {
      ...(this.dispatchedId === '' ? {} : { id: this.dispatchedId }),
      event: type,
      data,
      ...(retry === undefined ? {} : { retry }),
    };
  }
}
