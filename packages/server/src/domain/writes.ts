import { type AnyEntity, type CollectionName, type Mutation } from '@cwm/core';
import { decide, type EntityWrite } from '@cwm/adapters/backend';
import { audienceOf } from '../db/columns.js';
import type { ChangeRow, NewChange, Repository } from '../db/repository.js';
import type { Authorizer } from './authorize.js';
import { domainProblem } from './domain-rules.js';
import { apiCodeOf, errorBody, statusOf } from '../http/errors.js';

/** One write as the HTTP layer understood it. */
export interface WriteRequest {
  readonly actorId: string;
  /** The Idempotency-Key: also the mutation id (side effects derive their ids from it). */
  readonly key: string;
  /** Hash of method, path and body: the same key with another request is refused. */
  readonly requestHash: string;
  readonly collection: CollectionName;
  readonly kind: Mutation['kind'];
  readonly entityId: string;
  /** The new entity (create) or the patch (update). */
  readonly body?: Record<string, unknown>;
  readonly baseVersion?: number;
  readonly intent?: string;
}

/** The answer to send, and the changes to publish once the transaction has committed. */
export interface WriteAnswer {
  readonly status: number;
  /** The JSON body, already serialized (a replay sends the stored text byte for byte). */
  readonly body: string;
  readonly version?: number;
  readonly replayed: boolean;
  readonly changes: readonly ChangeRow[];
}

/** Keep this many changes for SSE replay; clients further behind get a `reset`. */
export const RETAINED_CHANGES = 20_000;
const PRUNE_EVERY = 500;

function answer(status: number, body: unknown, version?: number): WriteAnswer {
  return { status, body: JSON.stringify(body), ...(version === undefined ? {} : { version }), replayed: false, changes: [] };
}

function toMutation(request: WriteRequest, at: string): Mutation {
  const base = {
    id: request.key,
    collection: request.collection,
    entityId: request.entityId,
    actorId: request.actorId,
    at,
    intent: request.intent ?? `${request.collection}.${request.kind}`,
    ...(request.baseVersion === undefined ? {} : { baseVersion: request.baseVersion }),
  };
  switch (request.kind) {
    case 'create':
      return { ...base, kind: 'create', value: request.body } as unknown as Mutation;
    case 'update':
      return { ...base, kind: 'update', patch: request.body ?? {} } as unknown as Mutation;
    case 'delete':
      return { ...base, kind: 'delete' } as Mutation;
  }
}

/**
 * Applies writes: one SQLite transaction per request holds the idempotency lookup, `decide` (the
 * same rules as the memory and local backends: existence, version, permission, validation, side
 * effects), the entity rows, the change log rows and the stored answer. Only 2xx answers are stored,
 * so a request refused with 409 or 5xx may be retried under the same key.
 */
export class WriteService {
  private writesSincePrune = 0;

  constructor(
    private readonly repository: Repository,
    private readonly authorizer: Authorizer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  apply(request: WriteRequest): WriteAnswer {
    const result = this.repository.transaction(() => this.applyInTransaction(request));
    if (result.changes.length > 0 && ++this.writesSincePrune >= PRUNE_EVERY) {
      this.writesSincePrune = 0;
      this.prune();
    }
    return result;
  }

  /** Drops the oldest changes beyond `RETAINED_CHANGES`; the floor moves so replays before it reset. */
  prune(keep = RETAINED_CHANGES): void {
    const latest = this.repository.latestSeq();
    const floor = latest - keep;
    if (floor <= Number(this.repository.meta('changeFloor') ?? '0')) return;
    this.repository.transaction(() => {
      this.repository.pruneThrough(floor);
      this.repository.setMeta('changeFloor', String(floor));
    });
  }

  private applyInTransaction(request: WriteRequest): WriteAnswer {
    const stored = this.repository.answer(request.actorId, request.key);
    if (stored !== undefined) {
      if (stored.requestHash !== request.requestHash) {
        return answer(422, errorBody('validation', `The Idempotency-Key "${request.key}" was already used for a different request.`));
      }
      const version = (JSON.parse(stored.body) as { version?: unknown }).version;
      return { status: stored.status, body: stored.body, ...(typeof version === 'number' ? { version } : {}), replayed: true, changes: [] };
    }

    const at = this.now().toISOString();
    const current = this.repository.get(request.collection, request.entityId);
    const mutation = toMutation(request, at);
    const decision = decide(current, mutation, false, { authorize: this.authorizer.hookFor(request.actorId) });
    const result = decision.result;
    if (result.status === 'conflict') {
      return answer(
        409,
        { ...errorBody('conflict', `${request.collection} "${request.entityId}" is at version ${result.current.version}, not ${String(request.baseVersion)}: someone changed it first.`), current: result.current },
        result.current.version,
      );
    }
    if (result.status === 'rejected') return answer(statusOf(result.error.code), errorBody(apiCodeOf(result.error.code), result.error.message));
    if (result.status === 'duplicate') return answer(409, errorBody('conflict', 'This change was already applied.'));
    const problem = domainProblem(this.repository, mutation, current, decision.write?.entity);
    if (problem !== undefined) return answer(422, errorBody('validation', problem.message));

    const changes: ChangeRow[] = [];
    const log = (write: EntityWrite, before: AnyEntity | undefined, target: boolean): number => {
      const entity = write.entity;
      if (entity === undefined) this.repository.remove(write.collection, write.id);
      else this.repository.put(write.collection, entity);
      const version = entity?.version ?? (before?.version ?? 0) + 1;
      const change: NewChange = {
        collection: write.collection,
        entityId: write.id,
        op: entity === undefined ? 'delete' : 'upsert',
        version,
        data: entity === undefined ? null : JSON.stringify(entity),
        audience: audienceOf(write.collection, entity ?? before),
        actorId: request.actorId,
        mutationId: request.key,
        target,
        at,
      };
      changes.push({ ...change, seq: this.repository.appendChange(change) });
      return version;
    };
    let body: unknown;
    let version: number | undefined;
    if (decision.write !== undefined) {
      version = log(decision.write, current, true);
      body = decision.write.entity ?? { id: request.entityId, version };
    }
    for (const effect of decision.sideEffects) log(effect, this.repository.get(effect.collection, effect.id), false);

    const status = request.kind === 'create' ? 201 : 200;
    const text = JSON.stringify(body ?? null);
    this.repository.storeAnswer(request.actorId, request.key, { requestHash: request.requestHash, status, body: text }, at);
    return { status, body: text, ...(version === undefined ? {} : { version }), replayed: false, changes };
  }
}

