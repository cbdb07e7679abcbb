// The reference server's presence (packages/server/src/realtime/presence.ts) over real HTTP: a report
// reaches another person's event stream as `event: presence` without an `id:` line, leaving and
// expiry go out as `state: null`, a stream that opens later is told who is present, and the route
// needs a token and a readable body.
import { expect } from '@open-wc/testing';
import { control, startServer, stopServer, type StartedServer } from '../harness/browser/servers.js';

let server: StartedServer;

const A = 'u-2';
const B = 'u-3';

function url(path: string): string {
  return `${server.directUrl}/workspaces/${server.workspaceId}${path}`;
}

async function report(as: string | undefined, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (as !== undefined) headers['Authorization'] = `Bearer ${server.tokens[as]}`;
  return fetch(url('/presence'), { method: 'POST', headers, body: JSON.stringify(body) });
}

interface RawEvent {
  readonly lines: readonly string[];
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** An open event stream, its raw event blocks kept (to check that presence has no `id:` line). */
class Stream {
  private text = '';
  private readonly decoder = new TextDecoder();
  private constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly abort: AbortController,
  ) {}

  static async open(as: string): Promise<Stream> {
    const abort = new AbortController();
    const response = await fetch(url('/events'), { headers: { Authorization: `Bearer ${server.tokens[as]}`, Accept: 'text/event-stream' }, signal: abort.signal });
    expect(response.status).to.equal(200);
    return new Stream((response.body as ReadableStream<Uint8Array>).getReader(), abort);
  }

  events(): RawEvent[] {
    const out: RawEvent[] = [];
    for (const block of this.text.split('\n\n').slice(0, -1)) {
      const lines = block.split('\n');
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
      if (data.length === 0) continue;
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      out.push({ lines, event, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
    }
    return out;
  }

  presence(): RawEvent[] {
    return this.events().filter((event) => event.event === 'presence');
  }

  async until(check: (events: RawEvent[]) => boolean, timeoutMs = 5_000): Promise<RawEvent[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (check(this.presence())) return this.presence();
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`stream: condition not met in ${timeoutMs} ms; got:\n${this.text.slice(-1500)}`);
      const chunk = await Promise.race([this.reader.read(), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), left))]);
      if (chunk === 'timeout') continue;
      if (chunk.done) throw new Error('stream ended');
      this.text += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** Keeps reading for `ms` (to see that nothing more arrives). */
  async readFor(ms: number): Promise<RawEvent[]> {
    return this.until(() => false, ms).catch(() => this.presence());
  }

  close(): void {
    this.abort.abort();
  }
}

describe('server: presence', function () {
  this.timeout(30_000);
  const streams: Stream[] = [];
  const open = async (as: string): Promise<Stream> => {
    const stream = await Stream.open(as);
    streams.push(stream);
    return stream;
  };

  before(async () => {
    server = await startServer({ seed: 'test' });
  });
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });
  after(async () => {
    await stopServer();
  });

  it('fans a report out to another person\'s stream as `event: presence` without an id line', async () => {
    const b = await open(B);
    await b.until(() => true);
    const answer = await report(A, { room: 't-1', taskId: 't-1', typing: true });
    expect(answer.status).to.equal(204);
    const [event] = await b.until((events) => events.some((e) => e.data['personId'] === A && e.data['room'] === 't-1'));
    const data = event!.data as { room: string; personId: string; state: { personId: string; taskId?: string; typing?: boolean; at: number } | null; at: number };
    expect(data.room).to.equal('t-1');
    expect(data.personId).to.equal(A);
    expect(data.state).to.include({ personId: A, taskId: 't-1', typing: true });
    expect(data.at).to.be.a('number');
    expect(Math.abs(data.at - Date.now())).to.be.below(60_000);
    expect(event!.lines.some((line) => line.startsWith('id:'))).to.equal(false);
  });

  it('tells a stream that opens later who is present, and a leave goes out as state null', async () => {
    expect((await report(A, { room: 't-2', taskId: 't-2' })).status).to.equal(204);
    const b = await open(B);
    const greeted = await b.until((events) => events.some((e) => e.data['room'] === 't-2'));
    const seen = greeted.find((e) => e.data['room'] === 't-2')!;
    expect((seen.data['state'] as { typing?: boolean } | null)?.typing).to.equal(undefined);
    expect(seen.lines.some((line) => line.startsWith('id:'))).to.equal(false);

    expect((await report(A, { room: 't-2', leave: true })).status).to.equal(204);
    const left = await b.until((events) => events.some((e) => e.data['room'] === 't-2' && e.data['state'] === null));
    expect(left.filter((e) => e.data['room'] === 't-2').map((e) => e.data['state'] === null)).to.deep.equal([false, true]);

    // Gone for good: a stream opened now is not told about it.
    const later = await open(B);
    const after = await later.readFor(500);
    expect(later.events().some((e) => e.event === 'hello')).to.equal(true);
    expect(after.filter((e) => e.data['room'] === 't-2')).to.deep.equal([]);
  });

  it('does not move Last-Event-ID: a stream resumed from the hello position gets no replayed presence', async () => {
    const first = await open(B);
    await first.until(() => true);
    await report(A, { room: 't-3', taskId: 't-3', typing: false });
    await first.until((events) => events.some((e) => e.data['room'] === 't-3'));
    // Every id line of the stream is the hello's: presence events carried none.
    const hello = first.events().find((e) => e.event === 'hello')!;
    const ids = first.events().flatMap((e) => e.lines.filter((line) => line.startsWith('id:')));
    expect(ids).to.deep.equal([hello.lines.find((line) => line.startsWith('id:'))]);
    await report(A, { room: 't-3', leave: true });
  });

  it('expires a presence that is not repeated, announcing state null', async () => {
    await control('presence', { method: 'POST', body: { ttlMs: 1_000 } });
    try {
      const b = await open(B);
      await b.until(() => true);
      const sentAt = Date.now();
      await report(A, { room: 't-4', taskId: 't-4' });
      await b.until((events) => events.some((e) => e.data['room'] === 't-4' && e.data['state'] !== null));
      const expired = await b.until((events) => events.some((e) => e.data['room'] === 't-4' && e.data['state'] === null), 5_000);
      const waited = Date.now() - sentAt;
      expect(waited).to.be.at.least(900);
      expect(waited).to.be.below(4_000);
      expect(expired.find((e) => e.data['state'] === null)?.data['personId']).to.equal(A);
    } finally {
      await control('presence', { method: 'POST', body: { ttlMs: 15_000 } });
    }
  });

  it('keeps a repeated presence past its time to live', async () => {
    await control('presence', { method: 'POST', body: { ttlMs: 1_500 } });
    try {
      const b = await open(B);
      await b.until(() => true);
      for (let i = 0; i < 4; i++) {
        await report(A, { room: 't-5', taskId: 't-5' });
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
      const events = await b.until((all) => all.filter((e) => e.data['room'] === 't-5').length >= 4);
      expect(events.filter((e) => e.data['room'] === 't-5' && e.data['state'] === null)).to.deep.equal([]);
      await report(A, { room: 't-5', leave: true });
    } finally {
      await control('presence', { method: 'POST', body: { ttlMs: 15_000 } });
    }
  });

  it('answers 401 without a token, 400 for a bad body, and ignores a person named in the body', async () => {
    const anonymous = await report(undefined, { room: 't-1' });
    expect(anonymous.status).to.equal(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).to.equal('unauthorized');
    const forged = await fetch(url('/presence'), { method: 'POST', headers: { Authorization: 'Bearer nope', 'Content-Type': 'application/json' }, body: '{"room":"t-1"}' });
    expect(forged.status).to.equal(401);

    for (const body of [{}, { room: '' }, { room: 7 }, { room: 't-1', typing: 'yes' }, { room: 't-1', taskId: 3 }, { room: 't-1', leave: 'y' }]) {
      const answer = await report(A, body);
      expect(answer.status, JSON.stringify(body)).to.equal(400);
      expect(((await answer.json()) as { error: { code: string } }).error.code).to.equal('bad-request');
    }

    const b = await open(B);
    await b.until(() => true);
    expect((await report(A, { room: 't-6', personId: 'u-1' })).status).to.equal(204);
    const events = await b.until((all) => all.some((e) => e.data['room'] === 't-6'));
    expect(events.find((e) => e.data['room'] === 't-6')?.data['personId']).to.equal(A);
    await report(A, { room: 't-6', leave: true });
  });
});
