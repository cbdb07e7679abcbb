import Database from 'better-sqlite3';

/** Bumped when the tables change; a file made by another schema version is refused, not migrated. */
export const SCHEMA_VERSION = 1;

/**
 * The server's tables. `entities` holds every entity as JSON plus the columns lists filter and sort
 * on; `changes` is both the realtime log (SSE replay by `seq`) and the history tests read; `audience`
 * is null for changes everyone may see and a person id for private ones (notifications, read
 * markers). `idempotency` keeps the 2xx answers per person and key for replays.
 */
const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS entities (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  project_id TEXT,
  task_id TEXT,
  person_id TEXT,
  created_at TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (collection, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_project ON entities(collection, project_id, id);
CREATE INDEX IF NOT EXISTS entities_task ON entities(collection, task_id, id);
CREATE INDEX IF NOT EXISTS entities_task_newest ON entities(collection, task_id, created_at, id);
CREATE INDEX IF NOT EXISTS entities_person ON entities(collection, person_id, id);
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  collection TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  version INTEGER NOT NULL,
  data TEXT,
  audience TEXT,
  actor_id TEXT,
  mutation_id TEXT,
  target INTEGER NOT NULL DEFAULT 1,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_entity ON changes(collection, entity_id, seq);
CREATE INDEX IF NOT EXISTS changes_mutation ON changes(mutation_id);
CREATE TABLE IF NOT EXISTS idempotency (
  actor_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (actor_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
  token TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  person_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * Opens (or creates) the database: `:memory:` for tests, a file otherwise (write-ahead log, so
 * readers never wait for the writer). Creates the tables when missing and refuses a file written by
 * another schema version.
 */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA_SQL);
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined;
  if (row === undefined) {
    db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
  } else if (row.value !== String(SCHEMA_VERSION)) {
    db.close();
    throw new Error(`The database ${file} has schema version ${row.value}; this server needs ${SCHEMA_VERSION}. Delete the file to start over.`);
  }
  return db;
}
