import type { ChangeRow } from '../db/repository.js';
import { changeEvent, PING, resetEvent } from './events.js';

/** One open event stream. */
export interface Subscriber {
  readonly personId: string;
  /** The newest seq this stream has been sent (or skipped as not visible). */
  lastSeq: number;
  /** Writes event text; returns false when the stream is gone or hopelessly behind. */
  send(text: string): boolean;
  close(): void;
}

/** How often idle streams get a `: ping`. */
export const PING_INTERVAL_MS = 15_000;

/**
 * Hands every committed change to every open stream that may see it: changes without an audience
 * to everyone, private ones (notifications, read markers) only to their person. Runs on the same
 * thread as the writes, right after each commit, so no change can slip between a stream's replay
 * and its first live event.
 */
export class FanOut {
  private readonly subscribers = new Set<Subscriber>();
  private readonly pinger: ReturnType<typeof setInterval>;

  constructor(pingIntervalMs = PING_INTERVAL_MS) {
    this.pinger = setInterval(() => this.broadcast(PING), pingIntervalMs);
    this.pinger.unref();
  }

  get size(): number {
    return this.subscribers.size;
  }

  add(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
  }

  publish(changes: readonly ChangeRow[]): void {
    if (changes.length === 0) return;
    for (const subscriber of [...this.subscribers]) {
      for (const change of changes) {
        if (change.seq <= subscriber.lastSeq) continue;
        subscriber.lastSeq = change.seq;
        if (change.audience !== null && change.audience !== subscriber.personId) continue;
        if (!subscriber.send(changeEvent(change))) {
          this.drop(subscriber);
          break;
        }
      }
    }
  }

  /** Tells every stream to reload everything (the data was replaced), from position `seq` on. */
  reset(seq: number, reason: string): void {
    for (const subscriber of [...this.subscribers]) {
      subscriber.lastSeq = seq;
      if (!subscriber.send(resetEvent(seq, reason))) this.drop(subscriber);
    }
  }

  /** Ends every stream (shutdown). */
  closeAll(): void {
    for (const subscriber of [...this.subscribers]) this.drop(subscriber);
    clearInterval(this.pinger);
  }

  /** Writes event text to every open stream as it is (pings, presence: nothing that moves a position). */
  broadcast(text: string): void {
    for (const subscriber of [...this.subscribers]) if (!subscriber.send(text)) this.drop(subscriber);
  }

  private drop(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    subscriber.close();
  }
}
