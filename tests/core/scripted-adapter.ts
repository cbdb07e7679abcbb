// A small scripted backend for store tests: raw pages (so malformed data can be served), a simple
// versioned server, and hooks to hold, fail or answer pushes by hand. Real adapters have their own tests.
import { Subject, type Observable } from 'rxjs';
import {
  AdapterError,
  applyMutation,
  type AdapterCapabilities,
  type AnyEntity,
  type CollectionName,
  type CwmAdapter,
  type ListQuery,
  type Mutation,
  type MutationResult,
  type Page,
  type RemoteChange,
  type Workspace,
} from '@cwm/core';

type Answer = (mutation: Mutation) => MutationResult | undefined;

export class ScriptedAdapter implements CwmAdapter {
  readonly capabilities: AdapterCapabilities = {
    paging: true,
    versioning: true,
    idempotency: true,
    realtime: true,
    presence: false,
    offline: false,
    maxBatch: 50,
  };
  readonly raw: Record<CollectionName, unknown[]>;
  readonly server = new Map<string, AnyEntity>();
  readonly pushed: Mutation[] = [];
  private readonly live = new Subject<readonly RemoteChange[]>();
  private held: (() => void)[] | undefined;
  private answers: Answer[] = [];
  offline = false;

  constructor(data: Partial<Record<CollectionName, unknown[]>>) {
    this.raw = { people: [], projects: [], tasks: [], messages: [], notifications: [], activity: [], reads: [], templates: [], ...data };
    for (const [collection, items] of Object.entries(this.raw)) {
      for (const item of items) {
        const entity = item as AnyEntity;
        if (entity && typeof entity.id === 'string') this.server.set(`${collection}/${entity.id}`, entity);
      }
    }
  }

  async open(): Promise<Workspace> {
    return { id: 'ws', name: 'Test', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
  }

  async list(collection: CollectionName, query: ListQuery = {}): Promise<Page> {
    if (this.offline) throw new AdapterError('network', 'offline');
    let items = this.raw[collection];
    if (query.taskId) items = items.filter((item) => (item as { taskId?: string }).taskId === query.taskId);
    if (query.personId) items = items.filter((item) => (item as { personId?: string }).personId === query.personId);
    const start = Number(query.cursor ?? 0);
    const limit = query.limit ?? 2;
    const page = items.slice(start, start + limit);
    return { items: page, ...(start + limit < items.length ? { nextCursor: String(start + limit) } : {}) };
  }

  /** Hold every push until `release()`, to look at the optimistic state. */
  hold(): void {
    this.held = [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    for (const resume of waiting) resume();
  }

  /** The next pushes get these answers (one per mutation) instead of the server's. */
  answerNext(answer: Answer): void {
    this.answers.push(answer);
  }

  async push(mutations: readonly Mutation[]): Promise<readonly MutationResult[]> {
    if (this.held) await new Promise<void>((resume) => this.held!.push(resume));
    if (this.offline) throw new AdapterError('network', 'The server cannot be reached.');
    return mutations.map((mutation) => {
      this.pushed.push(mutation);
      const scripted = this.answers.shift()?.(mutation);
      return scripted ?? this.apply(mutation);
    });
  }

  /** What the server does: version check, apply, bump. */
  apply(mutation: Mutation): MutationResult {
    const key = `${mutation.collection}/${mutation.entityId}`;
    const current = this.server.get(key);
    if (mutation.kind !== 'create' && !current) {
      return { mutationId: mutation.id, status: 'rejected', error: new AdapterError('not-found', 'Gone.') };
    }
    if (current && mutation.baseVersion !== undefined && mutation.baseVersion !== current.version) {
      return { mutationId: mutation.id, status: 'conflict', current };
    }
    const next = applyMutation(current, mutation as never) as AnyEntity | undefined;
    if (!next) {
      this.server.delete(key);
      return { mutationId: mutation.id, status: 'applied' };
    }
    const stored = { ...next, version: (current?.version ?? 0) + 1, updatedAt: mutation.at } as AnyEntity;
    this.server.set(key, stored);
    return { mutationId: mutation.id, status: 'applied', entity: stored };
  }

  /** Another person changes an entity on the server; the change is pushed live. */
  remoteUpdate(collection: CollectionName, id: string, patch: Record<string, unknown>): AnyEntity {
    const key = `${collection}/${id}`;
    const current = this.server.get(key)!;
    const next = { ...current, ...patch, version: current.version + 1 } as AnyEntity;
    this.server.set(key, next);
    this.emit([{ type: 'upsert', collection, entity: next }]);
    return next;
  }

  emit(changes: readonly RemoteChange[]): void {
    this.live.next(changes);
  }

  changes(): Observable<readonly RemoteChange[]> {
    return this.live.asObservable();
  }

  close(): void {
    this.live.complete();
  }
}
