import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filterClause } from '../../server/store/filter-clause';
import { makeTempDir } from '../helpers/temp-dir';

interface Filter {
  org?: string;
  kind?: string;
  before?: number;
  limit: number;
}

const CONDITIONS = { org: 'org = @org', kind: 'kind = @kind', before: 'id < @before' };

describe('filterClause', () => {
  it('is empty when no filter is set; undefined and empty strings count as unset', () => {
    expect(filterClause<Filter>({ limit: 5 }, CONDITIONS)).toEqual({ where: '', params: {} });
    expect(filterClause<Filter>({ org: '', kind: undefined, limit: 5 }, CONDITIONS)).toEqual({
      where: '',
      params: {},
    });
  });

  it('joins the set filters with AND in the order of the conditions, and names only their values', () => {
    expect(filterClause<Filter>({ before: 0, kind: 'access', limit: 5 }, CONDITIONS)).toEqual({
      where: 'WHERE kind = @kind AND id < @before',
      params: { kind: 'access', before: 0 },
    });
  });

  describe('against SQLite', () => {
    let dir: ReturnType<typeof makeTempDir>;
    let db: Database.Database;
    beforeEach(() => {
      dir = makeTempDir();
      db = new Database(join(dir.path, 'filter.db'));
      db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY, org TEXT, kind TEXT)');
      const insert = db.prepare('INSERT INTO things (id, org, kind) VALUES (?, ?, ?)');
      for (const [id, org, kind] of [
        [1, 'acme', 'access'],
        [2, 'acme', 'id'],
        [3, 'globex', 'access'],
        [4, 'acme', 'access'],
      ] as const)
        insert.run(id, org, kind);
    });
    afterEach(() => {
      db.close();
      dir.remove();
    });

    const ids = (filter: Filter) => {
      const { where, params } = filterClause(filter, CONDITIONS);
      return db
        .prepare<Record<string, unknown>, { id: number }>(`SELECT id FROM things ${where} ORDER BY id LIMIT @limit`)
        .all({ ...params, limit: filter.limit })
        .map((row) => row.id);
    };

    it('selects what the set filters allow', () => {
      expect(ids({ limit: 10 })).toEqual([1, 2, 3, 4]);
      expect(ids({ org: 'acme', kind: 'access', limit: 10 })).toEqual([1, 4]);
      expect(ids({ org: 'acme', before: 4, limit: 1 })).toEqual([1]);
      expect(ids({ org: '', kind: 'id', limit: 10 })).toEqual([2]);
    });
  });
});
