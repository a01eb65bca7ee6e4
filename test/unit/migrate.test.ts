import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checksum, runMigrations, type Migration } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open-database';
import { migrations } from '../../server/store/migrations';
import { makeTempDir } from '../helpers/temp-dir';

const first: Migration = { version: 1, name: 'things', sql: 'CREATE TABLE things (id INTEGER PRIMARY KEY);' };
const second: Migration = { version: 2, name: 'more', sql: 'CREATE TABLE more (id INTEGER PRIMARY KEY);' };

describe('migrations', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  beforeEach(() => {
    dir = makeTempDir();
    db = new Database(join(dir.path, 'test.db'));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const tables = () =>
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);

  it('applies pending migrations in order and records each with its checksum', () => {
    expect(runMigrations(db, [first, second])).toEqual([1, 2]);
    const rows = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual([
      { version: 1, name: 'things', checksum: checksum(first.sql) },
      { version: 2, name: 'more', checksum: checksum(second.sql) },
    ]);
    expect(tables()).toEqual(expect.arrayContaining(['things', 'more']));
  });

  it('runs nothing the second time', () => {
    runMigrations(db, [first]);
    expect(runMigrations(db, [first, second])).toEqual([2]);
    expect(runMigrations(db, [first, second])).toEqual([]);
  });

  it('refuses a database whose applied migration was edited afterwards', () => {
    runMigrations(db, [first]);
    const edited = { ...first, sql: `${first.sql} -- edited` };
    expect(() => runMigrations(db, [edited])).toThrow(expect.objectContaining({ code: 'migration_modified' }));
  });

  it('refuses a database migrated by a newer version', () => {
    runMigrations(db, [first, second]);
    expect(() => runMigrations(db, [first])).toThrow(expect.objectContaining({ code: 'migration_unknown' }));
  });

  it('rolls back a failing migration entirely and does not record it', () => {
    const broken: Migration = {
      version: 2,
      name: 'broken',
      sql: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);',
    };
    expect(() => runMigrations(db, [first, broken])).toThrow(expect.objectContaining({ code: 'migration_failed' }));
    expect(tables()).not.toContain('half');
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
  });

  it('refuses gaps in numbering', () => {
    expect(() => runMigrations(db, [first, { ...second, version: 3 }])).toThrow(
      expect.objectContaining({ code: 'migration_order' }),
    );
  });
});

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys, a busy timeout, owner-only mode, and the full schema', () => {
    const dir = makeTempDir();
    const file = join(dir.path, 'orgbench.db');
    const db = openDatabase({ file });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const versions = db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all();
      expect(versions.map((row) => row.version)).toEqual(migrations.map((m) => m.version));
    } finally {
      db.close();
      dir.remove();
    }
  });

  it('keeps data across reopen and applies no migration twice', () => {
    const dir = makeTempDir();
    const file = join(dir.path, 'orgbench.db');
    const a = openDatabase({ file });
    a.prepare(
      "INSERT INTO organizations (id, slug, name, parent_id, created_at, updated_at) VALUES ('o1', 'acme', 'Acme', NULL, 'x', 'x')",
    ).run();
    a.close();
    const b = openDatabase({ file });
    try {
      expect(b.prepare('SELECT name FROM organizations').all()).toEqual([{ name: 'Acme' }]);
      expect(b.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: migrations.length });
    } finally {
      b.close();
      dir.remove();
    }
  });
});
