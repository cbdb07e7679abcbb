// Test doubles for the outbox: a fake backend behind `SendMutation`/`ReadCurrent` (versioned entities,
// idempotency by mutation id, scripted outcomes, controllable delays) and readable mutation builders.
import type { AnyEntity, Mutation } from '@cwm/core';
import type { ReadCurrent, SendMutation, SendOutcome } from '../../packages/adapter-rest/src/send-outcome.js';

export interface SendCall {
  readonly mutation: Mutation;
  readonly at: number;
  readonly signal: AbortSignal;
}

/** Something a scripted step can be: a fixed outcome, or a function of the call (may wait). */
export type Step = SendOutcome | ((mutation: Mutation, signal: AbortSignal) => Promise<SendOutcome> | SendOutcome);

let clock = Date.parse('2026-06-01T10:00:00.000Z');
const at = (): string => new Date((clock += 1000)).toISOString();

/**
 * A backend with versions and idempotency keys, like the reference server: an update whose base
 * version is stale is a conflict with the current entity, a replayed key is a duplicate. `script(id,
 * ...steps)` makes the next sends of a mutation answer something else first (a 503, a hang...).
 */
export class FakeBackend {
  readonly calls: SendCall[] = [];
  readonly entities = new Map<string, AnyEntity>();
  private readonly applied = new Map<string, AnyEntity | undefined>();
  private readonly scripts = new Map<string, Step[]>();
  /** Runs before every send (e.g. to delay all of them). */
  before: ((mutation: Mutation, signal: AbortSignal) => Promise<void> | void) | undefined;

  readonly send: SendMutation = async (mutation, signal) => {
    this.calls.push({ mutation: structuredClone(mutation), at: performance.now(), signal });
    await this.before?.(mutation, signal);
    const step = this.scripts.get(mutation.id)?.shift();
    if (step !== undefined) return typeof step === 'function' ? step(mutation, signal) : step;
    return this.apply(mutation);
  };

  readonly readCurrent: ReadCurrent = async (mutation) => this.entities.get(mutation.entityId);

  /** The next sends of mutation `id` answer these, in order; then the backend behaves normally. */
  script(id: string, ...steps: Step[]): this {
    this.scripts.set(id, [...(this.scripts.get(id) ?? []), ...steps]);
    return this;
  }

  /** Puts an entity as the backend has it (someone else's edit). */
  put(entity: Record<string, unknown>): void {
    this.entities.set(entity['id'] as string, entity as unknown as AnyEntity);
  }

  /** How many times each mutation id reached the backend. */
  sendsOf(id: string): number {
    return this.calls.filter((call) => call.mutation.id === id).length;
  }

  /** Applies a mutation the way a versioned, idempotent server does. */
  apply(mutation: Mutation): SendOutcome {
    if (this.applied.has(mutation.id)) {
      const entity = this.applied.get(mutation.id);
      return { kind: 'duplicate', ...(entity ? { entity } : {}) };
    }
    const current = this.entities.get(mutation.entityId);
    if (mutation.kind === 'create') {
      if (current !== undefined) return { kind: 'conflict', current };
      const entity = { ...mutation.value, version: 1 } as AnyEntity;
      this.entities.set(mutation.entityId, entity);
      this.applied.set(mutation.id, entity);
      return { kind: 'applied', entity };
    }
    if (current === undefined) return { kind: 'rejected', code: 'not-found', message: 'No such entity.' };
    if (mutation.baseVersion !== undefined && mutation.baseVersion !== current.version) return { kind: 'conflict', current };
    if (mutation.kind === 'delete') {
      this.entities.delete(mutation.entityId);
      this.applied.set(mutation.id, undefined);
      return { kind: 'applied' };
    }
    const entity = { ...current, ...mutation.patch, version: current.version + 1 } as AnyEntity;
    this.entities.set(mutation.entityId, entity);
    this.applied.set(mutation.id, entity);
    return { kind: 'applied', entity };
  }
}

/** A promise and the functions that settle it: a gate a test opens when it wants. */
export function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A send step that never answers until aborted (a hung request). */
export const hang: Step = (_mutation, signal) =>
  new Promise<SendOutcome>((resolve) => {
    signal.addEventListener('abort', () => resolve({ kind: 'retry', code: 'network', message: 'aborted' }), { once: true });
  });

export const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds or `ms` pass; fails with `what`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await wait(10);
  }
}

export const unique = (name: string): string => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

export function task(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, title: `Task ${id}`, status: 'todo', version: 1, createdAt: '2026-06-01T09:00:00.000Z', updatedAt: '2026-06-01T09:00:00.000Z', ...fields };
}

export function createTask(id: string, fields: Record<string, unknown> = {}): Mutation {
  return { id: crypto.randomUUID(), kind: 'create', collection: 'tasks', entityId: id, value: task(id, fields), actorId: 'u-1', at: at(), intent: 'task.create' } as unknown as Mutation;
}

export function updateTask(id: string, patch: Record<string, unknown>, baseVersion?: number, baseValues?: Record<string, unknown>): Mutation {
  return {
    id: crypto.randomUUID(),
    kind: 'update',
    collection: 'tasks',
    entityId: id,
    patch,
    actorId: 'u-1',
    at: at(),
    intent: 'task.update',
    ...(baseVersion === undefined ? {} : { baseVersion }),
    ...(baseValues === undefined ? {} : { baseValues }),
  } as unknown as Mutation;
}

export function deleteTask(id: string, baseVersion?: number): Mutation {
  return { id: crypto.randomUUID(), kind: 'delete', collection: 'tasks', entityId: id, actorId: 'u-1', at: at(), intent: 'task.delete', ...(baseVersion === undefined ? {} : { baseVersion }) } as unknown as Mutation;
}
