/**
 * The one owner of the SQLite file: opens it with the pragmas Orgbench relies on and
 * brings the schema up to date. Nothing else in the server opens a database.
 */
import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { runMigrations } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Path to the database file, or `:memory:`. */
  file: string;
  /** Path to a better-sqlite3 native addon built for this runtime (Electron). */
  nativeBinding?: string;
}

/** Opens (creating if needed) the database, applies pragmas and pending migrations. */
export function openDatabase(options: OpenDatabaseOptions): Db {
  const isFile = options.file !== ':memory:';
  const db = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // WAL for concurrent readers; FULL so an acknowledged write survives power loss
    // (better-sqlite3 defaults WAL to NORMAL).
    if (isFile) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    runMigrations(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  if (isFile) restrictToOwner(options.file);
  return db;
}

/** The database holds private keys and client secrets: owner read/write only. */
function restrictToOwner(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement for `sql`, prepared once per connection: repositories call this
 * on hot paths (every token request) instead of preparing the same SQL again.
 */
export function statement<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Database.Statement<P, R> {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared as unknown as Database.Statement<P, R>;
}
