import type { CollectionName, ConnectionState, RemoteChange } from '@cwm/core';
import type { RealtimeOptions } from '../options.js';
import type { AuthSession } from '../http/auth.js';
import { isRecord } from '../mapping/json.js';
import type { SseEvent, WireChange } from '../realtime/types.js';
import { parseCwmEvent, parsePresenceEvent, type PresenceEvent } from '../realtime/cwm-event.js';
import { SseConnection } from '../realtime/sse-connection.js';
import { Poller } from '../realtime/poller.js';
import type { VersionGate } from '../realtime/version-gate.js';
import type { RestContext } from './rest-context.js';

/** What `LiveChanges` needs from the adapter. */
export interface LiveChangesOptions {
  readonly context: RestContext;
  readonly auth: AuthSession;
  readonly gate: VersionGate;
  readonly realtime: Exclude<RealtimeOptions, { kind: 'none' }>;
  readonly fetch: typeof fetch;
  /** Every entity of a collection in our terms (polling). */
  readonly listAll: (collection: CollectionName) => Promise<readonly unknown[]>;
  readonly onChanges: (changes: readonly RemoteChange[]) => void;
  readonly onState: (state: ConnectionState['realtime']) => void;
  /** The stream is back after a drop: a good moment to send what waits. */
  readonly onReconnected: () => void;
  /** Resume the stream from here (`Last-Event-ID` of the first request): a position kept from an earlier page. */
  readonly lastEventId?: string;
  /**
   * The stream's position after each event that carried one, called after the event's change (if any)
   * was queued for `onChanges`, so a position is never announced ahead of its change.
   */
  readonly onPosition?: (eventId: string) => void;
  /** Someone's presence changed (`presence` events of the stream; never a change, never a position). */
  readonly onPresence?: (event: PresenceEvent) => void;
}

/**
 * The backend's live changes as the store wants them: read off Server-Sent Events (resumed with
 * `Last-Event-ID`) or a poller, mapped into our field names, passed through the version gate (so
 * duplicates, out-of-order and stale events never reach the store), and handed over in batches of
 * whatever arrived in the same task.
 */
export class LiveChanges {
  private connection: SseConnection | undefined;
  private poller: Poller | undefined;
  private batch: RemoteChange[] = [];
  private lastGeneration = 0;
  private stopped = false;

  constructor(private readonly options: LiveChangesOptions) {}

  start(): void {
    const { realtime, context, auth } = this.options;
    if (realtime.kind === 'sse') {
      const parse = realtime.parse ?? parseCwmEvent;
      this.options.onState('connecting');
      this.connection = new SseConnection({
        url: context.url(realtime.path),
        headers: async () => {
          const { headers, generation } = await auth.headers();
          this.lastGeneration = generation;
          return headers;
        },
        refreshAuth: () => auth.recover(this.lastGeneration),
        onEvent: (event: SseEvent) => {
          if (event.event === 'presence') {
            const presence = parsePresenceEvent(event);
            if (presence !== undefined && !this.stopped) this.options.onPresence?.(presence);
            return;
          }
          this.receive(() => parse(event), false);
          if (event.id !== undefined && !this.stopped) this.options.onPosition?.(event.id);
        },
        onState: (state) => this.options.onState(state),
        onReconnected: () => this.options.onReconnected(),
        fetch: this.options.fetch,
        ...(this.options.lastEventId === undefined ? {} : { lastEventId: this.options.lastEventId }),
        ...(realtime.backoff === undefined ? {} : { backoff: realtime.backoff }),
        ...(realtime.watchdogMs === undefined ? {} : { watchdogMs: realtime.watchdogMs }),
      });
      this.connection.start();
    } else {
      this.options.onState('polling');
      this.poller = new Poller({
        intervalMs: realtime.intervalMs,
        collections: realtime.collections,
        listAll: async (collection) => {
          const items = await this.options.listAll(collection);
          if (!this.stopped) this.options.onState('polling');
          return items;
        },
        // A failed poll is an outage as far as the status line goes; the next good one restores it.
        onError: () => {
          if (!this.stopped) this.options.onState('reconnecting');
        },
        // The poller's entities come from `listAll`, already in our terms.
        onChanges: (changes) => {
          for (const change of changes) this.receive(() => change, true);
        },
      });
      this.poller.start();
    }
  }

  stop(): void {
    this.stopped = true;
    this.connection?.stop();
    this.poller?.stop();
    this.batch = [];
  }

  /**
   * The backend answered again: a stream waiting out its reconnect backoff tries at once
   * (`SseConnection.reconnectNow`). No-op for a poller, whose next poll is never far off.
   */
  reconnectNow(): void {
    if (!this.stopped) this.connection?.reconnectNow();
  }

  /** Polls now (tests, or after the host knows something changed); no-op for streams. */
  async pollNow(): Promise<void> {
    await this.poller?.pollNow();
  }

  private receive(read: () => WireChange | undefined, decoded: boolean): void {
    if (this.stopped) return;
    let mapped: RemoteChange | undefined;
    try {
      const change = read();
      mapped = change === undefined ? undefined : this.map(change, decoded);
    } catch {
      // A host's `parse` or `fromWire` that throws on one event must not stop the stream: skip it.
      return;
    }
    if (mapped === undefined) return;
    if (this.batch.length === 0) queueMicrotask(() => this.flush());
    this.batch.push(mapped);
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = [];
    if (batch.length > 0 && !this.stopped) this.options.onChanges(batch);
  }

  private map(change: WireChange, decoded: boolean): RemoteChange | undefined {
    const { context, gate } = this.options;
    if (change.type === 'reset') {
      // Everything is read again, which seeds the gate afresh.
      gate.clear();
      return { type: 'reset' };
    }
    const resource = context.resource(change.collection);
    if (resource === false) return undefined;
    if (change.type === 'delete') {
      if (!gate.admit(change)) return undefined;
      context.revisions?.forget(change.collection, change.id);
      return { type: 'delete', collection: change.collection, id: change.id };
    }
    const entity = decoded ? change.entity : context.decode(resource, change.entity);
    const own = isRecord(entity) && typeof entity['version'] === 'number' ? entity['version'] : undefined;
    const version = change.version ?? own;
    const gated: WireChange = version === undefined ? { ...change, entity } : { ...change, entity, version };
    if (!gate.admit(gated)) return undefined;
    return { type: 'upsert', collection: change.collection, entity };
  }
}
