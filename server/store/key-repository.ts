/** Persisted signing keys (private JWKs) and server secrets. The database file is mode 0600. */
import type { JWK } from 'jose';
import { statement, type Db } from './open-database';

export type KeyStatus = 'active' | 'retiring' | 'retired';

export interface StoredKey {
  kid: string;
  scope: string;
  use: 'sig';
  alg: string;
  privateJwk: JWK;
  status: KeyStatus;
  createdAt: string;
}

interface KeyRow {
  kid: string;
  scope: string;
  use: 'sig';
  alg: string;
  private_jwk: string;
  status: KeyStatus;
  created_at: string;
}

export class KeyRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Keys of `scope` that may still verify tokens (active first). */
  published(scope: string): StoredKey[] {
    return statement<[string], KeyRow>(
      this.#db,
      `SELECT * FROM signing_keys WHERE scope = ? AND status != 'retired'
         ORDER BY CASE status WHEN 'active' THEN 0 ELSE 1 END, created_at DESC`,
    )
      .all(scope)
      .map(toStoredKey);
  }

  insert(key: StoredKey): void {
    statement(
      this.#db,
      'INSERT INTO signing_keys (kid, scope, use, alg, private_jwk, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(key.kid, key.scope, key.use, key.alg, JSON.stringify(key.privateJwk), key.status, key.createdAt);
  }

  /** Every key of `scope`, newest first, for the key list in the UI. */
  all(scope: string): StoredKey[] {
    return statement<[string], KeyRow>(this.#db, 'SELECT * FROM signing_keys WHERE scope = ? ORDER BY created_at DESC')
      .all(scope)
      .map(toStoredKey);
  }

  setStatus(kid: string, status: KeyStatus): void {
    statement(this.#db, 'UPDATE signing_keys SET status = ? WHERE kid = ?').run(status, kid);
  }

  /** A named secret, created by `create` on first use and kept from then on. */
  secret(name: string, create: () => string, now: string): string {
    const existing = statement<[string], { value: string }>(this.#db, 'SELECT value FROM secrets WHERE name = ?').get(
      name,
    );
    if (existing) return existing.value;
    const value = create();
    statement(this.#db, 'INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?)').run(name, value, now);
    return value;
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}

function toStoredKey(row: KeyRow): StoredKey {
  return {
    kid: row.kid,
    scope: row.scope,
    use: row.use,
    alg: row.alg,
    privateJwk: JSON.parse(row.private_jwk) as JWK,
    status: row.status,
    createdAt: row.created_at,
  };
}
