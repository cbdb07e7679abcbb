import { expect } from '@open-wc/testing';
import { parseCwmEvent, SseParser, type SseEvent } from '../../packages/adapter-rest/src/realtime/index.js';

/** A stream using every rule at once: CR, LF and CRLF line ends, comments, multi-line data, retry, ids. */
const SAMPLE =
  '\uFEFFretry: 2000\n\n' +
  ': ping\r\n' +
  'id: 4812\r\nevent: change\r\ndata: {"a":1}\r\n\r\n' +
  'data: line one\rdata:line two\rdata:  indented\r\r' +
  'id: bad\0id\nevent\ndata\n\n' +
  'id\nevent: empty-data\ndata:\n\n' +
  'unknown: field\nid: 7\n\n' +
  'data: é ü 😀\nretry: 150\nretry: 1.5\n\n' +
  'data: never finished\n';

const EXPECTED: SseEvent[] = [
  { id: '4812', event: 'change', data: '{"a":1}' },
  { id: '4812', event: 'message', data: 'line one\nline two\n indented' },
  { id: '4812', event: 'message', data: '' },
  { event: 'empty-data', data: '' },
  { id: '7', event: 'message', data: 'é ü 😀', retry: 150 },
];

function parseAll(chunks: readonly string[]): { events: SseEvent[]; parser: SseParser } {
  const parser = new SseParser();
  const events = chunks.flatMap((chunk) => parser.push(chunk));
  return { events, parser };
}

describe('SseParser', () => {
  it('reads the sample stream in one piece', () => {
    const { events, parser } = parseAll([SAMPLE]);
    expect(events).to.deep.equal(EXPECTED);
    expect(parser.lastEventId).to.equal('7');
    expect(parser.retry).to.equal(150);
  });

  it('gives the same events whatever single point the stream is cut at', () => {
    for (let cut = 0; cut <= SAMPLE.length; cut += 1) {
      const { events } = parseAll([SAMPLE.slice(0, cut), SAMPLE.slice(cut)]);
      expect(events, `cut at ${cut}`).to.deep.equal(EXPECTED);
    }
  });

  it('gives the same events whatever two points the stream is cut at', () => {
    for (let first = 0; first <= SAMPLE.length; first += 3) {
      for (let second = first; second <= SAMPLE.length; second += 1) {
        const { events } = parseAll([SAMPLE.slice(0, first), SAMPLE.slice(first, second), SAMPLE.slice(second)]);
        expect(events, `cut at ${first} and ${second}`).to.deep.equal(EXPECTED);
      }
    }
  });

  it('gives the same events fed one character (UTF-16 unit) at a time, empty chunks between', () => {
    const chunks = [...SAMPLE.split('').flatMap((unit) => [unit, ''])];
    expect(parseAll(chunks).events).to.deep.equal(EXPECTED);
  });

  it('takes a CR at the end of a chunk as a line end, and an LF opening the next as part of it', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\r')).to.deep.equal([]);
    // The LF completes the CRLF; the CR that follows is the blank line.
    expect(parser.push('\n\r')).to.deep.equal([{ event: 'message', data: 'a' }]);
    expect(parser.push('\n')).to.deep.equal([]);
    expect(parser.push('data: b\n\n')).to.deep.equal([{ event: 'message', data: 'b' }]);
  });

  it('treats CR CR as two line ends (a blank line), not one', () => {
    expect(parseAll(['data: x\r', '\r']).events).to.deep.equal([{ event: 'message', data: 'x' }]);
  });

  it('dispatches only on a blank line: an event without one at the end is never seen', () => {
    expect(parseAll(['data: a\ndata: b']).events).to.deep.equal([]);
    expect(parseAll(['data: a\ndata: b\n']).events).to.deep.equal([]);
  });

  it('moves the last event id on a block without data, without dispatching it, and clears it on an empty id', () => {
    const parser = new SseParser();
    expect(parser.push('id: 10\n\n')).to.deep.equal([]);
    expect(parser.lastEventId).to.equal('10');
    expect(parser.push('data: x\n\n')).to.deep.equal([{ id: '10', event: 'message', data: 'x' }]);
    expect(parser.push('id:\n\n')).to.deep.equal([]);
    expect(parser.lastEventId).to.equal(undefined);
    expect(parser.push('data: y\n\n')).to.deep.equal([{ event: 'message', data: 'y' }]);
  });

  it('does not move the last event id until the block ends, and ignores an id holding NUL', () => {
    const parser = new SseParser('3');
    parser.push('id: 4\n');
    expect(parser.lastEventId).to.equal('3');
    parser.push('\nid: 5\0\n\n');
    expect(parser.lastEventId).to.equal('4');
  });

  it('resumes from the id it is given', () => {
    const parser = new SseParser('41');
    expect(parser.push('data: z\n\n')).to.deep.equal([{ id: '41', event: 'message', data: 'z' }]);
  });

  it('strips exactly one space after the colon and keeps colons inside values', () => {
    expect(parseAll(['data:a:b\ndata:  c\nevent:x\n\n']).events).to.deep.equal([{ event: 'x', data: 'a:b\n c' }]);
  });

  it('ignores a retry that is not only digits and a byte order mark after the start', () => {
    const { events, parser } = parseAll(['retry: 1e3\nretry: -5\nretry:\n\n', '\uFEFFdata: x\n\ndata: y\n\n']);
    expect(parser.retry).to.equal(undefined);
    // "\uFEFFdata" is a field named "\uFEFFdata", not data: ignored.
    expect(events).to.deep.equal([{ event: 'message', data: 'y' }]);
  });
});

describe('parseCwmEvent', () => {
  const change = (data: unknown): SseEvent => ({ id: '1', event: 'change', data: JSON.stringify(data) });

  it('reads an upsert, taking the version from the envelope or else from the entity', () => {
    expect(parseCwmEvent(change({ seq: 1, collection: 'tasks', op: 'upsert', id: 't-1', version: 7, entity: { id: 't-1', version: 7 } }))).to.deep.equal({
      type: 'upsert',
      collection: 'tasks',
      id: 't-1',
      version: 7,
      entity: { id: 't-1', version: 7 },
    });
    expect(parseCwmEvent(change({ collection: 'tasks', op: 'upsert', entity: { id: 't-2', version: 3 } }))).to.deep.equal({
      type: 'upsert',
      collection: 'tasks',
      id: 't-2',
      version: 3,
      entity: { id: 't-2', version: 3 },
    });
    expect(parseCwmEvent(change({ collection: 'people', op: 'upsert', entity: { id: 'p' } }))).to.deep.equal({
      type: 'upsert',
      collection: 'people',
      id: 'p',
      entity: { id: 'p' },
    });
  });

  it('reads a delete and a reset', () => {
    expect(parseCwmEvent(change({ seq: 2, collection: 'tasks', op: 'delete', id: 't-2', version: 9 }))).to.deep.equal({
      type: 'delete',
      collection: 'tasks',
      id: 't-2',
      version: 9,
    });
    expect(parseCwmEvent(change({ collection: 'messages', op: 'delete', id: 'm' }))).to.deep.equal({ type: 'delete', collection: 'messages', id: 'm' });
    expect(parseCwmEvent({ event: 'reset', data: '{"reason":"gap"}' })).to.deep.equal({ type: 'reset' });
  });

  it('returns undefined for hello, other events and junk', () => {
    const junk: SseEvent[] = [
      { id: '5', event: 'hello', data: '{"seq":5}' },
      { event: 'message', data: '{"collection":"tasks","op":"delete","id":"x"}' },
      { event: 'change', data: 'not json' },
      { event: 'change', data: '[1,2]' },
      change({ collection: 'secrets', op: 'delete', id: 'x' }),
      change({ collection: 'tasks', op: 'rename', id: 'x' }),
      change({ collection: 'tasks', op: 'delete' }),
      change({ collection: 'tasks', op: 'delete', id: '' }),
      change({ collection: 'tasks', op: 'delete', id: 'x', version: 'v9' }),
      change({ collection: 'tasks', op: 'upsert', id: 'x' }),
      change({ collection: 'tasks', op: 'upsert', id: 'x', entity: 'x' }),
      change({ collection: 'tasks', op: 'upsert', entity: { title: 'no id' } }),
      change({ collection: 'tasks', op: 'upsert', id: 'a', entity: { id: 'b' } }),
    ];
    for (const event of junk) expect(parseCwmEvent(event), event.data).to.equal(undefined);
  });
});
