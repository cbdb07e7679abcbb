// Story fixture: the Server-Sent Events half of the in-page backend (see in-page-backend.ts). It keeps
// the change log the reference server keeps (a sequence number per change) and answers
// `GET /workspaces/:ws/events` with a ReadableStream body in the same text format, so the REST
// adapter's real stream reader, resume and catch-up code runs in Storybook without a server.
import type { AnyEntity, CollectionName, Id, RemoteChange } from '@cwm/core';
import { abortError } from './in-page-http.js';

/** One change as the event stream sends it (the reference server's `change` event). */
interface LoggedChange {
  readonly seq: number;
  readonly collection: CollectionName;
  readonly op: 'upsert' | 'delete';
  readonly id: Id;
  readonly version: number;
  readonly entity?: AnyEntity;
  /** Notifications and read markers reach only their person; everything else everyone. */
  readonly audience: Id | undefined;
}

/** One open stream: who reads it and how to write to it. */
interface Subscriber {
  readonly personId: Id;
  readonly controller: ReadableStreamDefaultController<Uint8Array>;
  readonly ping: ReturnType<typeof setInterval>;
}

const PRIVATE: ReadonlySet<CollectionName> = new Set<CollectionName>(['notifications', 'reads']);
/** The reference server pings every 15 s; the adapter's watchdog gives up after 45 s of silence. */
const PING_MS = 15_000;
const encoder = new TextEncoder();

/**
 * The change log and the open streams of the in-page backend. Live delivery can be held back by
 * `delayMs` (a slow connection), in order; what is logged is replayed on resume at once regardless.
 */
export class InPageEventLog {
  /** Live delivery lag for every stream, ms. */
  delayMs = 0;

  private readonly log: LoggedChange[] = [];
  private readonly subscribers = new Set<Subscriber>();
  /** Versions of deletions, told by the write route before the change arrives (the feed carries none). */
  private readonly deletionVersions = new Map<string, number>();

  /** The newest sequence number (0 before any change). */
  get position(): number {
    return this.log.at(-1)?.seq ?? 0;
  }

  /** The deletion of `collection/id` about to be applied gets `version`. */
  expectDeletion(collection: CollectionName, id: Id, version: number): void {
    this.deletionVersions.set(`${collection}/${id}`, version);
  }

  /** Logs what the memory backend applied and sends it to every stream that may see it. */
  append(changes: readonly RemoteChange[]): void {
    const fresh: LoggedChange[] = [];
    for (const change of changes) {
      if (change.type === 'reset') continue;
      const seq = this.position + 1;
      if (change.type === 'delete') {
        const key = `${change.collection}/${change.id}`;
        const version = this.deletionVersions.get(key) ?? 0;
        this.deletionVersions.delete(key);
        fresh.push(this.push({ seq, collection: change.collection, op: 'delete', id: change.id, version, audience: undefined }));
      } else {
        const entity = change.entity as AnyEntity;
        const audience = PRIVATE.has(change.collection) ? (entity as { personId?: Id }).personId : undefined;
        fresh.push(this.push({ seq, collection: change.collection, op: 'upsert', id: entity.id, version: entity.version, entity, audience }));
      }
    }
    if (fresh.length === 0) return;
    const deliver = (): void => {
      for (const subscriber of this.subscribers) for (const change of fresh) this.send(subscriber, change);
    };
    // Each batch waits its own delay, so batches still arrive in the order they were written.
    if (this.delayMs > 0) setTimeout(deliver, this.delayMs);
    else deliver();
  }

  /**
   * A new stream for `personId`: `hello` at the newest position, or with `lastEventId` the changes
   * after it first (a `reset` when that position is unknown here, e.g. after a page reload reseeded
   * the backend), then live changes until the reader cancels or `signal` aborts.
   */
  open(personId: Id, lastEventId: string | null, signal: AbortSignal): ReadableStream<Uint8Array> {
    let subscriber: Subscriber | undefined;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(encoder.encode('retry: 2000\n\n'));
        const resumeFrom = lastEventId === null ? undefined : Number(lastEventId);
        if (resumeFrom === undefined) {
          controller.enqueue(encoder.encode(block(this.position, 'hello', { seq: this.position })));
        } else if (!Number.isSafeInteger(resumeFrom) || resumeFrom < 0 || resumeFrom > this.position) {
          controller.enqueue(encoder.encode(block(this.position, 'reset', { reason: 'unknown-position' })));
        } else {
          for (const change of this.log) if (change.seq > resumeFrom && visibleTo(change, personId)) controller.enqueue(encoder.encode(changeBlock(change)));
        }
        const ping = setInterval(() => controller.enqueue(encoder.encode(': ping\n\n')), PING_MS);
        const opened: Subscriber = { personId, controller, ping };
        subscriber = opened;
        this.subscribers.add(opened);
        // An aborted fetch ends its body too, even when nobody holds a reader to cancel.
        signal.addEventListener('abort', () => this.cut(opened, abortError()), { once: true });
      },
      cancel: () => {
        if (subscriber !== undefined) this.drop(subscriber);
      },
    });
  }

  private cut(subscriber: Subscriber, error: Error): void {
    if (!this.subscribers.has(subscriber)) return;
    this.drop(subscriber);
    subscriber.controller.error(error);
  }

  private push(change: LoggedChange): LoggedChange {
    this.log.push(change);
    return change;
  }

  private send(subscriber: Subscriber, change: LoggedChange): void {
    if (!this.subscribers.has(subscriber) || !visibleTo(change, subscriber.personId)) return;
    subscriber.controller.enqueue(encoder.encode(changeBlock(change)));
  }

  private drop(subscriber: Subscriber): void {
    clearInterval(subscriber.ping);
    this.subscribers.delete(subscriber);
  }
}

function visibleTo(change: LoggedChange, personId: Id): boolean {
  return change.audience === undefined || change.audience === personId;
}

function changeBlock(change: LoggedChange): string {
  const { audience: _audience, ...wire } = change;
  return block(change.seq, 'change', wire);
}

function block(id: number, event: string, data: unknown): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
