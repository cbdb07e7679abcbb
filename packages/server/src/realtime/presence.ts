import { ApiError } from '../http/errors.js';

/** How long a presence stays without being repeated; clients repeat theirs every few seconds. */
export const PRESENCE_TTL_MS = 15_000;
/** How often stale presences are looked for. */
const SWEEP_INTERVAL_MS = 1_000;
/** Longest room or task id accepted (ids are short; this only keeps junk out of memory). */
const MAX_ID_LENGTH = 200;

/** One person's presence in a room, as it goes out on the event stream. */
export interface PresenceEntry {
  readonly personId: string;
  readonly taskId?: string;
  readonly typing?: boolean;
  /** Server time of the last report, ms since epoch. */
  readonly at: number;
}

/** A `POST /presence` body once read: a state for the room, or leaving it. */
export type PresenceReport =
  | { readonly room: string; readonly leave: true }
  | { readonly room: string; readonly leave: false; readonly taskId?: string; readonly typing?: boolean };

/**
 * Reads `{ room, taskId?, typing? }` or `{ room, leave: true }`; anything else is a `bad-request`.
 * The person never comes from the body: it is the token's.
 */
export function readPresenceReport(body: Record<string, unknown>): PresenceReport {
  const { room, taskId, typing, leave } = body;
  if (typeof room !== 'string' || room === '' || room.length > MAX_ID_LENGTH) throw new ApiError('bad-request', `"room" must be a non-empty string of at most ${MAX_ID_LENGTH} characters.`);
  if (leave !== undefined && typeof leave !== 'boolean') throw new ApiError('bad-request', '"leave" must be true or absent.');
  if (leave === true) return { room, leave: true };
  if (taskId !== undefined && (typeof taskId !== 'string' || taskId === '' || taskId.length > MAX_ID_LENGTH)) throw new ApiError('bad-request', '"taskId" must be a non-empty string when given.');
  if (typing !== undefined && typeof typing !== 'boolean') throw new ApiError('bad-request', '"typing" must be a boolean when given.');
  return { room, leave: false, ...(taskId === undefined ? {} : { taskId }), ...(typing === undefined ? {} : { typing }) };
}

/**
 * The `event: presence` text of one change. No `id:` line on purpose: presence is not in the change
 * log, is never replayed, and must not move a client's Last-Event-ID.
 */
export function presenceEvent(room: string, personId: string, state: PresenceEntry | null, at: number): string {
  return `event: presence\ndata: ${JSON.stringify({ room, personId, state, at })}\n\n`;
}

/**
 * Who is in which room, per person, in memory only (never in the database: it means nothing after a
 * restart). Every report and every leave goes out to every open stream, repeats included, so viewers
 * see it stay fresh; a person who stops repeating for `ttlMs` is dropped and that goes out as a leave.
 */
export class PresenceHub {
  private readonly rooms = new Map<string, Map<string, PresenceEntry>>();
  private readonly sweeper: ReturnType<typeof setInterval>;
  /** How long a report lasts; tests shorten it through `/__test/presence`. */
  ttlMs = PRESENCE_TTL_MS;

  /** `broadcast` writes event text to every open stream. */
  constructor(
    private readonly broadcast: (text: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.expire(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /** Applies one person's report and tells everyone. */
  report(personId: string, report: PresenceReport): void {
    const at = this.now();
    if (report.leave) {
      const people = this.rooms.get(report.room);
      if (people?.delete(personId) !== true) return;
      if (people.size === 0) this.rooms.delete(report.room);
      this.broadcast(presenceEvent(report.room, personId, null, at));
      return;
    }
    const entry: PresenceEntry = {
      personId,
      ...(report.taskId === undefined ? {} : { taskId: report.taskId }),
      ...(report.typing === undefined ? {} : { typing: report.typing }),
      at,
    };
    let people = this.rooms.get(report.room);
    if (people === undefined) this.rooms.set(report.room, (people = new Map()));
    people.set(personId, entry);
    this.broadcast(presenceEvent(report.room, personId, entry, at));
  }

  /** Everyone present now, as event text: what a stream that just opened is told first. */
  snapshot(): string {
    const at = this.now();
    let text = '';
    for (const [room, people] of this.rooms) for (const entry of people.values()) text += presenceEvent(room, entry.personId, entry, at);
    return text;
  }

  /** Drops (and announces) every presence not repeated within `ttlMs`. */
  expire(): void {
    const now = this.now();
    for (const [room, people] of [...this.rooms]) {
      for (const [personId, entry] of [...people]) {
        if (now - entry.at < this.ttlMs) continue;
        people.delete(personId);
        this.broadcast(presenceEvent(room, personId, null, now));
      }
      if (people.size === 0) this.rooms.delete(room);
    }
  }

  /** Forgets everyone without announcing it (the data was replaced; streams reload anyway). */
  clear(): void {
    this.rooms.clear();
  }

  /** Stops the sweeper (shutdown). */
  close(): void {
    clearInterval(this.sweeper);
    this.rooms.clear();
  }
}
