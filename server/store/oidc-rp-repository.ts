/**
 * SQL for the OIDC relying party's logins in flight: one row per authorization request
 * sent upstream, keyed by its `state`, binding the connection, the waiting interaction,
 * the nonce and the PKCE verifier. A row is taken (read and deleted) exactly once.
 */
import { statement, type Db } from './open-database';

export interface OidcRpTransaction {
  state: string;
  connectionId: string;
  interactionUid: string;
  issuerPath: string;
  nonce: string;
  codeVerifier: string;
  createdAt: number;
  expiresAt: number;
}

interface TransactionRow {
  state: string;
  connection_id: string;
  interaction_uid: string;
  issuer_path: string;
  nonce: string;
  code_verifier: string;
  created_at: number;
  expires_at: number;
}

export class OidcRpRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  insert(transaction: OidcRpTransaction): void {
    statement(
      this.#db,
      `INSERT INTO oidc_rp_transactions
         (state, connection_id, interaction_uid, issuer_path, nonce, code_verifier, created_at, expires_at)
       VALUES (@state, @connectionId, @interactionUid, @issuerPath, @nonce, @codeVerifier, @createdAt, @expiresAt)`,
    ).run(transaction);
  }

  /**
   * Deletes and returns the transaction of `state`, expired or not (the caller tells the
   * two apart). One statement, so two callbacks racing on one state get it once.
   */
  take(state: string): OidcRpTransaction | undefined {
    const row = statement<[string], TransactionRow>(
      this.#db,
      'DELETE FROM oidc_rp_transactions WHERE state = ? RETURNING *',
    ).get(state);
    return row ? toTransaction(row) : undefined;
  }

  purgeExpired(now: number): number {
    return statement(this.#db, 'DELETE FROM oidc_rp_transactions WHERE expires_at <= ?').run(now).changes;
  }
}

function toTransaction(row: TransactionRow): OidcRpTransaction {
  return {
    state: row.state,
    connectionId: row.connection_id,
    interactionUid: row.interaction_uid,
    issuerPath: row.issuer_path,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
