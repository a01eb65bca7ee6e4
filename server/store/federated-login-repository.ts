/** The hand-off of a validated upstream login to the interaction that asked for it (single use). */
import { statement, type Db } from './open-database';

export interface FederatedLogin {
  interactionUid: string;
  connectionId: string;
  userId: string;
  orgId: string;
  traceId: string | null;
}

export class FederatedLoginRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  save(login: FederatedLogin, now: number, ttlMs: number): void {
    statement(
      this.#db,
      `INSERT INTO federated_logins (interaction_uid, connection_id, user_id, org_id, trace_id, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (interaction_uid) DO UPDATE SET connection_id = excluded.connection_id, user_id = excluded.user_id,
         org_id = excluded.org_id, trace_id = excluded.trace_id, created_at = excluded.created_at, expires_at = excluded.expires_at`,
    ).run(login.interactionUid, login.connectionId, login.userId, login.orgId, login.traceId, now, now + ttlMs);
  }

  /** Returns and deletes the hand-off of `uid`, if it exists and has not expired. */
  take(uid: string, now: number): FederatedLogin | undefined {
    return this.#db.transaction(() => {
      const row = statement<
        [string],
        {
          interaction_uid: string;
          connection_id: string;
          user_id: string;
          org_id: string;
          trace_id: string | null;
          expires_at: number;
        }
      >(this.#db, 'SELECT * FROM federated_logins WHERE interaction_uid = ?').get(uid);
      statement(this.#db, 'DELETE FROM federated_logins WHERE interaction_uid = ?').run(uid);
      if (!row || row.expires_at <= now) return undefined;
      return {
        interactionUid: row.interaction_uid,
        connectionId: row.connection_id,
        userId: row.user_id,
        orgId: row.org_id,
        traceId: row.trace_id,
      };
    })();
  }

  purgeExpired(now: number): number {
    return statement(this.#db, 'DELETE FROM federated_logins WHERE expires_at <= ?').run(now).changes;
  }
}
