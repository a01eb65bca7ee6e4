/**
 * SQL for account flows: per-org account settings, password-reset and email-verification
 * tokens (stored hashed, consumed atomically) and the browsers each user signed in from.
 */
import type { MfaMode } from '../model/account';
import { statement, type Db } from './open-database';

export type AccountTokenPurpose = 'password_reset' | 'email_verification';

export interface AccountTokenRecord {
  tokenHash: string;
  purpose: AccountTokenPurpose;
  userId: string;
  email: string;
  orgId: string | null;
  /** Where the page sends the user afterwards (a same-origin path), if anywhere. */
  returnTo: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

interface TokenRow {
  token_hash: string;
  purpose: AccountTokenPurpose;
  user_id: string;
  email: string;
  org_id: string | null;
  return_to: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export class AccountFlowRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  mfaOf(orgId: string): { mfa: MfaMode; updatedAt: string } | undefined {
    return statement<[string], { mfa: MfaMode; updatedAt: string }>(
      this.#db,
      'SELECT mfa, updated_at AS updatedAt FROM org_account_settings WHERE org_id = ?',
    ).get(orgId);
  }

  setMfa(orgId: string, mfa: MfaMode, now: string): void {
    statement(
      this.#db,
      `INSERT INTO org_account_settings (org_id, mfa, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (org_id) DO UPDATE SET mfa = excluded.mfa, updated_at = excluded.updated_at`,
    ).run(orgId, mfa, now);
  }

  insertToken(record: AccountTokenRecord): void {
    statement(
      this.#db,
      `INSERT INTO account_tokens (token_hash, purpose, user_id, email, org_id, return_to, created_at, expires_at, used_at)
         VALUES (@tokenHash, @purpose, @userId, @email, @orgId, @returnTo, @createdAt, @expiresAt, @usedAt)`,
    ).run(record);
  }

  findToken(tokenHash: string, purpose: AccountTokenPurpose): AccountTokenRecord | undefined {
    const row = statement<[string, string], TokenRow>(
      this.#db,
      'SELECT * FROM account_tokens WHERE token_hash = ? AND purpose = ?',
    ).get(tokenHash, purpose);
    return row ? toToken(row) : undefined;
  }

  /** Marks a live token used; false when it was used, expired or unknown (single use under races). */
  consumeToken(tokenHash: string, purpose: AccountTokenPurpose, now: string): boolean {
    return (
      statement(
        this.#db,
        `UPDATE account_tokens SET used_at = ?
           WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?`,
      ).run(now, tokenHash, purpose, now).changes === 1
    );
  }

  /** Ends every other live token of a user for a purpose (e.g. after a reset). */
  invalidateTokens(userId: string, purpose: AccountTokenPurpose, now: string): number {
    return statement(
      this.#db,
      'UPDATE account_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL',
    ).run(now, userId, purpose).changes;
  }

  /** When the user's newest token of `purpose` was issued (for send cooldowns). */
  lastIssued(userId: string, purpose: AccountTokenPurpose): string | undefined {
    return statement<[string, string], { created_at: string }>(
      this.#db,
      'SELECT created_at FROM account_tokens WHERE user_id = ? AND purpose = ? ORDER BY created_at DESC LIMIT 1',
    ).get(userId, purpose)?.created_at;
  }

  hasKnownDevices(userId: string): boolean {
    return (
      statement<[string], { n: number }>(this.#db, 'SELECT COUNT(*) AS n FROM known_devices WHERE user_id = ?').get(
        userId,
      )?.n !== 0
    );
  }

  isKnownDevice(userId: string, deviceHash: string): boolean {
    return (
      statement(this.#db, 'SELECT 1 FROM known_devices WHERE user_id = ? AND device_hash = ?').get(
        userId,
        deviceHash,
      ) !== undefined
    );
  }

  rememberDevice(userId: string, deviceHash: string, description: string, now: string): void {
    statement(
      this.#db,
      `INSERT INTO known_devices (user_id, device_hash, description, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id, device_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at,
           description = excluded.description`,
    ).run(userId, deviceHash, description, now, now);
  }

  /** Removes tokens that ended more than a day ago. */
  purge(now: string): number {
    const cutoff = new Date(new Date(now).getTime() - 86_400_000).toISOString();
    return statement(this.#db, 'DELETE FROM account_tokens WHERE expires_at < ?').run(cutoff).changes;
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}

function toToken(row: TokenRow): AccountTokenRecord {
  return {
    tokenHash: row.token_hash,
    purpose: row.purpose,
    userId: row.user_id,
    email: row.email,
    orgId: row.org_id,
    returnTo: row.return_to,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}
