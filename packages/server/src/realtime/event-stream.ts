import type { Repository } from '../db/repository.js';
import { changeEvent, helloEvent, resetEvent, RETRY_PREAMBLE } from './events.js';
import type { FanOut, Subscriber } from './fan-out.js';

/** A stream this far behind (queued chunks nobody reads) is cut; the client resumes by Last-Event-ID. */
const MAX_QUEUED_CHUNKS = 5_000;

/**
 * Where a stream starts: `hello` at the newest position without Last-Event-ID; a replay of every
 * visible change after it when the log still holds them; otherwise `reset` (the position is older
 * than the log, from another database, or not a number).
 */
function openingEvents(repository: Repository, personId: string, lastEventId: string | undefined): { text: string[]; seq: number } {
  const latest = repository.latestSeq();
  if (lastEventId === undefined || lastEventId.trim() === '') return { text: [helloEvent(latest)], seq: latest };
  const position = /^\d{1,15}$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : NaN;
  const floor = Number(repository.meta('changeFloor') ?? '0');
  if (Number.isNaN(position) || position < floor || position > latest) {
    return { text: [resetEvent(latest, Number.isNaN(position) || position > latest ? 'unknown-position' : 'gap')], seq: latest };
  }
  return { text: repository.changesSince(position, personId).map(changeEvent), seq: latest };
}

/**
 * The `GET /events` answer: a text/event-stream that first catches the client up (see
 * `openingEvents`), then carries live changes from the fan-out until the client goes away or the
 * server shuts down. Opening reads the log and joins the fan-out in one synchronous step, so
 * nothing committed in between is missed or sent twice.
 */
export function openEventStream(
  repository: Repository,
  fanOut: FanOut,
  personId: string,
  lastEventId: string | undefined,
  signal: AbortSignal,
  /** Event text sent right after the opening (who is present now); it carries no ids. */
  greeting: () => string = () => '',
): Response {
  const encoder = new TextEncoder();
  let subscriber: Subscriber | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const close = (): void => {
        if (!open) return;
        open = false;
        if (subscriber !== undefined) fanOut.remove(subscriber);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      const send = (text: string): boolean => {
        if (!open) return false;
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) return false;
        try {
          controller.enqueue(encoder.encode(text));
          return true;
        } catch {
          return false;
        }
      };
      const opening = openingEvents(repository, personId, lastEventId);
      send(RETRY_PREAMBLE + opening.text.join('') + greeting());
      subscriber = { personId, lastSeq: opening.seq, send, close };
      fanOut.add(subscriber);
      signal.addEventListener('abort', close, { once: true });
    },
    cancel() {
      subscriber?.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
