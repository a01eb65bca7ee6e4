/**
 * Numbered, immutable migrations. Each runs in its own transaction and is recorded with
 * a SHA-256 checksum of its SQL; an applied migration whose text changed is refused,
 * because the database would no longer match what the code believes it holds.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { OrgbenchError } from '../errors';

export interface Migration {
  /** 1, 2, 3, … in order, never reused. */
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends OrgbenchError {
  constructor(code: string, message: string, cause?: unknown) {
    super(code, message, { status: 500, expose: true, cause });
  }
}

export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/** Applies every pending migration in order; verifies the applied ones first. */
export function runMigrations(db: Database.Database, list: readonly Migration[]): number[] {
  assertWellFormed(list);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);

  const applied = db
    .prepare<[], AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    .all();
  const known = new Map(list.map((m) => [m.version, m]));
  for (const row of applied) {
    const migration = known.get(row.version);
    if (!migration) {
      throw new MigrationError(
        'migration_unknown',
        `The database was migrated by a newer Orgbench (migration ${row.version} "${row.name}" is unknown to this version).`,
      );
    }
    if (checksum(migration.sql) !== row.checksum) {
      throw new MigrationError(
        'migration_modified',
        `Migration ${row.version} "${row.name}" was changed after it was applied; applied migrations are immutable.`,
      );
    }
  }

  const done = new Set(applied.map((row) => row.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const ran: number[] = [];
  for (const migration of list) {
    if (done.has(migration.version)) continue;
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, checksum(migration.sql), new Date().toISOString());
    });
    try {
      apply();
    } catch (cause) {
      throw new MigrationError(
        'migration_failed',
        `Migration ${migration.version} "${migration.name}" failed and was rolled back: ${(cause as Error).message}`,
        cause,
      );
    }
    ran.push(migration.version);
  }
  return ran;
}

function assertWellFormed(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(
        'migration_order',
        `Migrations must be numbered 1, 2, 3, … without gaps; found ${migration.version} at position ${index + 1}.`,
      );
    }
  });
}
