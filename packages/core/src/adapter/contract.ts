import type { Observable } from 'rxjs';
import type { CollectionName, Id } from '../model/common.js';
import type { AnyEntity } from '../model/entities.js';
import type { Workspace } from '../model/workspace.js';
import type { AdapterError } from './errors.js';
import type { Mutation } from './mutation.js';
import type { UnreadSummary } from './unread.js';

/** What an adapter can do. The store picks a strategy per flag and degrades in a documented way. */
export interface AdapterCapabilities {
  /** Reads come in pages with a cursor (`true`) or all at once. */
  readonly paging: boolean;
  /** Entities carry versions and stale writes are refused as conflicts; otherwise last writer wins. */
  readonly versioning: boolean;
  /** Re-sending a mutation id is answered `duplicate` instead of applying it twice. */
  readonly idempotency: boolean;
  /** `changes()` delivers other people's changes live. */
  readonly realtime: boolean;
  /** `presence()` exists: who is looking at or typing in what. */
  readonly presence: boolean;
  /** Writes are kept and sent later when the backend is unreachable. */
  readonly offline: boolean;
  /** Largest number of mutations one `push` accepts. */
  readonly maxBatch: number;
  /**
   * `unreadCounts()` exists: the backend counts a person's unread messages over every thread. Absent
   * means no; the store then counts only the messages it holds (loaded pages and live arrivals).
   */
  readonly unreadCounts?: boolean;
}

/** Narrows a list read. Every field is optional; an adapter must honour those it is given. */
export interface ListQuery {
  readonly projectId?: Id;
  readonly taskId?: Id;
  readonly personId?: Id;
  /** Opaque cursor from the previous page. */
  readonly cursor?: string;
  readonly limit?: number;
  /**
   * `newest`: newest first by `(createdAt, id)`, each next page older than the last (a long chat read
   * from its end). The cursor is then a position, not an offset, so entities created while a caller
   * pages neither repeat nor shift a page. Adapters must honour it for `messages`; other collections
   * ignore it. Absent: the adapter's own stable order.
   */
  readonly order?: 'newest';
  readonly signal?: AbortSignal;
}

/**
 * One page of a read. Items are `unknown` on purpose: whatever a backend sends is validated by the
 * store before it is believed.
 */
export interface Page {
  readonly items: readonly unknown[];
  /** Cursor of the next page; absent on the last one. */
  readonly nextCursor?: string;
  readonly total?: number;
}

/** The backend's answer to one mutation, in the order they were pushed. */
export type MutationResult =
  | {
      readonly mutationId: string;
      readonly status: 'applied';
      readonly entity?: AnyEntity;
      /**
       * Fields of an update's patch that were NOT applied because someone else had changed them since
       * the mutation's base version: the server's value was kept (see `rebasePatch`). The store tells
       * the user. Absent or empty: the whole patch was applied.
       */
      readonly kept?: readonly string[];
    }
  | { readonly mutationId: string; readonly status: 'duplicate'; readonly entity?: AnyEntity }
  | { readonly mutationId: string; readonly status: 'conflict'; readonly current: AnyEntity }
  | { readonly mutationId: string; readonly status: 'rejected'; readonly error: AdapterError };

/** A change made elsewhere (another tab, another person, the server), delivered live. */
export type RemoteChange =
  | { readonly type: 'upsert'; readonly collection: CollectionName; readonly entity: unknown }
  | { readonly type: 'delete'; readonly collection: CollectionName; readonly id: Id }
  /** The adapter lost track (reconnect after a long gap): reload everything. */
  | { readonly type: 'reset' };

/** Who is where, for presence and typing indicators. Never persisted. */
export interface PresenceState {
  readonly personId: Id;
  readonly taskId?: Id;
  readonly typing?: boolean;
  /** Milliseconds since epoch of the last heartbeat. */
  readonly at: number;
}

/**
 * How an adapter's connection to its backend is doing, for the widgets' status line. Adapters without
 * a network (memory, local) have none; `CwmAdapter.connection` is then absent.
 */
export interface ConnectionState {
  /**
   * Live changes: `live` (a stream is open), `connecting` (first attempt), `reconnecting` (lost, trying
   * again; changes missed meanwhile are caught up on reconnect), `polling` (no push: the adapter asks
   * every few seconds), `off` (no live changes at all).
   */
  readonly realtime: 'live' | 'connecting' | 'reconnecting' | 'polling' | 'off';
  /**
   * Writes: `idle` (nothing waiting), `sending`, `waiting` (the backend is unreachable or busy; retried
   * at `retryAt`), `paused-auth` (the backend no longer accepts the sign-in; the host must refresh it),
   * `other-tab` (another tab of this browser sends this person's queue).
   */
  readonly sending: 'idle' | 'sending' | 'waiting' | 'paused-auth' | 'other-tab';
  /**
   * Writes are kept on this device (IndexedDB) until the backend confirms them, so a reload or an
   * outage loses nothing. False when storage failed (quota, blocked, private mode): online-only.
   */
  readonly durable: boolean;
  /** Writes queued on this device and not yet confirmed, every tab's. */
  readonly queued: number;
  /** When the next attempt to send is due, ms since epoch; only while `waiting`. */
  readonly retryAt?: number;
}

export interface AdapterSession {
  readonly workspaceId: Id;
  readonly userId: Id;
}

/**
 * The one interface between the store and a backend. Reads are paged promises, all writes go through
 * `push`, live changes arrive on `changes()`. Components never see an adapter; only the store does.
 */
export interface CwmAdapter {
  readonly capabilities: AdapterCapabilities;
  /** Connects for one workspace and person; resolves with the workspace. Throws `AdapterError`. */
  open(session: AdapterSession): Promise<Workspace>;
  /** One page of a collection. Throws `AdapterError`. */
  list(collection: CollectionName, query?: ListQuery): Promise<Page>;
  /**
   * Applies mutations in order and answers each one. A network failure throws `AdapterError`
   * (`network`/`timeout`) for the whole batch, which the store keeps and sends again.
   */
  push(mutations: readonly Mutation[]): Promise<readonly MutationResult[]>;
  /**
   * Changes made elsewhere. May also echo this client's own applied mutations; the store ignores
   * anything not newer than what it has.
   */
  changes(): Observable<readonly RemoteChange[]>;
  /** Presence in a room (a task id); only when `capabilities.presence`. */
  presence?(room: string): Observable<readonly PresenceState[]>;
  /** Announces this person's presence in a room; `null` leaves it. */
  setPresence?(room: string, state: Omit<PresenceState, 'personId' | 'at'> | null): void;
  /**
   * The person's unread messages per task over every message the backend has (see `UnreadSummary`),
   * by the same rule as `UnreadCounter`; only when `capabilities.unreadCounts`. Read once at connect
   * and after a reset; the store keeps it live from there. Throws `AdapterError`.
   */
  unreadCounts?(personId: Id): Promise<UnreadSummary>;
  /**
   * Makes mutations durable on this device before anything is sent (an offline outbox). The store calls
   * it once per write, synchronously after applying it optimistically, and awaits it before `push`.
   * Rejects with an `AdapterError` when storage failed: the store then reports `storage-unavailable`
   * and still sends the write (online-only). Absent: writes live in memory until sent.
   */
  record?(mutations: readonly Mutation[]): Promise<void>;
  /**
   * Mutations recorded on this device for this session and not yet confirmed, oldest first (after a
   * reload, possibly by another tab). The store shows them as pending again and pushes them; pushing a
   * mutation id that is already queued must not send it twice.
   */
  queued?(): Promise<readonly Mutation[]>;
  /** The connection's state, current value first. Absent: always connected (memory, local). */
  connection?(): Observable<ConnectionState>;
  /** Sign-out: forget everything stored on this device for the session. */
  wipe?(): Promise<void>;
  /** Stops live changes and releases resources. */
  close(): void;
}
