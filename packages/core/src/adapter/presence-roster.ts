import type { PresenceState } from './contract.js';
import { concat, defer, filter, map, type Observable, of, Subject } from 'rxjs';

/**
 * Who is present in which room, keyed by client (one tab or adapter instance), never persisted. A
 * person with two tabs open appears once, with their most recent state.
 */
export class PresenceRoster {
  private readonly rooms = new Map<string, Map<string, PresenceState>>();
  private readonly changed = new Subject<string>();

  /** Records (or, with `null`, removes) one client's state in a room. */
  set(room: string, clientId: string, state: PresenceState | null): void {
    let clients = this.rooms.get(room);
    if (state === null) {
      if (clients?.delete(clientId) !== true) return;
      if (clients.size === 0) this.rooms.delete(room);
    } else {
      if (clients === undefined) this.rooms.set(room, (clients = new Map()));
      clients.set(clientId, state);
    }
    this.changed.next(room);
  }

  /** Removes a client from every room (it closed or left). */
  removeClient(clientId: string): void {
    for (const room of [...this.rooms.keys()]) this.set(room, clientId, null);
  }

  /** Forgets everyone (the connection to the others is gone). */
  clear(): void {
    const rooms = [...this.rooms.keys()];
    this.rooms.clear();
    for (const room of rooms) this.changed.next(room);
  }

  /** Drops states whose last heartbeat is older than `timeoutMs` (their tab died without saying so). */
  expire(now: number, timeoutMs: number): void {
    for (const [room, clients] of [...this.rooms]) {
      for (const [clientId, state] of [...clients]) {
        if (now - state.at > timeoutMs) this.set(room, clientId, null);
      }
    }
  }

  /** True when anyone at all is present anywhere (timers can stop otherwise). */
  get isEmpty(): boolean {
    return this.rooms.size === 0;
  }

  /** The people in `room`, one entry per person (their newest state), ordered by person id. */
  list(room: string): PresenceState[] {
    const byPerson = new Map<string, PresenceState>();
    for (const state of this.rooms.get(room)?.values() ?? []) {
      const known = byPerson.get(state.personId);
      if (known === undefined || known.at < state.at) byPerson.set(state.personId, state);
    }
    return [...byPerson.values()].sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  }

  /** The room's roster now and after every change to it. */
  watch(room: string): Observable<readonly PresenceState[]> {
    return concat(
      defer(() => of(this.list(room))),
      this.changed.pipe(
        filter((changedRoom) => changedRoom === room),
        map(() => this.list(room)),
      ),
    );
  }

  /** Ends every watcher. */
  complete(): void {
    this.changed.complete();
  }
}
