import type Database from 'better-sqlite3';
import type { AnyEntity, CollectionName, Workspace } from '@cwm/core';
import { indexColumns } from './columns.js';
import { type Cursor, encodeCursor } from './cursor.js';

/** One row of the change log, as the realtime stream and the history need it. */
export interface ChangeRow {
  readonly seq: number;
  readonly collection: CollectionName;
  readonly entityId: string;
  readonly op: 'upsert' | 'delete';
  readonly version: number;
  /** JSON of the entity after the change; null for deletes. */
  readonly data: string | null;
  /** Null: everyone; else the one person who may see it. */
  readonly audience: string | null;
  readonly actorId: string | null;
  readonly mutationId: string | null;
}

/** A change about to be logged (its `seq` is assigned by the database). */
export type NewChange = Omit<ChangeRow, 'seq'> & { readonly target: boolean; readonly at: string };

/** What a list read narrows by; `personId` etc. are equality filters on the index columns. */
export interface ListFilter {
  readonly projectId?: string;
  readonly taskId?: string;
  readonly personId?: string;
}

/** One page of a list. */
export interface ListPage {
  readonly items: readonly AnyEntity[];
  readonly nextCursor?: string;
  readonly total: number;
}

/** A stored 2xx answer to a write, replayed when the same person sends the same key again. */
export interface StoredAnswer {
  readonly requestHash: string;
  readonly status: number;
  readonly body: string;
}

const FILTER_COLUMNS = { projectId: 'project_id', taskId: 'task_id', personId: 'person_id' } as const;

interface RawChange {
  seq: number;
  collection: CollectionName;
  entity_id: string;
  op: 'upsert' | 'delete';
  version: number;
  data: string | null;
  audience: string | null;
  actor_id: string | null;
  mutation_id: string | null;
}

function toChange(row: RawChange): ChangeRow {
  return {
    seq: row.seq,
    collection: row.collection,
    entityId: row.entity_id,
    op: row.op,
    version: row.version,
    data: row.data,
    audience: row.audience,
    actorId: row.actor_id,
    mutationId: row.mutation_id,
  };
}

/**
 * Every SQL statement of the server, prepared once. User text only ever reaches SQL as a bound
 * parameter; the only SQL built at run time picks column names from a fixed table. Synchronous
 * (better-sqlite3): callers wrap what must be atomic in `transaction`.
 */
export class Repository {
  private readonly statements;
  /** List statements per filter combination, prepared on first use. */
  private readonly listStatements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {
    this.statements = {
      get: db.prepare('SELECT data FROM entities WHERE collection = ? AND id = ?'),
      put: db.prepare(
        `INSERT INTO entities (collection, id, version, project_id, task_id, person_id, created_at, data)
         VALUES (@collection, @id, @version, @projectId, @taskId, @personId, @createdAt, @data)
         ON CONFLICT (collection, id) DO UPDATE SET version = excluded.version, project_id = excluded.project_id,
           task_id = excluded.task_id, person_id = excluded.person_id, created_at = excluded.created_at, data = excluded.data`,
      ),
      remove: db.prepare('DELETE FROM entities WHERE collection = ? AND id = ?'),
      all: db.prepare('SELECT data FROM entities WHERE collection = ? ORDER BY id'),
      clearEntities: db.prepare('DELETE FROM entities'),
      appendChange: db.prepare(
        `INSERT INTO changes (collection, entity_id, op, version, data, audience, actor_id, mutation_id, target, at)
         VALUES (@collection, @entityId, @op, @version, @data, @audience, @actorId, @mutationId, @target, @at)`,
      ),
      changesSince: db.prepare(
        `SELECT seq, collection, entity_id, op, version, data, audience, actor_id, mutation_id FROM changes
         WHERE seq > ? AND (audience IS NULL OR audience = ?) ORDER BY seq`,
      ),
      latestSeq: db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM changes"),
      sequenceSeq: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'changes'"),
      history: db.prepare(
        `SELECT seq, collection, entity_id, op, version, data, audience, actor_id, mutation_id FROM changes
         WHERE collection = ? AND entity_id = ? ORDER BY seq`,
      ),
      appliedCount: db.prepare('SELECT COUNT(*) AS count FROM changes WHERE mutation_id = ? AND target = 1'),
      prune: db.prepare('DELETE FROM changes WHERE seq <= ?'),
      ensureSequence: db.prepare("INSERT INTO sqlite_sequence (name, seq) SELECT 'changes', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'changes')"),
      skipSequence: db.prepare("UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'changes'"),
      clearChanges: db.prepare('DELETE FROM changes'),
      countInStatus: db.prepare(
        "SELECT COUNT(*) AS count FROM entities WHERE collection = 'tasks' AND project_id = ? AND json_extract(data, '$.status') = ? AND id <> ?",
      ),
      getAnswer: db.prepare('SELECT request_hash, status, body FROM idempotency WHERE actor_id = ? AND key = ?'),
      putAnswer: db.prepare('INSERT INTO idempotency (actor_id, key, request_hash, status, body, at) VALUES (?, ?, ?, ?, ?, ?)'),
      clearAnswers: db.prepare('DELETE FROM idempotency'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
      putMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  /** Runs `work` in one transaction: everything or nothing is written. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  get(collection: CollectionName, id: string): AnyEntity | undefined {
    const row = this.statements.get.get(collection, id) as { data: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.data) as AnyEntity);
  }

  put(collection: CollectionName, entity: AnyEntity): void {
    this.statements.put.run({ collection, id: entity.id, version: entity.version, ...indexColumns(collection, entity), data: JSON.stringify(entity) });
  }

  remove(collection: CollectionName, id: string): void {
    this.statements.remove.run(collection, id);
  }

  /** Every entity of a collection, in id order. */
  all(collection: CollectionName): AnyEntity[] {
    return (this.statements.all.all(collection) as { data: string }[]).map((row) => JSON.parse(row.data) as AnyEntity);
  }

  /**
   * One page of a collection. Id order with `{ after }` cursors, or newest first by
   * `(createdAt, id)` with `{ before }` cursors when `newest`. `total` counts every match.
   */
  list(collection: CollectionName, filter: ListFilter, cursor: Cursor | undefined, limit: number, newest: boolean): ListPage {
    const filters = (Object.keys(FILTER_COLUMNS) as (keyof ListFilter)[]).filter((name) => filter[name] !== undefined);
    const where = ['collection = @collection', ...filters.map((name) => `${FILTER_COLUMNS[name]} = @${name}`)];
    const params: Record<string, unknown> = { collection, limit: limit + 1 };
    for (const name of filters) params[name] = filter[name];
    const total = (this.statement(`SELECT COUNT(*) AS total FROM entities WHERE ${where.join(' AND ')}`).get(params) as { total: number }).total;

    if (cursor !== undefined && 'after' in cursor) {
      where.push('id > @after');
      params['after'] = cursor.after;
    }
    if (cursor !== undefined && 'before' in cursor) {
      where.push('(created_at < @beforeAt OR (created_at = @beforeAt AND id < @beforeId))');
      params['beforeAt'] = cursor.before[0];
      params['beforeId'] = cursor.before[1];
    }
    const order = newest ? 'created_at DESC, id DESC' : 'id';
    const rows = this.statement(`SELECT data FROM entities WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit`).all(params) as { data: string }[];
    const items = rows.slice(0, limit).map((row) => JSON.parse(row.data) as AnyEntity);
    const last = items[items.length - 1];
    if (rows.length <= limit || last === undefined) return { items, total };
    const next: Cursor = newest ? { before: [last.createdAt, last.id] } : { after: last.id };
    return { items, nextCursor: encodeCursor(next), total };
  }

  /** Tasks of a project in a status, not counting `exceptId` (the one about to enter it). */
  countInStatus(projectId: string, status: string, exceptId: string): number {
    return (this.statements.countInStatus.get(projectId, status, exceptId) as { count: number }).count;
  }

  /** Logs a change; returns its sequence number. */
  appendChange(change: NewChange): number {
    const info = this.statements.appendChange.run({ ...change, target: change.target ? 1 : 0 });
    return Number(info.lastInsertRowid);
  }

  /** Changes after `seq` that `personId` may see, oldest first. */
  changesSince(seq: number, personId: string): ChangeRow[] {
    return (this.statements.changesSince.all(seq, personId) as RawChange[]).map(toChange);
  }

  /**
   * The newest sequence number handed out, even when its rows were pruned or cleared (AUTOINCREMENT
   * never reuses one), so a client's position stays comparable.
   */
  latestSeq(): number {
    const logged = (this.statements.latestSeq.get() as { seq: number }).seq;
    const issued = (this.statements.sequenceSeq.get() as { seq: number } | undefined)?.seq ?? 0;
    return Math.max(logged, issued);
  }

  /** Every logged change of one entity, oldest first. */
  history(collection: string, id: string): ChangeRow[] {
    return (this.statements.history.all(collection, id) as RawChange[]).map(toChange);
  }

  /** How many changes of their target entity the mutation with this key wrote (1 when applied once). */
  appliedCount(mutationId: string): number {
    return (this.statements.appliedCount.get(mutationId) as { count: number }).count;
  }

  /**
   * Uses up one sequence number without a change: the data was replaced, and a client whose
   * position is the newest before that must still be told to reload (its position is now below
   * the floor). Returns the new newest position.
   */
  skipSequence(): number {
    this.statements.ensureSequence.run();
    this.statements.skipSequence.run();
    return this.latestSeq();
  }

  /** Drops changes up to `seq` (clients behind it get a `reset`). */
  pruneThrough(seq: number): void {
    this.statements.prune.run(seq);
  }

  answer(actorId: string, key: string): StoredAnswer | undefined {
    const row = this.statements.getAnswer.get(actorId, key) as { request_hash: string; status: number; body: string } | undefined;
    return row === undefined ? undefined : { requestHash: row.request_hash, status: row.status, body: row.body };
  }

  storeAnswer(actorId: string, key: string, answer: StoredAnswer, at: string): void {
    this.statements.putAnswer.run(actorId, key, answer.requestHash, answer.status, answer.body, at);
  }

  meta(key: string): string | undefined {
    return (this.statements.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.putMeta.run(key, value);
  }

  workspace(): Workspace | undefined {
    const json = this.meta('workspace');
    return json === undefined ? undefined : (JSON.parse(json) as Workspace);
  }

  /** Empties entities, changes and stored answers (tokens stay): the start of a re-seed. */
  clearData(): void {
    this.statements.clearEntities.run();
    this.statements.clearChanges.run();
    this.statements.clearAnswers.run();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.listStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.listStatements.set(sql, statement);
    }
    return statement;
  }
}
