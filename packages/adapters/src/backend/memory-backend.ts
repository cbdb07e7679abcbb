import {
  COLLECTIONS,
  UnreadTally,
  type AnyEntity,
  type CollectionName,
  type Id,
  type Message,
  type Mutation,
  type MutationResult,
  type ReadMarker,
  type RemoteChange,
  type UnreadSummary,
  type Workspace,
} from '@cwm/core';
import { type Observable, Subject } from 'rxjs';
import { PresenceRoster } from '../shared/presence-roster.js';
import { type AuthorizeHook, changesOf, decide } from './decide.js';
import type { WorkspaceData } from './workspace-data.js';

/** How to start a `MemoryBackend`. */
export interface MemoryBackendOptions {
  /** Initial data (e.g. `generateWorkspace()`); without it the backend has no workspace until `load`. */
  readonly seed?: WorkspaceData;
  /** The server's permission check, applied to every mutation from every client. */
  readonly authorize?: AuthorizeHook;
}

/** What one `push` did: an answer per mutation, and the changes everyone else should hear about. */
export interface PushOutcome {
  readonly results: readonly MutationResult[];
  readonly changes: readonly RemoteChange[];
}

/**
 * "The server" in memory: one workspace's collections, the idempotency log, and a feed of applied
 * changes. Several `MemoryAdapter`s can share one backend to play several people (or the server in
 * tests); whatever one pushes, the others hear on `changes()`. The rules are `decide`'s, the same the
 * local adapter runs inside IndexedDB, so both behave exactly alike.
 */
export class MemoryBackend {
  /** Server-wide permission check; adapters may add their own on top. */
  authorize: AuthorizeHook | undefined;
  /** Presence of everyone connected to this backend. */
  readonly presence = new PresenceRoster();

  private workspaceValue: Workspace | undefined;
  private readonly collections = new Map<CollectionName, Map<Id, AnyEntity>>();
  private readonly applied = new Set<string>();
  private readonly feed = new Subject<readonly RemoteChange[]>();

  constructor(options: MemoryBackendOptions = {}) {
    this.authorize = options.authorize;
    for (const collection of COLLECTIONS) this.collections.set(collection, new Map());
    if (options.seed !== undefined) this.load(options.seed);
  }

  /** The workspace this backend serves, if any. */
  get workspace(): Workspace | undefined {
    return this.workspaceValue;
  }

  /** Replaces everything with `data` and tells every client to reload. */
  load(data: WorkspaceData): void {
    this.workspaceValue = data.workspace;
    this.applied.clear();
    for (const collection of COLLECTIONS) {
      const table = new Map<Id, AnyEntity>();
      for (const entity of data[collection] ?? []) table.set(entity.id, entity);
      this.collections.set(collection, table);
    }
    this.feed.next([{ type: 'reset' }]);
  }

  /** One entity as the server has it now. */
  get(collection: CollectionName, id: Id): AnyEntity | undefined {
    return this.table(collection).get(id);
  }

  /** Every entity of a collection, in insertion order. */
  all(collection: CollectionName): AnyEntity[] {
    return [...this.table(collection).values()];
  }

  /** Number of entities in a collection. */
  count(collection: CollectionName): number {
    return this.table(collection).size;
  }

  /** A person's unread messages per task over every message: one pass, O(messages). */
  unreadCounts(personId: Id): UnreadSummary {
    const countedAt = new Date().toISOString();
    const markers = new Map<Id, ReadMarker>();
    for (const entity of this.table('reads').values()) {
      const marker = entity as ReadMarker;
      if (marker.personId === personId) markers.set(marker.taskId, marker);
    }
    const tally = new UnreadTally(personId, markers);
    for (const entity of this.table('messages').values()) tally.add(entity as Message);
    return tally.result(countedAt);
  }

  /**
   * Applies mutations in order, as a server would (see `decide`), and broadcasts what changed.
   * `authorize` is an extra check for this call (one client's rules), after the server's own.
   */
  push(mutations: readonly Mutation[], authorize?: AuthorizeHook): PushOutcome {
    const results: MutationResult[] = [];
    const changes: RemoteChange[] = [];
    const check: AuthorizeHook = (mutation, current) => this.authorize?.(mutation, current) ?? authorize?.(mutation, current);
    for (const mutation of mutations) {
      const table = this.collections.get(mutation.collection);
      const current = table?.get(mutation.entityId);
      const decision = decide(current, mutation, this.applied.has(mutation.id), { authorize: check });
      results.push(decision.result);
      if (decision.result.status !== 'applied') continue;
      this.applied.add(mutation.id);
      for (const write of decision.write === undefined ? decision.sideEffects : [decision.write, ...decision.sideEffects]) {
        const target = this.table(write.collection);
        if (write.entity === undefined) target.delete(write.id);
        else target.set(write.id, write.entity);
      }
      changes.push(...changesOf(decision));
    }
    if (changes.length > 0) this.feed.next(changes);
    return { results, changes };
  }

  /** Every batch of applied changes, from any client. */
  changes(): Observable<readonly RemoteChange[]> {
    return this.feed.asObservable();
  }

  private table(collection: CollectionName): Map<Id, AnyEntity> {
    const table = this.collections.get(collection);
    if (table === undefined) throw new RangeError(`Unknown collection "${collection}".`);
    return table;
  }
}
