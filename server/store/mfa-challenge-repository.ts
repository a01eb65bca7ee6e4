/** SQL for one-time MFA challenges bound to a sign-in (an interaction); codes stored as HMACs. */
import { statement, type Db } from './open-database';

export interface MfaChallengeRecord {
  id: string;
  interactionUid: string;
  userId: string;
  orgId: string | null;
  channel: 'email' | 'sms';
  destination: string;
  codeHash: string;
  attempts: number;
  sends: number;
  status: 'pending' | 'passed' | 'dead';
  traceId: string | null;
  createdAt: string;
  sentAt: string;
  expiresAt: string;
}

interface ChallengeRow {
  id: string;
  interaction_uid: string;
  user_id: string;
  org_id: string | null;
  channel: 'email' | 'sms';
  destination: string;
  code_hash: string;
  attempts: number;
  sends: number;
  status: MfaChallengeRecord['status'];
  trace_id: string | null;
  created_at: string;
  sent_at: string;
  expires_at: string;
}

export class MfaChallengeRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Starts a challenge; any earlier pending one of the same sign-in dies. */
  insert(record: MfaChallengeRecord): void {
    this.#db.transaction(() => {
      statement(
        this.#db,
        "UPDATE mfa_challenges SET status = 'dead' WHERE interaction_uid = ? AND status = 'pending'",
      ).run(record.interactionUid);
      statement(
        this.#db,
        `INSERT INTO mfa_challenges (id, interaction_uid, user_id, org_id, channel, destination, code_hash, attempts,
             sends, status, trace_id, created_at, sent_at, expires_at)
           VALUES (@id, @interactionUid, @userId, @orgId, @channel, @destination, @codeHash, @attempts, @sends, @status,
             @traceId, @createdAt, @sentAt, @expiresAt)`,
      ).run(record);
    })();
  }

  /** The newest challenge of a sign-in. */
  latest(interactionUid: string): MfaChallengeRecord | undefined {
    const row = statement<[string], ChallengeRow>(
      this.#db,
      'SELECT * FROM mfa_challenges WHERE interaction_uid = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    ).get(interactionUid);
    return row ? toRecord(row) : undefined;
  }

  /** Counts one wrong code; the challenge dies at `maxAttempts`. Returns the attempts now used. */
  countFailure(id: string, maxAttempts: number): number {
    const row = statement<[number, string], { attempts: number }>(
      this.#db,
      `UPDATE mfa_challenges SET attempts = attempts + 1,
           status = CASE WHEN attempts + 1 >= ? THEN 'dead' ELSE status END
         WHERE id = ? AND status = 'pending' RETURNING attempts`,
    ).get(maxAttempts, id);
    return row?.attempts ?? maxAttempts;
  }

  /** Marks a pending challenge passed; false if it already was used or died (single use under races). */
  pass(id: string): boolean {
    return (
      statement(this.#db, "UPDATE mfa_challenges SET status = 'passed' WHERE id = ? AND status = 'pending'").run(id)
        .changes === 1
    );
  }

  kill(id: string): void {
    statement(this.#db, "UPDATE mfa_challenges SET status = 'dead' WHERE id = ?").run(id);
  }

  /** A new code for a pending challenge (resend). */
  replaceCode(id: string, codeHash: string, sentAt: string, expiresAt: string): boolean {
    return (
      statement(
        this.#db,
        `UPDATE mfa_challenges SET code_hash = ?, sent_at = ?, expires_at = ?, sends = sends + 1
           WHERE id = ? AND status = 'pending'`,
      ).run(codeHash, sentAt, expiresAt, id).changes === 1
    );
  }

  /** Removes challenges that ended more than a day ago. */
  purge(now: string): number {
    const cutoff = new Date(new Date(now).getTime() - 86_400_000).toISOString();
    return statement(this.#db, 'DELETE FROM mfa_challenges WHERE expires_at < ?').run(cutoff).changes;
  }
}

function toRecord(row: ChallengeRow): MfaChallengeRecord {
  return {
    id: row.id,
    interactionUid: row.interaction_uid,
    userId: row.user_id,
    orgId: row.org_id,
    channel: row.channel,
    destination: row.destination,
    codeHash: row.code_hash,
    attempts: row.attempts,
    sends: row.sends,
    status: row.status,
    traceId: row.trace_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
  };
}
