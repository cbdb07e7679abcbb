import { PresenceRoster, type PresenceState } from '@cwm/core';
import type { Observable } from 'rxjs';
import type { PresenceMapping } from '../options.js';
import type { PresenceEvent } from '../realtime/cwm-event.js';
import type { RestContext } from './rest-context.js';

/** A repeat of the same state is sent at most this often per room (typing changes go at once). */
export const PRESENCE_THROTTLE_MS = 1_000;

/** What `RestPresence` needs from the adapter. */
export interface RestPresenceOptions {
  readonly context: RestContext;
  readonly mapping: PresenceMapping;
  readonly now?: () => number;
}

type OwnState = Omit<PresenceState, 'personId' | 'at'>;

/**
 * Presence over a REST backend: this person's state is POSTed to `mapping.path` (throttled, best
 * effort: a failure is dropped, never reported, never queued, as the store repeats its state every few
 * seconds anyway); everyone's comes back as `presence` events of the live stream into a
 * `PresenceRoster`, one entry per person, stamped with the local clock on arrival.
 */
export class RestPresence {
  private readonly roster = new PresenceRoster();
  private readonly lastSent = new Map<string, { readonly state: OwnState; readonly at: number }>();
  private readonly now: () => number;
  private closed = false;

  constructor(private readonly options: RestPresenceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The room's people now and after every change. */
  watch(room: string): Observable<readonly PresenceState[]> {
    return this.roster.watch(room);
  }

  /** Someone's presence arrived on the stream. */
  receive(event: PresenceEvent): void {
    this.roster.set(event.room, event.personId, event.state === null ? null : { ...event.state, personId: event.personId, at: this.now() });
  }

  /** The stream dropped: what it said may be stale; its next opening tells everyone present again. */
  forgetOthers(): void {
    this.roster.clear();
  }

  /**
   * Reports this person's state in a room (`null`: leaves it). The same state again within
   * `PRESENCE_THROTTLE_MS` is not sent; a change (typing on or off, another task) and a leave always are.
   */
  set(room: string, state: OwnState | null): void {
    const previous = this.lastSent.get(room);
    if (state === null) {
      // Never announced (or already left): nothing to take back.
      if (previous === undefined) return;
      this.lastSent.delete(room);
      this.post({ room, leave: true });
      return;
    }
    const now = this.now();
    if (previous !== undefined && sameState(previous.state, state) && now - previous.at < PRESENCE_THROTTLE_MS) return;
    this.lastSent.set(room, { state, at: now });
    this.post({ room, ...(state.taskId === undefined ? {} : { taskId: state.taskId }), ...(state.typing === undefined ? {} : { typing: state.typing }) });
  }

  /** Ends every watcher; nothing more is sent. */
  close(): void {
    this.closed = true;
    this.lastSent.clear();
    this.roster.complete();
  }

  private post(body: Record<string, unknown>): void {
    const { context, mapping } = this.options;
    if (this.closed) return;
    const session = context.session;
    let url: string;
    try {
      url = context.url(mapping.path);
    } catch {
      return;
    }
    // Best effort: `send` never throws for HTTP statuses or the network; anything else is dropped too.
    // Not tied to the adapter's closing signal: the leave a store sends as it is disposed, just before
    // the adapter closes, should still reach the others (the request's own time limit still applies).
    void context.http.send({ method: 'POST', url, body }, { purpose: 'presence', ...(session ? { session } : {}) }).catch(() => undefined);
  }
}

function sameState(a: OwnState, b: OwnState): boolean {
  return a.taskId === b.taskId && (a.typing ?? false) === (b.typing ?? false);
}
