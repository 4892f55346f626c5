import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/** Schema steps, applied in order; `PRAGMA user_version` records how many ran. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE scenarios (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     head_revision INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     deleted_at TEXT
   ) WITHOUT ROWID;
   CREATE TABLE revisions (
     scenario_id TEXT NOT NULL REFERENCES scenarios(id),
     revision INTEGER NOT NULL,
     name TEXT NOT NULL,
     body TEXT NOT NULL,
     hash TEXT NOT NULL,
     source TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (scenario_id, revision)
   ) WITHOUT ROWID;
   CREATE INDEX revisions_hash ON revisions(hash);
   CREATE TABLE plans (
     hash TEXT NOT NULL,
     model TEXT NOT NULL,
     summary TEXT NOT NULL,
     kpis TEXT NOT NULL,
     service BLOB,
     created_at TEXT NOT NULL,
     PRIMARY KEY (hash, model)
   ) WITHOUT ROWID;
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`,
];

/**
 * Opens (creating if needed) the SQLite database in WAL mode with `synchronous=FULL`: in WAL mode NORMAL
 * survives a process crash but may lose the last commits on power loss; saves here are few and small, so
 * an fsync per commit is cheap and every acknowledged save is durable. Applies schema migrations.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}

/** Checkpoints the WAL into the main file and closes the database. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
