import type { ConnectionState } from '../adapter/contract.js';
import type { Id } from '../model/common.js';
import type { ActivityEntry } from '../model/activity.js';
import type { Message } from '../model/message.js';
import type { Notification } from '../model/notification.js';
import type { Person } from '../model/person.js';
import type { Project } from '../model/project.js';
import type { ReadMarker } from '../model/read-marker.js';
import type { Task } from '../model/task.js';
import type { TaskTemplate } from '../model/template.js';
import type { Workspace } from '../model/workspace.js';
import type { RejectedEntity } from './rejected.js';
import { Table } from './table.js';

/** Where the store is in talking to its backend. */
export interface SyncState {
  readonly phase: 'idle' | 'loading' | 'ready' | 'failed';
  /** False while writes cannot reach the backend; they wait in the outbox. */
  readonly online: boolean;
  /** Writes applied here but not yet confirmed. */
  readonly pendingWrites: number;
  /**
   * Live changes from the backend, as the adapter's `connection()` reports them (see
   * `ConnectionState.realtime`). `off` for adapters that report no connection (memory, local).
   */
  readonly realtime: ConnectionState['realtime'];
  /** The adapter's sender: `idle`, `sending`, `waiting`, `paused-auth` or `other-tab` (see `ConnectionState.sending`). */
  readonly sending: ConnectionState['sending'];
  /**
   * Writes are kept on this device until the backend confirms them (an offline outbox). False when the
   * adapter records nothing (`CwmAdapter.record` absent) or its storage failed: writes then survive
   * only while the page stays open.
   */
  readonly durable: boolean;
  /** Writes queued on this device and not yet confirmed, every tab's (0 without an outbox). */
  readonly queued: number;
  /**
   * When waiting writes are tried next, ms since epoch: the adapter's sender while it is `waiting`, or the
   * store's own retry while it is offline. Absent otherwise.
   */
  readonly retryAt?: number;
}

/**
 * What every widget reads: normalized tables of entities as the user should see them, i.e. the
 * backend's confirmed state with this user's pending writes applied on top.
 */
export interface StoreState {
  readonly workspace?: Workspace;
  /** The acting person's id. */
  readonly userId?: Id;
  readonly people: Table<Person>;
  readonly projects: Table<Project>;
  readonly tasks: Table<Task>;
  readonly messages: Table<Message>;
  readonly notifications: Table<Notification>;
  readonly activity: Table<ActivityEntry>;
  /** The acting person's read markers (never anyone else's). */
  readonly reads: Table<ReadMarker>;
  /** Task templates of the workspace, every project's (see `CwmStore.templates$` for one project's). */
  readonly templates: Table<TaskTemplate>;
  /**
   * Entities the backend sent that were refused as invalid (reversed dates, a missing project...), by
   * `rejectedKey(collection, id)`. They are not in the tables above; widgets show them as flagged
   * rows. An entry goes away when a valid version of the entity arrives or it is deleted. The same
   * object while nothing changed.
   */
  readonly rejected: ReadonlyMap<string, RejectedEntity>;
  /** Ids of entities with a write in flight (cards can show them as saving). */
  readonly pendingIds: ReadonlySet<Id>;
  readonly sync: SyncState;
}

export function emptyState(): StoreState {
  return {
    people: Table.empty(),
    projects: Table.empty(),
    tasks: Table.empty(),
    messages: Table.empty(),
    notifications: Table.empty(),
    activity: Table.empty(),
    reads: Table.empty(),
    templates: Table.empty(),
    rejected: new Map(),
    pendingIds: new Set(),
    sync: { phase: 'idle', online: true, pendingWrites: 0, realtime: 'off', sending: 'idle', durable: false, queued: 0 },
  };
}
