/**
 * oidc-provider's storage on SQLite. One table holds every model of every issuer,
 * keyed by (issuer, model, id). Expired rows are invisible to `find` and are purged by
 * `purgeExpired`. `consume` is a single conditional UPDATE: of two parallel redemptions
 * of one code or refresh token, exactly one consumes it and the other fails with
 * `invalid_grant`.
 */
import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';
import type { Db } from '../store/open-database';

interface PayloadRow {
  payload: string;
  consumed_at: number | null;
  expires_at: number | null;
}

/** Makes the adapter class oidc-provider instantiates per model, bound to one issuer. */
export function sqliteAdapterFor(db: Db, issuer: string, now: () => number = Date.now) {
  const statements = {
    upsert: db.prepare(
      `INSERT INTO oidc_payloads (issuer, model, id, payload, grant_id, user_code, uid, consumed_at, expires_at)
       VALUES (@issuer, @model, @id, @payload, @grantId, @userCode, @uid, NULL, @expiresAt)
       ON CONFLICT (issuer, model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
         user_code = excluded.user_code, uid = excluded.uid, consumed_at = NULL, expires_at = excluded.expires_at`,
    ),
    findById: db.prepare<[string, string, string], PayloadRow>(
      'SELECT payload, consumed_at, expires_at FROM oidc_payloads WHERE issuer = ? AND model = ? AND id = ?',
    ),
    findByUid: db.prepare<[string, string, string], PayloadRow>(
      'SELECT payload, consumed_at, expires_at FROM oidc_payloads WHERE issuer = ? AND model = ? AND uid = ?',
    ),
    findByUserCode: db.prepare<[string, string, string], PayloadRow>(
      'SELECT payload, consumed_at, expires_at FROM oidc_payloads WHERE issuer = ? AND model = ? AND user_code = ?',
    ),
    consume: db.prepare(
      'UPDATE oidc_payloads SET consumed_at = ? WHERE issuer = ? AND model = ? AND id = ? AND consumed_at IS NULL',
    ),
    destroy: db.prepare('DELETE FROM oidc_payloads WHERE issuer = ? AND model = ? AND id = ?'),
    // Only this model's rows: oidc-provider revokes a grant model by model, and an Interaction
    // carrying the grant id (a second sign-in in the same browser) must outlive that.
    revokeByGrantId: db.prepare('DELETE FROM oidc_payloads WHERE issuer = ? AND model = ? AND grant_id = ?'),
  };

  const read = (row: PayloadRow | undefined): AdapterPayload | undefined => {
    if (!row) return undefined;
    if (row.expires_at !== null && row.expires_at <= now()) return undefined;
    const payload = JSON.parse(row.payload) as AdapterPayload;
    return row.consumed_at === null ? payload : { ...payload, consumed: Math.floor(row.consumed_at / 1000) };
  };

  return class SqliteAdapter implements Adapter {
    readonly #model: string;

    constructor(model: string) {
      this.#model = model;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      statements.upsert.run({
        issuer,
        model: this.#model,
        id,
        payload: JSON.stringify(payload),
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresAt: expiresIn ? now() + expiresIn * 1000 : null,
      });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return read(statements.findById.get(issuer, this.#model, id));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return read(statements.findByUid.get(issuer, this.#model, uid));
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return read(statements.findByUserCode.get(issuer, this.#model, userCode));
    }

    async consume(id: string): Promise<void> {
      const { changes } = statements.consume.run(now(), issuer, this.#model, id);
      if (changes === 0) throw new errors.InvalidGrant(`${this.#model} already consumed`);
    }

    async destroy(id: string): Promise<void> {
      statements.destroy.run(issuer, this.#model, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      statements.revokeByGrantId.run(issuer, this.#model, grantId);
    }
  };
}

/** Deletes every expired row of every issuer; returns how many went. */
export function purgeExpired(db: Db, now: number = Date.now()): number {
  return db.prepare('DELETE FROM oidc_payloads WHERE expires_at IS NOT NULL AND expires_at <= ?').run(now).changes;
}
