/**
 * SQL for the SAML service provider's memory: the AuthnRequests in flight (so a
 * response's `InResponseTo` can be checked, and its sign-in found, even after a restart)
 * and the assertion IDs already accepted (so no assertion is used twice).
 */
import { statement, type Db } from './open-database';

export interface SamlRequestRecord {
  /** The AuthnRequest ID, also the RelayState handle. */
  id: string;
  connectionId: string;
  interactionUid: string;
  issuerPath: string;
  createdAt: number;
  expiresAt: number;
}

interface RequestRow {
  id: string;
  connection_id: string;
  interaction_uid: string;
  issuer_path: string;
  created_at: number;
  expires_at: number;
}

export class SamlCacheRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  saveRequest(request: SamlRequestRecord): void {
    statement(
      this.#db,
      `INSERT INTO saml_requests (id, connection_id, interaction_uid, issuer_path, created_at, expires_at)
       VALUES (@id, @connectionId, @interactionUid, @issuerPath, @createdAt, @expiresAt)
       ON CONFLICT (id) DO NOTHING`,
    ).run(request);
  }

  /** The unexpired request `id` sent by `connectionId` (another connection's ID never matches). */
  findRequest(id: string, connectionId: string, now: number): SamlRequestRecord | undefined {
    const row = statement<[string, string, number], RequestRow>(
      this.#db,
      'SELECT * FROM saml_requests WHERE id = ? AND connection_id = ? AND expires_at > ?',
    ).get(id, connectionId, now);
    return row ? toRequest(row) : undefined;
  }

  /** A request by ID alone, expired or not (the mock IdP uses it to find the trace). */
  peekRequest(id: string): SamlRequestRecord | undefined {
    const row = statement<[string], RequestRow>(this.#db, 'SELECT * FROM saml_requests WHERE id = ?').get(id);
    return row ? toRequest(row) : undefined;
  }

  /** Deletes the request once; false when it was already used, expired or unknown. */
  consumeRequest(id: string, connectionId: string, now: number): boolean {
    return (
      statement(this.#db, 'DELETE FROM saml_requests WHERE id = ? AND connection_id = ? AND expires_at > ?').run(
        id,
        connectionId,
        now,
      ).changes === 1
    );
  }

  hasSeenAssertion(connectionId: string, assertionId: string, now: number): boolean {
    return (
      statement<[string, string, number], { one: number }>(
        this.#db,
        'SELECT 1 AS one FROM saml_assertion_ids WHERE connection_id = ? AND assertion_id = ? AND expires_at > ?',
      ).get(connectionId, assertionId, now) !== undefined
    );
  }

  /**
   * Records an accepted assertion ID until `expiresAt`; false when it is already recorded
   * and unexpired (a replay). One statement, so two posts racing on one ID get one `true`.
   */
  rememberAssertion(connectionId: string, assertionId: string, expiresAt: number, now: number): boolean {
    return (
      statement(
        this.#db,
        `INSERT INTO saml_assertion_ids (connection_id, assertion_id, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (connection_id, assertion_id) DO UPDATE SET expires_at = excluded.expires_at
         WHERE saml_assertion_ids.expires_at <= ?`,
      ).run(connectionId, assertionId, expiresAt, now).changes === 1
    );
  }

  /** Runs `work` in one transaction (consume the request and record the assertion together). */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  purgeExpired(now: number): void {
    statement(this.#db, 'DELETE FROM saml_requests WHERE expires_at <= ?').run(now);
    statement(this.#db, 'DELETE FROM saml_assertion_ids WHERE expires_at <= ?').run(now);
  }
}

function toRequest(row: RequestRow): SamlRequestRecord {
  return {
    id: row.id,
    connectionId: row.connection_id,
    interactionUid: row.interaction_uid,
    issuerPath: row.issuer_path,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
